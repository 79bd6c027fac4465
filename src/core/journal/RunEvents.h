#pragma once

#include "core/base/Duration.h"
#include "core/conditions/Verdict.h"
#include "core/gates/TriggerTracker.h"
#include "core/journal/JournalEventDraft.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace cockpit {

// Live: the real thing. Rehearsal: the same runbook with its rehearsal parameters (`rehearsal:` values of
// params), refusing any write to a connection marked `production`. Dry run: every read is made, every
// write is journaled and shown as what it would send, and nothing is written.
enum class RunMode { Rehearsal, Live, DryRun };
QString runModeName(RunMode m); // rehearsal | live | dry-run
std::optional<RunMode> runModeFromName(QStringView name);

struct RunInfo
{
    QString id; // unique per run; RunEvents::makeRunId puts the mode first, so rehearsals and live runs
                // never share an id (and sort apart)
    RunMode mode = RunMode::Rehearsal;
    QString lead; // the person running it
    qint64 startedAt = 0;
    QString runbook; // runbook name
    QString runbookSha256; // of the YAML as loaded (evidence of what ran); may be empty
    std::optional<qint64> t0; // T-0 of the schedule, if any
};

// Builds every journal event draft the run engine reads back (RunState::apply), in one place, with its
// payload documented. Time always comes in as `at` from the engine's clock; `actor` is a person's name or
// "engine". Payload keys (every event of a run carries the run id in the draft, not in the payload):
//
//  run_started        {runbook, runbook_sha256, mode: rehearsal|live, lead, started_at (ms), t0 (ms,
//  optional)} stage_entered      {stage, index (0-based), attempt (1-based entries of this stage in the run),
//                      restart (bool: after a rollback), promoted_from (stage id or ""), approved_by ("" or
//                      name)}
//  action_run         {phase: rollout|schedule, stage ("" for schedule), action, status: started|ok|failed,
//                      detail (object: request/command, exit code, output — from the executor)}; a
//                      schedule item itself (milestone or window step) has action = its id; an action of
//                      a milestone also has milestone (its id) and action = the action's id. A milestone's
//                      ok|failed comes after its actions and checks (detail: checks, planned_at, late_ms)
//  check_observed     {stage, check, purpose: verify|gate_check|gate_values, verdict: pass|fail|no_data|
//                      inconclusive, explanation; gate_values also: gate, role: baseline|current,
//                      values (array of numbers or strings), error ("" or why the values are missing)}
//  sample_taken       {metric, value (number, or null when the sample failed or was empty), error}
//  checkpoint         {stage, index, offset_ms, due_at, metrics: {name: {value|null, at, error}}}
//  gate_changed       {stage, gate, from, to: pass|fail|no_data|inconclusive|pending, phase (GateStatus
//                      phase name), reason, explanation, remaining_ms, held_ms}; phase awaiting_decision
//                      stops the gate until a decision_made
//  decision_made      {stage, target_kind: gate|action|check|trigger|rollback_step|schedule, target,
//                      decision: accept|reject, reason, milestone (schedule decisions on a milestone's
//                      action: the milestone id, also in stage)}; actor = who decided (both required).
//                      schedule on a milestone whose run ended: target = the milestone, stage "", no
//                      milestone key; accept = waive (no more runs offered, T-0 no longer held by it),
//                      reject = run it again (followed by the milestone's action_run started, detail.run)
//  approval           {stage, kind: promotion|manual_gate, gate ("" for promotion), statement}; actor = who
//  trigger_fired      {stage, trigger, severity: low|medium|high|critical, action (runbook response),
//                      effect: rollback|rollback_within|extend|incident, values {metric: value}, explanation,
//                      held_ms, deadline (ms, rollback_within), extension_ms (extend), raised_by ("" when
//                      fired by a sample), reason}
//  rollback_started   {stage, reason, trigger ("" when started by a person), target_ms}
//  rollback_step      {step, status: ok|failed, detail}
//  rollback_finished  {result: ok|failed, elapsed_ms, target_ms, within_target, note}
//  point_of_no_return {after (stage or schedule item id), description}
//  run_finished       {outcome: completed|completed_with_failures|rolled_back|aborted, reason, failures
//                      (completed_with_failures: [{kind, stage, id, skipped, by, reason}], the steps that
//                      failed: rollout actions, window steps, milestone actions, rollback steps)}
//  note               {text}; the runbook note adds runbook_file, runbook_yaml, params; a follow-up
//                     note (last stage promoted, schedule items left) adds kind: follow_up, stage,
//                     approved_by, items; the note of a driver that resumed a run adds kind: resumed
//  reconciliation     {reconciliation, status: started|progress|fix_started|fix_finished|finished,
//                      context (in a run: {stage, check, purpose} or {milestone, check}; `reconcile`
//                      command: {}), then by status: progress {table, tables, table_name, phase,
//                      rows_scanned}; fix_started {fix, kind}; fix_finished {fix: FixOutcome JSON};
//                      finished {passed, cancelled, error, result: the report's reconciliation JSON with
//                      differing rows capped}}. started comes before the first statement and finished
//                      after the last, so a started without finished is work that never completed.
class RunEvents
{
public:
    static QString makeRunId(RunMode mode, qint64 startedAt, const QString &suffix = {});

