#include "core/run/RunComparison.h"

#include "core/base/JsonFields.h"
#include "core/run/RunState.h"
#include "core/run/ScheduleTimeline.h"

#include <QHash>
#include <QJsonArray>

namespace cockpit {

namespace {

QJsonValue optTime(const std::optional<qint64> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue();
}

QJsonValue optDuration(const std::optional<Milliseconds> &v)
{
    return v ? QJsonValue(double(v->count())) : QJsonValue();
}

std::optional<Milliseconds> delta(const std::optional<Milliseconds> &a, const std::optional<Milliseconds> &b)
{
    if (!a || !b)
        return std::nullopt;
    return *b - *a;
}

bool isTerminal(const QString &status)
{
    return status == QLatin1String("ok") || status == QLatin1String("failed")
        || status == QLatin1String("accepted");
}

// Folds one run's events into a Summary, next to a RunState fed the same events: the state knows when a
// soak starts (its last rollout action succeeded) and what the schedule planned, so none of it is
// re-derived here.
class Summarizer
{
public:
    Summarizer(const std::shared_ptr<const Runbook> &runbook, const QString &runId)
        : m_runbook(runbook ? runbook : std::make_shared<const Runbook>())
        , m_state(m_runbook, runId)
    {
        m_s.runId = runId;
    }

    void add(const JournalEvent &e)
    {
        if (m_s.runId.isEmpty() && e.type() == JournalEventType::RunStarted)
            m_s.runId = e.runId();
        if (e.runId() != m_s.runId)
            return;
        const qint64 before = m_state.eventCount();
        const int rollbacksBefore = m_state.rollbacks();
        m_state.apply(e);
        if (m_state.eventCount() == before)
            return; // not part of the run (before its run_started)
        const QJsonObject &p = e.payload();
        switch (e.type()) {
        case JournalEventType::RunStarted:
            m_s.runbook = jsonText(p, "runbook");
            m_s.runbookSha256 = jsonText(p, "runbook_sha256");
            break;
        case JournalEventType::StageEntered: onStageEntered(e); break;
        case JournalEventType::ActionRun:
            // A milestone's actions are named milestone/action: two milestones may reuse an action id.
            onAction(jsonText(p, "phase"), jsonText(p, "stage"),
                     p.contains(QLatin1String("milestone"))
                         ? jsonText(p, "milestone") + QLatin1Char('/') + jsonText(p, "action")
                         : jsonText(p, "action"),
                     jsonText(p, "status"), e.at());
            break;
        case JournalEventType::RollbackStep:
            if (!m_s.rollbacks.isEmpty()) {
                const QString status
                    = p.contains(QLatin1String("status")) ? jsonText(p, "status") : QStringLiteral("failed");
                onAction(QStringLiteral("rollback"), m_s.rollbacks.last().stage, jsonText(p, "step"), status,
                         e.at());
            }
            break;
        case JournalEventType::GateChanged: {
            RunComparison::GateOutcome *g = gate(jsonText(p, "stage"), jsonText(p, "gate"));
            if (g) {
                g->verdict = jsonText(p, "to");
                g->phase = jsonText(p, "phase");
                g->neededDecision = g->neededDecision || g->phase == QLatin1String("awaiting_decision");
            }
            break;
        }
        case JournalEventType::DecisionMade: onDecision(e); break;
        case JournalEventType::Approval:
            ++m_s.approvals;
            if (jsonText(p, "kind") == QLatin1String("manual_gate")) {
                if (RunComparison::GateOutcome *g = gate(jsonText(p, "stage"), jsonText(p, "gate"))) {
                    g->neededDecision = true;
                    g->decidedBy.append(QStringLiteral("%1 (confirmed)").arg(e.actor()));
                    if (g->verdict != QLatin1String("pass"))
                        g->verdict = QStringLiteral("confirmed");
                }
            }
            break;
        case JournalEventType::RollbackStarted:
            if (m_state.rollbacks() > rollbacksBefore && m_state.rollback()) {
                const RunState::RollbackRecord &r = *m_state.rollback();
                RunComparison::RollbackSummary rs;
                rs.stage = r.stage;
                rs.trigger = r.trigger;
                rs.reason = r.reason;
                rs.startedBy = r.startedBy;
                rs.startedAt = r.startedAt;
                rs.target = r.target;
                m_s.rollbacks.append(rs);
                m_rollbackMark = e.at();
                endStage(e.at(), QStringLiteral("rolled_back"));
            }
            break;
        case JournalEventType::RollbackFinished:
            if (!m_s.rollbacks.isEmpty() && !m_s.rollbacks.last().finishedAt) {
                RunComparison::RollbackSummary &r = m_s.rollbacks.last();
                r.finishedAt = e.at();
                r.duration = Milliseconds(e.at() - r.startedAt);
                r.ok = jsonText(p, "result") == QLatin1String("ok");
            }
            break;
        case JournalEventType::RunFinished:
            m_s.finished = true;
            m_s.outcome = jsonText(p, "outcome");
            m_s.endedAt = e.at();
            // The last stage is promoted by finishing the run.
            endStage(e.at(),
                     m_s.outcome.startsWith(QLatin1String("completed")) ? QStringLiteral("promoted")
                                                                        : QStringLiteral("aborted"));
            break;
        default: break;
        }
        trackSoak();
    }

