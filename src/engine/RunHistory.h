#pragma once

#include "core/journal/JournalEvent.h"

#include <QList>
#include <QString>
#include <optional>

namespace cockpit {

// One run as the journal tells it (the `runs` subcommand, and `run` naming earlier runs).
struct RunSummary
{
    QString id;
    QString runbook;
    QString mode;
    QString lead;
    QString runbookSha256; // as started, or as last accepted on a resume with a changed runbook
    qint64 startedAt = 0;
    std::optional<qint64> finishedAt;
    QString outcome; // completed | aborted | … ; empty while unfinished

    bool finished() const { return finishedAt.has_value(); }
    QString result() const { return finished() ? outcome : QStringLiteral("unfinished"); }
    // "run-… rehearsal by Dana Weber, 2026-12-03 07:41 → 08:02 UTC: completed"
    QString line() const;
};

class RunHistory
{
public:
    // Every run in the journal, oldest first.
    static QList<RunSummary> list(const QList<JournalEvent> &events);
    // The newest run of `runbook` in `mode`, if any.
    static std::optional<RunSummary> latest(const QList<RunSummary> &runs, const QString &runbook,
                                            const QString &mode);
};

} // namespace cockpit
