#include "core/run/PersonCommands.h"

#include "core/run/GateEvaluation.h"
#include "core/run/PendingDecisions.h"
#include "core/run/RunRules.h"
#include "core/run/RunText.h"

#include <QJsonArray>
#include <algorithm>

namespace cockpit {

RunCommand PersonCommands::enterStage(const RunState &s, qint64 now, const QString &stageId,
                                      const QString &who)
{
    if (who.trimmed().isEmpty())
        return unexpected(
            RunRules::refuse(QStringLiteral("entering a stage needs the name of the person doing it")));
    const Runbook &rb = s.runbook();
    int index = -1;
    for (int i = 0; i < rb.stages.size(); ++i) {
        if (rb.stages[i].id == stageId)
            index = i;
    }
    if (index < 0)
        return unexpected(RunRules::refuse(QStringLiteral("no stage %1 in the runbook").arg(stageId)));
    const Stage &stage = rb.stages[index];
    bool restart = false;
    switch (s.phase()) {
    case RunState::Phase::NotStarted:
        return unexpected(RunRules::refuse(QStringLiteral("the run has not started")));
    case RunState::Phase::Finished:
        return unexpected(RunRules::refuse(QStringLiteral("the run has finished")));
    case RunState::Phase::FollowUp:
        return unexpected(
            RunRules::refuse(QStringLiteral("the last stage was promoted; the run is in follow-up until "
                                            "its schedule is complete")));
    case RunState::Phase::RollingBack:
        return unexpected(RunRules::refuse(
            QStringLiteral("a rollback is in progress; the run restarts once it has finished")));
    case RunState::Phase::InStage:
        if (index == s.stage().index + 1)
            return unexpected(RunRules::refuse(
                QStringLiteral("stage %1 is entered by promoting %2").arg(stageId, s.stage().id)));
        return unexpected(RunRules::refuse(
            QStringLiteral("stages cannot be skipped: %1 is running, the next stage is %2")
                .arg(s.stage().id,
                     s.stage().index + 1 < rb.stages.size() ? rb.stages[s.stage().index + 1].id
                                                            : QStringLiteral("none"))));
    case RunState::Phase::Ready: {
        if (index != 0 && !stage.canRunAlone)
            return unexpected(RunRules::refuse(
                QStringLiteral("stages cannot be skipped: the run starts at %1").arg(rb.stages.first().id)));
        const QStringList held = RunRules::t0Blockers(s);
        // Before T-0 the stage would watch a cutover that has not happened; a rehearsal moves T-0 instead.
        if (RunRules::beforeT0(s, now))
            return unexpected(RunRules::refuse(
                QStringLiteral("%1; to rehearse now, set the %2 param to now")
                    .arg(RunText::t0Text(s, now), RunText::t0Param(rb)),
                QStringList {QStringLiteral("%1 cannot be entered before T-0").arg(stageId)} + held));
        if (!held.isEmpty())
            return unexpected(RunRules::refuse(
                QStringLiteral("T-0 is held: %1 cannot be entered before the T-minus milestones have passed "
                               "their required runs (or are waived)")
                    .arg(stageId),
                held));
        break;
    }
    case RunState::Phase::RolledBack: {
        const int from = RunRules::restartIndex(rb);
        if (index != from)
            return unexpected(RunRules::refuse(
                QStringLiteral("after a rollback the run restarts from %1; stages cannot be skipped")
                    .arg(rb.stages[from].id)));
        restart = true;
        break;
    }
    }
    const int attempt = s.stageAttempts().value(stageId) + 1;
    return QList<JournalEventDraft> {
        RunEvents::stageEntered(s.runId(), now, who, stageId, index, attempt, restart, QString(), QString())};
}

RunCommand PersonCommands::promote(const RunState &s, qint64 now, const QString &who)
{
    if (who.trimmed().isEmpty())
        return unexpected(
            RunRules::refuse(QStringLiteral("promotion needs the name of the person promoting")));
    const QStringList blockers = GateEvaluation::promotionBlockers(s, now, who);
    if (!blockers.isEmpty())
        return unexpected(
            RunRules::refuse(QStringLiteral("%1 cannot be promoted yet").arg(s.stage().id), blockers));
    const Stage *stage = s.currentStage();
    QString approver;
    for (const auto &a : s.stage().promotionApprovals) {
        if (!RunRules::samePerson(a.who, who))
            approver = a.who;
    }
    QList<JournalEventDraft> out;
    if (RunRules::ponrIsStage(s) && !s.pointOfNoReturnAt())
        out.append(RunRules::ponrEvent(s, now));
    const int next = s.stage().index + 1;
    if (next >= s.runbook().stages.size()) {
        // Schedule items still to come (T+90d, T+180d): the run stays open in follow-up until they are.
        const QList<ScheduleItem> left = RunRules::outstanding(s);
        if (!left.isEmpty()) {
            QJsonArray ids;
            for (const ScheduleItem &i : left)
                ids.append(i.id);
            out.append(RunRules::draft(
                s, now, JournalEventType::Note, who,
                {{QStringLiteral("kind"), QStringLiteral("follow_up")},
                 {QStringLiteral("text"),
                  QStringLiteral("stage %1 promoted; no stage left; follow-up until %2 schedule "
                                 "item(s) are complete")
                      .arg(stage->id)
                      .arg(left.size())},
                 {QStringLiteral("stage"), stage->id},
                 {QStringLiteral("approved_by"), approver},
                 {QStringLiteral("items"), ids}}));
            return out;
        }
        out.append(RunRules::runFinished(s, now, who,
                                         QStringLiteral("stage %1 promoted; no stage left").arg(stage->id),
                                         {{QStringLiteral("approved_by"), approver}}));
        return out;
    }
    const QString nextId = s.runbook().stages[next].id;
    out.append(RunEvents::stageEntered(s.runId(), now, who, nextId, next, s.stageAttempts().value(nextId) + 1,
                                       false, stage->id, approver));
    return out;
}

RunCommand PersonCommands::approvePromotion(const RunState &s, qint64 now, const QString &who,
                                            const QString &statement)
{
    if (who.trimmed().isEmpty())
        return unexpected(RunRules::refuse(QStringLiteral("an approval needs the approver's name")));
    if (s.phase() != RunState::Phase::InStage)
        return unexpected(RunRules::refuse(QStringLiteral("no stage is running")));
    return QList<JournalEventDraft> {RunEvents::approval(s.runId(), now, who, s.stage().id,
                                                         QStringLiteral("promotion"), QString(), statement)};
}

RunCommand PersonCommands::confirmManualGate(const RunState &s, qint64 now, const QString &gateId,
                                             const QString &who, const QString &statement)
{
    if (who.trimmed().isEmpty())
        return unexpected(
            RunRules::refuse(QStringLiteral("a confirmation needs the name of the person confirming")));
    const Stage *stage = s.currentStage();
    if (s.phase() != RunState::Phase::InStage || !stage)
        return unexpected(RunRules::refuse(QStringLiteral("no stage is running")));
    const Gate *g = RunRules::findGate(*stage, gateId);
    if (!g || g->kind != Gate::Kind::Manual)
        return unexpected(
            RunRules::refuse(QStringLiteral("%1 is not a manual gate of %2").arg(gateId, stage->id)));
    return QList<JournalEventDraft> {RunEvents::approval(s.runId(), now, who, stage->id,
                                                         QStringLiteral("manual_gate"), gateId, statement)};
}

RunCommand PersonCommands::decide(const RunState &s, qint64 now, const QString &targetKind,
                                  const QString &target, bool accept, const QString &who,
                                  const QString &reason)
{
    if (who.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return unexpected(
            RunRules::refuse(QStringLiteral("a decision is recorded with a name and a reason")));
    const QString sid = s.stage().id;
    const auto pending = PendingDecisions::of(s, now, GateEvaluation::gateViews(s, now));
    const auto open = std::find_if(pending.cbegin(), pending.cend(), [&](const PendingDecision &p) {
        return p.kind == targetKind
            && (p.target == target
                || (!p.stage.isEmpty() && p.stage + QLatin1Char('/') + p.target == target));
    });
    if (open == pending.cend())
        return unexpected(
            RunRules::refuse(QStringLiteral("no decision is pending on %1 %2").arg(targetKind, target)));
    // A milestone whose run ended: reject = a new run (its start, journaled with the decision by the same
    // person), accept = a waiver (RunState folds it).
    if (targetKind == QLatin1String("schedule") && open->stage.isEmpty()
        && RunRules::findMilestone(s.runbook(), open->target)) {
        QList<JournalEventDraft> out {
            RunEvents::decision(s.runId(), now, who, QString(), targetKind, open->target, accept, reason)};
        if (!accept) {
            const auto item = s.schedule().item(open->target);
            out.append(RunEvents::actionRun(
                s.runId(), now, who, QStringLiteral("schedule"), QString(), open->target,
                QStringLiteral("started"),
                {{QStringLiteral("run"), item ? item->runs + 1 : 1},
                 {QStringLiteral("reason"), reason},
                 {QStringLiteral("planned_at"), double(item ? item->plannedStart : now)},
                 {QStringLiteral("late_ms"), double(item ? now - item->plannedStart : 0)}}));
        }
        return out;
    }
    // A step held by a skipped one it waits for cannot be run again: nothing ran; it can only be skipped.
    if (targetKind == QLatin1String("schedule") && !accept && open->stage.isEmpty()) {
        const auto item = s.schedule().item(open->target);
        if (item && item->kind == ScheduleItem::Kind::WindowStep && !item->actualStart)
            return unexpected(RunRules::refuse(
                QStringLiteral("window step %1 is %2; it runs only after the steps it waits for: skip it "
                               "too (--accept), or roll back")
                    .arg(open->target, RunRules::windowStepHold(s, open->target).reason)));
    }
    // A schedule decision on a milestone's action names the milestone (its pending item's stage).
    const bool milestoneAction = targetKind == QLatin1String("schedule") && !open->stage.isEmpty();
    const QString stage = targetKind == QLatin1String("rollback_step") ? s.rollback()->stage
        : milestoneAction                                              ? open->stage
                                                                       : sid;
    QList<JournalEventDraft> out {RunEvents::decision(s.runId(), now, who, stage, targetKind, open->target,
                                                      accept, reason,
                                                      milestoneAction ? open->stage : QString())};
    if (targetKind == QLatin1String("trigger") && !accept)
        out.append(RunRules::rollbackStarted(s, now, who,
                                             QStringLiteral("trigger %1: %2").arg(target, reason), target));
    return out;
}

RunCommand PersonCommands::raiseTrigger(const RunState &s, qint64 now, const QString &triggerId,
                                        const QString &who, const QString &reason)
{
    if (who.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return unexpected(RunRules::refuse(QStringLiteral("raising a trigger needs a name and a reason")));
    if (s.phase() != RunState::Phase::InStage)
        return unexpected(RunRules::refuse(QStringLiteral("no stage is running")));
    const Trigger *t = RunRules::findTrigger(s.runbook(), triggerId);
    if (!t)
        return unexpected(RunRules::refuse(QStringLiteral("no trigger %1 in the runbook").arg(triggerId)));
    TriggerFiring f;
    f.triggerId = t->id;
    switch (t->response) {
    case Trigger::Response::Rollback: f.effect = TriggerEffect::Rollback; break;
    case Trigger::Response::Incident: f.effect = TriggerEffect::Incident; break;
    case Trigger::Response::RollbackWithin:
        f.effect = TriggerEffect::RollbackWithin;
        f.within = t->within;
        break;
    case Trigger::Response::Extend:
    case Trigger::Response::RollbackIfPersists:
        f.effect = TriggerEffect::Extend;
        f.extension = TriggerTracker(*t).extension();
        break;
    }
    f.explanation = QStringLiteral("raised by %1: %2").arg(who, reason);
    QList<JournalEventDraft> out {RunRules::draft(s, now, JournalEventType::TriggerFired, who,
                                                  RunRules::firingPayload(s, *t, f, now, who, reason))};
    if ((f.effect == TriggerEffect::Rollback || f.effect == TriggerEffect::Incident)
        && !s.pointOfNoReturnAt())
        out.append(RunRules::rollbackStarted(
            s, now, who, QStringLiteral("trigger %1 raised by %2: %3").arg(t->id, who, reason), t->id));
    return out;
}

RunCommand PersonCommands::startRollback(const RunState &s, qint64 now, const QString &who,
                                         const QString &reason)
{
    if (who.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return unexpected(RunRules::refuse(QStringLiteral("a rollback is started with a name and a reason")));
    if (!RunRules::canRollBack(s))
        return unexpected(
            RunRules::refuse(QStringLiteral("no stage is running and no window is under way (%1)")
                                 .arg(RunState::phaseName(s.phase()))));
    if (s.pointOfNoReturnAt())
        return unexpected(RunRules::refuse(QStringLiteral("the point of no return was passed: %1")
                                               .arg(s.runbook().rollback.pointOfNoReturn)));
    return QList<JournalEventDraft> {RunRules::rollbackStarted(s, now, who, reason, QString())};
}

RunCommand PersonCommands::finishRollback(const RunState &s, qint64 now, const QString &who, bool ok,
                                          const QString &note)
{
    if (who.trimmed().isEmpty() || note.trimmed().isEmpty())
        return unexpected(
            RunRules::refuse(QStringLiteral("ending a rollback by hand needs a name and a note")));
    if (s.phase() != RunState::Phase::RollingBack || !s.rollback())
        return unexpected(RunRules::refuse(QStringLiteral("no rollback is in progress")));
    const qint64 elapsed = now - s.rollback()->startedAt;
    return QList<JournalEventDraft> {
        RunRules::draft(s, now, JournalEventType::RollbackFinished, who,
                        {{QStringLiteral("result"), ok ? QStringLiteral("ok") : QStringLiteral("failed")},
                         {QStringLiteral("elapsed_ms"), double(elapsed)},
                         {QStringLiteral("target_ms"), double(s.rollback()->target.count())},
                         {QStringLiteral("within_target"), elapsed <= s.rollback()->target.count()},
                         {QStringLiteral("note"), note}})};
}

RunCommand PersonCommands::abort(const RunState &s, qint64 now, const QString &who, const QString &reason)
{
    if (who.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return unexpected(RunRules::refuse(QStringLiteral("aborting a run needs a name and a reason")));
    if (s.phase() == RunState::Phase::NotStarted || s.phase() == RunState::Phase::Finished)
        return unexpected(RunRules::refuse(QStringLiteral("the run is not active")));
    // Ending a run that has rolled back is not an abort: its outcome is the rollback.
    const QString outcome = s.phase() == RunState::Phase::RolledBack ? QStringLiteral("rolled_back")
                                                                     : QStringLiteral("aborted");
    return QList<JournalEventDraft> {
        RunRules::draft(s, now, JournalEventType::RunFinished, who,
                        {{QStringLiteral("outcome"), outcome}, {QStringLiteral("reason"), reason}})};
}

} // namespace cockpit
