#pragma once

#include "core/gates/CheckpointSchedule.h"
#include "core/gates/GateTracker.h"
#include "core/gates/TriggerTracker.h"
#include "core/journal/JournalEvent.h"
#include "core/journal/RunEvents.h"
#include "core/run/ScheduleTimeline.h"
#include "core/runbook/Runbook.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <memory>
#include <optional>

namespace cockpit {

// The state of one run, derived only from its journal: a left fold of RunState::apply over the run's events
// in order. Nothing here reads a clock; every time is an event's `at`. Replaying the same events after a
// crash gives the same state, so soak windows, checkpoints, pending decisions and the rollback stopwatch
// resume where they were. Events of other runs are ignored. Unknown or malformed events are ignored too
// (the journal is append-only; the state never refuses history).
class RunState
{
public:
    enum class Phase {
        NotStarted, // no run_started yet
        Ready, // started, no stage entered
        InStage,
        RollingBack,
        RolledBack, // rollback finished; the run may restart from restart_from (or stage 1)
        // The last stage was promoted with schedule items still to come (T+90d, T+180d): no stage runs,
        // the schedule does; the run finishes once every item is complete (RunPlanner).
        FollowUp,
        Finished,
    };
    static QString phaseName(Phase p);

    struct Sample
    {
        qint64 at = 0;
        std::optional<double> value; // empty: the sample failed or was empty (NoData)
        QString error;
    };
    struct ActionState
    {
        QString status; // started | ok | failed | accepted (a failure a person accepted as done)
        qint64 at = 0;
        QString actor;
    };
    struct CheckState
    {
        Verdict verdict = Verdict::NoData;
        QString explanation;
        qint64 at = 0;
        bool everFailed = false;
        QString acceptedBy; // verify: a person accepted a check that did not pass
    };
    struct GateValues
    {
        std::optional<QJsonArray> baseline;
        std::optional<QJsonArray> current;
        QString baselineError; // why the values could not be collected ("" when they were)
        QString currentError;
        qint64 currentAt = 0;

        // The comparison of baseline and current, computed once when the second value set is applied:
        // the planner asks on every step, and a Mann-Whitney test over 10^5 durations is not free. Part
        // of the value (no cache shared between copies), so a copy can be read on another thread while
        // the engine applies events to its own. Empty until both sets are in without an error.
        struct Comparison
        {
            Verdict verdict = Verdict::NoData;
            QString explanation;
            QJsonObject details;
        };
        std::optional<Comparison> comparison;
    };
    struct Decision
    {
        QString stage;
        QString targetKind;
        QString target;
        bool accept = false;
        QString who;
        QString reason;
        qint64 at = 0;
    };
    struct Confirmation
    {
        QString who;
        QString statement;
        qint64 at = 0;
    };
    struct Fired
    {
        QString stage;
        QString trigger;
        TriggerEffect effect = TriggerEffect::Rollback;
        QString severity;
        QJsonObject values;
        QString explanation;
        QString raisedBy;
        QString reason;
        qint64 at = 0;
        std::optional<qint64> deadline;
        bool resolved = false; // rollback_within: rolled back or dismissed
    };
    struct CheckpointRecord
    {
        int index = 0;
        qint64 at = 0;
        qint64 dueAt = 0;
        QJsonObject metrics;
    };
    // Everything about the current stage; reset when a stage is entered.
    struct StageProgress
    {
        int index = -1;
        QString id;
        int attempt = 0;
        bool restart = false;
        qint64 enteredAt = 0;
        QString enteredBy;
        std::optional<qint64> soakStart; // when the rollout completed
        qint64 extendedUntil = 0; // by extend triggers
        QHash<QString, ActionState> rollout;
        QHash<QString, CheckState> verify;
        QHash<QString, GateTracker> conditionGates;
        QHash<QString, CheckState> gateChecks;
        QHash<QString, qint64> triggerChecks; // trigger reading a probe -> when it last observed
        QHash<QString, GateValues> gateValues;
        QHash<QString, Confirmation> manual;
        QHash<QString, Decision> gateDecisions; // latest decision per gate
        QHash<QString, QString> reportedGates; // gate -> last journaled phase
        QList<Confirmation> promotionApprovals;
        QList<CheckpointRecord> checkpoints;
        QSet<int> checkpointsDone;
        QList<CheckpointDue> checkpointPlan; // due times over the soak (with extensions)
    };
    // One run of a milestone (reset when the milestone starts again): its actions, run in order before its
    // checks; the milestone's own end (ok|failed after the checks) is in the ScheduleTimeline.
    struct MilestoneProgress
    {
        qint64 startedAt = 0;
        QHash<QString, ActionState> actions;
        QHash<QString, QJsonObject> details; // action -> detail of its latest event (output, instruction)
    };
    // A step that failed in this run (rollout action, window step, action of a milestone, rollback step):
    // it stays listed once a person skipped it (accepted it as done); a later success removes it. A run
    // that finishes with any listed ends completed_with_failures, naming them.
    struct StepFailure
    {
        QString kind; // action | window_step | milestone_action | rollback_step
        QString stage; // the stage (action), the milestone, or the rolled-back stage
        QString id;
        bool skipped = false;
        QString who; // who skipped it
        QString reason;
        qint64 at = 0;
        bool held = false; // never ran: held by a step it waits for (`after:`), then skipped
        QString text() const; // "window step maintenance-on failed, skipped by Dana Weber: ..."
    };
    struct RollbackRecord
    {
        QString stage;
        qint64 startedAt = 0;
        Milliseconds target {0};
        QString reason;
        QString trigger;
        QString startedBy;
        QHash<QString, ActionState> steps;
        std::optional<qint64> finishedAt;
        bool ok = false;
    };