    static JournalEventDraft runStarted(const RunInfo &info);
    static JournalEventDraft stageEntered(const QString &runId, qint64 at, const QString &actor,
                                          const QString &stage, int index, int attempt, bool restart,
                                          const QString &promotedFrom, const QString &approvedBy);
    static JournalEventDraft actionRun(const QString &runId, qint64 at, const QString &actor,
                                       const QString &phase, const QString &stage, const QString &action,
                                       const QString &status, const QJsonObject &detail = {});
    // An action of a milestone (phase schedule, naming the milestone).
    static JournalEventDraft milestoneActionRun(const QString &runId, qint64 at, const QString &actor,
                                                const QString &milestone, const QString &action,
                                                const QString &status, const QJsonObject &detail = {});
    static JournalEventDraft checkObserved(const QString &runId, qint64 at, const QString &actor,
                                           const QString &stage, const QString &check, const QString &purpose,
                                           Verdict verdict, const QString &explanation);
    static JournalEventDraft gateValues(const QString &runId, qint64 at, const QString &stage,
                                        const QString &gate, const QString &role, const QJsonArray &values,
                                        const QString &error = {});
    static JournalEventDraft sampleTaken(const QString &runId, qint64 at, const QString &metric,
                                         std::optional<double> value, const QString &error = {});
    static JournalEventDraft checkpoint(const QString &runId, qint64 at, const QString &stage, int index,
                                        Milliseconds offset, qint64 dueAt, const QJsonObject &metrics);
    static JournalEventDraft decision(const QString &runId, qint64 at, const QString &who,
                                      const QString &stage, const QString &targetKind, const QString &target,
                                      bool accept, const QString &reason, const QString &milestone = {});
    static JournalEventDraft approval(const QString &runId, qint64 at, const QString &who,
                                      const QString &stage, const QString &kind, const QString &gate,
                                      const QString &statement);
    static JournalEventDraft rollbackStep(const QString &runId, qint64 at, const QString &actor,
                                          const QString &step, bool ok, const QJsonObject &detail = {});
    static JournalEventDraft note(const QString &runId, qint64 at, const QString &who, const QString &text);
    // The engine drives the run again after a restart (RunState: sampling resumes at `at`).
    static JournalEventDraft reconciliation(const QString &runId, qint64 at, const QString &actor,
                                            const QString &reconciliation, const QString &status,
                                            const QJsonObject &context, const QJsonObject &fields = {});
    static JournalEventDraft resumed(const QString &runId, qint64 at, const QString &who,
                                     const QString &text);

    static QString verdictKey(Verdict v); // pass | fail | no_data | inconclusive
    static std::optional<Verdict> verdictFromKey(QStringView key);
    static QString severityName(int severity); // Trigger::Severity as int: low | medium | high | critical
    static QString responseName(int response); // Trigger::Response as int: rollback | rollback_within | ...
};

} // namespace cockpit