    RunComparison::Summary finish()
    {
        m_s.mode = m_state.mode();
        m_s.lead = m_state.lead();
        m_s.startedAt = m_state.startedAt();
        m_s.events = m_state.eventCount();
        if (!m_s.finished)
            m_s.endedAt = m_state.lastEventAt();
        for (RunComparison::StageSummary &st : m_s.stages) {
            const qint64 end = st.endedAt.value_or(m_s.endedAt);
            if (st.soakStartedAt)
                st.soak = Milliseconds(end - *st.soakStartedAt);
            if (st.end == QLatin1String("promoted"))
                st.rolloutToPromotion = Milliseconds(end - st.rolloutStartedAt.value_or(st.enteredAt));
        }
        const qint64 at = m_state.lastEventAt();
        for (const ScheduleItem &i : m_state.schedule().items()) {
            RunComparison::ScheduleSummary ss;
            ss.id = i.id;
            ss.label = i.label;
            ss.kind = i.kind == ScheduleItem::Kind::Milestone ? QStringLiteral("milestone")
                                                              : QStringLiteral("window_step");
            ss.plannedStart = i.plannedStart;
            ss.actualStart = i.actualStart;
            ss.lateness = i.startLateness();
            ss.plannedDuration = i.plannedDuration;
            ss.duration = i.actualDuration();
            ss.status = ScheduleItem::statusName(i.status(at));
            m_s.schedule.append(ss);
        }
        return m_s;
    }

private:
    RunComparison::StageSummary *current() { return m_current >= 0 ? &m_s.stages[m_current] : nullptr; }

    RunComparison::GateOutcome *gate(const QString &stage, const QString &id)
    {
        RunComparison::StageSummary *st = current();
        if (!st || st->stage != stage || id.isEmpty())
            return nullptr;
        for (RunComparison::GateOutcome &g : st->gates) {
            if (g.gate == id)
                return &g;
        }
        st->gates.append({id, {}, {}, false, {}});
        return &st->gates.last();
    }

    void onStageEntered(const JournalEvent &e)
    {
        const QString id = jsonText(e.payload(), "stage");
        if (m_state.stage().id != id)
            return; // not a stage of the runbook: the state ignored it
        const QString from = jsonText(e.payload(), "promoted_from");
        if (!from.isEmpty() && current() && current()->stage == from)
            endStage(e.at(), QStringLiteral("promoted"));
        m_current = -1;
        for (qsizetype i = 0; i < m_s.stages.size(); ++i) {
            if (m_s.stages[i].stage == id)
                m_current = int(i);
        }
        if (m_current < 0) {
            RunComparison::StageSummary st;
            st.stage = id;
            if (const Stage *rb = m_state.currentStage()) {
                for (const Gate &g : rb->gates)
                    st.gates.append({g.id, {}, {}, false, {}});
            }
            m_s.stages.append(st);
            m_current = int(m_s.stages.size() - 1);
        }
        // A new attempt: times and verdicts are the new attempt's, decisions of earlier ones stay listed.
        RunComparison::StageSummary &st = m_s.stages[m_current];
        st.attempts = m_state.stage().attempt;
        st.enteredAt = e.at();
        st.rolloutStartedAt.reset();
        st.soakStartedAt.reset();
        st.endedAt.reset();
        st.plannedSoak.reset();
        st.end = QStringLiteral("running");
        for (RunComparison::GateOutcome &g : st.gates) {
            g.verdict.clear();
            g.phase.clear();
        }
    }

