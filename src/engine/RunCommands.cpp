#include "engine/RunCommands.h"

#include "core/base/JsonFields.h"
#include "core/journal/RunEvents.h"
#include "core/runbook/RunbookLoader.h"

#include <QJsonArray>

namespace cockpit {

namespace {

PendingDecision startedItem(const QString &kind, const Action *action, const QString &id,
                            const QString &stage, qint64 since)
{
    PendingDecision d;
    d.kind = kind;
    d.target = id;
    d.stage = stage;
    d.since = since;
    if (action && RunCommands::isManual(*action))
        d.why = QStringLiteral("manual: %1 (accept when it is done)")
                    .arg(std::get<ManualCheck>(action->what).instruction.simplified());
    else
        d.why = QStringLiteral(
                    "%1 was started but its result was never recorded (the cockpit stopped while it ran): "
                    "check what happened, then accept it as done or reject to run it again")
                    .arg(id);
    return d;
}

} // namespace

QString RunCommands::actionKey(const QString &phase, const QString &stage, const QString &id)
{
    return phase + QLatin1Char(':') + stage + QLatin1Char(':') + id;
}

bool RunCommands::isManual(const Action &action)
{
    return std::holds_alternative<ManualCheck>(action.what);
}

bool RunCommands::writes(const Action &action)
{
    return action.writes || std::holds_alternative<SqlStatement>(action.what);
}

const Action *RunCommands::findRolloutAction(const Runbook &runbook, const QString &stage, const QString &id)
{
    for (const Stage &s : runbook.stages) {
        if (s.id != stage)
            continue;
        for (const Action &a : s.rollout)
            if (a.id == id)
                return &a;
    }
    return nullptr;
}

const Action *RunCommands::findRollbackStep(const Runbook &runbook, const QString &id)
{
    for (const Action &a : runbook.rollback.steps)
        if (a.id == id)
            return &a;
    return nullptr;
}

const Action *RunCommands::findWindowStep(const Runbook &runbook, const QString &id)
{
    for (const Action &a : runbook.schedule.window)
        if (a.id == id)
            return &a;
    return nullptr;
}

QList<PendingDecision> RunCommands::startedWithoutResult(const RunState &state, const QSet<QString> &inFlight)
{
    QList<PendingDecision> out;
    const Runbook &rb = state.runbook();
    if (state.phase() == RunState::Phase::InStage) {
        const QString sid = state.stage().id;
        for (auto it = state.stage().rollout.cbegin(); it != state.stage().rollout.cend(); ++it) {
            if (it->status != QLatin1String("started")
                || inFlight.contains(actionKey(QStringLiteral("rollout"), sid, it.key())))
                continue;
            out.append(startedItem(QStringLiteral("action"), findRolloutAction(rb, sid, it.key()), it.key(),
                                   sid, it->at));
        }
    }
    if (state.phase() == RunState::Phase::RollingBack && state.rollback()) {
        const auto &steps = state.rollback()->steps;
        for (auto it = steps.cbegin(); it != steps.cend(); ++it) {
            if (it->status != QLatin1String("started")
                || inFlight.contains(actionKey(QStringLiteral("rollback"), QString(), it.key())))
                continue;
            out.append(startedItem(QStringLiteral("rollback_step"), findRollbackStep(rb, it.key()), it.key(),
                                   state.rollback()->stage, it->at));
        }
    }
    if (state.phase() != RunState::Phase::NotStarted && state.phase() != RunState::Phase::Finished) {
        for (auto it = state.scheduleActions().cbegin(); it != state.scheduleActions().cend(); ++it) {
            // A started milestone is not one action: the planner goes on with its actions and checks.
            if (it->status != QLatin1String("started") || state.milestones().contains(it.key())
                || inFlight.contains(actionKey(QStringLiteral("schedule"), QString(), it.key())))
                continue;
            out.append(startedItem(QStringLiteral("schedule"), findWindowStep(rb, it.key()), it.key(),
                                   QString(), it->at));
        }
        // Actions of running milestones; a manual one is the planner's pending item already.
        for (auto m = state.milestones().cbegin(); m != state.milestones().cend(); ++m) {
            if (!state.milestoneRunning(m.key()))
                continue;
            for (auto it = m->actions.cbegin(); it != m->actions.cend(); ++it) {
                const Action *a = RunPlanner::findMilestoneAction(rb, m.key(), it.key());
                if (it->status != QLatin1String("started") || (a && isManual(*a))
                    || inFlight.contains(actionKey(QStringLiteral("schedule"), m.key(), it.key())))
                    continue;
                out.append(startedItem(QStringLiteral("schedule"), a, it.key(), m.key(), it->at));
            }
        }
    }
    return out;
}

RunCommand RunCommands::decide(const RunState &state, qint64 now, const QString &targetKind,
                               const QString &target, bool accept, const QString &who, const QString &reason)
{
    const auto started = startedWithoutResult(state);
    const auto item = std::find_if(started.cbegin(), started.cend(), [&](const PendingDecision &p) {
        return p.kind == targetKind
            && (p.target == target
                || (!p.stage.isEmpty() && p.stage + QLatin1Char('/') + p.target == target));
    });
    if (item == started.cend())
        return RunPlanner::decide(state, now, targetKind, target, accept, who, reason);
    if (who.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return unexpected(Refusal {QStringLiteral("a decision is recorded with a name and a reason"), {}});
    if (targetKind == QLatin1String("schedule") && !item->stage.isEmpty())
        // An interrupted action of a milestone: folded like a failed one (accept = done, reject = retry).
        return QList<JournalEventDraft> {RunEvents::decision(state.runId(), now, who, item->stage, targetKind,
                                                             item->target, accept, reason, item->stage)};
    // RunState folds a decision on a started action like one on a failed action: accept = done, reject =
    // removed, so the planner requests it again.
    const QString stage
        = targetKind == QLatin1String("rollback_step") ? state.rollback()->stage : state.stage().id;
    QList<JournalEventDraft> out {
        RunEvents::decision(state.runId(), now, who, stage, targetKind, target, accept, reason)};
    if (targetKind == QLatin1String("schedule"))
        out.append(
            RunEvents::actionRun(state.runId(), now, who, QStringLiteral("schedule"), QString(), target,
                                 accept ? QStringLiteral("ok") : QStringLiteral("failed"),
                                 {{QStringLiteral("decided_by"), who}, {QStringLiteral("reason"), reason}}));
    return out;
}

QString RunCommands::unfinishedRun(const QList<JournalEvent> &events, const QString &runbookName,
                                   std::optional<RunMode> mode)
{
    QSet<QString> finished;
    for (const JournalEvent &e : events)
        if (e.type() == JournalEventType::RunFinished)
            finished.insert(e.runId());
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (it->type() != JournalEventType::RunStarted || finished.contains(it->runId()))
            continue;
        if (!runbookName.isEmpty() && jsonText(it->payload(), "runbook") != runbookName)
            continue;
        if (mode && jsonText(it->payload(), "mode") != runModeName(*mode))
            continue;
        return it->runId();
    }
    return {};
}

JournalEventDraft RunCommands::runbookNote(const QString &runId, qint64 at, const Runbook &runbook)
{
    QJsonObject params;
    for (auto it = runbook.params.cbegin(); it != runbook.params.cend(); ++it)
        params.insert(it.key(), it.value());
    JournalEventDraft d = RunEvents::note(runId, at, QString::fromLatin1(RunPlanner::kEngine),
                                          QStringLiteral("runbook as loaded"));
    d.payload.insert(QStringLiteral("runbook_file"), runbook.file);
    d.payload.insert(QStringLiteral("runbook_yaml"), runbook.sourceText);
    d.payload.insert(QStringLiteral("params"), params);
    return d;
}

Expected<std::shared_ptr<const Runbook>, QString>
RunCommands::runbookFromJournal(const QList<JournalEvent> &events, const QString &runId)
{
    for (const JournalEvent &e : events) {
        if (e.runId() != runId || e.type() != JournalEventType::Note
            || !e.payload().contains(QLatin1String("runbook_yaml")))
            continue;
        QMap<QString, QString> params;
        const QJsonObject p = e.payload().value(QLatin1String("params")).toObject();
        for (auto it = p.constBegin(); it != p.constEnd(); ++it)
            params.insert(it.key(), it.value().toString());
        auto loaded = RunbookLoader::loadText(jsonText(e.payload(), "runbook_yaml").toUtf8(),
                                              jsonText(e.payload(), "runbook_file"), params);
        if (!loaded)
            return unexpected(
                QStringLiteral("the runbook stored in the journal no longer loads: %1")
                    .arg(loaded.error().isEmpty() ? QString() : loaded.error().first().toString()));
        Runbook rb = std::move(*loaded);
        const QString name = runbookOf(events, runId); // the demo renames its copy of example A
        if (!name.isEmpty())
            rb.name = name;
        return std::make_shared<const Runbook>(std::move(rb));
    }
    return unexpected(QStringLiteral("run %1 has no runbook in the journal").arg(runId));
}

QString RunCommands::latestRun(const QList<JournalEvent> &events)
{
    for (auto it = events.crbegin(); it != events.crend(); ++it)
        if (it->type() == JournalEventType::RunStarted)
            return it->runId();
    return {};
}

QString RunCommands::runbookOf(const QList<JournalEvent> &events, const QString &runId)
{
    for (const JournalEvent &e : events)
        if (e.type() == JournalEventType::RunStarted && e.runId() == runId)
            return jsonText(e.payload(), "runbook");
    return {};
}

} // namespace cockpit