    RunState() = default;
    explicit RunState(std::shared_ptr<const Runbook> runbook, QString runId = {});
    // The fold from scratch; `runId` empty = the run of the first run_started.
    static RunState replay(std::shared_ptr<const Runbook> runbook, const QList<JournalEvent> &events,
                           const QString &runId = {});

    void apply(const JournalEvent &event);
    // The same for a draft not sealed yet (the planner previews its own events this way).
    void apply(const JournalEventDraft &draft);

    const Runbook &runbook() const { return *m_runbook; }
    std::shared_ptr<const Runbook> runbookPtr() const { return m_runbook; }
    const QString &runId() const { return m_runId; }
    RunMode mode() const { return m_mode; }
    const QString &lead() const { return m_lead; }
    qint64 startedAt() const { return m_startedAt; }
    Phase phase() const { return m_phase; }
    qint64 lastEventAt() const { return m_lastAt; }
    qint64 eventCount() const { return m_events; }

    const StageProgress &stage() const { return m_stage; }
    const Stage *currentStage() const; // null outside a stage
    QHash<QString, int> stageAttempts() const { return m_attempts; }
    int rollbacks() const { return m_rollbacks; }

    const QHash<QString, Sample> &latestSamples() const { return m_latest; }
    const QHash<QString, TriggerTracker> &triggers() const { return m_triggers; }
    const QList<Fired> &fired() const { return m_fired; }
    const QList<Decision> &decisions() const { return m_decisions; }
    const std::optional<RollbackRecord> &rollback() const { return m_rollback; } // the latest one
    std::optional<qint64> pointOfNoReturnAt() const { return m_ponrAt; }
    const ScheduleTimeline &schedule() const { return m_schedule; }
    // Schedule items (milestone or window step id) -> the status of the item itself.
    const QHash<QString, ActionState> &scheduleActions() const { return m_scheduleActions; }
    // Milestones started in this run -> their actions.
    const QHash<QString, MilestoneProgress> &milestones() const { return m_milestones; }
    // Whether the milestone has started and not ended (its actions and checks are under way).
    bool milestoneRunning(const QString &id) const;
    // Milestones a named person accepted as they stand after a run ended (decision schedule/accept on the
    // milestone): their missing runs no longer hold T-0 and no re-run is offered. Milestone -> decision.
    const QHash<QString, Decision> &milestoneWaivers() const { return m_milestoneWaivers; }
    const QString &outcome() const { return m_outcome; }
    // Who signed the run off (its sign_off event), empty while nobody has.
    const QString &signedOffBy() const { return m_signedOffBy; }
    // Steps that failed in this run and did not succeed later (skipped by a person, or still failed).
    QList<StepFailure> stepFailures() const { return m_failures.values(); }
    // Whether a window step has started in this run (T-0 has come for the window).
    bool windowStarted() const;
    // Whether T-0 was given (the run_started t0, or the runbook's schedule.t0), not defaulted to the start.
    bool hasT0() const { return m_hasT0; }
    // A schedule item nothing is left to do for: a window step that ended; a milestone whose last run
    // ended passed with its min_runs, or that a named person accepted as it stands (waiver).
    bool scheduleItemComplete(const ScheduleItem &item) const;

