#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit sign-off --journal SPEC [--run ID] --as NAME --status SUCCESS|ROLLBACK [--issues TEXT]
// [--notes TEXT] [--field NAME=VALUE]...`: records the runbook's sign_off form (seed C: date, time, lead,
// outcome, issues, notes) as a sign_off event, by the engine's rule (SignOff, as the window's dialog).
// Exit 0 recorded, 1 refused (run not finished, signed off already, a field missing or wrong), 2 usage or
// journal (a viewer's role may not write).
int runSignOffCommand(const QStringList &args);

} // namespace cockpit::cli
