#include "core/run/RunRules.h"

#include "core/gates/TriggerTracker.h"

#include <QJsonArray>
#include <algorithm>
#include <functional>

namespace cockpit {

bool RunRules::windowHeld(const RunState &s)
{
    if (s.phase() == RunState::Phase::RollingBack || s.phase() == RunState::Phase::RolledBack)
        return true;
    for (const ScheduleItem &i : s.schedule().items())
        if (i.kind == ScheduleItem::Kind::WindowStep && i.actualEnd && i.failed && !s.scheduleItemComplete(i))
            return true;
    return false;
}

const Action *RunRules::findWindowStep(const Runbook &rb, const QString &id)
{
    for (const Action &a : rb.schedule.window)
        if (a.id == id)
            return &a;
    return nullptr;
}

RunRules::StepHold RunRules::windowStepHold(const RunState &s, const QString &step)
{
    // The loader rejects cycles; the depth bound only keeps a hand-made runbook from recursing forever.
    const std::function<StepHold(const QString &, int)> holdOf = [&](const QString &id, int depth) {
        StepHold out;
        const Action *a = findWindowStep(s.runbook(), id);
        if (!a || depth > s.runbook().schedule.window.size())
            return out;
        for (const QString &dep : a->after) {
            const auto item = s.schedule().item(dep);
            if (!item)
                continue;
            if (item->actualEnd && !item->failed)
                continue; // ended ok
            StepHold h;
            if (item->actualEnd) {
                const RunState::ActionState st = s.scheduleActions().value(dep);
                h.kind = StepHold::Kind::Held;
                if (st.status == QLatin1String("accepted")) {
                    h.reason = QStringLiteral("held: %1 was skipped by %2").arg(dep, st.actor);
                } else {
                    h.reason = QStringLiteral("held: %1 failed").arg(dep);
                    h.undecided = true;
                }
            } else {
                const StepHold up = holdOf(dep, depth + 1);
                if (up.kind == StepHold::Kind::Held && !item->actualStart) {
                    h = up;
                    h.reason = QStringLiteral("held: %1 is held (%2)")
                                   .arg(dep, up.reason.mid(int(qstrlen("held: "))));
                } else {
                    h.kind = StepHold::Kind::Waiting;
                    h.reason = QStringLiteral("waiting for %1").arg(dep);
                }
            }
            // A hold outweighs a wait; the first of each kind, in the order written, is the reason given.
            if ((h.kind == StepHold::Kind::Held && out.kind != StepHold::Kind::Held)
                || out.kind == StepHold::Kind::None)
                out = h;
        }
        return out;
    };
    return holdOf(step, 0);
}

bool RunRules::canRollBack(const RunState &s)
{
    return s.phase() == RunState::Phase::InStage
        || (s.phase() == RunState::Phase::Ready && s.windowStarted());
}

JournalEventDraft RunRules::runFinished(const RunState &s, qint64 now, const QString &actor, QString reason,
                                        QJsonObject extra)
{
    const QList<RunState::StepFailure> failures = s.stepFailures();
    QJsonArray list;
    QStringList texts;
    for (const RunState::StepFailure &f : failures) {
        list.append(QJsonObject {{QStringLiteral("kind"), f.kind},
                                 {QStringLiteral("stage"), f.stage},
                                 {QStringLiteral("id"), f.id},
                                 {QStringLiteral("skipped"), f.skipped},
                                 {QStringLiteral("by"), f.who},
                                 {QStringLiteral("reason"), f.reason}});
        texts << f.text();
    }
    texts.sort();
    if (!texts.isEmpty())
        reason += QStringLiteral("; with failures: ") + texts.join(QStringLiteral("; "));
    extra.insert(QStringLiteral("outcome"),
                 failures.isEmpty() ? QStringLiteral("completed")
                                    : QStringLiteral("completed_with_failures"));
    extra.insert(QStringLiteral("reason"), reason);
    if (!failures.isEmpty())
        extra.insert(QStringLiteral("failures"), list);
    return draft(s, now, JournalEventType::RunFinished, actor, std::move(extra));
}

bool RunRules::gatesEvaluating(const RunState &s, const Stage &stage, qint64 now)
{
    const bool elapsed = soakElapsed(s, now);
    for (const Gate &g : stage.gates) {
        if (g.kind == Gate::Kind::Check) {
            const bool periodic = g.every && g.every->count() > 0;
            if ((periodic || elapsed) && !s.stage().gateChecks.contains(g.id)
                && !s.stage().gateDecisions.contains(g.id))
                return true;
        } else if (needsBaseline(g) && elapsed && !s.stage().gateDecisions.contains(g.id)) {
            const RunState::GateValues v = s.stage().gateValues.value(g.id);
            const bool failed = !v.baselineError.isEmpty() || !v.currentError.isEmpty();
            if (!failed && (!v.baseline || !v.current))
                return true;
        }
    }
    return false;
}

const QString &RunRules::engineActor()
{
    static const QString actor = QString::fromLatin1(kEngine);
    return actor;
}

bool RunRules::done(const QString &status)
{
    return status == QLatin1String("ok") || status == QLatin1String("accepted");
}

// T-0 is set (schedule.t0 or the run's t0) and still ahead: no stage may be entered yet.
bool RunRules::beforeT0(const RunState &s, qint64 now)
{
    return s.hasT0() && now < s.schedule().t0();
}

// Schedule items with something left to do (RunState::scheduleItemComplete), earliest planned first.
QList<ScheduleItem> RunRules::outstanding(const RunState &s)
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

bool RunRules::samePerson(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

Refusal RunRules::refuse(const QString &message, const QStringList &reasons)
{
    return Refusal {message, reasons};
}

JournalEventDraft RunRules::draft(const RunState &s, qint64 at, JournalEventType type, const QString &actor,
                                  QJsonObject p)
{
    return JournalEventDraft {s.runId(), at, type, actor, std::move(p)};
}

const Gate *RunRules::findGate(const Stage &stage, const QString &id)
{
    for (const Gate &g : stage.gates) {
        if (g.id == id)
            return &g;
    }
    return nullptr;
}

const Trigger *RunRules::findTrigger(const Runbook &rb, const QString &id)
{
    for (const Trigger &t : rb.rollback.triggers) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

int RunRules::restartIndex(const Runbook &rb)
{
    for (int i = 0; i < rb.stages.size(); ++i) {
        if (rb.stages[i].id == rb.rollback.restartFrom)
            return i;
    }
    return 0;
}

bool RunRules::rolloutDone(const RunState &s, const Stage &stage)
{
    for (const Action &a : stage.rollout) {
        if (!RunRules::done(s.stage().rollout.value(a.id).status))
            return false;
    }
    return true;
}

bool RunRules::isManual(const Action &a)
{
    return std::holds_alternative<ManualCheck>(a.what);
}

RunRules::MilestoneNext RunRules::milestoneNext(const RunState &s, const Milestone &m)
{
    const auto progress = s.milestones().constFind(m.id);
    for (const Action &a : m.actions) {
        const RunState::ActionState st = progress == s.milestones().constEnd()
            ? RunState::ActionState {}
            : progress->actions.value(a.id);
        if (!RunRules::done(st.status))
            return {&a, st};
    }
    return {};
}

bool RunRules::needsBaseline(const Gate &g)
{
    return g.kind == Gate::Kind::NoDegradation || g.kind == Gate::Kind::NoNewValues;
}

bool RunRules::baselinesCollected(const RunState &s, const Stage &stage)
{
    for (const Gate &g : stage.gates) {
        if (RunRules::needsBaseline(g) && !s.stage().gateValues.value(g.id).baseline)
            return false;
    }
    return true;
}

bool RunRules::soakElapsed(const RunState &s, qint64 now)
{
    const auto end = s.soakEnd();
    return end && now >= *end;
}

QJsonObject RunRules::firingPayload(const RunState &s, const Trigger &t, const TriggerFiring &f, qint64 now,
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

JournalEventDraft RunRules::rollbackStarted(const RunState &s, qint64 now, const QString &actor,
                                            const QString &reason, const QString &trigger)
{
    return RunRules::draft(s, now, JournalEventType::RollbackStarted, actor,
                           {{QStringLiteral("stage"), s.stage().id},
                            {QStringLiteral("reason"), reason},
                            {QStringLiteral("trigger"), trigger},
                            {QStringLiteral("target_ms"), double(s.runbook().rollback.target.count())}});
}

bool RunRules::ponrIsStage(const RunState &s)
{
    return !s.runbook().rollback.pointOfNoReturnAfter.isEmpty()
        && s.runbook().rollback.pointOfNoReturnAfter == s.stage().id;
}

JournalEventDraft RunRules::ponrEvent(const RunState &s, qint64 now)
{
    return RunRules::draft(s, now, JournalEventType::PointOfNoReturn, RunRules::engineActor(),
                           {{QStringLiteral("after"), s.runbook().rollback.pointOfNoReturnAfter},
                            {QStringLiteral("description"), s.runbook().rollback.pointOfNoReturn}});
}

JournalEventDraft RunRules::milestoneFinished(const RunState &s, qint64 now, const QString &actor,
                                              const QString &milestone, bool ok, QJsonObject detail)
{
    if (const auto item = s.schedule().item(milestone)) {
        detail.insert(QStringLiteral("planned_at"), double(item->plannedStart));
        detail.insert(QStringLiteral("late_ms"), double(now - item->plannedStart));
    }
    return RunEvents::actionRun(s.runId(), now, actor, QStringLiteral("schedule"), QString(), milestone,
                                ok ? QStringLiteral("ok") : QStringLiteral("failed"), detail);
}

const Milestone *RunRules::findMilestone(const Runbook &rb, const QString &id)
{
    for (const Milestone &m : rb.schedule.milestones) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

const Action *RunRules::findMilestoneAction(const Runbook &rb, const QString &milestone, const QString &id)
{
    if (const Milestone *m = RunRules::findMilestone(rb, milestone)) {
        for (const Action &a : m->actions) {
            if (a.id == id)
                return &a;
        }
    }
    return nullptr;
}

QStringList RunRules::t0Blockers(const RunState &s)
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

} // namespace cockpit
