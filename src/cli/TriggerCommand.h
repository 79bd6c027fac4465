#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit trigger raise ID --journal SPEC --reason TEXT --as NAME`: a person raises a rollback
// trigger (seed A's user complaints or out-of-memory) in a running stage; the running `run` responds as
// the trigger says (roll back, roll back within, extend, incident). Exit 0 raised, 1 refused, 2 usage.
int runTriggerCommand(const QStringList &args);

} // namespace cockpit::cli