    void endStage(qint64 at, const QString &how)
    {
        RunComparison::StageSummary *st = current();
        if (!st || st->end != QLatin1String("running"))
            return;
        st->endedAt = at;
        st->end = how;
    }

    void trackSoak()
    {
        RunComparison::StageSummary *st = current();
        if (!st || st->end != QLatin1String("running") || m_state.stage().id != st->stage
            || !m_state.stage().soakStart)
            return;
        st->soakStartedAt = *m_state.stage().soakStart;
        if (const auto end = m_state.soakEnd())
            st->plannedSoak = Milliseconds(*end - *st->soakStartedAt);
    }

    RunComparison::ActionSummary &action(const QString &phase, const QString &stage, const QString &id)
    {
        for (RunComparison::ActionSummary &a : m_s.actions) {
            if (a.phase == phase && a.stage == stage && a.action == id)
                return a;
        }
        m_s.actions.append({phase, stage, id, {}, 0, {}, {}});
        return m_s.actions.last();
    }

    void onAction(const QString &phase, const QString &stage, const QString &id, const QString &status,
                  qint64 at)
    {
        if (id.isEmpty() || status.isEmpty())
            return;
        const bool rollback = phase == QLatin1String("rollback");
        RunComparison::ActionSummary &a
            = action(phase, phase == QLatin1String("schedule") ? QString() : stage, id);
        if (phase == QLatin1String("rollout") && current() && current()->stage == stage
            && !current()->rolloutStartedAt)
            current()->rolloutStartedAt = at;
        if (status == QLatin1String("started") || !a.startedAt || isTerminal(a.status)) {
            // A new execution. A result without `started` (rollback steps of older journals) is measured
            // from the end of the previous step, or the start of the rollback.
            ++a.executions;
            a.startedAt = status == QLatin1String("started") || !rollback ? at : std::min(m_rollbackMark, at);
            a.duration.reset();
        }
        a.status = status;
        if (isTerminal(status)) {
            a.duration = Milliseconds(at - *a.startedAt);
            if (rollback)
                m_rollbackMark = at;
        }
    }

    void onDecision(const JournalEvent &e)
    {
        ++m_s.decisions;
        const QJsonObject &p = e.payload();
        const QString kind = jsonText(p, "target_kind");
        const bool accept = jsonText(p, "decision") == QLatin1String("accept");
        if (kind == QLatin1String("gate")) {
            if (RunComparison::GateOutcome *g = gate(jsonText(p, "stage"), jsonText(p, "target"))) {
                g->neededDecision = true;
                g->decidedBy.append(QStringLiteral("%1 (%2)").arg(
                    e.actor(), accept ? QStringLiteral("accept") : QStringLiteral("reject")));
            }
            return;
        }
        if (!accept || (kind != QLatin1String("action") && kind != QLatin1String("rollback_step")))
            return;
        // Accepted as done by a person: the execution ends here.
        const QString phase
            = kind == QLatin1String("action") ? QStringLiteral("rollout") : QStringLiteral("rollback");
        for (RunComparison::ActionSummary &a : m_s.actions) {
            if (a.phase == phase && a.stage == jsonText(p, "stage") && a.action == jsonText(p, "target")
                && a.startedAt) {
                a.status = QStringLiteral("accepted");
                a.duration = Milliseconds(e.at() - *a.startedAt);
            }
        }
    }

