#include "core/journal/RunEvents.h"

#include <QDateTime>

namespace cockpit {

namespace {
JournalEventDraft draft(const QString &runId, qint64 at, JournalEventType type, const QString &actor,
                        QJsonObject payload)
{
    return JournalEventDraft {runId, at, type, actor, std::move(payload)};
}
const QString kEngine = QStringLiteral("engine");
} // namespace

QString runModeName(RunMode m)
{
    switch (m) {
    case RunMode::Live: return QStringLiteral("live");
    case RunMode::DryRun: return QStringLiteral("dry-run");
    case RunMode::Rehearsal: break;
    }
    return QStringLiteral("rehearsal");
}

std::optional<RunMode> runModeFromName(QStringView name)
{
    if (name == u"live")
        return RunMode::Live;
    if (name == u"rehearsal")
        return RunMode::Rehearsal;
    if (name == u"dry-run")
        return RunMode::DryRun;
    return std::nullopt;
}

QString RunEvents::makeRunId(RunMode mode, qint64 startedAt, const QString &suffix)
{
    QString id = runModeName(mode) + QLatin1Char('-')
        + QDateTime::fromMSecsSinceEpoch(startedAt, Qt::UTC).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    if (!suffix.isEmpty())
        id += QLatin1Char('-') + suffix;
    return id;
}

JournalEventDraft RunEvents::runStarted(const RunInfo &info)
{
    QJsonObject p {{QStringLiteral("runbook"), info.runbook},
                   {QStringLiteral("runbook_sha256"), info.runbookSha256},
                   {QStringLiteral("mode"), runModeName(info.mode)},
                   {QStringLiteral("lead"), info.lead},
                   {QStringLiteral("started_at"), double(info.startedAt)}};
    if (info.t0)
        p.insert(QStringLiteral("t0"), double(*info.t0));
    return draft(info.id, info.startedAt, JournalEventType::RunStarted, info.lead, p);
}

JournalEventDraft RunEvents::stageEntered(const QString &runId, qint64 at, const QString &actor,
                                          const QString &stage, int index, int attempt, bool restart,
                                          const QString &promotedFrom, const QString &approvedBy)
{
    return draft(runId, at, JournalEventType::StageEntered, actor,
                 {{QStringLiteral("stage"), stage},
                  {QStringLiteral("index"), index},
                  {QStringLiteral("attempt"), attempt},
                  {QStringLiteral("restart"), restart},
                  {QStringLiteral("promoted_from"), promotedFrom},
                  {QStringLiteral("approved_by"), approvedBy}});
}

JournalEventDraft RunEvents::actionRun(const QString &runId, qint64 at, const QString &actor,
                                       const QString &phase, const QString &stage, const QString &action,
                                       const QString &status, const QJsonObject &detail)
{
    return draft(runId, at, JournalEventType::ActionRun, actor,
                 {{QStringLiteral("phase"), phase},
                  {QStringLiteral("stage"), stage},
                  {QStringLiteral("action"), action},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("detail"), detail}});
}

JournalEventDraft RunEvents::milestoneActionRun(const QString &runId, qint64 at, const QString &actor,
                                                const QString &milestone, const QString &action,
                                                const QString &status, const QJsonObject &detail)
{
    JournalEventDraft d
        = actionRun(runId, at, actor, QStringLiteral("schedule"), QString(), action, status, detail);
    d.payload.insert(QStringLiteral("milestone"), milestone);
    return d;
}

JournalEventDraft RunEvents::checkObserved(const QString &runId, qint64 at, const QString &actor,
                                           const QString &stage, const QString &check, const QString &purpose,
                                           Verdict verdict, const QString &explanation)
{
    return draft(runId, at, JournalEventType::CheckObserved, actor,
                 {{QStringLiteral("stage"), stage},
                  {QStringLiteral("check"), check},
                  {QStringLiteral("purpose"), purpose},
                  {QStringLiteral("verdict"), verdictKey(verdict)},
                  {QStringLiteral("explanation"), explanation}});
}

JournalEventDraft RunEvents::gateValues(const QString &runId, qint64 at, const QString &stage,
                                        const QString &gate, const QString &role, const QJsonArray &values,
                                        const QString &error)
{
    return draft(
        runId, at, JournalEventType::CheckObserved, kEngine,
        {{QStringLiteral("stage"), stage},
         {QStringLiteral("check"), gate},
         {QStringLiteral("purpose"), QStringLiteral("gate_values")},
         {QStringLiteral("verdict"), error.isEmpty() ? QStringLiteral("pass") : QStringLiteral("no_data")},
         {QStringLiteral("explanation"),
          error.isEmpty() ? QStringLiteral("%1 values").arg(values.size()) : error},
         {QStringLiteral("gate"), gate},
         {QStringLiteral("role"), role},
         {QStringLiteral("values"), values},
         {QStringLiteral("error"), error}});
}

