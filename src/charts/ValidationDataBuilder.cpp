#include "charts/ValidationDataBuilder.h"

#include "core/base/JsonFields.h"
#include "core/conditions/Observation.h"
#include "core/runbook/RunbookLoader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace cockpit::charts {

namespace {

QString key(const QString &a, const QString &b)
{
    return a + QLatin1Char('\n') + b;
}

int opCode(const QString &op)
{
    const QStringList ops {QStringLiteral(">="), QStringLiteral(">"), QStringLiteral("<="),
                           QStringLiteral("<"), QStringLiteral("==")};
    const qsizetype i = ops.indexOf(op);
    return i < 0 ? 5 : int(i); // 5: !=
}

bool compareValue(int op, double threshold, double v)
{
    switch (op) {
    case 0: return v >= threshold;
    case 1: return v > threshold;
    case 2: return v <= threshold;
    case 3: return v < threshold;
    case 4: return v == threshold;
    default: return v != threshold;
    }
}

// Samples further apart than this many intervals: the engine was not sampling (stopped, restarted), drawn
// as a gap like NoData instead of a line across the hole.
constexpr qint64 kGapIntervals = 3;

} // namespace

ValidationDataBuilder::ValidationDataBuilder(QString runId)
    : m_wantedRun(std::move(runId))
{
    m_data.runId = m_wantedRun;
}

std::optional<std::pair<QString, Threshold>> ValidationDataBuilder::thresholdOf(const QString &condition)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(>=|<=|==|!=|>|<)\s*(-?[0-9]+(?:\.[0-9]+)?)\s*%?\s*$)"));
    const QRegularExpressionMatch m = re.match(condition);
    if (!m.hasMatch())
        return std::nullopt;
    Threshold t;
    t.op = m.captured(2);
    t.value = m.captured(3).toDouble();
    if (t.op.startsWith(QLatin1Char('>')))
        t.failing = Threshold::FailingSide::Below;
    else if (t.op.startsWith(QLatin1Char('<')))
        t.failing = Threshold::FailingSide::Above;
    return std::make_pair(m.captured(1), t);
}

std::optional<int> ValidationDataBuilder::rolloutPercentOf(const Stage &stage)
{
    for (const Action &a : stage.rollout) {
        const auto *http = std::get_if<HttpRequest>(&a.what);
        if (!http)
            continue;
        const QJsonObject body = QJsonDocument::fromJson(http->body).object();
        if (body.value(QLatin1String("percent")).isDouble())
            return body.value(QLatin1String("percent")).toInt();
        if (http->url.contains(QLatin1String("rollout")) && body.value(QLatin1String("value")).isDouble())
            return body.value(QLatin1String("value")).toInt();
    }
    return std::nullopt;
}

void ValidationDataBuilder::reset(const QString &runId)
{
    const auto runbook = m_wantedRun.isEmpty() ? nullptr : m_runbook;
    m_data = ValidationData();
    m_data.runId = runId;
    m_metricIndex.clear();
    m_laneIndex.clear();
    m_rules.clear();
    m_stageRules.clear();
    m_stage.clear();
    m_runbook = runbook;
    if (m_runbook)
        applyRunbook();
}

void ValidationDataBuilder::setRunbook(std::shared_ptr<const Runbook> runbook)
{
    m_runbook = std::move(runbook);
    applyRunbook();
}

void ValidationDataBuilder::append(const QList<JournalEvent> &events)
{
    for (const JournalEvent &e : events)
        append(e);
}

