#include "reconcile/ReconcileEvents.h"

#include "core/conditions/CountDifference.h"
#include "core/journal/RunEvents.h"

#include <QJsonArray>

namespace cockpit {

namespace {

QString fixKind(const Action &a)
{
    if (std::holds_alternative<SqlStatement>(a.what))
        return QStringLiteral("sql");
    if (std::holds_alternative<CommandSpec>(a.what))
        return QStringLiteral("command");
    return QStringLiteral("manual");
}

// The report's JSON with each table's differing rows capped: the journal keeps evidence, the artifacts
// keep everything.
QJsonObject cappedJson(const ReconciliationResult &result)
{
    ReconciliationResult capped = result;
    for (TableResult &t : capped.tables)
        if (t.differences.size() > ReconcileEvents::kJournalRowsPerTable)
            t.differences.resize(ReconcileEvents::kJournalRowsPerTable);
    return capped.toJson();
}

} // namespace

JournalEventDraft ReconcileEvents::started(const QString &runId, qint64 at, const QString &actor,
                                           const Reconciliation &r, const QJsonObject &context)
{
    QJsonArray tables;
    for (const TablePair &t : r.counts.tables)
        tables.append(t.target.isEmpty() || t.target == t.source
                          ? t.source
                          : t.source + QStringLiteral(" -> ") + t.target);
    return RunEvents::reconciliation(runId, at, actor, r.id, QStringLiteral("started"), context,
                                     {{QStringLiteral("title"), r.title},
                                      {QStringLiteral("method"), Reconciler::methodName(r.counts.method)},
                                      {QStringLiteral("source"), r.counts.source},
                                      {QStringLiteral("target"), r.counts.target},
                                      {QStringLiteral("tables"), tables},
                                      {QStringLiteral("checks"), int(r.checks.size())}});
}

JournalEventDraft ReconcileEvents::progress(const QString &runId, qint64 at, const QString &actor,
                                            const ReconcileProgress &p, const QJsonObject &context)
{
    return RunEvents::reconciliation(runId, at, actor, p.reconciliation, QStringLiteral("progress"), context,
                                     {{QStringLiteral("table"), p.table},
                                      {QStringLiteral("tables"), p.tables},
                                      {QStringLiteral("table_name"), p.tableName},
                                      {QStringLiteral("phase"), p.phase},
                                      {QStringLiteral("rows_scanned"), double(p.rowsScanned)}});
}

JournalEventDraft ReconcileEvents::fixStarted(const QString &runId, qint64 at, const QString &actor,
                                              const QString &reconciliation, const Action &fix,
                                              const QJsonObject &context)
{
    return RunEvents::reconciliation(
        runId, at, actor, reconciliation, QStringLiteral("fix_started"), context,
        {{QStringLiteral("fix"), fix.id}, {QStringLiteral("kind"), fixKind(fix)}});
}

JournalEventDraft ReconcileEvents::fixFinished(const QString &runId, qint64 at, const QString &actor,
                                               const QString &reconciliation, const FixOutcome &fix,
                                               const QJsonObject &context)
{
    return RunEvents::reconciliation(runId, at, actor, reconciliation, QStringLiteral("fix_finished"),
                                     context, {{QStringLiteral("fix"), fix.toJson()}});
}

JournalEventDraft ReconcileEvents::finished(const QString &runId, qint64 at, const QString &actor,
                                            const ReconciliationResult &result, const QJsonObject &context)
{
    return RunEvents::reconciliation(runId, at, actor, result.id, QStringLiteral("finished"), context,
                                     {{QStringLiteral("passed"), result.passed()},
                                      {QStringLiteral("cancelled"), result.cancelled},
                                      {QStringLiteral("error"), result.error},
                                      {QStringLiteral("summary"), summary(result)},
                                      {QStringLiteral("result"), cappedJson(result)}});
}

QString ReconcileEvents::summary(const ReconciliationResult &r)
{
    if (r.cancelled)
        return QStringLiteral("%1: cancelled %2").arg(r.id, r.cancelledAt);
    if (!r.error.isEmpty())
        return QStringLiteral("%1: %2").arg(r.id, r.error);
    QStringList bad;
    for (const TableResult &t : r.tables) {
        if (t.passed())
            continue;
        if (!t.error.isEmpty())
            bad << QStringLiteral("%1: %2").arg(t.source, t.error);
        else if (t.diffRun && t.missingInTarget + t.extraInTarget + t.changed > 0)
            bad << QStringLiteral("%1: %2 missing in target, %3 extra, %4 changed")
                       .arg(t.source)
                       .arg(t.missingInTarget)
                       .arg(t.extraInTarget)
                       .arg(t.changed);
        else if (!t.aggregatesEqual())
            bad << QStringLiteral("%1: aggregates differ").arg(t.source);
        else
            bad << QStringLiteral("%1: %2 vs %3 rows, %4")
                       .arg(t.source)
                       .arg(t.sourceRows.value_or(-1))
                       .arg(t.targetRows.value_or(-1))
                       .arg(CountDifference::describe(t.sourceRows.value_or(-1), t.targetRows.value_or(-1),
                                                      t.allowedDifference));
    }
    const QList<CheckResult> &checks = r.checksAfterFixes.isEmpty() ? r.checks : r.checksAfterFixes;
    for (const CheckResult &c : checks)
        if (c.verdict != Verdict::Pass)
            bad << QStringLiteral("%1: %2").arg(c.checkId, c.summary);
    for (const FixOutcome &f : r.fixes)
        if (!f.error.isEmpty())
            bad << QStringLiteral("fix %1: %2").arg(f.id, f.error);
    if (!bad.isEmpty())
        return QStringLiteral("%1: %2").arg(r.id, bad.join(QStringLiteral("; ")));
    return QStringLiteral("%1: %2 table(s) within tolerance, %3 check(s) pass")
        .arg(r.id)
        .arg(r.tables.size())
        .arg(checks.size());
}

bool ReconcileEvents::isMilestone(const ReconcileProgress &previous, const ReconcileProgress &now)
{
    return now.table != previous.table || now.phase != previous.phase || now.tableName != previous.tableName;
}

} // namespace cockpit
