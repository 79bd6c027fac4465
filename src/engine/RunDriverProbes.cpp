// RunDriver: metric samples, gate values and checks (the reads of a run).
#include "core/base/LogCategories.h"
#include "core/base/Redactor.h"
#include "engine/ModeGuard.h"
#include "engine/RunCommands.h"
#include "engine/RunDriver.h"
#include "engine/RunDriverSupport.h"
#include "probes/CheckRunner.h"
#include "probes/CommandProbe.h"
#include "probes/HttpProbe.h"
#include "probes/SecretStore.h"
#include "probes/SqlProbe.h"

#include <QJsonArray>

namespace cockpit {

using namespace driver;

void RunDriver::sampleMetric(const RunEffect &e, const QString &key)
{
    const Metric metric = m_runbook->metrics.value(e.id);
    const Connection conn = m_runbook->connections.value(metric.connection);
    m_inFlight.insert(key);
    const quint64 gen = m_generation;
    withSecrets(secretsOf(conn.name), [this, metric, conn, key, gen] {
        if (gen != m_generation)
            return;
        SqlQuery q;
        q.connection = conn.name;
        q.query = metric.query;
        q.maxRows = 1;
        whenDone(this, &m_busy, SqlProbe::run(conn, q, secret(conn.password.name)),
                 [this, metric, key, gen](const Observation &o) {
                     if (gen != m_generation)
                         return;
                     std::optional<double> value;
                     QString error = o.error;
                     if (error.isEmpty()) {
                         if (o.rows.isEmpty() || o.rows.first().isEmpty())
                             error = QStringLiteral("no rows");
                         else if (o.rows.first().first().isNull())
                             error = QStringLiteral("NULL");
                         else {
                             bool ok = false;
                             const double v = o.rows.first().first().toDouble(&ok);
                             if (ok)
                                 value = v;
                             else
                                 error = QStringLiteral("not a number: %1")
                                             .arg(o.rows.first().first().toString().left(80));
                         }
                     }
                     append(
                         RunEvents::sampleTaken(m_state.runId(), m_clock->now(), metric.name, value, error));
                     effectDone(key);
                 });
    });
}

void RunDriver::collectGateValues(const RunEffect &e, const QString &key)
{
    const Gate *gate = findGate(*m_runbook, e.stage, e.id);
    m_inFlight.insert(key);
    if (!gate || !gate->query) {
        append(RunEvents::gateValues(m_state.runId(), m_clock->now(), e.stage, e.id, e.purpose, {},
                                     QStringLiteral("the gate has no query")));
        effectDone(key);
        return;
    }
    SqlQuery q = *gate->query;
    q.maxRows = 1000000;
    const Connection conn = m_runbook->connections.value(q.connection);
    const quint64 gen = m_generation;
    withSecrets(secretsOf(conn.name), [this, e, q, conn, key, gen] {
        if (gen != m_generation)
            return;
        whenDone(this, &m_busy, SqlProbe::run(conn, q, secret(conn.password.name)),
                 [this, e, key, gen](const Observation &o) {
                     if (gen != m_generation)
                         return;
                     QJsonArray values;
                     for (const QVariantList &row : o.rows) {
                         if (row.isEmpty() || row.first().isNull())
                             continue;
                         const QVariant &v = row.first();
                         bool ok = false;
                         const double d = v.toDouble(&ok);
                         if (ok && v.typeId() != QMetaType::QString)
                             values.append(d);
                         else
                             values.append(v.toString());
                     }
                     append(RunEvents::gateValues(m_state.runId(), m_clock->now(), e.stage, e.id, e.purpose,
                                                  values, o.error));
                     effectDone(key);
                 });
    });
}

void RunDriver::runTriggerCheck(const RunEffect &e, const QString &key)
{
    const Trigger *trigger = nullptr;
    for (const Trigger &t : m_runbook->rollback.triggers)
        if (t.id == e.id && t.probe && t.when)
            trigger = &t;
    m_inFlight.insert(key);
    if (!trigger) {
        append(RunEvents::checkObserved(m_state.runId(), m_clock->now(),
                                        QString::fromLatin1(RunPlanner::kEngine), e.stage, e.id, e.purpose,
                                        Verdict::NoData, QStringLiteral("no such trigger")));
        effectDone(key);
        return;
    }
    Check check;
    check.id = trigger->id;
    check.probe = *trigger->probe;
    const Condition when = *trigger->when;
    const QJsonObject context {{QStringLiteral("stage"), e.stage}, {QStringLiteral("trigger"), e.id}};
    // The probe goes through the run's own dispatch; its observation is judged by the trigger's `when`.
    runChecks({check}, context, [this, e, key, when](const QList<CheckResult> &results) {
        const Observation o = results.value(0).observation;
        ConditionResult r;
        if (!o.error.isEmpty()) {
            r.outcome = ConditionResult::Outcome::NoData; // nothing seen: neither starts nor ends a firing
            r.explanation = o.error;
        } else {
            r = when.evaluate(o);
            // An error answer is no reading: `[BODY].errors > 5` not holding on a 503 page says nothing
            // about the errors. A condition that holds on it (`[STATUS] != 200`) still counts.
            if (o.kind == Observation::Kind::Http && (o.status < 200 || o.status >= 300)
                && r.outcome == ConditionResult::Outcome::Fail) {
                r.outcome = ConditionResult::Outcome::NoData;
                r.explanation = QStringLiteral("HTTP %1, no reading: %2").arg(o.status).arg(r.explanation);
            }
        }
        const Verdict verdict = r.outcome == ConditionResult::Outcome::Pass ? Verdict::Fail
            : r.outcome == ConditionResult::Outcome::Fail                   ? Verdict::Pass
                                                                            : Verdict::NoData;
        JournalEventDraft d = RunEvents::checkObserved(m_state.runId(), m_clock->now(),
                                                       QString::fromLatin1(RunPlanner::kEngine), e.stage,
                                                       e.id, e.purpose, verdict, r.explanation);
        d.payload.insert(QStringLiteral("condition"),
                         r.outcome == ConditionResult::Outcome::Pass       ? QStringLiteral("pass")
                             : r.outcome == ConditionResult::Outcome::Fail ? QStringLiteral("fail")
                                                                           : QStringLiteral("no_data"));
        if (o.kind == Observation::Kind::Http)
            d.payload.insert(QStringLiteral("values"), QJsonObject {{QStringLiteral("status"), o.status}});
        append(d);
        effectDone(key);
    });
}

void RunDriver::runCheck(const RunEffect &e, const QString &key)
{
    std::optional<Check> check;
    for (const Stage &s : m_runbook->stages) {
        if (s.id != e.stage)
            continue;
        if (e.purpose == QLatin1String("verify")) {
            for (const Check &c : s.verify)
                if (c.id == e.id)
                    check = c;
        } else if (const Gate *g = findGate(*m_runbook, e.stage, e.id); g && g->check) {
            check = *g->check;
        }
    }
    m_inFlight.insert(key);
    if (!check) {
        append(RunEvents::checkObserved(m_state.runId(), m_clock->now(),
                                        QString::fromLatin1(RunPlanner::kEngine), e.stage, e.id, e.purpose,
                                        Verdict::NoData, QStringLiteral("no such check")));
        effectDone(key);
        return;
    }
    const QJsonObject context {{QStringLiteral("stage"), e.stage}, {QStringLiteral("purpose"), e.purpose}};
    runChecks({*check}, context, [this, e, key](const QList<CheckResult> &results) {
        const CheckResult r = results.value(0);
        append(RunEvents::checkObserved(m_state.runId(), m_clock->now(),
                                        QString::fromLatin1(RunPlanner::kEngine), e.stage, e.id, e.purpose,
                                        r.verdict, r.summary));
        effectDone(key);
    });
}

void RunDriver::runMilestone(const RunEffect &e, const QString &key)
{
    // Only the start: the planner then asks for the milestone's actions in order and for its checks.
    QJsonObject detail;
    if (const auto item = m_state.schedule().item(e.id)) {
        detail.insert(QStringLiteral("planned_at"), double(item->plannedStart));
        detail.insert(QStringLiteral("late_ms"), double(m_clock->now() - item->plannedStart));
    }
    m_inFlight.insert(key);
    appendBeforeEffect(RunEvents::actionRun(m_state.runId(), m_clock->now(), m_options.lead,
                                            QStringLiteral("schedule"), QString(), e.id,
                                            QStringLiteral("started"), detail));
    effectDone(key);
}

void RunDriver::runMilestoneChecks(const RunEffect &e, const QString &key)
{
    const Milestone *milestone = RunPlanner::findMilestone(*m_runbook, e.id);
    m_inFlight.insert(key);
    if (!milestone || milestone->checks.isEmpty()) {
        append(RunPlanner::milestoneFinished(
            m_state, m_clock->now(), m_options.lead, e.id, milestone != nullptr,
            {{QStringLiteral("summary"),
              milestone ? QStringLiteral("no checks") : QStringLiteral("no such milestone")}}));
        effectDone(key);
        return;
    }
    const QJsonObject context {{QStringLiteral("milestone"), e.id}};
    runChecks(milestone->checks, context, [this, e, key](const QList<CheckResult> &results) {
        bool ok = true;
        QJsonArray checks;
        for (const CheckResult &r : results) {
            ok = ok && r.verdict == Verdict::Pass;
            checks.append(QJsonObject {{QStringLiteral("check"), r.checkId},
                                       {QStringLiteral("verdict"), RunEvents::verdictKey(r.verdict)},
                                       {QStringLiteral("summary"), r.summary}});
        }
        append(RunPlanner::milestoneFinished(m_state, m_clock->now(), m_options.lead, e.id, ok,
                                             {{QStringLiteral("checks"), checks}}));
        effectDone(key);
    });
}

} // namespace cockpit
