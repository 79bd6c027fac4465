#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit status --journal SPEC [--run ID] [--json]`: where a run stands, from the journal alone
// (stage, soak remaining, gates, pending decisions, rollback clock, point of no return). Exit 0, 2 on error.
int runStatusCommand(const QStringList &args);

} // namespace cockpit::cli
