// EvidenceSections: the sections about how the run ended (charts, triggers and rollback, reconciliation,
// rehearsal comparison, sign-off).
#include "core/base/Duration.h"
#include "report/EvidenceSections.h"
#include "report/ReportCharts.h"

#include <QJsonObject>

namespace cockpit::report {

namespace {

// A metric worth a chart: one a gate or a trigger has a threshold on, or else the first ones sampled.
bool charted(const charts::MetricChart &m)
{
    return !m.thresholds.isEmpty() && m.valueCount > 0;
}

} // namespace

void EvidenceSections::charts()
{
    m_c.heading(titles()[5]);
    int drawn = 0;
    for (const charts::MetricChart &metric : m_m.validation.metrics) {
        if (!charted(metric))
            continue;
        m_c.figure(210, [&](QPainter &p, const QRectF &box) {
            ReportCharts::drawMetric(p, box, metric, m_m.validation);
        });
        ++drawn;
    }
    if (drawn == 0)
        m_c.paragraph(QStringLiteral("No metric with a gate threshold was sampled."));
    else
        m_c.paragraph(
            QStringLiteral("Shaded bands are the stages as entered (hatched: rolled back); dashed "
                           "lines are the gates' thresholds; red points failed their gate; a break in "
                           "the line is a sample without data."));
    for (const HistogramChart &h : m_m.histograms) {
        if (h.comparison.baselineCount == 0 || h.comparison.currentCount == 0)
            continue;
        m_c.figure(190, [&](QPainter &p, const QRectF &box) {
            ReportCharts::drawHistogram(
                p, box, h.comparison,
                QStringLiteral("Durations, stage %1 vs the previous stage (gate %2)").arg(h.stage, h.gate));
        });
        m_c.paragraph(h.comparison.words);
    }
}

void EvidenceSections::triggersAndRollback()
{
    m_c.heading(titles()[6]);
    m_c.heading(QStringLiteral("Triggers that fired"), 2);
    QList<QStringList> rows;
    for (const TriggerRow &t : m_m.triggers)
        rows.append({stamp(t.at), t.trigger, dash(t.stage), t.severity, t.effect, dash(t.explanation),
                     t.raisedBy.isEmpty() ? QStringLiteral("a sample") : t.raisedBy});
    if (rows.isEmpty())
        m_c.paragraph(QStringLiteral("No trigger fired."));
    else
        m_c.table({{QStringLiteral("When"), 2},
                   {QStringLiteral("Trigger"), 1.4},
                   {QStringLiteral("Stage"), 1.2},
                   {QStringLiteral("Severity"), 1},
                   {QStringLiteral("Effect"), 1},
                   {QStringLiteral("Values seen"), 3},
                   {QStringLiteral("Raised by"), 1.2}},
                  rows);
    m_c.heading(QStringLiteral("Rollback"), 2);
    if (m_m.rollbacks.isEmpty())
        m_c.paragraph(QStringLiteral("The run was not rolled back."));
    for (const RollbackRow &r : m_m.rollbacks) {
        const auto &s = r.summary;
        const bool within = s.duration && *s.duration <= s.target;
        m_c.keyValues({{QStringLiteral("Stage rolled back"), s.stage},
                       {QStringLiteral("Why"),
                        s.trigger.isEmpty() || s.reason.contains(s.trigger)
                            ? dash(s.reason)
                            : QStringLiteral("trigger %1: %2").arg(s.trigger, s.reason)},
                       {QStringLiteral("Started"),
                        QStringLiteral("%1 by %2").arg(stamp(s.startedAt), dash(s.startedBy))},
                       {QStringLiteral("Finished"), stamp(s.finishedAt)},
                       {QStringLiteral("Rollback time"),
                        QStringLiteral("%1 (target %2): %3")
                            .arg(duration(s.duration), planned(s.target),
                                 !s.duration  ? QStringLiteral("unfinished")
                                     : within ? QStringLiteral("within target")
                                              : QStringLiteral("OVER TARGET"))}});
        QList<QStringList> steps;
        for (const auto &[id, what] : r.steps)
            steps.append({id, what});
        if (!steps.isEmpty())
            m_c.table({{QStringLiteral("Rollback step"), 1}, {QStringLiteral("Result"), 2.5}}, steps);
    }
}

void EvidenceSections::reconciliation()
{
    m_c.heading(titles()[7]);
    QList<QStringList> rows;
    for (const QJsonObject &r : m_m.reconciliations)
        rows.append({r.value(QLatin1String("at")).toString(), r.value(QLatin1String("check")).toString(),
                     r.value(QLatin1String("verdict")).toString(),
                     r.value(QLatin1String("explanation")).toString()});
    if (rows.isEmpty())
        m_c.paragraph(QStringLiteral("No reconciliation result is journaled for this run."));
    else
        m_c.table({{QStringLiteral("When"), 2},
                   {QStringLiteral("Check"), 2},
                   {QStringLiteral("Verdict"), 1},
                   {QStringLiteral("Result"), 4}},
                  rows);
}

void EvidenceSections::rehearsals()
{
    m_c.heading(titles()[8]);
    const RehearsalComparison &r = m_m.rehearsals;
    if (r.isEmpty()) {
        m_c.paragraph(QStringLiteral("The journal holds no earlier rehearsal of this runbook."));
        return;
    }
    m_c.paragraph(QStringLiteral("This run beside %1 earlier rehearsal(s) of \"%2\" in the same journal.")
                      .arg(r.earlier.size())
                      .arg(m_m.runbook));
    QList<PageComposer::Column> cols {{QStringLiteral("Stage"), 1.4}};
    for (const auto &e : r.earlier)
        cols.append({QStringLiteral("%1 (%2)").arg(e.runId, stamp(e.startedAt).left(10)), 1.5});
    cols.append({QStringLiteral("This run"), 1.5});
    const auto cell = [](const RunComparison::StageSummary *s) -> QString {
        if (!s)
            return QStringLiteral("–");
        return QStringLiteral("%1, soak %2, %3 gate(s) passed")
            .arg(s->end, duration(s->soak))
            .arg(std::count_if(s->gates.cbegin(), s->gates.cend(), [](const RunComparison::GateOutcome &g) {
                return g.verdict == QLatin1String("pass") || g.verdict == QLatin1String("confirmed");
            }));
    };
    QStringList stages;
    for (const auto &e : r.earlier)
        for (const auto &s : e.stages)
            if (!stages.contains(s.stage))
                stages << s.stage;
    for (const auto &s : m_m.summary.stages)
        if (!stages.contains(s.stage))
            stages << s.stage;
    QList<QStringList> rows;
    for (const QString &id : stages) {
        QStringList row {id};
        for (const auto &e : r.earlier)
            row << cell(e.stage(id));
        row << cell(m_m.summary.stage(id));
        rows.append(row);
    }
    QStringList rb {QStringLiteral("rollback time")};
    for (const auto &t : r.rollbackTimes)
        rb << (t ? duration(t) : QStringLiteral("no rollback"));
    std::optional<Milliseconds> own;
    for (const auto &x : m_m.summary.rollbacks)
        if (x.duration)
            own = x.duration;
    rb << (own ? duration(own) : QStringLiteral("no rollback"));
    rows.append(rb);
    QStringList wall {QStringLiteral("wall time")};
    for (const auto &e : r.earlier)
        wall << duration(e.wallTime());
    wall << duration(m_m.summary.wallTime());
    rows.append(wall);
    m_c.table(cols, rows);

    QList<QStringList> steps;
    for (const auto &a : m_m.summary.actions) {
        QStringList row {QStringLiteral("%1 %2").arg(a.phase, a.action)};
        for (const auto &e : r.earlier) {
            const auto *x = e.action(a.phase, a.stage, a.action);
            row << (x ? duration(x->duration) : QStringLiteral("–"));
        }
        row << duration(a.duration);
        steps.append(row);
    }
    if (!steps.isEmpty()) {
        m_c.heading(QStringLiteral("Step durations"), 2);
        QList<PageComposer::Column> stepCols = cols;
        stepCols[0].title = QStringLiteral("Step");
        m_c.table(stepCols, steps);
    }
    m_c.heading(QStringLiteral("Forecast of the live rollback time"), 2);
    if (!r.forecastMedian)
        m_c.paragraph(QStringLiteral("No rehearsal finished a rollback: no forecast."));
    else
        m_c.paragraph(
            QStringLiteral("From the rehearsals' rollbacks: median %1, worst %2, against the target "
                           "of %3 — %4.")
                .arg(duration(r.forecastMedian), duration(r.forecastWorst), planned(r.target),
                     *r.forecastWorst <= r.target ? QStringLiteral("even the worst is within target")
                         : *r.forecastMedian <= r.target
                         ? QStringLiteral("the median is within target, the worst is NOT")
                         : QStringLiteral("the median is OVER the target")),
            PageComposer::boldFont(9));
}

void EvidenceSections::signOff()
{
    m_c.heading(titles()[9]);
    QList<QStringList> rows;
    for (const DecisionRow &d : m_m.decisions)
        if (d.kind == QLatin1String("approval") || d.kind == QLatin1String("confirmation"))
            rows.append({stamp(d.at), d.who, d.kind, dash(d.stage), d.target, d.reason});
    m_c.heading(QStringLiteral("Approvals"), 2);
    if (rows.isEmpty())
        m_c.paragraph(QStringLiteral("No approval was journaled."));
    else
        m_c.table({{QStringLiteral("When"), 2},
                   {QStringLiteral("Who"), 1.5},
                   {QStringLiteral("Kind"), 1.2},
                   {QStringLiteral("Stage"), 1.2},
                   {QStringLiteral("What"), 1.4},
                   {QStringLiteral("Statement"), 3}},
                  rows);
    m_c.heading(QStringLiteral("Sign-off"), 2);
    if (m_m.signOffs.isEmpty()) {
        m_c.paragraph(QStringLiteral("Not signed off in the journal. To be completed by hand:"));
        m_c.keyValues({{QStringLiteral("Date"), QStringLiteral("________________")},
                       {QStringLiteral("Time"), QStringLiteral("________________")},
                       {QStringLiteral("Lead"), m_m.lead},
                       {QStringLiteral("Status"), QStringLiteral("SUCCESS / ROLLBACK")},
                       {QStringLiteral("Issues encountered"), QStringLiteral("________________")},
                       {QStringLiteral("Notes"), QStringLiteral("________________")},
                       {QStringLiteral("Signature"), QStringLiteral("________________")}});
    }
    for (const SignOffRow &s : m_m.signOffs) {
        QList<std::pair<QString, QString>> kv {{QStringLiteral("Date"), stamp(s.at).left(10)},
                                               {QStringLiteral("Time"), stamp(s.at).mid(11)},
                                               {QStringLiteral("Lead"), m_m.lead},
                                               {QStringLiteral("Signed by"), s.who},
                                               {QStringLiteral("Status"), s.result},
                                               {QStringLiteral("Issues encountered"), dash(s.issues)},
                                               {QStringLiteral("Notes"), dash(s.notes)}};
        kv += s.fields;
        m_c.keyValues(kv);
    }
}

} // namespace cockpit::report
