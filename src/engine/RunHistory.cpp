#include "engine/RunHistory.h"

#include "core/base/JsonFields.h"

#include <QDateTime>
#include <QHash>

namespace cockpit {

namespace {

QString stamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QString RunSummary::line() const
{
    return QStringLiteral("%1  %2 by %3, %4 → %5 UTC: %6")
        .arg(id, mode, lead, stamp(startedAt), finishedAt ? stamp(*finishedAt) : QStringLiteral("…"),
             result());
}

QList<RunSummary> RunHistory::list(const QList<JournalEvent> &events)
{
    QList<RunSummary> runs;
    QHash<QString, qsizetype> index;
    for (const JournalEvent &e : events) {
        const QJsonObject &p = e.payload();
        if (e.type() == JournalEventType::RunStarted) {
            if (index.contains(e.runId()))
                continue;
            RunSummary s;
            s.id = e.runId();
            s.runbook = jsonText(p, "runbook");
            s.mode = jsonText(p, "mode");
            s.lead = jsonText(p, "lead");
            s.runbookSha256 = jsonText(p, "runbook_sha256");
            s.startedAt = e.at();
            index.insert(s.id, runs.size());
            runs.append(s);
            continue;
        }
        const auto it = index.constFind(e.runId());
        if (it == index.constEnd())
            continue;
        RunSummary &s = runs[*it];
        if (e.type() == JournalEventType::RunFinished && !s.finishedAt) {
            s.finishedAt = e.at();
            s.outcome = jsonText(p, "outcome");
        } else if (e.type() == JournalEventType::Note
                   && jsonText(p, "kind") == QLatin1String("runbook_change_accepted")) {
            s.runbookSha256 = jsonText(p, "runbook_sha256");
        }
    }
    return runs;
}

std::optional<RunSummary> RunHistory::latest(const QList<RunSummary> &runs, const QString &runbook,
                                             const QString &mode)
{
    for (auto it = runs.crbegin(); it != runs.crend(); ++it)
        if (it->runbook == runbook && it->mode == mode)
            return *it;
    return std::nullopt;
}

} // namespace cockpit