JournalEventDraft RunEvents::sampleTaken(const QString &runId, qint64 at, const QString &metric,
                                         std::optional<double> value, const QString &error)
{
    return draft(runId, at, JournalEventType::SampleTaken, kEngine,
                 {{QStringLiteral("metric"), metric},
                  {QStringLiteral("value"), value ? QJsonValue(*value) : QJsonValue()},
                  {QStringLiteral("error"), error}});
}

JournalEventDraft RunEvents::reconciliation(const QString &runId, qint64 at, const QString &actor,
                                            const QString &reconciliation, const QString &status,
                                            const QJsonObject &context, const QJsonObject &fields)
{
    QJsonObject p = fields;
    p.insert(QStringLiteral("reconciliation"), reconciliation);
    p.insert(QStringLiteral("status"), status);
    p.insert(QStringLiteral("context"), context);
    return draft(runId, at, JournalEventType::Reconciliation, actor.isEmpty() ? kEngine : actor, p);
}

JournalEventDraft RunEvents::checkpoint(const QString &runId, qint64 at, const QString &stage, int index,
                                        Milliseconds offset, qint64 dueAt, const QJsonObject &metrics)
{
    return draft(runId, at, JournalEventType::Checkpoint, kEngine,
                 {{QStringLiteral("stage"), stage},
                  {QStringLiteral("index"), index},
                  {QStringLiteral("offset_ms"), double(offset.count())},
                  {QStringLiteral("due_at"), double(dueAt)},
                  {QStringLiteral("metrics"), metrics}});
}

JournalEventDraft RunEvents::decision(const QString &runId, qint64 at, const QString &who,
                                      const QString &stage, const QString &targetKind, const QString &target,
                                      bool accept, const QString &reason, const QString &milestone)
{
    QJsonObject p {{QStringLiteral("stage"), stage},
                   {QStringLiteral("target_kind"), targetKind},
                   {QStringLiteral("target"), target},
                   {QStringLiteral("decision"), accept ? QStringLiteral("accept") : QStringLiteral("reject")},
                   {QStringLiteral("reason"), reason}};
    if (!milestone.isEmpty())
        p.insert(QStringLiteral("milestone"), milestone);
    return draft(runId, at, JournalEventType::DecisionMade, who, std::move(p));
}

JournalEventDraft RunEvents::approval(const QString &runId, qint64 at, const QString &who,
                                      const QString &stage, const QString &kind, const QString &gate,
                                      const QString &statement)
{
    return draft(runId, at, JournalEventType::Approval, who,
                 {{QStringLiteral("stage"), stage},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("gate"), gate},
                  {QStringLiteral("statement"), statement}});
}

JournalEventDraft RunEvents::rollbackStep(const QString &runId, qint64 at, const QString &actor,
                                          const QString &step, bool ok, const QJsonObject &detail)
{
    return draft(runId, at, JournalEventType::RollbackStep, actor,
                 {{QStringLiteral("step"), step},
                  {QStringLiteral("status"), ok ? QStringLiteral("ok") : QStringLiteral("failed")},
                  {QStringLiteral("detail"), detail}});
}

JournalEventDraft RunEvents::note(const QString &runId, qint64 at, const QString &who, const QString &text)
{
    return draft(runId, at, JournalEventType::Note, who, {{QStringLiteral("text"), text}});
}

JournalEventDraft RunEvents::resumed(const QString &runId, qint64 at, const QString &who, const QString &text)
{
    return draft(runId, at, JournalEventType::Note, who,
                 {{QStringLiteral("text"), text}, {QStringLiteral("kind"), QStringLiteral("resumed")}});
}

QString RunEvents::verdictKey(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return QStringLiteral("pass");
    case Verdict::Fail: return QStringLiteral("fail");
    case Verdict::NoData: return QStringLiteral("no_data");
    case Verdict::Inconclusive: return QStringLiteral("inconclusive");
    }
    return {};
}

std::optional<Verdict> RunEvents::verdictFromKey(QStringView key)
{
    for (Verdict v : {Verdict::Pass, Verdict::Fail, Verdict::NoData, Verdict::Inconclusive}) {
        if (key == verdictKey(v))
            return v;
    }
    return std::nullopt;
}

QString RunEvents::severityName(int severity)
{
    static const char *const names[] = {"low", "medium", "high", "critical"};
    return severity >= 0 && severity < 4 ? QString::fromLatin1(names[severity]) : QString();
}

QString RunEvents::responseName(int response)
{
    static const char *const names[]
        = {"rollback", "rollback_within", "extend", "rollback_if_persists", "incident"};
    return response >= 0 && response < 5 ? QString::fromLatin1(names[response]) : QString();
}

} // namespace cockpit
