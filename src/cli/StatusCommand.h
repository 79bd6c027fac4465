#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit status --journal SPEC [--run ID] [--json | --watch]`: where a run stands, from the journal
// alone (stage, soak remaining, gates, pending decisions, rollback clock, point of no return); --watch
// follows it live (StatusWatch). Exit 0, 2 on error.
int runStatusCommand(const QStringList &args);

} // namespace cockpit::cli
