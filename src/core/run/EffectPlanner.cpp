#include "core/run/EffectPlanner.h"

#include "core/run/RunRules.h"

namespace cockpit {

QList<RunEffect> EffectPlanner::effects(const RunState &s, qint64 now)
{
    QList<RunEffect> out;
    const Runbook &rb = s.runbook();
    if (s.phase() == RunState::Phase::NotStarted || s.phase() == RunState::Phase::Finished)
        return out;

    // T-0 held (a dry run short of its required passed runs): the window steps wait.
    const bool t0Held = !RunRules::t0Blockers(s).isEmpty() || RunRules::windowHeld(s);
    for (const ScheduleItem &i : s.schedule().due(now)) {
        if (t0Held && i.kind == ScheduleItem::Kind::WindowStep)
            continue;
        // `after:` a step waits for the ones it names; a failed or skipped one holds it (never started).
        if (i.kind == ScheduleItem::Kind::WindowStep
            && RunRules::windowStepHold(s, i.id).kind != RunRules::StepHold::Kind::None)
            continue;
        if (!s.scheduleActions().contains(i.id))
            out.append({RunEffect::Kind::StartScheduleItem, QString(), i.id, QStringLiteral("schedule")});
    }
    // A running milestone: its next action (in order; a started or failed one holds the rest), then its
    // checks once every action is done.
    for (const Milestone &m : rb.schedule.milestones) {
        if (!s.milestoneRunning(m.id))
            continue;
        const RunRules::MilestoneNext next = RunRules::milestoneNext(s, m);
        if (next.action) {
            if (next.state.status.isEmpty() && !RunRules::isManual(*next.action))
                out.append({RunEffect::Kind::RunAction, m.id, next.action->id, QStringLiteral("schedule")});
        } else if (!m.checks.isEmpty()) {
            out.append({RunEffect::Kind::RunCheck, m.id, m.id, QStringLiteral("milestone")});
        }
    }

    if (s.phase() == RunState::Phase::RollingBack && s.rollback()) {
        for (const Action &a : rb.rollback.steps) {
            const QString st = s.rollback()->steps.value(a.id).status;
            if (RunRules::done(st))
                continue;
            if (st.isEmpty())
                out.append({RunEffect::Kind::RunRollbackStep, s.rollback()->stage, a.id,
                            QStringLiteral("rollback")});
            break; // in order; a started or failed step holds the rest
        }
        return out;
    }
    const Stage *stage = s.currentStage();
    if (s.phase() != RunState::Phase::InStage || !stage)
        return out;
    const QString sid = s.stage().id;

    for (const Gate &g : stage->gates) {
        if (RunRules::needsBaseline(g) && !s.stage().gateValues.value(g.id).baseline)
            out.append({RunEffect::Kind::CollectGateValues, sid, g.id, QStringLiteral("baseline")});
    }
    if (RunRules::baselinesCollected(s, *stage)) {
        for (const Action &a : stage->rollout) {
            const QString st = s.stage().rollout.value(a.id).status;
            if (RunRules::done(st))
                continue;
            if (st.isEmpty())
                out.append({RunEffect::Kind::RunAction, sid, a.id, QStringLiteral("rollout")});
            break;
        }
    }
    const bool rolledOut = RunRules::rolloutDone(s, *stage);
    if (rolledOut) {
        for (const Check &c : stage->verify) {
            if (!s.stage().verify.contains(c.id))
                out.append({RunEffect::Kind::RunCheck, sid, c.id, QStringLiteral("verify")});
        }
    }
    for (auto it = rb.metrics.constBegin(); it != rb.metrics.constEnd(); ++it) {
        const auto last = s.latestSamples().constFind(it.key());
        if (last == s.latestSamples().constEnd() || now >= last->at + it->every.count())
            out.append({RunEffect::Kind::SampleMetric, sid, it.key(), QStringLiteral("sample")});
    }
    // Triggers that read a probe are watched from the stage's entry, like the metrics.
    for (const Trigger &t : rb.rollback.triggers) {
        if (!t.probe)
            continue;
        const auto last = s.stage().triggerChecks.constFind(t.id);
        if (last == s.stage().triggerChecks.constEnd() || now >= *last + t.every.count())
            out.append({RunEffect::Kind::RunCheck, sid, t.id, QStringLiteral("trigger")});
    }
    if (!s.stage().soakStart)
        return out;
    const bool elapsed = RunRules::soakElapsed(s, now);
    for (const Gate &g : stage->gates) {
        if (RunRules::needsBaseline(g) && elapsed && !s.stage().gateValues.value(g.id).current)
            out.append({RunEffect::Kind::CollectGateValues, sid, g.id, QStringLiteral("current")});
        if (g.kind != Gate::Kind::Check)
            continue;
        const auto last = s.stage().gateChecks.constFind(g.id);
        const bool have = last != s.stage().gateChecks.constEnd();
        if (g.every && g.every->count() > 0) {
            if (!have || now >= last->at + g.every->count())
                out.append({RunEffect::Kind::RunCheck, sid, g.id, QStringLiteral("gate_check")});
        } else if (elapsed && !have) {
            out.append({RunEffect::Kind::RunCheck, sid, g.id, QStringLiteral("gate_check")});
        }
    }
    return out;
}

std::optional<qint64> EffectPlanner::wakeAt(const RunState &s, qint64 now, const QList<GateView> &views)
{
    std::optional<qint64> w;
    auto consider = [&](qint64 t) {
        if (t > now && (!w || t < *w))
            w = t;
    };
    for (const ScheduleItem &i : s.schedule().items()) {
        if (!i.actualStart)
            consider(i.plannedStart);
    }
    if (s.phase() == RunState::Phase::Ready && s.hasT0())
        consider(s.schedule().t0()); // the first stage may be entered from then
    const Stage *stage = s.currentStage();
    if (s.phase() != RunState::Phase::InStage || !stage)
        return w;
    for (auto it = s.runbook().metrics.constBegin(); it != s.runbook().metrics.constEnd(); ++it) {
        const auto last = s.latestSamples().constFind(it.key());
        if (last != s.latestSamples().constEnd())
            consider(last->at + it->every.count());
    }
    for (const Trigger &t : s.runbook().rollback.triggers) {
        const auto last = s.stage().triggerChecks.constFind(t.id);
        if (t.probe && last != s.stage().triggerChecks.constEnd())
            consider(*last + t.every.count());
    }
    for (const RunState::Fired &f : s.fired()) {
        if (!f.resolved && f.deadline)
            consider(*f.deadline);
    }
    if (!s.stage().soakStart)
        return w;
    if (const auto end = s.soakEnd())
        consider(*end);
    for (const CheckpointDue &c : s.stage().checkpointPlan) {
        if (!s.stage().checkpointsDone.contains(c.index))
            consider(c.dueAt);
    }
    for (qsizetype k = 0; k < stage->gates.size() && k < views.size(); ++k) {
        const Gate &g = stage->gates[k];
        const auto tracker = s.stage().conditionGates.constFind(g.id);
        if (tracker != s.stage().conditionGates.constEnd()) {
            const GateStatus &st = views[k].status;
            if (st.noDataSince)
                consider(*st.noDataSince + g.noDataGrace.count() + 1);
            if (st.phase == GateStatus::Phase::Recovering && st.failingSince)
                consider(*st.failingSince + g.recoverWithin.count() + 1);
            // Staleness of the gate's metrics starts one missed interval after the last sample.
            if (!st.noDataSince && tracker->config().staleAfter.count() > 0)
                consider(s.lastEventAt() + tracker->config().staleAfter.count() + g.noDataGrace.count() + 1);
        }
        if (g.kind == Gate::Kind::Check && g.every && g.every->count() > 0) {
            const auto last = s.stage().gateChecks.constFind(g.id);
            if (last != s.stage().gateChecks.constEnd())
                consider(last->at + g.every->count());
        }
    }
    return w;
}

} // namespace cockpit