    std::shared_ptr<const Runbook> m_runbook;
    RunState m_state;
    RunComparison::Summary m_s;
    int m_current = -1;
    qint64 m_rollbackMark = 0;
};

template<typename Row, typename Item, typename Key>
void mergeRows(QList<Row> &rows, const QList<Item> &items, bool sideA, Key key)
{
    for (const Item &item : items) {
        Row *row = nullptr;
        for (Row &r : rows) {
            if (key(r.a ? *r.a : *r.b) == key(item))
                row = &r;
        }
        if (!row) {
            rows.append(Row {});
            row = &rows.last();
        }
        (sideA ? row->a : row->b) = item;
    }
}

QJsonObject gateJson(const RunComparison::GateOutcome &g)
{
    return {{QStringLiteral("verdict"), g.verdict},
            {QStringLiteral("phase"), g.phase},
            {QStringLiteral("needed_decision"), g.neededDecision},
            {QStringLiteral("decided_by"), QJsonArray::fromStringList(g.decidedBy)}};
}

QJsonObject stageJson(const RunComparison::StageSummary &s, qint64 runStart)
{
    return {{QStringLiteral("attempts"), s.attempts},
            {QStringLiteral("entered_at"), double(s.enteredAt)},
            {QStringLiteral("entered_offset_ms"), double(s.enteredAt - runStart)},
            {QStringLiteral("rollout_started_at"), optTime(s.rolloutStartedAt)},
            {QStringLiteral("soak_started_at"), optTime(s.soakStartedAt)},
            {QStringLiteral("ended_at"), optTime(s.endedAt)},
            {QStringLiteral("promoted_at"),
             s.end == QLatin1String("promoted") ? optTime(s.endedAt) : QJsonValue()},
            {QStringLiteral("end"), s.end},
            {QStringLiteral("soak_ms"), optDuration(s.soak)},
            {QStringLiteral("planned_soak_ms"), optDuration(s.plannedSoak)},
            {QStringLiteral("rollout_to_promotion_ms"), optDuration(s.rolloutToPromotion)}};
}

QJsonObject actionJson(const RunComparison::ActionSummary &a)
{
    return {{QStringLiteral("status"), a.status},
            {QStringLiteral("executions"), a.executions},
            {QStringLiteral("started_at"), optTime(a.startedAt)},
            {QStringLiteral("duration_ms"), optDuration(a.duration)}};
}

QJsonObject scheduleJson(const RunComparison::ScheduleSummary &s)
{
    return {{QStringLiteral("kind"), s.kind},
            {QStringLiteral("planned_start"), double(s.plannedStart)},
            {QStringLiteral("actual_start"), optTime(s.actualStart)},
            {QStringLiteral("lateness_ms"), optDuration(s.lateness)},
            {QStringLiteral("planned_duration_ms"), optDuration(s.plannedDuration)},
            {QStringLiteral("duration_ms"), optDuration(s.duration)},
            {QStringLiteral("status"), s.status}};
}

QJsonObject rollbackJson(const RunComparison::RollbackSummary &r)
{
    return {
        {QStringLiteral("stage"), r.stage},
        {QStringLiteral("trigger"), r.trigger},
        {QStringLiteral("reason"), r.reason},
        {QStringLiteral("started_by"), r.startedBy},
        {QStringLiteral("started_at"), double(r.startedAt)},
        {QStringLiteral("finished_at"), optTime(r.finishedAt)},
        {QStringLiteral("duration_ms"), optDuration(r.duration)},
        {QStringLiteral("target_ms"), double(r.target.count())},
        {QStringLiteral("within_target"), r.duration ? QJsonValue(*r.duration <= r.target) : QJsonValue()},
        {QStringLiteral("ok"), r.ok}};
}

QJsonObject runJson(const RunComparison::Summary &s)
{
    QJsonArray rollbacks;
    for (const auto &r : s.rollbacks)
        rollbacks.append(rollbackJson(r));
    return {{QStringLiteral("run_id"), s.runId},
            {QStringLiteral("mode"), runModeName(s.mode)},
            {QStringLiteral("lead"), s.lead},
            {QStringLiteral("runbook"), s.runbook},
            {QStringLiteral("runbook_sha256"), s.runbookSha256},
            {QStringLiteral("started_at"), double(s.startedAt)},
            {QStringLiteral("ended_at"), double(s.endedAt)},
            {QStringLiteral("finished"), s.finished},
            {QStringLiteral("outcome"), s.outcome},
            {QStringLiteral("wall_time_ms"), double(s.wallTime().count())},
            {QStringLiteral("events"), double(s.events)},
            {QStringLiteral("decisions"), s.decisions},
            {QStringLiteral("approvals"), s.approvals},
            {QStringLiteral("rollbacks"), rollbacks}};
}

template<typename T, typename F> QJsonValue side(const std::optional<T> &v, F toJson)
{
    return v ? QJsonValue(toJson(*v)) : QJsonValue();
}

} // namespace

const RunComparison::StageSummary *RunComparison::Summary::stage(const QString &id) const
{
    for (const StageSummary &s : stages) {
        if (s.stage == id)
            return &s;
    }
    return nullptr;
}

const RunComparison::ActionSummary *RunComparison::Summary::action(const QString &phase, const QString &stage,
                                                                   const QString &id) const
{
    for (const ActionSummary &a : actions) {
        if (a.phase == phase && a.stage == stage && a.action == id)
            return &a;
    }
    return nullptr;
}

RunComparison::Summary RunComparison::summarize(const std::shared_ptr<const Runbook> &runbook,
                                                const QList<JournalEvent> &events, const QString &runId)
{
    Summarizer s(runbook, runId);
    for (const JournalEvent &e : events)
        s.add(e);
    return s.finish();
}

RunComparison RunComparison::compare(const Summary &a, const Summary &b)
{
    RunComparison c;
    c.m_a = a;
    c.m_b = b;
    if (a.runId == b.runId)
        c.m_warnings << QStringLiteral("both sides are the same run %1").arg(a.runId);
    if (a.runbook != b.runbook) {
        c.m_sameRunbook = false;
        c.m_warnings << QStringLiteral("different runbooks: A ran \"%1\", B ran \"%2\"; stages and actions "
                                       "are matched by id only")
                            .arg(a.runbook, b.runbook);
    } else if (a.runbookSha256.isEmpty() || b.runbookSha256.isEmpty()) {
        c.m_warnings << QStringLiteral("run %1 recorded no runbook hash: cannot tell whether both ran the "
                                       "same runbook text")
                            .arg(a.runbookSha256.isEmpty() ? a.runId : b.runId);
    } else if (a.runbookSha256 != b.runbookSha256) {
        c.m_sameRunbook = false;
        c.m_warnings << QStringLiteral("the runbook \"%1\" changed between the runs (sha256 A %2…, B %3…): "
                                       "what was rehearsed is not exactly what ran")
                            .arg(a.runbook, a.runbookSha256.left(12), b.runbookSha256.left(12));
    }
    for (const Summary *s : {&a, &b}) {
        if (!s->finished)
            c.m_warnings
                << QStringLiteral("run %1 has not finished: its figures end at its last event").arg(s->runId);
    }

    auto stageKey = [](const auto &x) { return x.stage; };
    mergeRows(c.m_stages, a.stages, true, stageKey);
    mergeRows(c.m_stages, b.stages, false, stageKey);
    for (StageRow &r : c.m_stages) {
        r.stage = r.a ? r.a->stage : r.b->stage;
        if (r.a && r.b) {
            // A soak cut short by a rollback is not comparable with one that ran its course.
            if (r.a->end == r.b->end)
                r.soakDelta = delta(r.a->soak, r.b->soak);
            r.rolloutToPromotionDelta = delta(r.a->rolloutToPromotion, r.b->rolloutToPromotion);
            r.enteredOffsetDelta
                = Milliseconds((r.b->enteredAt - b.startedAt) - (r.a->enteredAt - a.startedAt));
        }
        QList<GateRow> gates;
        auto gateKey = [](const auto &x) { return x.gate; };
        mergeRows(gates, r.a ? r.a->gates : QList<GateOutcome>(), true, gateKey);
        mergeRows(gates, r.b ? r.b->gates : QList<GateOutcome>(), false, gateKey);
        for (GateRow &g : gates) {
            g.stage = r.stage;
            g.gate = g.a ? g.a->gate : g.b->gate;
        }
        c.m_gates += gates;
    }

    auto actionKey = [](const auto &x) { return QStringList {x.phase, x.stage, x.action}; };
    mergeRows(c.m_actions, a.actions, true, actionKey);
    mergeRows(c.m_actions, b.actions, false, actionKey);
    for (ActionRow &r : c.m_actions) {
        const ActionSummary &any = r.a ? *r.a : *r.b;
        r.phase = any.phase;
        r.stage = any.stage;
        r.action = any.action;
        if (r.a && r.b)
            r.durationDelta = delta(r.a->duration, r.b->duration);
    }

    auto scheduleKey = [](const auto &x) { return x.id; };
    mergeRows(c.m_schedule, a.schedule, true, scheduleKey);
    mergeRows(c.m_schedule, b.schedule, false, scheduleKey);
    for (ScheduleRow &r : c.m_schedule) {
        const ScheduleSummary &any = r.a ? *r.a : *r.b;
        r.id = any.id;
        r.label = any.label;
        if (r.a && r.b)
            r.latenessDelta = delta(r.a->lateness, r.b->lateness);
    }
    return c;
}

QJsonObject RunComparison::toJson() const
{
    QJsonArray stages;
    for (const StageRow &r : m_stages) {
        stages.append(QJsonObject {
            {QStringLiteral("stage"), r.stage},
            {QStringLiteral("a"),
             side(r.a, [this](const StageSummary &s) { return stageJson(s, m_a.startedAt); })},
            {QStringLiteral("b"),
             side(r.b, [this](const StageSummary &s) { return stageJson(s, m_b.startedAt); })},
            {QStringLiteral("soak_delta_ms"), optDuration(r.soakDelta)},
            {QStringLiteral("rollout_to_promotion_delta_ms"), optDuration(r.rolloutToPromotionDelta)},
            {QStringLiteral("entered_offset_delta_ms"), optDuration(r.enteredOffsetDelta)}});
    }
    QJsonArray gates;
    for (const GateRow &g : m_gates)
        gates.append(QJsonObject {{QStringLiteral("stage"), g.stage},
                                  {QStringLiteral("gate"), g.gate},
                                  {QStringLiteral("a"), side(g.a, gateJson)},
                                  {QStringLiteral("b"), side(g.b, gateJson)}});
    QJsonArray actions;
    for (const ActionRow &r : m_actions)
        actions.append(QJsonObject {{QStringLiteral("phase"), r.phase},
                                    {QStringLiteral("stage"), r.stage},
                                    {QStringLiteral("action"), r.action},
                                    {QStringLiteral("a"), side(r.a, actionJson)},
                                    {QStringLiteral("b"), side(r.b, actionJson)},
                                    {QStringLiteral("duration_delta_ms"), optDuration(r.durationDelta)}});
    QJsonArray schedule;
    for (const ScheduleRow &r : m_schedule)
        schedule.append(QJsonObject {{QStringLiteral("item"), r.id},
                                     {QStringLiteral("label"), r.label},
                                     {QStringLiteral("a"), side(r.a, scheduleJson)},
                                     {QStringLiteral("b"), side(r.b, scheduleJson)},
                                     {QStringLiteral("lateness_delta_ms"), optDuration(r.latenessDelta)}});
    const QJsonObject totals {
        {QStringLiteral("wall_time_delta_ms"), double(wallTimeDelta().count())},
        {QStringLiteral("decisions_delta"), m_b.decisions - m_a.decisions},
        {QStringLiteral("events_delta"), double(m_b.events - m_a.events)},
        {QStringLiteral("rollbacks_delta"), int(m_b.rollbacks.size() - m_a.rollbacks.size())}};
    return {{QStringLiteral("format"), QStringLiteral("cutover-cockpit-run-comparison")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("same_runbook"), m_sameRunbook},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(m_warnings)},
            {QStringLiteral("a"), runJson(m_a)},
            {QStringLiteral("b"), runJson(m_b)},
            {QStringLiteral("stages"), stages},
            {QStringLiteral("gates"), gates},
            {QStringLiteral("actions"), actions},
            {QStringLiteral("schedule"), schedule},
            {QStringLiteral("totals"), totals}};
}

} // namespace cockpit