void ValidationDataBuilder::append(const JournalEvent &e)
{
    if (e.type() == JournalEventType::RunStarted && m_wantedRun.isEmpty() && e.runId() != m_data.runId)
        reset(e.runId());
    if (e.runId() != m_data.runId)
        return;
    ++m_events;
    if (m_data.firstAt == 0)
        m_data.firstAt = e.at();
    m_data.lastAt = qMax(m_data.lastAt, e.at());
    const QJsonObject &p = e.payload();
    switch (e.type()) {
    case JournalEventType::RunStarted: m_data.runbook = jsonText(p, "runbook"); break;
    case JournalEventType::Note:
        if (p.contains(QLatin1String("runbook_yaml")))
            loadRunbookNote(e);
        break;
    case JournalEventType::StageEntered: {
        closeStage(e.at(), false);
        StageBand band;
        band.stage = jsonText(p, "stage");
        band.attempt = qMax(1, p.value(QLatin1String("attempt")).toInt(1));
        band.start = e.at();
        if (m_runbook) {
            for (const Stage &s : m_runbook->stages) {
                if (s.id == band.stage) {
                    band.title = s.title;
                    band.rolloutPercent = rolloutPercentOf(s);
                }
            }
        }
        setStage(band.stage);
        m_data.stages.append(band);
        break;
    }
    case JournalEventType::SampleTaken: addSample(e); break;
    case JournalEventType::GateChanged: gateChanged(e); break;
    case JournalEventType::CheckObserved:
        if (jsonText(p, "purpose") == QLatin1String("gate_values"))
            gateValues(e);
        break;
    case JournalEventType::DecisionMade:
        annotate(Annotation::Kind::Decision, e,
                 QStringLiteral("%1 %2 (%3)").arg(jsonText(p, "decision"), jsonText(p, "target"), e.actor()));
        break;
    case JournalEventType::Approval:
        annotate(Annotation::Kind::Approval, e,
                 QStringLiteral("%1 %2 (%3)")
                     .arg(jsonText(p, "kind"), jsonText(p, "gate"), e.actor())
                     .simplified());
        break;
    case JournalEventType::TriggerFired:
        annotate(Annotation::Kind::Trigger, e,
                 QStringLiteral("%1: %2").arg(jsonText(p, "trigger"), jsonText(p, "effect")));
        break;
    case JournalEventType::RollbackStarted:
        closeStage(e.at(), true);
        annotate(Annotation::Kind::RollbackStarted, e, jsonText(p, "reason"));
        break;
    case JournalEventType::RollbackFinished:
        annotate(Annotation::Kind::RollbackFinished, e, jsonText(p, "result"));
        break;
    case JournalEventType::Checkpoint:
        annotate(Annotation::Kind::Checkpoint, e,
                 QStringLiteral("%1 #%2")
                     .arg(jsonText(p, "stage"))
                     .arg(p.value(QLatin1String("index")).toInt() + 1));
        break;
    case JournalEventType::RunFinished:
        closeStage(e.at(), false);
        annotate(Annotation::Kind::RunFinished, e, jsonText(p, "outcome"));
        break;
    default: break;
    }
}

void ValidationDataBuilder::loadRunbookNote(const JournalEvent &e)
{
    if (m_runbook)
        return;
    QMap<QString, QString> params;
    const QJsonObject p = e.payload().value(QLatin1String("params")).toObject();
    for (auto it = p.constBegin(); it != p.constEnd(); ++it)
        params.insert(it.key(), it.value().toString());
    auto loaded = RunbookLoader::loadText(jsonText(e.payload(), "runbook_yaml").toUtf8(),
                                          jsonText(e.payload(), "runbook_file"), params);
    if (!loaded)
        return; // the charts still show the samples, without thresholds and titles
    m_runbook = std::make_shared<const Runbook>(std::move(*loaded));
    applyRunbook();
}

void ValidationDataBuilder::applyRunbook()
{
    if (!m_runbook)
        return;
    m_rules.clear();
    for (MetricChart &chart : m_data.metrics)
        chart.thresholds.clear();
    // In the order the runbook lists them (its map sorts by name): the author puts the main one first.
    QList<const Metric *> ordered;
    for (const Metric &m : m_runbook->metrics)
        ordered.append(&m);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Metric *a, const Metric *b) { return a->pos.line < b->pos.line; });
    for (const Metric *mp : ordered) {
        const Metric &m = *mp;
        MetricChart &chart = metricChart(m.name);
        chart.unit = m.unit;
        chart.description = m.description;
        chart.query = m.query.trimmed();
        chart.connection = m.connection;
        chart.everyMs = m.every.count();
    }
    for (const Stage &s : m_runbook->stages) {
        for (const Gate &g : s.gates) {
            if (g.kind != Gate::Kind::Condition || !g.expect)
                continue;
            const auto threshold = thresholdOf(g.expect->text());
            GateRule rule {g.id, std::nullopt, g.expect};
            if (threshold) {
                Threshold t = threshold->second;
                t.stage = s.id;
                t.gate = g.id;
                rule.threshold = t;
                rule.op = opCode(t.op);
                metricChart(threshold->first).thresholds.append(t);
            }
            for (const QString &metric : g.expect->metricNames())
                m_rules[key(s.id, metric)].append(rule);
        }
    }
    setStage(m_stage); // m_rules is new: the pointers into it too
    for (StageBand &band : m_data.stages) {
        for (const Stage &s : m_runbook->stages) {
            if (s.id == band.stage) {
                band.title = s.title;
                band.rolloutPercent = rolloutPercentOf(s);
            }
        }
    }
}

