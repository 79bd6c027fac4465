#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit decide --journal SPEC --as NAME ...`: a person's decision appended to the journal of a
// running run (a `run` in another terminal picks it up): --gate ID --pass|--fail, --confirm GATE (manual
// gate), --action/--rollback-step/--trigger/--schedule ID --accept|--reject, --promote, --enter STAGE,
// --rollback; --reason TEXT where the planner asks for one. Exit 0 appended, 1 refused, 2 usage/error.
int runDecideCommand(const QStringList &args);

} // namespace cockpit::cli
