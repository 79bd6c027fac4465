#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit secret set|status|delete|map ...`. ARGS are the words after `secret` (a leading
// "secret" is tolerated). Needs a QCoreApplication; waits for the keychain with a local event loop.
// Exit codes: 0 ok, 1 not found / invalid value / a required secret missing, 2 usage error, unreadable
// runbook or keychain unavailable. Secret values are read from the terminal without echo, or from stdin
// when it is not a terminal, never from the command line, and never printed.
int runSecretCommand(const QStringList &args);

} // namespace cockpit::cli
