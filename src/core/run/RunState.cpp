#include "core/run/RunState.h"

#include "core/base/JsonFields.h"
#include "core/conditions/Observation.h"
#include "core/gates/BaselineComparison.h"

#include <algorithm>

namespace cockpit {

namespace {

// Missing samples are not stale immediately: one missed interval is allowed before "no data" starts.
Milliseconds staleAfter(const Runbook &rb, const QStringList &metrics)
{
    Milliseconds out {0};
    for (const QString &m : metrics) {
        const auto it = rb.metrics.constFind(m);
        if (it != rb.metrics.constEnd())
            out = std::max(out, it->every * 2);
    }
    return out;
}

QJsonObject valuesOf(const QStringList &metrics, const QHash<QString, double> &values)
{
    QJsonObject out;
    for (const QString &m : metrics) {
        const auto it = values.constFind(m);
        out.insert(m, it == values.constEnd() ? QJsonValue() : QJsonValue(*it));
    }
    return out;
}

// Baseline against current for a comparison gate of `stage`; empty while a set is missing or failed.
std::optional<RunState::GateValues::Comparison> compare(const Stage *stage, const QString &gateId,
                                                        const RunState::GateValues &v)
{
    if (!stage || !v.baseline || !v.current || !v.baselineError.isEmpty() || !v.currentError.isEmpty())
        return std::nullopt;
    const auto g = std::find_if(stage->gates.cbegin(), stage->gates.cend(),
                                [&](const Gate &x) { return x.id == gateId; });
    if (g == stage->gates.cend())
        return std::nullopt;
    if (g->kind == Gate::Kind::NoDegradation) {
        QList<double> b;
        QList<double> c;
        for (const auto &x : *v.baseline)
            b.append(x.toDouble());
        for (const auto &x : *v.current)
            c.append(x.toDouble());
        const DegradationReport r = BaselineComparison::noDegradation(b, c, g->alpha, g->tolerance);
        return RunState::GateValues::Comparison {r.verdict, r.explanation, r.toJson()};
    }
    if (g->kind == Gate::Kind::NoNewValues) {
        QStringList b;
        QStringList c;
        for (const auto &x : *v.baseline)
            b.append(x.isString() ? x.toString() : x.toVariant().toString());
        for (const auto &x : *v.current)
            c.append(x.isString() ? x.toString() : x.toVariant().toString());
        const NewValuesReport r = BaselineComparison::noNewValues(b, c);
        return RunState::GateValues::Comparison {r.verdict, r.explanation, r.toJson()};
    }
    return std::nullopt;
}

} // namespace

QString RunState::StepFailure::text() const
{
    static const QHash<QString, QString> names {
        {QStringLiteral("action"), QStringLiteral("rollout action")},
        {QStringLiteral("window_step"), QStringLiteral("window step")},
        {QStringLiteral("milestone_action"), QStringLiteral("milestone action")},
        {QStringLiteral("rollback_step"), QStringLiteral("rollback step")}};
    QString what = names.value(kind, kind) + QLatin1Char(' ')
        + (stage.isEmpty() || kind == QLatin1String("rollback_step") ? id : stage + QLatin1Char('/') + id);
    if (held)
        return QStringLiteral("%1 held (never ran), skipped by %2: %3").arg(what, who, reason);
    return skipped ? QStringLiteral("%1 failed, skipped by %2: %3").arg(what, who, reason)
                   : QStringLiteral("%1 failed").arg(what);
}

QString RunState::phaseName(Phase p)
{
    switch (p) {
    case Phase::NotStarted: return QStringLiteral("not_started");
    case Phase::Ready: return QStringLiteral("ready");
    case Phase::InStage: return QStringLiteral("in_stage");
    case Phase::RollingBack: return QStringLiteral("rolling_back");
    case Phase::RolledBack: return QStringLiteral("rolled_back");
    case Phase::FollowUp: return QStringLiteral("follow_up");
    case Phase::Finished: return QStringLiteral("finished");
    }
    return {};
}

RunState::RunState(std::shared_ptr<const Runbook> runbook, QString runId)
    : m_runbook(runbook ? std::move(runbook) : std::make_shared<const Runbook>())
    , m_runId(std::move(runId))
    , m_runIdFixed(!m_runId.isEmpty())
{
    for (const Trigger &t : m_runbook->rollback.triggers)
        m_triggerMetrics.insert(t.id, t.when ? t.when->metricNames() : QStringList());
}

RunState RunState::replay(std::shared_ptr<const Runbook> runbook, const QList<JournalEvent> &events,
                          const QString &runId)
{
    RunState s(std::move(runbook), runId);
    for (const JournalEvent &e : events)
        s.apply(e);
    return s;
}

void RunState::apply(const JournalEvent &event)
{
    applyRaw(event.runId(), event.at(), event.type(), event.actor(), event.payload());
}

void RunState::apply(const JournalEventDraft &draft)
{
    applyRaw(draft.runId, draft.at, draft.type, draft.actor, draft.payload);
}

const Stage *RunState::currentStage() const
{
    if (m_phase != Phase::InStage && m_phase != Phase::RollingBack)
        return nullptr;
    if (m_stage.index < 0 || m_stage.index >= m_runbook->stages.size())
        return nullptr;
    return &m_runbook->stages[m_stage.index];
}

bool RunState::milestoneRunning(const QString &id) const
{
    const auto item = m_schedule.item(id);
    return item && item->kind == ScheduleItem::Kind::Milestone && item->actualStart && !item->actualEnd
        && m_milestones.contains(id);
}

bool RunState::windowStarted() const
{
    for (const ScheduleItem &i : m_schedule.items())
        if (i.kind == ScheduleItem::Kind::WindowStep && (i.actualStart || m_scheduleActions.contains(i.id)))
            return true;
    return false;
}

void RunState::recordStepResult(const QString &kind, const QString &stage, const QString &id,
                                const QString &status, qint64 at)
{
    const QString key = kind + QLatin1Char('/') + stage + QLatin1Char('/') + id;
    if (status == QLatin1String("ok"))
        m_failures.remove(key);
    else if (status == QLatin1String("failed"))
        m_failures.insert(key, StepFailure {kind, stage, id, false, {}, {}, at});
}

void RunState::recordStepSkipped(const QString &kind, const QString &stage, const QString &id,
                                 const QString &who, const QString &reason)
{
    const auto it = m_failures.find(kind + QLatin1Char('/') + stage + QLatin1Char('/') + id);
    if (it == m_failures.end())
        return; // done by hand (manual) or accepted without a recorded failure: not a failure
    it->skipped = true;
    it->who = who;
    it->reason = reason;
}

bool RunState::scheduleItemComplete(const ScheduleItem &item) const
{
    if (!item.actualEnd || milestoneRunning(item.id))
        return false;
    if (item.kind == ScheduleItem::Kind::WindowStep) // a failed one is complete once a person skipped it
        return !item.failed || m_scheduleActions.value(item.id).status == QLatin1String("accepted");
    return (!item.failed && item.satisfied()) || m_milestoneWaivers.contains(item.id);
}

std::optional<qint64> RunState::soakEnd() const
{
    const Stage *s = currentStage();
    if (!s || !m_stage.soakStart)
        return std::nullopt;
    return std::max(*m_stage.soakStart + s->soak.count(), m_stage.extendedUntil);
}

Observation RunState::observation() const
{
    Observation o;
    o.kind = Observation::Kind::Metric;
    o.metrics = m_values;
    return o;
}

void RunState::applyRaw(const QString &runId, qint64 at, JournalEventType type, const QString &actor,
                        const QJsonObject &p)
{
    if (m_runId.isEmpty() && type == JournalEventType::RunStarted)
        m_runId = runId;
    if (runId != m_runId)
        return;
    if (m_phase == Phase::NotStarted && type != JournalEventType::RunStarted)
        return;
    ++m_events;
    m_lastAt = std::max(m_lastAt, at);
    switch (type) {
    case JournalEventType::RunStarted: onRunStarted(at, p); break;
    case JournalEventType::StageEntered: onStageEntered(at, actor, p); break;
    case JournalEventType::ActionRun: onActionRun(at, actor, p); break;
    case JournalEventType::CheckObserved: onCheckObserved(at, p); break;
    case JournalEventType::SampleTaken: onSample(at, p); break;
    case JournalEventType::Checkpoint: {
        const int index = p.value(QStringLiteral("index")).toInt(-1);
        if (jsonText(p, "stage") == m_stage.id && index >= 0 && !m_stage.checkpointsDone.contains(index)) {
            m_stage.checkpointsDone.insert(index);
            m_stage.checkpoints.append(
                {index, at, jsonMs(p, "due_at", at), p.value(QStringLiteral("metrics")).toObject()});
        }
        break;
    }
    case JournalEventType::GateChanged: onGateChanged(at, p); break;
    case JournalEventType::DecisionMade: onDecision(at, actor, p); break;
    case JournalEventType::Approval: onApproval(at, actor, p); break;
    case JournalEventType::TriggerFired: onTriggerFired(at, p); break;
    case JournalEventType::RollbackStarted: onRollbackStarted(at, actor, p); break;
    case JournalEventType::RollbackStep: onRollbackStep(at, actor, p); break;
    case JournalEventType::RollbackFinished: onRollbackFinished(at, p); break;
    case JournalEventType::PointOfNoReturn:
        if (!m_ponrAt)
            m_ponrAt = at;
        break;
    case JournalEventType::RunFinished:
        m_phase = Phase::Finished;
        m_outcome = jsonText(p, "outcome");
        break;
    case JournalEventType::Note:
        // The last stage promoted while schedule items are still to come (RunPlanner::promote).
        if (jsonText(p, "kind") == QLatin1String("follow_up") && m_phase == Phase::InStage)
            m_phase = Phase::FollowUp;
        else if (jsonText(p, "kind") == QLatin1String("resumed")) {
            for (GateTracker &t : m_stage.conditionGates)
                t.resumed(at);
        }
        break;
    case JournalEventType::SignOff:
        if (m_signedOffBy.isEmpty())
            m_signedOffBy = actor;
        break;
    case JournalEventType::GoNoGo: // the launcher's gate before the first stage
    case JournalEventType::Reconciliation: // evidence and progress; its verdict comes as check_observed
        break;
    }
}

void RunState::onRunStarted(qint64 at, const QJsonObject &p)
{
    if (m_phase != Phase::NotStarted)
        return; // a second run_started for the same id is ignored
    m_phase = Phase::Ready;
    m_mode = runModeFromName(jsonText(p, "mode")).value_or(RunMode::Rehearsal);
    m_lead = jsonText(p, "lead");
    m_startedAt = jsonMs(p, "started_at", at);
    const auto t0 = p.contains(QStringLiteral("t0")) ? std::optional<qint64>(jsonMs(p, "t0"))
                                                     : ScheduleTimeline::parseT0(m_runbook->schedule.t0);
    m_hasT0 = t0.has_value();
    m_schedule = ScheduleTimeline(m_runbook->schedule, t0.value_or(m_startedAt));
}

void RunState::onStageEntered(qint64 at, const QString &actor, const QJsonObject &p)
{
    const QString id = jsonText(p, "stage");
    int index = -1;
    for (int i = 0; i < m_runbook->stages.size(); ++i) {
        if (m_runbook->stages[i].id == id)
            index = i;
    }
    if (index < 0)
        return;
    const Stage &stage = m_runbook->stages[index];
    m_stage = StageProgress {};
    m_stage.index = index;
    m_stage.id = id;
    m_stage.attempt = ++m_attempts[id];
    m_stage.restart = p.value(QStringLiteral("restart")).toBool();
    m_stage.enteredAt = at;
    m_stage.enteredBy = actor;
    m_phase = Phase::InStage;
    m_gateMetrics.clear();
    for (const Gate &g : stage.gates) {
        if (g.kind == Gate::Kind::Condition && g.expect)
            m_gateMetrics.insert(g.id, g.expect->metricNames());
    }
    // Triggers re-arm in every stage: an activation never spans a promotion or a restart.
    m_triggers.clear();
    for (const Trigger &t : m_runbook->rollback.triggers)
        m_triggers.insert(t.id, TriggerTracker(t));
    startSoakIfReady(at);
}

void RunState::startSoakIfReady(qint64 at)
{
    const Stage *stage = currentStage();
    if (!stage || m_stage.soakStart)
        return;
    for (const Action &a : stage->rollout) {
        const QString st = m_stage.rollout.value(a.id).status;
        if (st != QLatin1String("ok") && st != QLatin1String("accepted"))
            return;
    }
    m_stage.soakStart = at;
    planCheckpoints();
    for (const Gate &g : stage->gates) {
        if (g.kind != Gate::Kind::Condition)
            continue;
        GateTracker::Config c {g.hold, g.noDataGrace, g.recoverWithin,
                               staleAfter(*m_runbook, m_gateMetrics.value(g.id))};
        m_stage.conditionGates.insert(g.id, GateTracker(c, at));
    }
}

void RunState::planCheckpoints()
{
    const Stage *stage = currentStage();
    if (!stage || !m_stage.soakStart)
        return;
    const qint64 start = *m_stage.soakStart;
    m_stage.checkpointPlan = CheckpointSchedule::plan(stage->checkpoints, start,
                                                      Milliseconds(soakEnd().value_or(start) - start));
}

void RunState::onActionRun(qint64 at, const QString &actor, const QJsonObject &p)
{
    const QString phase = jsonText(p, "phase");
    const QString action = jsonText(p, "action");
    const QString status = jsonText(p, "status");
    if (phase == QLatin1String("schedule")) {
        const QString milestone = jsonText(p, "milestone");
        if (!milestone.isEmpty()) {
            // An action of a milestone: only while that milestone runs (a stale result never counts).
            if (!milestoneRunning(milestone))
                return;
            MilestoneProgress &m = m_milestones[milestone];
            m.actions.insert(action, {status, at, actor});
            m.details.insert(action, p.value(QStringLiteral("detail")).toObject());
            recordStepResult(QStringLiteral("milestone_action"), milestone, action, status, at);
            return;
        }
        m_scheduleActions.insert(action, {status, at, actor});
        const auto stepItem = m_schedule.item(action);
        if (stepItem && stepItem->kind == ScheduleItem::Kind::WindowStep)
            recordStepResult(QStringLiteral("window_step"), QString(), action, status, at);
        if (status == QLatin1String("started")) {
            m_schedule.recordStart(action, at);
            const auto item = m_schedule.item(action);
            if (item && item->kind == ScheduleItem::Kind::Milestone)
                m_milestones.insert(action, MilestoneProgress {at, {}, {}});
        } else if (status == QLatin1String("ok") || status == QLatin1String("failed"))
            m_schedule.recordEnd(action, at, status == QLatin1String("ok"));
        return;
    }
    if (phase == QLatin1String("rollout") && m_phase == Phase::InStage
        && jsonText(p, "stage") == m_stage.id) {
        m_stage.rollout.insert(action, {status, at, actor});
        recordStepResult(QStringLiteral("action"), m_stage.id, action, status, at);
        if (status == QLatin1String("ok"))
            startSoakIfReady(at);
    }
}

void RunState::onCheckObserved(qint64 at, const QJsonObject &p)
{
    if (jsonText(p, "stage") != m_stage.id || m_phase != Phase::InStage)
        return;
    const QString purpose = jsonText(p, "purpose");
    const Verdict verdict = RunEvents::verdictFromKey(jsonText(p, "verdict")).value_or(Verdict::NoData);
    if (purpose == QLatin1String("gate_values")) {
        GateValues &v = m_stage.gateValues[jsonText(p, "gate")];
        const QString error = jsonText(p, "error");
        // On an error the values are recorded as empty, so the planner asks for a decision instead of
        // collecting forever.
        const QJsonArray values
            = error.isEmpty() ? p.value(QStringLiteral("values")).toArray() : QJsonArray();
        if (jsonText(p, "role") == QLatin1String("baseline")) {
            v.baseline = values;
            v.baselineError = error;
        } else {
            v.current = values;
            v.currentError = error;
            v.currentAt = at;
        }
        v.comparison = compare(currentStage(), jsonText(p, "gate"), v);
        return;
    }
    if (purpose == QLatin1String("trigger")) {
        // A trigger that reads a probe: `condition` is its `when` on what the probe saw (pass = it holds,
        // the trouble is there); the tracker fires from these observations as from metric samples.
        const QString trigger = jsonText(p, "check");
        m_stage.triggerChecks.insert(trigger, at);
        const QString cond = jsonText(p, "condition");
        const ConditionResult::Outcome outcome = cond == QLatin1String("pass")
            ? ConditionResult::Outcome::Pass
            : cond == QLatin1String("fail") ? ConditionResult::Outcome::Fail
                                            : ConditionResult::Outcome::NoData;
        const auto it = m_triggers.find(trigger);
        if (it != m_triggers.end())
            it->addSample(at, outcome, jsonText(p, "explanation"),
                          p.value(QStringLiteral("values")).toObject());
        return;
    }
    CheckState &c = (purpose == QLatin1String("gate_check") ? m_stage.gateChecks
                                                            : m_stage.verify)[jsonText(p, "check")];
    c.verdict = verdict;
    c.explanation = jsonText(p, "explanation");
    c.at = at;
    c.everFailed = c.everFailed || verdict == Verdict::Fail;
}

void RunState::onSample(qint64 at, const QJsonObject &p)
{
    const QString metric = jsonText(p, "metric");
    if (metric.isEmpty())
        return;
    const QJsonValue v = p.value(QStringLiteral("value"));
    Sample s {at, v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt, jsonText(p, "error")};
    m_latest.insert(metric, s);
    if (s.value)
        m_values.insert(metric, *s.value);
    else
        m_values.remove(metric);
    if (m_phase != Phase::InStage)
        return;

    Observation obs;
    bool obsReady = false;
    auto observe = [&]() -> const Observation & {
        if (!obsReady) {
            obs.kind = Observation::Kind::Metric;
            obs.metrics = m_values;
            obsReady = true;
        }
        return obs;
    };
    const Stage *stage = currentStage();
    for (const Trigger &t : m_runbook->rollback.triggers) {
        if (!t.when || !m_triggerMetrics.value(t.id).contains(metric))
            continue;
        const ConditionResult r = t.when->evaluate(observe());
        m_triggers[t.id].addSample(at, r.outcome, r.explanation,
                                   valuesOf(m_triggerMetrics.value(t.id), m_values));
    }
    if (!m_stage.soakStart || !stage)
        return;
    for (const Gate &g : stage->gates) {
        if (g.kind != Gate::Kind::Condition || !g.expect || !m_gateMetrics.value(g.id).contains(metric))
            continue;
        const ConditionResult r = g.expect->evaluate(observe());
        m_stage.conditionGates[g.id].addSample(at, r.outcome, r.explanation);
    }
}

void RunState::onGateChanged(qint64 at, const QJsonObject &p)
{
    if (jsonText(p, "stage") != m_stage.id)
        return;
    const QString gate = jsonText(p, "gate");
    const QString phase = jsonText(p, "phase");
    m_stage.reportedGates.insert(gate, phase);
    if (phase == QLatin1String("awaiting_decision")) {
        auto it = m_stage.conditionGates.find(gate);
        if (it != m_stage.conditionGates.end())
            it->stopForDecision(at, jsonText(p, "reason"));
    }
}

void RunState::onDecision(qint64 at, const QString &actor, const QJsonObject &p)
{
    Decision d {jsonText(p, "stage"),
                jsonText(p, "target_kind"),
                jsonText(p, "target"),
                jsonText(p, "decision") == QLatin1String("accept"),
                actor,
                jsonText(p, "reason"),
                at};
    m_decisions.append(d);
    if (d.targetKind == QLatin1String("gate") && d.stage == m_stage.id) {
        m_stage.gateDecisions.insert(d.target, d);
        auto it = m_stage.conditionGates.find(d.target);
        if (it != m_stage.conditionGates.end())
            it->decide(at, d.accept);
    } else if (d.targetKind == QLatin1String("action") && d.stage == m_stage.id) {
        if (d.accept) {
            m_stage.rollout.insert(d.target, {QStringLiteral("accepted"), at, actor});
            recordStepSkipped(QStringLiteral("action"), m_stage.id, d.target, actor, d.reason);
        } else
            m_stage.rollout.remove(d.target); // retry
        startSoakIfReady(at);
    } else if (d.targetKind == QLatin1String("check") && d.stage == m_stage.id) {
        if (d.accept)
            m_stage.verify[d.target].acceptedBy = actor;
        else
            m_stage.verify.remove(d.target); // run it again
    } else if (d.targetKind == QLatin1String("schedule") && !jsonText(p, "milestone").isEmpty()) {
        // An action of a milestone: accept = done, reject = run it again (the planner asks for it anew).
        const QString milestone = jsonText(p, "milestone");
        if (!milestoneRunning(milestone))
            return;
        MilestoneProgress &m = m_milestones[milestone];
        if (d.accept) {
            m.actions.insert(d.target, {QStringLiteral("accepted"), at, actor});
            recordStepSkipped(QStringLiteral("milestone_action"), milestone, d.target, actor, d.reason);
        } else
            m.actions.remove(d.target);
    } else if (d.targetKind == QLatin1String("schedule")) {
        // On a milestone whose run ended: accept = take it as it stands (waive the missing runs); reject =
        // run it again, which is the start event journaled with the decision (folded in onActionRun).
        const auto item = m_schedule.item(d.target);
        if (d.accept && item && item->kind == ScheduleItem::Kind::Milestone && item->actualEnd)
            m_milestoneWaivers.insert(d.target, d);
        // A window step held by a skipped one (`after:`), never started: accept = skip it too, so it is
        // complete, listed as skipped, and holds its own dependants in turn.
        if (d.accept && item && item->kind == ScheduleItem::Kind::WindowStep && !item->actualStart
            && !item->actualEnd) {
            m_scheduleActions.insert(d.target, {QStringLiteral("accepted"), at, actor});
            m_schedule.recordEnd(d.target, at, false);
            m_failures.insert(QStringLiteral("window_step//") + d.target,
                              StepFailure {QStringLiteral("window_step"), QString(), d.target, true, actor,
                                           d.reason, at, true});
        }
        // A window step that failed: accept = skip it (complete, listed as a failure), reject = run it again.
        else if (item && item->kind == ScheduleItem::Kind::WindowStep && item->actualEnd && item->failed) {
            if (d.accept) {
                m_scheduleActions.insert(d.target, {QStringLiteral("accepted"), at, actor});
                recordStepSkipped(QStringLiteral("window_step"), QString(), d.target, actor, d.reason);
            } else {
                m_scheduleActions.remove(d.target);
                m_schedule.reopen(d.target);
            }
        }
    } else if (d.targetKind == QLatin1String("trigger")) {
        for (Fired &f : m_fired) {
            if (f.trigger == d.target && f.effect == TriggerEffect::RollbackWithin)
                f.resolved = true;
        }
    } else if (d.targetKind == QLatin1String("rollback_step") && m_rollback) {
        if (d.accept) {
            m_rollback->steps.insert(d.target, {QStringLiteral("accepted"), at, actor});
            recordStepSkipped(QStringLiteral("rollback_step"), m_rollback->stage, d.target, actor, d.reason);
        } else
            m_rollback->steps.remove(d.target);
    }
}

void RunState::onApproval(qint64 at, const QString &actor, const QJsonObject &p)
{
    if (jsonText(p, "stage") != m_stage.id)
        return;
    const Confirmation c {actor, jsonText(p, "statement"), at};
    if (jsonText(p, "kind") == QLatin1String("promotion"))
        m_stage.promotionApprovals.append(c);
    else if (jsonText(p, "kind") == QLatin1String("manual_gate"))
        m_stage.manual.insert(jsonText(p, "gate"), c);
}

void RunState::onTriggerFired(qint64 at, const QJsonObject &p)
{
    Fired f;
    f.stage = jsonText(p, "stage");
    f.trigger = jsonText(p, "trigger");
    f.effect = triggerEffectFromName(jsonText(p, "effect")).value_or(TriggerEffect::Rollback);
    f.severity = jsonText(p, "severity");
    f.values = p.value(QStringLiteral("values")).toObject();
    f.explanation = jsonText(p, "explanation");
    f.raisedBy = jsonText(p, "raised_by");
    f.reason = jsonText(p, "reason");
    f.at = at;
    if (p.contains(QStringLiteral("deadline")))
        f.deadline = jsonMs(p, "deadline");
    m_fired.append(f);
    if (f.raisedBy.isEmpty()) {
        auto it = m_triggers.find(f.trigger);
        if (it != m_triggers.end())
            it->markFired(f.effect);
    }
    if (f.effect == TriggerEffect::Extend && f.stage == m_stage.id) {
        m_stage.extendedUntil = std::max(m_stage.extendedUntil, at + jsonMs(p, "extension_ms"));
        planCheckpoints();
    }
}

void RunState::onRollbackStarted(qint64 at, const QString &actor, const QJsonObject &p)
{
    // From a stage, or from a maintenance window under way before any stage (no stage to name).
    if (m_phase != Phase::InStage && !(m_phase == Phase::Ready && windowStarted()))
        return;
    RollbackRecord r;
    r.stage = m_stage.id;
    r.startedAt = at;
    r.target = Milliseconds(jsonMs(p, "target_ms", m_runbook->rollback.target.count()));
    r.reason = jsonText(p, "reason");
    r.trigger = jsonText(p, "trigger");
    r.startedBy = actor;
    m_rollback = r;
    ++m_rollbacks;
    m_phase = Phase::RollingBack;
    for (Fired &f : m_fired)
        f.resolved = true;
}

void RunState::onRollbackStep(qint64 at, const QString &actor, const QJsonObject &p)
{
    if (m_phase != Phase::RollingBack || !m_rollback)
        return;
    m_rollback->steps.insert(jsonText(p, "step"), {jsonText(p, "status"), at, actor});
    recordStepResult(QStringLiteral("rollback_step"), m_rollback->stage, jsonText(p, "step"),
                     jsonText(p, "status"), at);
}

void RunState::onRollbackFinished(qint64 at, const QJsonObject &p)
{
    if (m_phase != Phase::RollingBack || !m_rollback)
        return;
    m_rollback->finishedAt = at;
    m_rollback->ok = jsonText(p, "result") == QLatin1String("ok");
    m_phase = Phase::RolledBack;
}

} // namespace cockpit
