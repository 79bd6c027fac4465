#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit approve --journal SPEC --as NAME [--statement TEXT]`: the second approver's approval of
// the promotion out of the current stage (segregation of duties). Exit 0 appended, 1 refused, 2 error.
int runApproveCommand(const QStringList &args);

} // namespace cockpit::cli
