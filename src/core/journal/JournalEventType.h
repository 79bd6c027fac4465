#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace cockpit {

// What happened, as stored in the journal's `type` column (the snake_case name is the stored form and
// part of the hashed bytes, so names never change once shipped; new types are only ever added).
//
//   run_started        a run of a runbook began (payload: runbook name, file hash, params, mode)
//   stage_entered      the run entered a stage (payload: stage id)
//   check_observed     a probe ran a check (payload: check id, observation, condition results, verdict)
//   sample_taken       a metric sample (payload: metric name, value, source)
//   checkpoint         a scheduled checkpoint of a soak was reached (payload: stage, offset)
//   gate_changed       a gate's outcome changed (payload: gate, from, to: pass|fail|no_data|inconclusive)
//   decision_made      a human decided an inconclusive gate / go-no-go (payload: decision, reason)
//   approval           a named person approved a step (payload: what, who)
//   action_run         a runbook action ran (payload: action id, command/request, exit code, output)
//   trigger_fired      a rollback trigger's condition held (payload: trigger, severity, action)
//   rollback_started   rollback began (payload: reason, target duration)
//   rollback_step      one rollback step ran (payload: step id, result, output)
//   rollback_finished  rollback ended (payload: result, elapsed)
//   point_of_no_return the run passed a point after which rollback is not offered
//   sign_off           a stakeholder signed off (payload: who, role, statement)
//   run_finished       the run ended (payload: outcome)
//   note               free text written by the lead (payload: text)
//   go_no_go           the Go/No-Go before a run's first stage or window step (payload: decision, items,
//                      blockers, override)
//   reconciliation     a reconciliation started, reached a table, applied a fix or finished (payload: see
//                      RunEvents::reconciliation)
enum class JournalEventType {
    RunStarted,
    StageEntered,
    CheckObserved,
    SampleTaken,
    Checkpoint,
    GateChanged,
    DecisionMade,
    Approval,
    ActionRun,
    TriggerFired,
    RollbackStarted,
    RollbackStep,
    RollbackFinished,
    PointOfNoReturn,
    SignOff,
    RunFinished,
    Note,
    GoNoGo,
    Reconciliation,
};

// The stored name, e.g. "check_observed".
QString journalEventTypeName(JournalEventType type);
// Inverse of journalEventTypeName(); empty for an unknown name.
std::optional<JournalEventType> journalEventTypeFromName(QStringView name);
QList<JournalEventType> allJournalEventTypes();

} // namespace cockpit
