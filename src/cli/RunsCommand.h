#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit runs --journal SPEC [--json]`: every run in the journal, oldest first: id, runbook,
// mode, lead, start, end, result. Exit 0, 2 when the journal cannot be read.
int runRunsCommand(const QStringList &args);

} // namespace cockpit::cli
