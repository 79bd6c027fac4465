#include "core/run/RunPlanner.h"

#include "core/gates/BaselineComparison.h"

#include <QDateTime>
#include <QJsonArray>
#include <algorithm>

namespace cockpit {

QStringList promotionBlockers(const RunState &s, qint64 now, const QString &executor,
                              const QList<GateView> &views);

namespace {

const QString kEngineActor = QString::fromLatin1(RunPlanner::kEngine);

QString dur(qint64 ms)
{
    return formatDuration(Milliseconds(ms));
}

bool done(const QString &status)
{
    return status == QLatin1String("ok") || status == QLatin1String("accepted");
}

// Roughly, for people: the two largest units ("2h 10m", "89d 23h", "40s").
QString roughly(qint64 ms)
{
    static constexpr struct
    {
        qint64 factor;
        const char *unit;
    } units[] = {{86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1000, "s"}};
    QStringList parts;
    for (const auto &u : units) {
        const qint64 n = ms / u.factor;
        ms %= u.factor;
        if (n > 0)
            parts << QString::number(n) + QLatin1String(u.unit);
        if (!parts.isEmpty() && (n == 0 || parts.size() == 2))
            break; // the largest unit and the one below it, if any
    }
    return parts.isEmpty() ? QStringLiteral("0s") : parts.join(QLatin1Char(' '));
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// T-0 is set (schedule.t0 or the run's t0) and still ahead: no stage may be entered yet.
bool beforeT0(const RunState &s, qint64 now)
{
    return s.hasT0() && now < s.schedule().t0();
}

// The parameter T-0 comes from (schedule.t0: ${t0}, ${window_start}), by its resolved value.
QString t0Param(const Runbook &rb)
{
    for (auto it = rb.params.constBegin(); it != rb.params.constEnd(); ++it) {
        if (!rb.schedule.t0.isEmpty() && it.value() == rb.schedule.t0)
            return it.key();
    }
    return QStringLiteral("t0");
}

QString t0Text(const RunState &s, qint64 now)
{
    return QStringLiteral("T-0 is %1, in %2").arg(iso(s.schedule().t0()), roughly(s.schedule().t0() - now));
}

// Schedule items with something left to do (RunState::scheduleItemComplete), earliest planned first.
QList<ScheduleItem> outstanding(const RunState &s)
{
    QList<ScheduleItem> out;
    for (const ScheduleItem &i : s.schedule().items()) {
        if (!s.scheduleItemComplete(i))
            out.append(i);
    }
    std::stable_sort(out.begin(), out.end(), [](const ScheduleItem &a, const ScheduleItem &b) {
        return a.plannedStart < b.plannedStart;
    });
    return out;
}

// "T+90d t-plus-90d (redirect window closes) due in 89d 23h": what a run in follow-up waits for.
QString followUpText(const RunState &s, qint64 now)
{
    const QList<ScheduleItem> left = outstanding(s);
    if (left.isEmpty())
        return QStringLiteral("follow-up: every schedule item is complete");
    const ScheduleItem &i = left.first();
    QString what = i.label + QLatin1Char(' ') + i.id;
    if (!i.title.isEmpty() && i.title != i.id)
        what += QStringLiteral(" (%1)").arg(i.title);
    QString when;
    if (i.actualEnd)
        when = QStringLiteral("ended %1: decision pending")
                   .arg(i.failed ? QStringLiteral("failed") : i.runsText());
    else if (i.actualStart)
        when = QStringLiteral("running since %1").arg(iso(*i.actualStart));
    else if (i.plannedStart > now)
        when = QStringLiteral("due in %1").arg(roughly(i.plannedStart - now));
    else
        when = QStringLiteral("due now (%1 late)").arg(roughly(now - i.plannedStart));
    return QStringLiteral("follow-up: %1 %2; %3 schedule item(s) left").arg(what, when).arg(left.size());
}

bool samePerson(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

Refusal refuse(const QString &message, const QStringList &reasons = {})
{
    return Refusal {message, reasons};
}

JournalEventDraft draft(const RunState &s, qint64 at, JournalEventType type, const QString &actor,
                        QJsonObject p)
{
    return JournalEventDraft {s.runId(), at, type, actor, std::move(p)};
}

const Gate *findGate(const Stage &stage, const QString &id)
{
    for (const Gate &g : stage.gates) {
        if (g.id == id)
            return &g;
    }
    return nullptr;
}

const Trigger *findTrigger(const Runbook &rb, const QString &id)
{
    for (const Trigger &t : rb.rollback.triggers) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

int restartIndex(const Runbook &rb)
{
    for (int i = 0; i < rb.stages.size(); ++i) {
        if (rb.stages[i].id == rb.rollback.restartFrom)
            return i;
    }
    return 0;
}

bool rolloutDone(const RunState &s, const Stage &stage)
{
    for (const Action &a : stage.rollout) {
        if (!done(s.stage().rollout.value(a.id).status))
            return false;
    }
    return true;
}

bool isManual(const Action &a)
{
    return std::holds_alternative<ManualCheck>(a.what);
}

// What a running milestone waits for: the first action not done yet (in runbook order), or else its checks.
struct MilestoneNext
{
    const Action *action = nullptr; // null: every action is done
    RunState::ActionState state;
};

MilestoneNext milestoneNext(const RunState &s, const Milestone &m)
{
    const auto progress = s.milestones().constFind(m.id);
    for (const Action &a : m.actions) {
        const RunState::ActionState st = progress == s.milestones().constEnd()
            ? RunState::ActionState {}
            : progress->actions.value(a.id);
        if (!done(st.status))
            return {&a, st};
    }
    return {};
}

bool needsBaseline(const Gate &g)
{
    return g.kind == Gate::Kind::NoDegradation || g.kind == Gate::Kind::NoNewValues;
}

bool baselinesCollected(const RunState &s, const Stage &stage)
{
    for (const Gate &g : stage.gates) {
        if (needsBaseline(g) && !s.stage().gateValues.value(g.id).baseline)
            return false;
    }
    return true;
}

bool soakElapsed(const RunState &s, qint64 now)
{
    const auto end = s.soakEnd();
    return end && now >= *end;
}

QJsonObject firingPayload(const RunState &s, const Trigger &t, const TriggerFiring &f, qint64 now,
                          const QString &raisedBy, const QString &reason)
{
    QJsonObject p {{QStringLiteral("stage"), s.stage().id},
                   {QStringLiteral("trigger"), t.id},
                   {QStringLiteral("severity"), RunEvents::severityName(int(t.severity))},
                   {QStringLiteral("action"), RunEvents::responseName(int(t.response))},
                   {QStringLiteral("effect"), triggerEffectName(f.effect)},
                   {QStringLiteral("values"), f.values},
                   {QStringLiteral("explanation"), f.explanation},
                   {QStringLiteral("held_ms"), double(f.heldFor.count())},
                   {QStringLiteral("raised_by"), raisedBy},
                   {QStringLiteral("reason"), reason}};
    if (f.effect == TriggerEffect::RollbackWithin)
        p.insert(QStringLiteral("deadline"), double(now + f.within.value_or(t.within).count()));
    if (f.effect == TriggerEffect::Extend)
        p.insert(QStringLiteral("extension_ms"), double(f.extension.count()));
    return p;
}

JournalEventDraft rollbackStarted(const RunState &s, qint64 now, const QString &actor, const QString &reason,
                                  const QString &trigger)
{
    return draft(s, now, JournalEventType::RollbackStarted, actor,
                 {{QStringLiteral("stage"), s.stage().id},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("trigger"), trigger},
                  {QStringLiteral("target_ms"), double(s.runbook().rollback.target.count())}});
}

bool ponrIsStage(const RunState &s)
{
    return !s.runbook().rollback.pointOfNoReturnAfter.isEmpty()
        && s.runbook().rollback.pointOfNoReturnAfter == s.stage().id;
}

JournalEventDraft ponrEvent(const RunState &s, qint64 now)
{
    return draft(s, now, JournalEventType::PointOfNoReturn, kEngineActor,
                 {{QStringLiteral("after"), s.runbook().rollback.pointOfNoReturnAfter},
                  {QStringLiteral("description"), s.runbook().rollback.pointOfNoReturn}});
}

// Every gate of the current stage, in runbook order; computed once per state and reused.
QList<GateView> gateViews(const RunState &s, qint64 now)
{
    QList<GateView> out;
    if (const Stage *stage = s.currentStage()) {
        for (const Gate &g : stage->gates)
            out.append(RunPlanner::gateView(s, g, now));
    }
    return out;
}

// One round of automatic events; the caller applies them and asks again until there are none.
QList<JournalEventDraft> automaticEvents(const RunState &s, qint64 now, const QList<GateView> &views)
{
    QList<JournalEventDraft> out;
    const Runbook &rb = s.runbook();

    // Point of no return after a schedule item.
    if (!s.pointOfNoReturnAt() && !rb.rollback.pointOfNoReturnAfter.isEmpty()
        && s.schedule().contains(rb.rollback.pointOfNoReturnAfter)) {
        const auto item = s.schedule().item(rb.rollback.pointOfNoReturnAfter);
        if (item && item->actualEnd && !item->failed)
            out.append(ponrEvent(s, now));
    }

    // Milestones: a manual action starts by itself (a person confirms it); with every action done and no
    // checks to run, the milestone is complete.
    for (const Milestone &m : rb.schedule.milestones) {
        if (!s.milestoneRunning(m.id))
            continue;
        const MilestoneNext next = milestoneNext(s, m);
        if (next.action && next.state.status.isEmpty() && isManual(*next.action))
            out.append(RunEvents::milestoneActionRun(
                s.runId(), now, kEngineActor, m.id, next.action->id, QStringLiteral("started"),
                {{QStringLiteral("manual"), true},
                 {QStringLiteral("instruction"), std::get<ManualCheck>(next.action->what).instruction}}));
        else if (!next.action && m.checks.isEmpty())
            out.append(RunPlanner::milestoneFinished(
                s, now, kEngineActor, m.id, true,
                {{QStringLiteral("summary"),
                  QStringLiteral("%1 actions done, no checks").arg(m.actions.size())}}));
    }

    // Follow-up: the run finishes once the last schedule item is complete (or waived).
    if (s.phase() == RunState::Phase::FollowUp && out.isEmpty() && outstanding(s).isEmpty()) {
        QString last;
        qint64 lastEnd = 0;
        for (const ScheduleItem &i : s.schedule().items()) {
            if (i.actualEnd && *i.actualEnd >= lastEnd) {
                lastEnd = *i.actualEnd;
                last = i.id;
            }
        }
        out.append(draft(s, now, JournalEventType::RunFinished, kEngineActor,
                         {{QStringLiteral("outcome"), QStringLiteral("completed")},
                          {QStringLiteral("reason"),
                           QStringLiteral("stage %1 promoted; the last schedule item %2 is complete")
                               .arg(s.stage().id, last)}}));
        return out;
    }

    if (s.phase() == RunState::Phase::RollingBack && s.rollback()) {
        const auto &r = *s.rollback();
        bool all = true;
        for (const Action &a : rb.rollback.steps)
            all = all && done(r.steps.value(a.id).status);
        if (all) {
            const qint64 elapsed = now - r.startedAt;
            out.append(draft(s, now, JournalEventType::RollbackFinished, kEngineActor,
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

    if (ponrIsStage(s) && !s.pointOfNoReturnAt() && rolloutDone(s, *stage))
        out.append(ponrEvent(s, now));

    // Triggers: fired from samples, one rollback at most.
    bool rollbackRequested = false;
    for (const Trigger &t : rb.rollback.triggers) {
        const auto it = s.triggers().constFind(t.id);
        if (it == s.triggers().constEnd())
            continue;
        for (const TriggerFiring &f : it->due()) {
            out.append(draft(s, now, JournalEventType::TriggerFired, kEngineActor,
                             firingPayload(s, t, f, now, QString(), QString())));
            if ((f.effect == TriggerEffect::Rollback || f.effect == TriggerEffect::Incident)
                && !rollbackRequested && !s.pointOfNoReturnAt()) {
                rollbackRequested = true;
                out.append(
                    rollbackStarted(s, now, kEngineActor,
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
                out.append(rollbackStarted(
                    s, now, kEngineActor,
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
        out.append(draft(s, now, JournalEventType::GateChanged, kEngineActor,
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

QList<RunEffect> effectsOf(const RunState &s, qint64 now)
{
    QList<RunEffect> out;
    const Runbook &rb = s.runbook();
    if (s.phase() == RunState::Phase::NotStarted || s.phase() == RunState::Phase::Finished)
        return out;

    // T-0 held (a dry run short of its required passed runs): the window steps wait.
    const bool t0Held = !RunPlanner::t0Blockers(s).isEmpty();
    for (const ScheduleItem &i : s.schedule().due(now)) {
        if (t0Held && i.kind == ScheduleItem::Kind::WindowStep)
            continue;
        if (!s.scheduleActions().contains(i.id))
            out.append({RunEffect::Kind::StartScheduleItem, QString(), i.id, QStringLiteral("schedule")});
    }
    // A running milestone: its next action (in order; a started or failed one holds the rest), then its
    // checks once every action is done.
    for (const Milestone &m : rb.schedule.milestones) {
        if (!s.milestoneRunning(m.id))
            continue;
        const MilestoneNext next = milestoneNext(s, m);
        if (next.action) {
            if (next.state.status.isEmpty() && !isManual(*next.action))
                out.append({RunEffect::Kind::RunAction, m.id, next.action->id, QStringLiteral("schedule")});
        } else if (!m.checks.isEmpty()) {
            out.append({RunEffect::Kind::RunCheck, m.id, m.id, QStringLiteral("milestone")});
        }
    }

    if (s.phase() == RunState::Phase::RollingBack && s.rollback()) {
        for (const Action &a : rb.rollback.steps) {
            const QString st = s.rollback()->steps.value(a.id).status;
            if (done(st))
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
        if (needsBaseline(g) && !s.stage().gateValues.value(g.id).baseline)
            out.append({RunEffect::Kind::CollectGateValues, sid, g.id, QStringLiteral("baseline")});
    }
    if (baselinesCollected(s, *stage)) {
        for (const Action &a : stage->rollout) {
            const QString st = s.stage().rollout.value(a.id).status;
            if (done(st))
                continue;
            if (st.isEmpty())
                out.append({RunEffect::Kind::RunAction, sid, a.id, QStringLiteral("rollout")});
            break;
        }
    }
    const bool rolledOut = rolloutDone(s, *stage);
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
    if (!s.stage().soakStart)
        return out;
    const bool elapsed = soakElapsed(s, now);
    for (const Gate &g : stage->gates) {
        if (needsBaseline(g) && elapsed && !s.stage().gateValues.value(g.id).current)
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

QList<PendingDecision> pendingOf(const RunState &s, qint64 now, const QList<GateView> &views)
{
    QList<PendingDecision> out;
    const Runbook &rb = s.runbook();
    if (s.phase() == RunState::Phase::NotStarted || s.phase() == RunState::Phase::Finished)
        return out;
    for (const Milestone &m : rb.schedule.milestones) {
        if (!s.milestoneRunning(m.id))
            continue;
        const MilestoneNext next = milestoneNext(s, m);
        if (!next.action)
            continue;
        const QString aid = next.action->id;
        if (next.state.status == QLatin1String("failed"))
            out.append(
                {QStringLiteral("schedule"), aid, m.id,
                 QStringLiteral("milestone %1: action %2 failed: accept it as done, or retry").arg(m.id, aid),
                 next.state.at, std::nullopt});
        else if (next.state.status == QLatin1String("started") && isManual(*next.action))
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
    switch (s.phase()) {
    case RunState::Phase::NotStarted:
    case RunState::Phase::FollowUp: // no stage: only the schedule's own decisions (above)
    case RunState::Phase::Finished: return out;
    case RunState::Phase::Ready:
        // While T-0 is held the milestones' own decisions say what to do; entering would be refused, and so
        // it would before T-0 (RunStatus::waitingFor says when).
        if (!rb.stages.isEmpty() && RunPlanner::t0Blockers(s).isEmpty() && !beforeT0(s, now))
            out.append({QStringLiteral("enter_stage"), rb.stages.first().id, QString(),
                        QStringLiteral("enter the first stage"), s.startedAt(), std::nullopt});
        return out;
    case RunState::Phase::RolledBack: {
        const int i = restartIndex(rb);
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
                if (!done(st.status))
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
    if (s.stage().soakStart) {
        for (qsizetype k = 0; k < stage->gates.size() && k < views.size(); ++k) {
            const Gate &g = stage->gates[k];
            const GateView &v = views[k];
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
    const QStringList blockers = promotionBlockers(s, now, QString(), views);
    if (blockers.isEmpty()) {
        out.append({QStringLiteral("promote"), sid, sid, QStringLiteral("every promotion condition holds"),
                    now, std::nullopt});
    } else if (blockers.size() == 1 && blockers.first().startsWith(QLatin1String("second approver"))) {
        out.append({QStringLiteral("second_approval"), sid, sid, blockers.first(), now, std::nullopt});
    }
    return out;
}

std::optional<qint64> wakeOf(const RunState &s, qint64 now, const QList<GateView> &views)
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

} // namespace

QString RunEffect::kindName(Kind k)
{
    switch (k) {
    case Kind::SampleMetric: return QStringLiteral("sample_metric");
    case Kind::RunAction: return QStringLiteral("run_action");
    case Kind::RunCheck: return QStringLiteral("run_check");
    case Kind::CollectGateValues: return QStringLiteral("collect_gate_values");
    case Kind::RunRollbackStep: return QStringLiteral("run_rollback_step");
    case Kind::StartScheduleItem: return QStringLiteral("start_schedule_item");
    }
    return {};
}

JournalEventDraft RunPlanner::milestoneFinished(const RunState &s, qint64 now, const QString &actor,
                                                const QString &milestone, bool ok, QJsonObject detail)
{
    if (const auto item = s.schedule().item(milestone)) {
        detail.insert(QStringLiteral("planned_at"), double(item->plannedStart));
        detail.insert(QStringLiteral("late_ms"), double(now - item->plannedStart));
    }
    return RunEvents::actionRun(s.runId(), now, actor, QStringLiteral("schedule"), QString(), milestone,
                                ok ? QStringLiteral("ok") : QStringLiteral("failed"), detail);
}

const Milestone *RunPlanner::findMilestone(const Runbook &rb, const QString &id)
{
    for (const Milestone &m : rb.schedule.milestones) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

const Action *RunPlanner::findMilestoneAction(const Runbook &rb, const QString &milestone, const QString &id)
{
    if (const Milestone *m = findMilestone(rb, milestone)) {
        for (const Action &a : m->actions) {
            if (a.id == id)
                return &a;
        }
    }
    return nullptr;
}

QStringList RunPlanner::t0Blockers(const RunState &s)
{
    QStringList b;
    if (!s.stageAttempts().isEmpty())
        return b; // a stage was entered: T-0 has passed
    const QList<ScheduleItem> &items = s.schedule().items();
    if (std::any_of(items.cbegin(), items.cend(), [](const ScheduleItem &i) {
            return i.kind == ScheduleItem::Kind::WindowStep && i.actualStart;
        }))
        return b;
    for (const ScheduleItem &i : items) {
        // Only an explicit min_runs (above the default 1) holds T-0: it says "pass N times before T-0".
        if (i.kind != ScheduleItem::Kind::Milestone || !i.beforeT0 || i.minRuns < 2 || i.satisfied()
            || s.milestoneWaivers().contains(i.id))
            continue;
        b << QStringLiteral("milestone %1: %2 of %3 required runs passed")
                 .arg(i.id)
                 .arg(i.okRuns)
                 .arg(i.minRuns);
    }
    return b;
}

QList<CheckpointDue> RunPlanner::checkpointPlan(const RunState &s)
{
    return s.currentStage() ? s.stage().checkpointPlan : QList<CheckpointDue>();
}

GateView RunPlanner::gateView(const RunState &s, const Gate &g, qint64 now)
{
    GateView v;
    v.id = g.id;
    v.title = g.title.isEmpty() ? g.id : g.title;
    v.kind = g.kind;
    GateStatus &st = v.status;
    const auto &sp = s.stage();
    if (!sp.soakStart && g.kind != Gate::Kind::Manual) {
        st.phase = GateStatus::Phase::Waiting;
        st.verdict = Verdict::NoData;
        st.remaining = g.hold;
        st.reason = QStringLiteral("the soak has not started (rollout not complete)");
        return v;
    }
    auto decided = [&]() -> bool {
        const auto d = sp.gateDecisions.constFind(g.id);
        if (d == sp.gateDecisions.constEnd())
            return false;
        st.phase = d->accept ? GateStatus::Phase::Passed : GateStatus::Phase::Failed;
        st.verdict = d->accept ? Verdict::Pass : Verdict::Fail;
        st.reason = QStringLiteral("%1 by %2: %3")
                        .arg(d->accept ? QStringLiteral("accepted") : QStringLiteral("rejected"), d->who,
                             d->reason);
        return true;
    };
    auto awaiting = [&](const QString &why) {
        st.phase = GateStatus::Phase::AwaitingDecision;
        st.verdict = Verdict::Inconclusive;
        st.reason = why;
    };
    switch (g.kind) {
    case Gate::Kind::Condition: {
        const auto t = sp.conditionGates.constFind(g.id);
        if (t != sp.conditionGates.constEnd())
            st = t->status(now);
        return v;
    }
    case Gate::Kind::Manual: {
        const auto c = sp.manual.constFind(g.id);
        if (c == sp.manual.constEnd()) {
            st.phase = GateStatus::Phase::Waiting;
            st.reason = QStringLiteral("awaiting confirmation: %1").arg(g.instruction);
        } else {
            st.phase = GateStatus::Phase::Passed;
            st.verdict = Verdict::Pass;
            st.reason = QStringLiteral("confirmed by %1").arg(c->who);
            st.explanation = c->statement;
        }
        return v;
    }
    case Gate::Kind::NoDegradation:
    case Gate::Kind::NoNewValues: {
        const RunState::GateValues values = sp.gateValues.value(g.id);
        if (decided())
            return v;
        if (!values.baselineError.isEmpty() || !values.currentError.isEmpty()) {
            awaiting(QStringLiteral("values could not be collected: %1")
                         .arg(values.baselineError.isEmpty() ? values.currentError : values.baselineError));
            return v;
        }
        if (!values.baseline || !values.current) {
            st.phase = GateStatus::Phase::Waiting;
            st.verdict = Verdict::NoData;
            st.reason = values.baseline
                ? QStringLiteral("the current values are collected when the soak ends")
                : QStringLiteral("waiting for the baseline values");
            return v;
        }
        std::optional<RunState::GateValues::Comparison> &cached = *values.comparison;
        if (!cached) {
            RunState::GateValues::Comparison cmp;
            if (g.kind == Gate::Kind::NoDegradation) {
                QList<double> b;
                QList<double> c;
                for (const auto &x : *values.baseline)
                    b.append(x.toDouble());
                for (const auto &x : *values.current)
                    c.append(x.toDouble());
                const DegradationReport r = BaselineComparison::noDegradation(b, c, g.alpha, g.tolerance);
                cmp = {r.verdict, r.explanation, r.toJson()};
            } else {
                QStringList b;
                QStringList c;
                for (const auto &x : *values.baseline)
                    b.append(x.isString() ? x.toString() : x.toVariant().toString());
                for (const auto &x : *values.current)
                    c.append(x.isString() ? x.toString() : x.toVariant().toString());
                const NewValuesReport r = BaselineComparison::noNewValues(b, c);
                cmp = {r.verdict, r.explanation, r.toJson()};
            }
            cached = std::move(cmp);
        }
        const Verdict verdict = cached->verdict;
        st.explanation = cached->explanation;
        v.details = cached->details;
        switch (verdict) {
        case Verdict::Pass:
            st.phase = GateStatus::Phase::Passed;
            st.verdict = Verdict::Pass;
            break;
        case Verdict::Fail:
            st.phase = GateStatus::Phase::Failed;
            st.verdict = Verdict::Fail;
            st.reason = st.explanation;
            break;
        case Verdict::NoData:
        case Verdict::Inconclusive: awaiting(st.explanation); break;
        }
        return v;
    }
    case Gate::Kind::Check: {
        if (decided())
            return v;
        const auto c = sp.gateChecks.constFind(g.id);
        if (c == sp.gateChecks.constEnd()) {
            st.phase = GateStatus::Phase::Waiting;
            st.verdict = Verdict::NoData;
            st.reason = QStringLiteral("not run yet");
            return v;
        }
        st.explanation = c->explanation;
        if (c->everFailed || c->verdict == Verdict::Fail) {
            st.phase = GateStatus::Phase::Failed;
            st.verdict = Verdict::Fail;
            st.reason = c->explanation;
        } else if (c->verdict == Verdict::Pass) {
            st.phase = GateStatus::Phase::Passed;
            st.verdict = Verdict::Pass;
        } else {
            awaiting(c->explanation.isEmpty() ? verdictName(c->verdict) : c->explanation);
        }
        return v;
    }
    }
    return v;
}

QStringList RunPlanner::promotionBlockers(const RunState &s, qint64 now, const QString &executor)
{
    return cockpit::promotionBlockers(s, now, executor, gateViews(s, now));
}

QStringList promotionBlockers(const RunState &s, qint64 now, const QString &executor,
                              const QList<GateView> &views)
{
    QStringList b;
    const Stage *stage = s.currentStage();
    if (s.phase() != RunState::Phase::InStage || !stage) {
        b << QStringLiteral("no stage is running (%1)").arg(RunState::phaseName(s.phase()));
        return b;
    }
    const auto &sp = s.stage();
    for (const Action &a : stage->rollout) {
        if (!done(sp.rollout.value(a.id).status))
            b << QStringLiteral("rollout action %1 not done").arg(a.id);
    }
    for (const Check &c : stage->verify) {
        const auto r = sp.verify.constFind(c.id);
        if (c.required
            && (r == sp.verify.constEnd() || (r->verdict != Verdict::Pass && r->acceptedBy.isEmpty())))
            b << QStringLiteral("verify check %1 %2")
                     .arg(c.id,
                          r == sp.verify.constEnd() ? QStringLiteral("not run") : verdictName(r->verdict));
    }
    if (!sp.soakStart) {
        b << QStringLiteral("soak not started");
    } else if (!soakElapsed(s, now)) {
        b << QStringLiteral("soak: %1 remaining").arg(dur(*s.soakEnd() - now));
    }
    for (const GateView &v : views) {
        if (!v.status.passed())
            b << QStringLiteral("gate %1: %2%3")
                     .arg(v.id, GateStatus::phaseName(v.status.phase),
                          v.status.reason.isEmpty()
                              ? QString()
                              : QStringLiteral(" (") + v.status.reason + QLatin1Char(')'));
    }
    for (const Trigger &t : s.runbook().rollback.triggers) {
        const auto it = s.triggers().constFind(t.id);
        if (it == s.triggers().constEnd() || !it->active())
            continue;
        if (t.response == Trigger::Response::Extend || t.response == Trigger::Response::RollbackIfPersists)
            b << QStringLiteral("trigger %1 still holds (monitoring extended): %2")
                     .arg(t.id, it->explanation());
    }
    for (const RunState::Fired &f : s.fired()) {
        if (f.stage == sp.id && !f.resolved && f.effect == TriggerEffect::RollbackWithin)
            b << QStringLiteral("trigger %1 asks for a rollback by %2")
                     .arg(f.trigger)
                     .arg(f.deadline.value_or(0));
    }
    for (const Action &a : stage->rollout) {
        if (sp.rollout.value(a.id).status == QLatin1String("failed"))
            b << QStringLiteral("rollout action %1 failed: decision pending").arg(a.id);
    }
    // Segregation of duties: entering a stage marked second_approver needs an approval recorded in the
    // stage before it, by a named person other than the one promoting.
    const int next = sp.index + 1;
    if (next < s.runbook().stages.size() && s.runbook().stages[next].requiresSecondApprover) {
        bool ok = false;
        for (const auto &a : sp.promotionApprovals)
            ok = ok || (!a.who.trimmed().isEmpty() && (executor.isEmpty() || !samePerson(a.who, executor)));
        if (!ok)
            b << (sp.promotionApprovals.isEmpty()
                      ? QStringLiteral("second approver: entering %1 needs approval by a second person")
                            .arg(s.runbook().stages[next].id)
                      : QStringLiteral("second approver: the approver must not be the person promoting (%1)")
                            .arg(executor));
    }
    return b;
}

RunPlan RunPlanner::step(const RunState &state, qint64 now)
{
    RunPlan plan;
    std::optional<RunState> preview;
    QList<GateView> views = gateViews(state, now);
    for (int round = 0; round < 16; ++round) {
        const RunState &cur = preview ? *preview : state;
        const QList<JournalEventDraft> events = automaticEvents(cur, now, views);
        if (events.isEmpty())
            break;
        if (!preview)
            preview = state;
        for (const JournalEventDraft &e : events)
            preview->apply(e);
        plan.events += events;
        views = gateViews(*preview, now);
    }
    const RunState &fin = preview ? *preview : state;
    plan.effects = effectsOf(fin, now);
    plan.pending = pendingOf(fin, now, views);
    plan.wakeAt = wakeOf(fin, now, views);
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
    const QList<GateView> views = gateViews(s, now);
    r.pending = pendingOf(s, now, views);
    r.t0Blockers = t0Blockers(s);
    if (s.phase() == RunState::Phase::FollowUp)
        r.waitingFor = followUpText(s, now);
    else if (s.phase() == RunState::Phase::Ready && beforeT0(s, now) && !s.runbook().stages.isEmpty())
        r.waitingFor = QStringLiteral("%1: %2 can be entered from then")
                           .arg(t0Text(s, now), s.runbook().stages.first().id);
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
    r.blockers = cockpit::promotionBlockers(s, now, QString(), views);
    return r;
}

RunCommand RunPlanner::enterStage(const RunState &s, qint64 now, const QString &stageId, const QString &who)
{
    if (who.trimmed().isEmpty())
        return unexpected(refuse(QStringLiteral("entering a stage needs the name of the person doing it")));
    const Runbook &rb = s.runbook();
    int index = -1;
    for (int i = 0; i < rb.stages.size(); ++i) {
        if (rb.stages[i].id == stageId)
            index = i;
    }
    if (index < 0)
        return unexpected(refuse(QStringLiteral("no stage %1 in the runbook").arg(stageId)));
    const Stage &stage = rb.stages[index];
    bool restart = false;
    switch (s.phase()) {
    case RunState::Phase::NotStarted: return unexpected(refuse(QStringLiteral("the run has not started")));
    case RunState::Phase::Finished: return unexpected(refuse(QStringLiteral("the run has finished")));
    case RunState::Phase::FollowUp:
        return unexpected(refuse(QStringLiteral("the last stage was promoted; the run is in follow-up until "
                                                "its schedule is complete")));
    case RunState::Phase::RollingBack:
        return unexpected(
            refuse(QStringLiteral("a rollback is in progress; the run restarts once it has finished")));
    case RunState::Phase::InStage:
        if (index == s.stage().index + 1)
            return unexpected(
                refuse(QStringLiteral("stage %1 is entered by promoting %2").arg(stageId, s.stage().id)));
        return unexpected(
            refuse(QStringLiteral("stages cannot be skipped: %1 is running, the next stage is %2")
                       .arg(s.stage().id,
                            s.stage().index + 1 < rb.stages.size() ? rb.stages[s.stage().index + 1].id
                                                                   : QStringLiteral("none"))));
    case RunState::Phase::Ready: {
        if (index != 0 && !stage.canRunAlone)
            return unexpected(refuse(
                QStringLiteral("stages cannot be skipped: the run starts at %1").arg(rb.stages.first().id)));
        const QStringList held = t0Blockers(s);
        // Before T-0 the stage would watch a cutover that has not happened; a rehearsal moves T-0 instead.
        if (beforeT0(s, now))
            return unexpected(
                refuse(QStringLiteral("%1; to rehearse now, set the %2 param to now")
                           .arg(t0Text(s, now), t0Param(rb)),
                       QStringList {QStringLiteral("%1 cannot be entered before T-0").arg(stageId)} + held));
        if (!held.isEmpty())
            return unexpected(refuse(
                QStringLiteral("T-0 is held: %1 cannot be entered before the T-minus milestones have passed "
                               "their required runs (or are waived)")
                    .arg(stageId),
                held));
        break;
    }
    case RunState::Phase::RolledBack: {
        const int from = restartIndex(rb);
        if (index != from)
            return unexpected(
                refuse(QStringLiteral("after a rollback the run restarts from %1; stages cannot be skipped")
                           .arg(rb.stages[from].id)));
        restart = true;
        break;
    }
    }
    const int attempt = s.stageAttempts().value(stageId) + 1;
    return QList<JournalEventDraft> {
        RunEvents::stageEntered(s.runId(), now, who, stageId, index, attempt, restart, QString(), QString())};
}

RunCommand RunPlanner::promote(const RunState &s, qint64 now, const QString &who)
{
    if (who.trimmed().isEmpty())
        return unexpected(refuse(QStringLiteral("promotion needs the name of the person promoting")));
    const QStringList blockers = promotionBlockers(s, now, who);
    if (!blockers.isEmpty())
        return unexpected(refuse(QStringLiteral("%1 cannot be promoted yet").arg(s.stage().id), blockers));
    const Stage *stage = s.currentStage();
    QString approver;
    for (const auto &a : s.stage().promotionApprovals) {
        if (!samePerson(a.who, who))
            approver = a.who;
    }
    QList<JournalEventDraft> out;
    if (ponrIsStage(s) && !s.pointOfNoReturnAt())
        out.append(ponrEvent(s, now));
    const int next = s.stage().index + 1;
    if (next >= s.runbook().stages.size()) {
        // Schedule items still to come (T+90d, T+180d): the run stays open in follow-up until they are.
        const QList<ScheduleItem> left = outstanding(s);
        if (!left.isEmpty()) {
            QJsonArray ids;
            for (const ScheduleItem &i : left)
                ids.append(i.id);
            out.append(draft(s, now, JournalEventType::Note, who,
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
        out.append(draft(
            s, now, JournalEventType::RunFinished, who,
            {{QStringLiteral("outcome"), QStringLiteral("completed")},
             {QStringLiteral("reason"), QStringLiteral("stage %1 promoted; no stage left").arg(stage->id)},
             {QStringLiteral("approved_by"), approver}}));
        return out;
    }
    const QString nextId = s.runbook().stages[next].id;
    out.append(RunEvents::stageEntered(s.runId(), now, who, nextId, next, s.stageAttempts().value(nextId) + 1,
                                       false, stage->id, approver));
    return out;
}

RunCommand RunPlanner::approvePromotion(const RunState &s, qint64 now, const QString &who,
                                        const QString &statement)
{
    if (who.trimmed().isEmpty())
        return unexpected(refuse(QStringLiteral("an approval needs the approver's name")));
    if (s.phase() != RunState::Phase::InStage)
        return unexpected(refuse(QStringLiteral("no stage is running")));
    return QList<JournalEventDraft> {RunEvents::approval(s.runId(), now, who, s.stage().id,
                                                         QStringLiteral("promotion"), QString(), statement)};
}

RunCommand RunPlanner::confirmManualGate(const RunState &s, qint64 now, const QString &gateId,
                                         const QString &who, const QString &statement)
{
    if (who.trimmed().isEmpty())
        return unexpected(refuse(QStringLiteral("a confirmation needs the name of the person confirming")));
    const Stage *stage = s.currentStage();
    if (s.phase() != RunState::Phase::InStage || !stage)
        return unexpected(refuse(QStringLiteral("no stage is running")));
    const Gate *g = findGate(*stage, gateId);
    if (!g || g->kind != Gate::Kind::Manual)
        return unexpected(refuse(QStringLiteral("%1 is not a manual gate of %2").arg(gateId, stage->id)));
    return QList<JournalEventDraft> {RunEvents::approval(s.runId(), now, who, stage->id,
                                                         QStringLiteral("manual_gate"), gateId, statement)};
}

RunCommand RunPlanner::decide(const RunState &s, qint64 now, const QString &targetKind, const QString &target,
                              bool accept, const QString &who, const QString &reason)
{
    if (who.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return unexpected(refuse(QStringLiteral("a decision is recorded with a name and a reason")));
    const QString sid = s.stage().id;
    const auto pending = pendingOf(s, now, gateViews(s, now));
    const auto open = std::find_if(pending.cbegin(), pending.cend(), [&](const PendingDecision &p) {
        return p.kind == targetKind
            && (p.target == target
                || (!p.stage.isEmpty() && p.stage + QLatin1Char('/') + p.target == target));
    });
    if (open == pending.cend())
        return unexpected(refuse(QStringLiteral("no decision is pending on %1 %2").arg(targetKind, target)));
    // A milestone whose run ended: reject = a new run (its start, journaled with the decision by the same
    // person), accept = a waiver (RunState folds it).
    if (targetKind == QLatin1String("schedule") && open->stage.isEmpty()
        && RunPlanner::findMilestone(s.runbook(), open->target)) {
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
    // A schedule decision on a milestone's action names the milestone (its pending item's stage).
    const bool milestoneAction = targetKind == QLatin1String("schedule") && !open->stage.isEmpty();
    const QString stage = targetKind == QLatin1String("rollback_step") ? s.rollback()->stage
        : milestoneAction                                              ? open->stage
                                                                       : sid;
    QList<JournalEventDraft> out {RunEvents::decision(s.runId(), now, who, stage, targetKind, open->target,
                                                      accept, reason,
                                                      milestoneAction ? open->stage : QString())};
    if (targetKind == QLatin1String("trigger") && !accept)
        out.append(
            rollbackStarted(s, now, who, QStringLiteral("trigger %1: %2").arg(target, reason), target));
    return out;
}

RunCommand RunPlanner::raiseTrigger(const RunState &s, qint64 now, const QString &triggerId,
                                    const QString &who, const QString &reason)
{
    if (who.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return unexpected(refuse(QStringLiteral("raising a trigger needs a name and a reason")));
    if (s.phase() != RunState::Phase::InStage)
        return unexpected(refuse(QStringLiteral("no stage is running")));
    const Trigger *t = findTrigger(s.runbook(), triggerId);
    if (!t)
        return unexpected(refuse(QStringLiteral("no trigger %1 in the runbook").arg(triggerId)));
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
    QList<JournalEventDraft> out {
        draft(s, now, JournalEventType::TriggerFired, who, firingPayload(s, *t, f, now, who, reason))};
    if ((f.effect == TriggerEffect::Rollback || f.effect == TriggerEffect::Incident)
        && !s.pointOfNoReturnAt())
        out.append(rollbackStarted(
            s, now, who, QStringLiteral("trigger %1 raised by %2: %3").arg(t->id, who, reason), t->id));
    return out;
}

RunCommand RunPlanner::startRollback(const RunState &s, qint64 now, const QString &who, const QString &reason)
{
    if (who.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return unexpected(refuse(QStringLiteral("a rollback is started with a name and a reason")));
    if (s.phase() != RunState::Phase::InStage)
        return unexpected(
            refuse(QStringLiteral("no stage is running (%1)").arg(RunState::phaseName(s.phase()))));
    if (s.pointOfNoReturnAt())
        return unexpected(refuse(QStringLiteral("the point of no return was passed: %1")
                                     .arg(s.runbook().rollback.pointOfNoReturn)));
    return QList<JournalEventDraft> {rollbackStarted(s, now, who, reason, QString())};
}

RunCommand RunPlanner::finishRollback(const RunState &s, qint64 now, const QString &who, bool ok,
                                      const QString &note)
{
    if (who.trimmed().isEmpty() || note.trimmed().isEmpty())
        return unexpected(refuse(QStringLiteral("ending a rollback by hand needs a name and a note")));
    if (s.phase() != RunState::Phase::RollingBack || !s.rollback())
        return unexpected(refuse(QStringLiteral("no rollback is in progress")));
    const qint64 elapsed = now - s.rollback()->startedAt;
    return QList<JournalEventDraft> {
        draft(s, now, JournalEventType::RollbackFinished, who,
              {{QStringLiteral("result"), ok ? QStringLiteral("ok") : QStringLiteral("failed")},
               {QStringLiteral("elapsed_ms"), double(elapsed)},
               {QStringLiteral("target_ms"), double(s.rollback()->target.count())},
               {QStringLiteral("within_target"), elapsed <= s.rollback()->target.count()},
               {QStringLiteral("note"), note}})};
}

RunCommand RunPlanner::abort(const RunState &s, qint64 now, const QString &who, const QString &reason)
{
    if (who.trimmed().isEmpty() || reason.trimmed().isEmpty())
        return unexpected(refuse(QStringLiteral("aborting a run needs a name and a reason")));
    if (s.phase() == RunState::Phase::NotStarted || s.phase() == RunState::Phase::Finished)
        return unexpected(refuse(QStringLiteral("the run is not active")));
    return QList<JournalEventDraft> {
        draft(s, now, JournalEventType::RunFinished, who,
              {{QStringLiteral("outcome"), QStringLiteral("aborted")}, {QStringLiteral("reason"), reason}})};
}

} // namespace cockpit
