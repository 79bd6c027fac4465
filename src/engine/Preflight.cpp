#include "engine/Preflight.h"

#include "core/journal/RunEvents.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <memory>

namespace cockpit {

JournalEventDraft PreflightResult::event(const QString &runId, qint64 at, const QString &lead) const
{
    QHash<QString, const CheckResult *> byId;
    for (const CheckResult &r : results)
        byId.insert(r.checkId, &r);
    QJsonArray items;
    for (const Check &c : checks) {
        const CheckResult *r = byId.value(c.id);
        items.append(QJsonObject {
            {QStringLiteral("check"), c.id},
            {QStringLiteral("title"), c.title},
            {QStringLiteral("category"), c.category},
            {QStringLiteral("required"), c.required},
            {QStringLiteral("verdict"), r ? RunEvents::verdictKey(r->verdict) : QStringLiteral("no_data")},
            {QStringLiteral("summary"), r ? r->summary : QStringLiteral("not run")}});
    }
    JournalEventDraft d;
    d.runId = runId;
    d.at = at;
    d.type = JournalEventType::GoNoGo;
    d.actor = override ? override->who : lead;
    QJsonObject p = decision.toJson();
    p.insert(QStringLiteral("decision"),
             decision.isGo()          ? QStringLiteral("go")
                 : overrideApproved() ? QStringLiteral("override")
                 : override           ? QStringLiteral("override_pending")
                                      : QStringLiteral("no_go"));
    p.insert(QStringLiteral("items"), items);
    p.insert(QStringLiteral("source"), QStringLiteral("run"));
    p.insert(QStringLiteral("duration_ms"), double(durationMs));
    if (override && !decision.isGo()) {
        p.insert(QStringLiteral("overridden_by"), override->who);
        p.insert(QStringLiteral("reason"), override->reason);
        p.insert(QStringLiteral("needs_second_approver"), needsSecondApprover);
        if (approvedBy) {
            p.insert(QStringLiteral("approved_by"), approvedBy->who);
            p.insert(QStringLiteral("approval_statement"), approvedBy->reason);
        }
    }
    d.payload = p;
    return d;
}

void Preflight::run(const Runbook &runbook, const QMap<QString, ManualConfirmation> &confirmations,
                    const QHash<QString, QByteArray> &secrets,
                    const std::function<void(PreflightResult)> &done)
{
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        m_runner.provideSecret(it.key(), it.value());
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const QList<Check> checks = runbook.prerequisites;
    auto *context = new QObject(this);
    connect(&m_runner, &CheckRunner::finished, context,
            [context, checks, timer, done](const QList<CheckResult> &results) {
                context->deleteLater();
                PreflightResult r;
                r.checks = checks;
                r.results = results;
                r.decision = GoNoGo::decide(checks, results);
                r.durationMs = timer->elapsed();
                done(std::move(r));
            });
    m_runner.start(runbook, checks, confirmations);
}

} // namespace cockpit
