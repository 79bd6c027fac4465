#pragma once

#include "core/run/RunComparison.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit compare --journal SPEC [--journal SPEC2] RUN_A RUN_B [--json]`: two runs of a runbook
// side by side (a rehearsal and the live run it prepares): stages, gates, actions, schedule, rollback,
// totals, with B - A differences. Reads the journals only, never appends. A run may be named by a unique
// prefix of its id. Exit 0; 2 on a usage error, an unreadable journal or an unknown run (the message lists
// the journal's runs).
class CompareCommand
{
public:
    static int run(const QStringList &args);

    // The readable side-by-side table.
    static QString toText(const RunComparison &comparison);

    // The run whose id is `idOrPrefix`, or the only one it is a prefix of; the error names the journal's
    // runs (or the ambiguous matches).
    static Expected<QString, QString> resolveRun(const QList<JournalEvent> &events, const QString &idOrPrefix,
                                                 const QString &journal);
};

} // namespace cockpit::cli
