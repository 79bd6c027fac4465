#include "core/run/AutomaticTransitions.h"

#include "core/run/RunRules.h"

#include <QJsonArray>

namespace cockpit {

// One round of automatic events; the caller applies them and asks again until there are none.
QList<JournalEventDraft> AutomaticTransitions::events(const RunState &s, qint64 now,
                                                      const QList<GateView> &views)
{
    QList<JournalEventDraft> out;
    const Runbook &rb = s.runbook();

    // Point of no return after a schedule item.
    if (!s.pointOfNoReturnAt() && !rb.rollback.pointOfNoReturnAfter.isEmpty()
        && s.schedule().contains(rb.rollback.pointOfNoReturnAfter)) {
        const auto item = s.schedule().item(rb.rollback.pointOfNoReturnAfter);
        if (item && item->actualEnd && !item->failed)
            out.append(RunRules::ponrEvent(s, now));
    }

    // Milestones: a manual action starts by itself (a person confirms it); with every action done and no
    // checks to run, the milestone is complete.
    for (const Milestone &m : rb.schedule.milestones) {
        if (!s.milestoneRunning(m.id))
            continue;
        const RunRules::MilestoneNext next = RunRules::milestoneNext(s, m);
        if (next.action && next.state.status.isEmpty() && RunRules::isManual(*next.action))
            out.append(RunEvents::milestoneActionRun(
                s.runId(), now, RunRules::engineActor(), m.id, next.action->id, QStringLiteral("started"),
                {{QStringLiteral("manual"), true},
                 {QStringLiteral("instruction"), std::get<ManualCheck>(next.action->what).instruction}}));
        else if (!next.action && m.checks.isEmpty())
            out.append(RunRules::milestoneFinished(
                s, now, RunRules::engineActor(), m.id, true,
                {{QStringLiteral("summary"),
                  QStringLiteral("%1 actions done, no checks").arg(m.actions.size())}}));
    }

    // Follow-up: the run finishes once the last schedule item is complete (or waived).
    if (s.phase() == RunState::Phase::FollowUp && out.isEmpty() && RunRules::outstanding(s).isEmpty()) {
        QString last;
        qint64 lastEnd = 0;
        for (const ScheduleItem &i : s.schedule().items()) {
            if (i.actualEnd && *i.actualEnd >= lastEnd) {
                lastEnd = *i.actualEnd;
                last = i.id;
            }
        }
        out.append(
            RunRules::runFinished(s, now, RunRules::engineActor(),
                                  QStringLiteral("stage %1 promoted; the last schedule item %2 is complete")
                                      .arg(s.stage().id, last)));
        return out;
    }

    // A runbook without stages (a maintenance window): done when every schedule item is complete (a failed
    // step only once a person skipped it); rolled back, it has no stage to restart from.
    if (rb.stages.isEmpty() && !rb.schedule.window.isEmpty() && out.isEmpty()) {
        if (s.phase() == RunState::Phase::Ready && s.windowStarted() && RunRules::outstanding(s).isEmpty()) {
            out.append(RunRules::runFinished(s, now, RunRules::engineActor(),
                                             QStringLiteral("every window step is complete")));
            return out;
        }
        if (s.phase() == RunState::Phase::RolledBack && s.rollback()) {
            out.append(RunRules::draft(
                s, now, JournalEventType::RunFinished, RunRules::engineActor(),
                {{QStringLiteral("outcome"), QStringLiteral("rolled_back")},
                 {QStringLiteral("reason"),
                  QStringLiteral("the window was rolled back (%1)%2")
                      .arg(s.rollback()->reason,
                           s.rollback()->ok ? QString()
                                            : QStringLiteral("; the rollback did not complete"))}}));
            return out;
        }
    }

    if (s.phase() == RunState::Phase::RollingBack && s.rollback()) {
        const auto &r = *s.rollback();
        bool all = true;
        for (const Action &a : rb.rollback.steps)
            all = all && RunRules::done(r.steps.value(a.id).status);
        if (all) {
            const qint64 elapsed = now - r.startedAt;
            out.append(RunRules::draft(s, now, JournalEventType::RollbackFinished, RunRules::engineActor(),
                                       {{QStringLiteral("result"), QStringLiteral("ok")},
                                        {QStringLiteral("elapsed_ms"), double(elapsed)},
                                        {QStringLiteral("target_ms"), double(r.target.count())},
                                        {QStringLiteral("within_target"), elapsed <= r.target.count()},
                                        {QStringLiteral("note"), QString()}}));
        }
        return out;
    }
    const Stage *stage = s.currentStage();
    if (s.phase() != RunState::Phase::InStage || !stage)
        return out;

    if (RunRules::ponrIsStage(s) && !s.pointOfNoReturnAt() && RunRules::rolloutDone(s, *stage))
        out.append(RunRules::ponrEvent(s, now));

    // Triggers: fired from samples, one rollback at most.
    bool rollbackRequested = false;
    for (const Trigger &t : rb.rollback.triggers) {
        const auto it = s.triggers().constFind(t.id);
        if (it == s.triggers().constEnd())
            continue;
        for (const TriggerFiring &f : it->due()) {
            out.append(RunRules::draft(s, now, JournalEventType::TriggerFired, RunRules::engineActor(),
                                       RunRules::firingPayload(s, t, f, now, QString(), QString())));
            if ((f.effect == TriggerEffect::Rollback || f.effect == TriggerEffect::Incident)
                && !rollbackRequested && !s.pointOfNoReturnAt()) {
                rollbackRequested = true;
                out.append(RunRules::rollbackStarted(
                    s, now, RunRules::engineActor(),
                    QStringLiteral("trigger %1 (%2): %3")
                        .arg(t.id, RunEvents::severityName(int(t.severity)), f.explanation),
                    t.id));
            }
        }
    }
    if (!rollbackRequested && !s.pointOfNoReturnAt()) {
        for (const RunState::Fired &f : s.fired()) {
            if (f.effect == TriggerEffect::RollbackWithin && !f.resolved && f.deadline
                && now >= *f.deadline) {
                out.append(RunRules::rollbackStarted(
                    s, now, RunRules::engineActor(),
                    QStringLiteral("trigger %1: rollback deadline reached").arg(f.trigger), f.trigger));
                rollbackRequested = true;
                break;
            }
        }
    }
    if (rollbackRequested)
        return out; // gates and checkpoints of a stage being rolled back are moot

    if (!s.stage().soakStart)
        return out;

    // Gate changes, journaled as they happen (awaiting_decision latches the stop).
    for (const GateView &v : views) {
        const QString phase = GateStatus::phaseName(v.status.phase);
        // A gate starts out waiting; journaling that would only add noise (and an event that depends on
        // whether the first samples of the soak were in before the engine looked).
        const QString before
            = s.stage().reportedGates.value(v.id, GateStatus::phaseName(GateStatus::Phase::Waiting));
        if (phase == before)
            continue;
        out.append(RunRules::draft(s, now, JournalEventType::GateChanged, RunRules::engineActor(),
                                   {{QStringLiteral("stage"), s.stage().id},
                                    {QStringLiteral("gate"), v.id},
                                    {QStringLiteral("from"), before},
                                    {QStringLiteral("to"), v.status.verdictKey()},
                                    {QStringLiteral("phase"), phase},
                                    {QStringLiteral("reason"), v.status.reason},
                                    {QStringLiteral("explanation"), v.status.explanation},
                                    {QStringLiteral("remaining_ms"), double(v.status.remaining.count())},
                                    {QStringLiteral("held_ms"), double(v.status.held.count())}}));
    }

    // Checkpoints: a snapshot of every metric's latest sample.
    for (const CheckpointDue &c : s.stage().checkpointPlan) {
        if (c.dueAt > now || s.stage().checkpointsDone.contains(c.index))
            continue;
        QJsonObject metrics;
        for (auto it = rb.metrics.constBegin(); it != rb.metrics.constEnd(); ++it) {
            const auto sample = s.latestSamples().constFind(it.key());
            if (sample == s.latestSamples().constEnd()) {
                metrics.insert(it.key(),
                               QJsonObject {{QStringLiteral("value"), QJsonValue()},
                                            {QStringLiteral("error"), QStringLiteral("no sample")}});
                continue;
            }
            metrics.insert(it.key(),
                           QJsonObject {{QStringLiteral("value"),
                                         sample->value ? QJsonValue(*sample->value) : QJsonValue()},
                                        {QStringLiteral("at"), double(sample->at)},
                                        {QStringLiteral("error"), sample->error}});
        }
        out.append(RunEvents::checkpoint(s.runId(), now, s.stage().id, c.index, c.offset, c.dueAt, metrics));
    }
    return out;
}

} // namespace cockpit
