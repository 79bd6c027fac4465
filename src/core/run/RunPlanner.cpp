#include "core/run/RunPlanner.h"

#include "core/run/AutomaticTransitions.h"
#include "core/run/EffectPlanner.h"
#include "core/run/GateEvaluation.h"
#include "core/run/PendingDecisions.h"
#include "core/run/PersonCommands.h"
#include "core/run/RunText.h"

#include <algorithm>

namespace cockpit {

QList<CheckpointDue> RunPlanner::checkpointPlan(const RunState &s)
{
    return s.currentStage() ? s.stage().checkpointPlan : QList<CheckpointDue>();
}

QStringList RunPlanner::promotionBlockers(const RunState &s, qint64 now, const QString &executor)
{
    return GateEvaluation::promotionBlockers(s, now, executor, GateEvaluation::gateViews(s, now));
}

RunPlan RunPlanner::step(const RunState &state, qint64 now)
{
    RunPlan plan;
    std::optional<RunState> preview;
    QList<GateView> views = GateEvaluation::gateViews(state, now);
    for (int round = 0; round < 16; ++round) {
        const RunState &cur = preview ? *preview : state;
        const QList<JournalEventDraft> events = AutomaticTransitions::events(cur, now, views);
        if (events.isEmpty())
            break;
        if (!preview)
            preview = state;
        for (const JournalEventDraft &e : events)
            preview->apply(e);
        plan.events += events;
        views = GateEvaluation::gateViews(*preview, now);
    }
    const RunState &fin = preview ? *preview : state;
    plan.effects = EffectPlanner::effects(fin, now);
    plan.pending = PendingDecisions::of(fin, now, views);
    plan.wakeAt = EffectPlanner::wakeAt(fin, now, views);
    return plan;
}

RunStatus RunPlanner::status(const RunState &s, qint64 now)
{
    RunStatus r;
    r.phase = s.phase();
    r.pointOfNoReturnAt = s.pointOfNoReturnAt();
    if (s.rollback()) {
        const auto &rb = *s.rollback();
        RollbackClock c;
        c.startedAt = rb.startedAt;
        c.target = rb.target;
        c.elapsed = Milliseconds(rb.finishedAt.value_or(now) - rb.startedAt);
        c.remaining = rb.target - c.elapsed;
        c.overdue = c.elapsed > rb.target;
        c.finished = rb.finishedAt.has_value();
        c.ok = rb.ok;
        c.reason = rb.reason;
        r.rollback = c;
    }
    const QList<GateView> views = GateEvaluation::gateViews(s, now);
    r.pending = PendingDecisions::of(s, now, views);
    r.t0Blockers = RunRules::t0Blockers(s);
    for (const ScheduleItem &i : s.schedule().items()) {
        if (i.kind != ScheduleItem::Kind::WindowStep || i.actualStart)
            continue;
        const RunRules::StepHold h = RunRules::windowStepHold(s, i.id);
        if (h.kind != RunRules::StepHold::Kind::None)
            r.heldSteps.insert(i.id, h.reason);
    }
    if (s.phase() == RunState::Phase::FollowUp)
        r.waitingFor = RunText::followUpText(s, now);
    else if (s.phase() == RunState::Phase::Ready && RunRules::beforeT0(s, now)
             && !s.runbook().stages.isEmpty())
        r.waitingFor = QStringLiteral("%1: %2 can be entered from then")
                           .arg(RunText::t0Text(s, now), s.runbook().stages.first().id);
    const Stage *stage = s.currentStage();
    if (!stage)
        return r;
    r.stage = s.stage().id;
    r.stageIndex = s.stage().index;
    r.attempt = s.stage().attempt;
    r.soakStart = s.stage().soakStart;
    r.soakEnd = s.soakEnd();
    r.soakRemaining = Milliseconds(r.soakEnd ? std::max<qint64>(0, *r.soakEnd - now) : stage->soak.count());
    r.gates = views;
    for (const CheckpointDue &c : checkpointPlan(s)) {
        CheckpointView v {c, std::nullopt};
        for (const auto &rec : s.stage().checkpoints) {
            if (rec.index == c.index)
                v.recordedAt = rec.at;
        }
        r.checkpoints.append(v);
    }
    r.needsSecondApprover = r.stageIndex + 1 < s.runbook().stages.size()
        && s.runbook().stages[r.stageIndex + 1].requiresSecondApprover;
    r.blockers = GateEvaluation::promotionBlockers(s, now, QString(), views);
    return r;
}

RunCommand RunPlanner::enterStage(const RunState &s, qint64 now, const QString &stageId, const QString &who)
{
    return PersonCommands::enterStage(s, now, stageId, who);
}

RunCommand RunPlanner::promote(const RunState &s, qint64 now, const QString &who)
{
    return PersonCommands::promote(s, now, who);
}

RunCommand RunPlanner::approvePromotion(const RunState &s, qint64 now, const QString &who,
                                        const QString &statement)
{
    return PersonCommands::approvePromotion(s, now, who, statement);
}

RunCommand RunPlanner::confirmManualGate(const RunState &s, qint64 now, const QString &gateId,
                                         const QString &who, const QString &statement)
{
    return PersonCommands::confirmManualGate(s, now, gateId, who, statement);
}

RunCommand RunPlanner::decide(const RunState &s, qint64 now, const QString &targetKind, const QString &target,
                              bool accept, const QString &who, const QString &reason)
{
    return PersonCommands::decide(s, now, targetKind, target, accept, who, reason);
}

RunCommand RunPlanner::raiseTrigger(const RunState &s, qint64 now, const QString &triggerId,
                                    const QString &who, const QString &reason)
{
    return PersonCommands::raiseTrigger(s, now, triggerId, who, reason);
}

RunCommand RunPlanner::startRollback(const RunState &s, qint64 now, const QString &who, const QString &reason)
{
    return PersonCommands::startRollback(s, now, who, reason);
}

RunCommand RunPlanner::finishRollback(const RunState &s, qint64 now, const QString &who, bool ok,
                                      const QString &note)
{
    return PersonCommands::finishRollback(s, now, who, ok, note);
}

RunCommand RunPlanner::abort(const RunState &s, qint64 now, const QString &who, const QString &reason)
{
    return PersonCommands::abort(s, now, who, reason);
}

JournalEventDraft RunPlanner::milestoneFinished(const RunState &s, qint64 now, const QString &actor,
                                                const QString &milestone, bool ok, QJsonObject detail)
{
    return RunRules::milestoneFinished(s, now, actor, milestone, ok, std::move(detail));
}

const Milestone *RunPlanner::findMilestone(const Runbook &runbook, const QString &id)
{
    return RunRules::findMilestone(runbook, id);
}

const Action *RunPlanner::findMilestoneAction(const Runbook &runbook, const QString &milestone,
                                              const QString &id)
{
    return RunRules::findMilestoneAction(runbook, milestone, id);
}

QStringList RunPlanner::t0Blockers(const RunState &s)
{
    return RunRules::t0Blockers(s);
}

GateView RunPlanner::gateView(const RunState &s, const Gate &gate, qint64 now)
{
    return GateEvaluation::gateView(s, gate, now);
}

} // namespace cockpit