    // Soak end including extensions; empty before the soak starts.
    std::optional<qint64> soakEnd() const;
    // Metric values of the latest successful samples, as conditions see them.
    Observation observation() const;

private:
    void applyRaw(const QString &runId, qint64 at, JournalEventType type, const QString &actor,
                  const QJsonObject &payload);
    void onRunStarted(qint64 at, const QJsonObject &p);
    void onStageEntered(qint64 at, const QString &actor, const QJsonObject &p);
    void onActionRun(qint64 at, const QString &actor, const QJsonObject &p);
    void onCheckObserved(qint64 at, const QJsonObject &p);
    void onSample(qint64 at, const QJsonObject &p);
    void onGateChanged(qint64 at, const QJsonObject &p);
    void onDecision(qint64 at, const QString &actor, const QJsonObject &p);
    void onApproval(qint64 at, const QString &actor, const QJsonObject &p);
    void onTriggerFired(qint64 at, const QJsonObject &p);
    void onRollbackStarted(qint64 at, const QString &actor, const QJsonObject &p);
    void onRollbackStep(qint64 at, const QString &actor, const QJsonObject &p);
    void onRollbackFinished(qint64 at, const QJsonObject &p);
    void startSoakIfReady(qint64 at);
    void recordStepResult(const QString &kind, const QString &stage, const QString &id, const QString &status,
                          qint64 at);
    void recordStepSkipped(const QString &kind, const QString &stage, const QString &id, const QString &who,
                           const QString &reason);
    void planCheckpoints();

    std::shared_ptr<const Runbook> m_runbook = std::make_shared<const Runbook>();
    QString m_runId;
    bool m_runIdFixed = false;
    RunMode m_mode = RunMode::Rehearsal;
    QString m_lead;
    qint64 m_startedAt = 0;
    Phase m_phase = Phase::NotStarted;
    qint64 m_lastAt = 0;
    qint64 m_events = 0;
    StageProgress m_stage;
    QHash<QString, int> m_attempts;
    int m_rollbacks = 0;
    QHash<QString, Sample> m_latest;
    QHash<QString, TriggerTracker> m_triggers;
    QList<Fired> m_fired;
    QList<Decision> m_decisions;
    std::optional<RollbackRecord> m_rollback;
    std::optional<qint64> m_ponrAt;
    ScheduleTimeline m_schedule;
    QHash<QString, ActionState> m_scheduleActions;
    QHash<QString, MilestoneProgress> m_milestones;
    QHash<QString, Decision> m_milestoneWaivers;
    QString m_outcome;
    QString m_signedOffBy;
    QHash<QString, StepFailure> m_failures; // kind/stage/id -> failure
    bool m_hasT0 = false;
    QHash<QString, double> m_values; // latest successful metric values
    QHash<QString, QStringList> m_triggerMetrics; // trigger id -> metrics its condition reads
    QHash<QString, QStringList> m_gateMetrics; // gate id (current stage) -> metrics
};

} // namespace cockpit