qsizetype ValidationDataBuilder::metricIndex(const QString &name)
{
    auto it = m_metricIndex.constFind(name);
    if (it == m_metricIndex.constEnd()) {
        MetricChart chart;
        chart.metric = name;
        it = m_metricIndex.insert(name, m_data.metrics.size());
        m_data.metrics.append(chart);
        const auto rules = m_rules.constFind(key(m_stage, name));
        m_stageRules.append(rules == m_rules.constEnd() ? nullptr : &*rules);
    }
    return *it;
}

MetricChart &ValidationDataBuilder::metricChart(const QString &name)
{
    return m_data.metrics[metricIndex(name)];
}

void ValidationDataBuilder::setStage(const QString &stage)
{
    m_stage = stage;
    m_stageRules.resize(m_data.metrics.size());
    for (qsizetype i = 0; i < m_data.metrics.size(); ++i) {
        const auto rules = m_rules.constFind(key(m_stage, m_data.metrics.at(i).metric));
        m_stageRules[i] = rules == m_rules.constEnd() ? nullptr : &*rules;
    }
}

PointOutcome ValidationDataBuilder::outcomeOf(const QList<GateRule> *rules, const QString &metric,
                                              double value) const
{
    if (ChartSeries::isGap(value))
        return PointOutcome::NoData;
    if (!rules || rules->isEmpty())
        return PointOutcome::Neutral;
    bool decided = false;
    for (const GateRule &rule : *rules) {
        if (rule.threshold) {
            if (!compareValue(rule.op, rule.threshold->value, value))
                return PointOutcome::Fail;
            decided = true;
        } else if (rule.condition) {
            // A condition over several metrics: judged on this metric alone only when that is all it reads.
            if (rule.condition->metricNames().size() != 1)
                continue;
            Observation o;
            o.kind = Observation::Kind::Metric;
            o.metrics.insert(metric, value);
            const ConditionResult r = rule.condition->evaluate(o);
            if (r.outcome == ConditionResult::Outcome::Fail)
                return PointOutcome::Fail;
            decided = decided || r.passed();
        }
    }
    return decided ? PointOutcome::Pass : PointOutcome::Neutral;
}

void ValidationDataBuilder::addPoint(qsizetype index, qint64 at, double v, const QList<GateRule> *rules)
{
    MetricChart &chart = m_data.metrics[index];
    ChartSeries &s = chart.series;
    if (!s.isEmpty() && chart.everyMs > 0 && !ChartSeries::isGap(s.value.constLast())
        && at - s.at.constLast() > kGapIntervals * chart.everyMs)
        s.append(s.at.constLast() + chart.everyMs, ChartSeries::gap(), PointOutcome::NoData);
    if (!ChartSeries::isGap(v)) {
        const bool first = chart.valueCount++ == 0;
        chart.minValue = first ? v : qMin(chart.minValue, v);
        chart.maxValue = first ? v : qMax(chart.maxValue, v);
    }
    s.append(at, v, outcomeOf(rules, chart.metric, v));
}

void ValidationDataBuilder::addSample(const JournalEvent &e)
{
    if (e.seq() <= m_skipSamplesUpTo)
        return; // in the sample table: addTableSamples()
    const QString name = jsonText(e.payload(), "metric");
    if (name.isEmpty())
        return;
    const QJsonValue raw = e.payload().value(QLatin1String("value"));
    const double v = raw.isDouble() ? raw.toDouble() : ChartSeries::gap();
    const qsizetype index = metricIndex(name);
    addPoint(index, e.at(), v, m_stageRules.value(index, nullptr));
}

