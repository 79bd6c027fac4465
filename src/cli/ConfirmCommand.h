#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit confirm --journal SPEC [--run ID] [ACTION] --as NAME [--yes]`: the writes a run waits to
// have confirmed, each with exactly what it will send (method, URL and body; the SQL; the argv; secrets
// masked), as the lease holder journaled them; with ACTION, the run's lead confirms that one write (asked
// again here unless --yes). The confirmation goes through the journal to the process that holds the run's
// lease, which performs the write; this command never performs anything itself. Exit 0 listed or confirmed,
// 1 refused (nothing waits under that name, not the run's lead, answered no), 2 usage or journal error.
int runConfirmCommand(const QStringList &args);

} // namespace cockpit::cli
