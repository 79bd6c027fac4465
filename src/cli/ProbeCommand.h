#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit probe http URL ... --expect COND...` and `cutover-cockpit probe sql --db URL --query SQL
// --expect COND...`: runs one probe, prints each condition's verdict with its explanation.
// Exit code 0 when all conditions hold, 1 when any does not, 2 on a usage error.
int runProbeCommand(const QStringList &args);

} // namespace cockpit::cli
