#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit run RUNBOOK --mode rehearsal|live [--journal SPEC] [--until STAGE] [--yes] [--as NAME]
// [--clock-factor N] [--param ..] [--params FILE]`: runs a runbook headless through the RunDriver, printing
// progress; resumes the unfinished run of the same runbook and mode in the journal. At a terminal it asks
// for decisions; otherwise it stops with exit 3 and prints the `decide`/`approve` commands to run.
// Exit: 0 completed (or --until reached), 1 rolled back or aborted, 2 error, 3 a decision is needed,
// 130 interrupted.
int runRunCommand(const QStringList &args);

} // namespace cockpit::cli
