#include "core/run/PendingDecisions.h"

#include "core/run/GateEvaluation.h"
#include "core/run/RunRules.h"

namespace cockpit {

QList<PendingDecision> PendingDecisions::of(const RunState &s, qint64 now, const QList<GateView> &views)
{
    QList<PendingDecision> out;
    const Runbook &rb = s.runbook();
    if (s.phase() == RunState::Phase::NotStarted || s.phase() == RunState::Phase::Finished)
        return out;
    for (const Milestone &m : rb.schedule.milestones) {
        if (!s.milestoneRunning(m.id))
            continue;
        const RunRules::MilestoneNext next = RunRules::milestoneNext(s, m);
        if (!next.action)
            continue;
        const QString aid = next.action->id;
        if (next.state.status == QLatin1String("failed"))
            out.append(
                {QStringLiteral("schedule"), aid, m.id,
                 QStringLiteral("milestone %1: action %2 failed: accept it as done, or retry").arg(m.id, aid),
                 next.state.at, std::nullopt});
        else if (next.state.status == QLatin1String("started") && RunRules::isManual(*next.action))
            out.append({QStringLiteral("schedule"), aid, m.id,
                        QStringLiteral("milestone %1: manual: %2 (accept with your name when it is done)")
                            .arg(m.id, std::get<ManualCheck>(next.action->what).instruction.simplified()),
                        next.state.at, std::nullopt});
    }
    // A milestone whose run ended failed, or passed short of its min_runs: run it again, or take it as it
    // stands (no stage: the target is the milestone itself).
    for (const ScheduleItem &i : s.schedule().items()) {
        if (i.kind != ScheduleItem::Kind::Milestone || !i.actualEnd || s.milestoneWaivers().contains(i.id)
            || (!i.failed && i.satisfied()))
            continue;
        const QString runs = i.minRuns > 1
            ? QStringLiteral(" (%1 of %2 required runs passed)").arg(i.okRuns).arg(i.minRuns)
            : QString();
        out.append({QStringLiteral("schedule"), i.id, QString(),
                    i.failed
                        ? QStringLiteral("milestone %1: checks failed%2: run it again (reject), or accept "
                                         "it as it stands with a reason (accept)")
                              .arg(i.id, runs)
                        : QStringLiteral("milestone %1 passed %2 of %3 required runs: run it again "
                                         "(reject), or waive the missing runs with a reason (accept)")
                              .arg(i.id)
                              .arg(i.okRuns)
                              .arg(i.minRuns),
                    *i.actualEnd, std::nullopt});
    }
    // A window step that failed: retry, skip with a reason, or roll back; the later steps wait meanwhile.
    for (const ScheduleItem &i : s.schedule().items()) {
        if (i.kind != ScheduleItem::Kind::WindowStep || !i.actualEnd || !i.failed || s.scheduleItemComplete(i)
            || s.phase() == RunState::Phase::RollingBack || s.phase() == RunState::Phase::RolledBack)
            continue;
        out.append({QStringLiteral("schedule"), i.id, QString(),
                    QStringLiteral("window step %1 failed: run it again (reject), skip it with a reason "
                                   "(accept), or roll back")
                        .arg(i.id),
                    *i.actualEnd, std::nullopt});
    }
    // A window step held by a step it waits for that a person skipped: it never runs on its own; skip it
    // too (accept, with a reason), or roll back. While the failed step itself is undecided, that is the
    // decision asked.
    if (s.phase() != RunState::Phase::RollingBack && s.phase() != RunState::Phase::RolledBack) {
        for (const ScheduleItem &i : s.schedule().items()) {
            if (i.kind != ScheduleItem::Kind::WindowStep || i.actualStart || i.actualEnd)
                continue;
            const RunRules::StepHold h = RunRules::windowStepHold(s, i.id);
            if (h.kind != RunRules::StepHold::Kind::Held || h.undecided)
                continue;
            out.append(
                {QStringLiteral("schedule"), i.id, QString(),
                 QStringLiteral("window step %1 is %2: skip it too with a reason (accept), or roll back")
                     .arg(i.id, h.reason),
                 now, std::nullopt});
        }
    }
    switch (s.phase()) {
    case RunState::Phase::NotStarted:
    case RunState::Phase::FollowUp: // no stage: only the schedule's own decisions (above)
    case RunState::Phase::Finished: return out;
    case RunState::Phase::Ready:
        // While T-0 is held the milestones' own decisions say what to do; entering would be refused, and so
        // it would before T-0 (RunStatus::waitingFor says when).
        if (!rb.stages.isEmpty() && RunRules::t0Blockers(s).isEmpty() && !RunRules::beforeT0(s, now))
            out.append({QStringLiteral("enter_stage"), rb.stages.first().id, QString(),
                        QStringLiteral("enter the first stage"), s.startedAt(), std::nullopt});
        return out;
    case RunState::Phase::RolledBack: {
        const int i = RunRules::restartIndex(rb);
        if (i < rb.stages.size())
            out.append({QStringLiteral("enter_stage"), rb.stages[i].id, QString(),
                        QStringLiteral("rolled back: the run restarts from %1 (stages are never skipped)")
                            .arg(rb.stages[i].id),
                        s.rollback() ? s.rollback()->finishedAt.value_or(0) : 0, std::nullopt});
        return out;
    }
    case RunState::Phase::RollingBack:
        if (s.rollback()) {
            for (const Action &a : rb.rollback.steps) {
                const auto st = s.rollback()->steps.value(a.id);
                if (st.status == QLatin1String("failed"))
                    out.append(
                        {QStringLiteral("rollback_step"), a.id, s.rollback()->stage,
                         QStringLiteral("rollback step %1 failed: accept it as done, or retry").arg(a.id),
                         st.at, s.rollback()->startedAt + s.rollback()->target.count()});
                if (!RunRules::done(st.status))
                    break;
            }
        }
        return out;
    case RunState::Phase::InStage: break;
    }
    const Stage *stage = s.currentStage();
    if (!stage)
        return out;
    const QString sid = s.stage().id;
    for (const Action &a : stage->rollout) {
        const auto st = s.stage().rollout.value(a.id);
        if (st.status == QLatin1String("failed"))
            out.append({QStringLiteral("action"), a.id, sid,
                        QStringLiteral("rollout action %1 failed: accept it as done, or retry").arg(a.id),
                        st.at, std::nullopt});
    }
    for (const Check &c : stage->verify) {
        const auto r = s.stage().verify.constFind(c.id);
        if (c.required && r != s.stage().verify.constEnd() && r->verdict != Verdict::Pass
            && r->acceptedBy.isEmpty())
            out.append({QStringLiteral("check"), c.id, sid,
                        QStringLiteral("verify check %1 %2: accept it, or run it again (%3)")
                            .arg(c.id, verdictName(r->verdict), r->explanation),
                        r->at, std::nullopt});
    }
    for (const RunState::Fired &f : s.fired()) {
        if (f.stage != sid || f.resolved)
            continue;
        if (f.effect == TriggerEffect::RollbackWithin)
            out.append(
                {QStringLiteral("trigger"), f.trigger, sid,
                 QStringLiteral("%1: roll back by the deadline, or dismiss with a reason").arg(f.explanation),
                 f.at, f.deadline});
        else if ((f.effect == TriggerEffect::Rollback || f.effect == TriggerEffect::Incident)
                 && s.pointOfNoReturnAt())
            out.append(
                {QStringLiteral("point_of_no_return"), f.trigger, sid,
                 QStringLiteral("trigger %1 asks for a rollback, but the point of no return was passed: %2")
                     .arg(f.trigger, rb.rollback.pointOfNoReturn),
                 f.at, std::nullopt});
    }
    // The gates of a stage are reported together: while a gate's evaluation is due and not in yet (a check
    // gate's check, a comparison gate's values), no gate asks for a decision, so the first failure cannot
    // stop the run before the others were evaluated (and show NoData though never looked at).
    const bool evaluating = s.stage().soakStart && RunRules::gatesEvaluating(s, *stage, now);
    if (s.stage().soakStart) {
        for (qsizetype k = 0; k < stage->gates.size() && k < views.size(); ++k) {
            const Gate &g = stage->gates[k];
            const GateView &v = views[k];
            if (evaluating && g.kind != Gate::Kind::Manual)
                continue;
            if (v.status.phase == GateStatus::Phase::AwaitingDecision)
                out.append({QStringLiteral("gate"), g.id, sid, v.status.reason, now, std::nullopt});
            // A comparison or check gate that failed stays failed (its values are final): without a
            // decision the run would wait forever, so the lead is asked to override it with a reason
            // or to roll back. A condition gate instead waits for the metric to recover.
            else if (v.status.phase == GateStatus::Phase::Failed && g.kind != Gate::Kind::Condition
                     && g.kind != Gate::Kind::Manual && !s.stage().gateDecisions.contains(g.id))
                out.append(
                    {QStringLiteral("gate"), g.id, sid,
                     QStringLiteral("gate %1 failed: %2. Accept it with a reason to promote anyway, or "
                                    "roll back")
                         .arg(g.id, v.status.reason),
                     now, std::nullopt});
            else if (g.kind == Gate::Kind::Manual && !v.status.passed())
                out.append({QStringLiteral("manual_gate"), g.id, sid, g.instruction, s.stage().enteredAt,
                            std::nullopt});
        }
    }
    const QStringList blockers = GateEvaluation::promotionBlockers(s, now, QString(), views);
    if (blockers.isEmpty()) {
        out.append({QStringLiteral("promote"), sid, sid, QStringLiteral("every promotion condition holds"),
                    now, std::nullopt});
    } else if (blockers.size() == 1 && blockers.first().startsWith(QLatin1String("second approver"))) {
        out.append({QStringLiteral("second_approval"), sid, sid, blockers.first(), now, std::nullopt});
    }
    return out;
}

} // namespace cockpit
