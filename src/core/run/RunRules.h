#pragma once

#include "core/gates/TriggerTracker.h"
#include "core/journal/JournalEventDraft.h"
#include "core/run/RunPlan.h"
#include "core/run/RunState.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit {

// The small rules and event builders every job of the planner shares (RunPlanner's header says the
// rules as a whole). Pure functions of the state.
class RunRules
{
public:
    static constexpr const char *kEngine = "engine";
    static const QString &engineActor();

    // ok or accepted (a failure a person accepted as done)
    static bool done(const QString &status);
    // T-0 is set (schedule.t0 or the run's t0) and still ahead: no stage may be entered yet.
    static bool beforeT0(const RunState &s, qint64 now);
    // Schedule items with something left to do (RunState::scheduleItemComplete), earliest planned first.
    static QList<ScheduleItem> outstanding(const RunState &s);
    static bool samePerson(const QString &a, const QString &b);
    static Refusal refuse(const QString &message, const QStringList &reasons = {});
    static JournalEventDraft draft(const RunState &s, qint64 at, JournalEventType type, const QString &actor,
                                   QJsonObject p);
    static const Gate *findGate(const Stage &stage, const QString &id);
    static const Trigger *findTrigger(const Runbook &rb, const QString &id);
    static int restartIndex(const Runbook &rb);
    static bool rolloutDone(const RunState &s, const Stage &stage);
    static bool isManual(const Action &a);

    // What a running milestone waits for: the first action not done yet (in runbook order), or else its
    // checks.
    struct MilestoneNext
    {
        const Action *action = nullptr; // null: every action is done
        RunState::ActionState state;
    };
    static MilestoneNext milestoneNext(const RunState &s, const Milestone &m);

    static bool needsBaseline(const Gate &g);
    static bool baselinesCollected(const RunState &s, const Stage &stage);
    static bool soakElapsed(const RunState &s, qint64 now);
    // Whether a gate of the stage has an evaluation due that is not in yet: a check gate not run since the
    // soak ended (or never, with `every`), a comparison gate without its values.
    static bool gatesEvaluating(const RunState &s, const Stage &stage, qint64 now);

    static QJsonObject firingPayload(const RunState &s, const Trigger &t, const TriggerFiring &f, qint64 now,
                                     const QString &raisedBy, const QString &reason);
    static JournalEventDraft rollbackStarted(const RunState &s, qint64 now, const QString &actor,
                                             const QString &reason, const QString &trigger);
    static bool ponrIsStage(const RunState &s);
    static JournalEventDraft ponrEvent(const RunState &s, qint64 now);

    static JournalEventDraft milestoneFinished(const RunState &s, qint64 now, const QString &actor,
                                               const QString &milestone, bool ok, QJsonObject detail);
    static const Milestone *findMilestone(const Runbook &rb, const QString &id);
    static const Action *findMilestoneAction(const Runbook &rb, const QString &milestone, const QString &id);
    static QStringList t0Blockers(const RunState &s);

    // A window step failed and no person decided yet (retry, skip or roll back), or the run is rolling
    // back or rolled back: the window's later steps wait.
    static bool windowHeld(const RunState &s);
    // Why a window step may not start although its time has come (`after:`): Waiting while a step it names
    // has not ended; Held when one failed, was skipped by a person, or is held itself. `undecided`: a failed
    // step up the chain still waits for its own decision (retry, skip, roll back), so none is asked here.
    struct StepHold
    {
        enum class Kind { None, Waiting, Held };
        Kind kind = Kind::None;
        QString reason; // "waiting for final-sync", "held: final-sync failed"
        bool undecided = false;
    };
    static StepHold windowStepHold(const RunState &s, const QString &step);
    static const Action *findWindowStep(const Runbook &rb, const QString &id);
    // Whether a rollback can start now: a stage runs, or a maintenance window is under way before any.
    static bool canRollBack(const RunState &s);
    // run_finished: outcome completed, or completed_with_failures naming the steps that failed (skipped by
    // a person) in `failures` and in the reason.
    static JournalEventDraft runFinished(const RunState &s, qint64 now, const QString &actor, QString reason,
                                         QJsonObject extra = {});
};

} // namespace cockpit