void ValidationDataBuilder::addTableSamples(const QList<MetricSamples> &samples)
{
    for (const MetricSamples &m : samples) {
        if (m.metric.isEmpty())
            continue;
        const qsizetype index = metricIndex(m.metric);
        ChartSeries &s = m_data.metrics[index].series;
        s.at.reserve(s.size() + m.at.size() + 64);
        s.value.reserve(s.size() + m.at.size() + 64);
        s.outcome.reserve(s.size() + m.at.size() + 64);
        // The stage each sample was taken in, walking the bands (in time order) along the samples.
        qsizetype band = -1;
        const QList<GateRule> *rules = nullptr;
        auto rulesOf = [this, &m](const StageBand &b) -> const QList<GateRule> * {
            const auto it = m_rules.constFind(key(b.stage, m.metric));
            return it == m_rules.constEnd() ? nullptr : &*it;
        };
        for (qsizetype i = 0; i < m.at.size(); ++i) {
            const qint64 at = m.at.at(i);
            bool moved = false;
            while (band + 1 < m_data.stages.size() && m_data.stages.at(band + 1).start <= at) {
                ++band;
                moved = true;
            }
            if (moved || (band >= 0 && m_data.stages.at(band).end && at >= *m_data.stages.at(band).end)) {
                const StageBand *b = band >= 0 ? &m_data.stages.at(band) : nullptr;
                rules = b && (!b->end || at < *b->end) ? rulesOf(*b) : nullptr;
            }
            addPoint(index, at, m.value.at(i), rules);
        }
    }
}

void ValidationDataBuilder::closeStage(qint64 at, bool rolledBack)
{
    if (!m_data.stages.isEmpty() && !m_data.stages.constLast().end) {
        m_data.stages.last().end = at;
        m_data.stages.last().rolledBack = rolledBack;
    }
    setStage(QString());
}

void ValidationDataBuilder::gateChanged(const JournalEvent &e)
{
    const QJsonObject &p = e.payload();
    const QString stage = jsonText(p, "stage");
    const QString gate = jsonText(p, "gate");
    const QString k = key(stage, gate);
    auto it = m_laneIndex.constFind(k);
    if (it == m_laneIndex.constEnd()) {
        GateLane lane;
        lane.stage = stage;
        lane.gate = gate;
        it = m_laneIndex.insert(k, m_data.gates.size());
        m_data.gates.append(lane);
    }
    GateLane &lane = m_data.gates[*it];
    GateLane::Segment seg;
    seg.start = e.at();
    seg.outcome = jsonText(p, "to");
    seg.phase = jsonText(p, "phase");
    seg.reason = jsonText(p, "reason");
    if (!lane.segments.isEmpty()) {
        GateLane::Segment &last = lane.segments.last();
        if (last.phase == QLatin1String("holding")
            && (seg.phase == QLatin1String("failed") || seg.phase == QLatin1String("recovering")))
            ++lane.resets;
        if (!last.end)
            last.end = e.at();
    }
    lane.segments.append(seg);
}

void ValidationDataBuilder::gateValues(const JournalEvent &e)
{
    const QJsonObject &p = e.payload();
    const QString stage = jsonText(p, "stage");
    const QString gate = jsonText(p, "gate");
    GateValueSet *set = nullptr;
    for (GateValueSet &s : m_data.valueSets)
        if (s.stage == stage && s.gate == gate)
            set = &s;
    if (!set) {
        m_data.valueSets.append(GateValueSet {stage, gate, {}, {}, {}, {}, 0});
        set = &m_data.valueSets.last();
        for (const Stage &s : m_runbook ? m_runbook->stages : QList<Stage>()) {
            for (const Gate &g : s.gates) {
                if (s.id == stage && g.id == gate) {
                    set->alpha = g.alpha;
                    set->tolerance = g.tolerance;
                }
            }
        }
    }
    const bool baseline = jsonText(p, "role") == QLatin1String("baseline");
    QList<double> &numbers = baseline ? set->baseline : set->current;
    QStringList &texts = baseline ? set->baselineText : set->currentText;
    numbers.clear();
    texts.clear();
    const QJsonArray values = p.value(QLatin1String("values")).toArray();
    for (const QJsonValue v : values) {
        if (v.isDouble())
            numbers.append(v.toDouble());
        else if (v.isString())
            texts.append(v.toString());
    }
    set->at = e.at();
}

void ValidationDataBuilder::annotate(Annotation::Kind kind, const JournalEvent &e, const QString &text)
{
    m_data.annotations.append(Annotation {kind, e.at(), jsonText(e.payload(), "stage"), text});
}

ValidationData ValidationDataBuilder::data() const
{
    return m_data;
}

} // namespace cockpit::charts
