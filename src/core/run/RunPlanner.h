#pragma once

#include "core/gates/CheckpointSchedule.h"
#include "core/journal/JournalEventDraft.h"
#include "core/run/GateView.h"
#include "core/run/PendingDecision.h"
#include "core/run/RunEffect.h"
#include "core/run/RunPlan.h"
#include "core/run/RunRules.h"
#include "core/run/RunState.h"
#include "core/run/RunStatus.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit {

// Decides what happens next in a run, from its runbook, its state and the time. Pure: no clock, no I/O,
// no members; the same inputs give the same drafts. The driver loop:
//   state = RunState::replay(runbook, journal events)        // at start-up and after a crash
//   loop: plan = step(state, clock.now()); append + apply plan.events; perform plan.effects (their results
//         are appended + applied as they arrive, then step again); wake at plan.wakeAt.
// Commands of people (enter a stage, promote, approve, decide, raise a trigger, roll back) return the
// drafts to append, or a Refusal saying why not.
//
// Rules:
// - The last stage's promotion finishes the run, unless schedule items are not complete yet (T+90d): then the
//   run is in follow-up (no stage, no rollback; the schedule runs on) and finishes when the last one is
//   complete (ended passed, or waived by a milestone decision).
// - Stages run in order and are never skipped; the first stage (or one marked can_run_alone) is entered
//   by a person; after a rollback only restart_from (default: the first stage) may be entered.
// - A stage's soak starts when its last rollout action succeeded; gates count samples from then on.
// - Promotion needs: rollout done, required verify checks passed, the soak (plus extensions) elapsed,
//   every gate Pass (manual gates confirmed), no pending decision, no active extend trigger, no
//   unresolved rollback_within, and — when the next stage is marked second_approver (100% traffic,
//   removing v1) — an approval recorded in this stage by a named person other than the one promoting.
// - Triggers fire from samples; rollback/incident effects start the rollback at once, rollback_within at
//   its deadline unless dismissed or rolled back earlier. After the point of no return, rollback is not
//   started (the request shows as a pending item).
// - Comparison gates: the baseline is collected when the stage is entered (before its rollout: the
//   stage's query then covers the previous stage), the current values once the soak has elapsed.
// - Schedule: an item is started when its planned time is reached. A milestone then runs its actions in
//   order (a manual one is journaled started and waits for a named person; a failed one waits for a
//   decision: accept as done, or retry), then its checks; only then it ends (ok|failed) with its lateness.
//   Milestones run independently of the stages. A milestone whose run ended failed, or passed with fewer
//   passed runs than its min_runs, asks for a decision (kind schedule, target = the milestone, no stage):
//   reject = run it again (a new run: the decision and the milestone's new start), accept = take it as it
//   stands (waive the missing runs), both with a name and a reason.
// - T-0: with a T-0 set (schedule.t0 or the run's t0), no stage is entered before it (enter_stage is not
//   pending, enterStage refuses; a rehearsal run now sets the t0 param to now). And while a T-minus
//   milestone with min_runs N > 1 has fewer than N passed runs (and is not waived), the first window step
//   does not start and the first stage cannot be entered (t0Blockers).
class RunPlanner
{
public:
    static constexpr const char *kEngine = RunRules::kEngine;

    static JournalEventDraft startRun(const RunInfo &info) { return RunEvents::runStarted(info); }
    static RunPlan step(const RunState &state, qint64 now);
    static RunStatus status(const RunState &state, qint64 now);

    static RunCommand enterStage(const RunState &state, qint64 now, const QString &stageId,
                                 const QString &who);
    static RunCommand promote(const RunState &state, qint64 now, const QString &who);
    static RunCommand approvePromotion(const RunState &state, qint64 now, const QString &who,
                                       const QString &statement = {});
    static RunCommand confirmManualGate(const RunState &state, qint64 now, const QString &gateId,
                                        const QString &who, const QString &statement = {});
    // targetKind: gate | action | check (a failed verify check) | trigger | rollback_step | schedule (an
    // action of a running milestone; target = action id, or milestone/action when ids repeat; or a
    // milestone whose run ended). accept = take it as passed / done (a milestone: as it stands, waiving its
    // missing runs); reject = restart the gate's window, run the action, check, step or milestone again.
    // For a trigger, accept = dismiss the rollback_within request, reject = roll back now.
    static RunCommand decide(const RunState &state, qint64 now, const QString &targetKind,
                             const QString &target, bool accept, const QString &who, const QString &reason);
    static RunCommand raiseTrigger(const RunState &state, qint64 now, const QString &triggerId,
                                   const QString &who, const QString &reason);
    static RunCommand startRollback(const RunState &state, qint64 now, const QString &who,
                                    const QString &reason);
    // Ends a rollback whose steps cannot all complete (ok = false), or confirms it by hand.
    static RunCommand finishRollback(const RunState &state, qint64 now, const QString &who, bool ok,
                                     const QString &note);
    static RunCommand abort(const RunState &state, qint64 now, const QString &who, const QString &reason);

    // The end of a milestone run (after its actions and checks), with planned_at and late_ms in the detail.
    static JournalEventDraft milestoneFinished(const RunState &state, qint64 now, const QString &actor,
                                               const QString &milestone, bool ok, QJsonObject detail = {});
    static const Milestone *findMilestone(const Runbook &runbook, const QString &id);
    static const Action *findMilestoneAction(const Runbook &runbook, const QString &milestone,
                                             const QString &id);

    // Why T-0 is held: "milestone dry-run: 1 of 2 required runs passed" for each T-minus milestone with
    // min_runs above 1 and fewer passed runs, not waived. Empty once T-0 has passed (a window step started
    // or a stage entered).
    static QStringList t0Blockers(const RunState &state);

    static GateView gateView(const RunState &state, const Gate &gate, qint64 now);
    static QStringList promotionBlockers(const RunState &state, qint64 now, const QString &executor);
    static QList<CheckpointDue> checkpointPlan(const RunState &state);
};

} // namespace cockpit
