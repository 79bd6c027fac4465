#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit demo [--break missing-column|unhealthy|no-sunset|hang]`: starts a throwaway PostgreSQL
// and a local HTTP service shaped like example runbook A's environment, stores the demo secrets in the
// keychain when one is available, runs A's prerequisite check against them, prints the table and the
// recommendation and tears everything down (also on Ctrl+C). Exit code as `check`: 0 GO, 1 NO-GO, 2 error.
int runDemoCommand(const QStringList &args);

} // namespace cockpit::cli
