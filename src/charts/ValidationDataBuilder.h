#pragma once

#include "charts/ValidationData.h"
#include "core/conditions/Condition.h"
#include "core/journal/JournalEvent.h"
#include "core/journal/MetricSamples.h"
#include "core/runbook/Runbook.h"

#include <QHash>
#include <QList>
#include <memory>

namespace cockpit::charts {

// Folds one run's journal events into ValidationData, incrementally (append the events as they come).
// The runbook comes from the run's own runbook note, so the journal alone is enough (a viewer, the report).
// Not thread-safe: one builder is used by one thread at a time (the Validation tab's worker).
class ValidationDataBuilder
{
public:
    // runId empty: the newest run in the events (a newer run_started starts over).
    explicit ValidationDataBuilder(QString runId = {});

    void append(const QList<JournalEvent> &events);
    void append(const JournalEvent &event);
    // Samples read from the journal's sample table instead of its events: sample_taken events with
    // seq <= upToSeq are not folded; after the events up to upToSeq, addTableSamples() adds their values
    // (points coloured by the stage each was taken in), and later sample events fold as usual.
    void skipSamplesUpTo(qint64 upToSeq) { m_skipSamplesUpTo = upToSeq; }
    void addTableSamples(const QList<MetricSamples> &samples);
    // The runbook of the run, when the journal holds none (tests, a run started before the runbook note).
    void setRunbook(std::shared_ptr<const Runbook> runbook);

    ValidationData data() const;
    qint64 eventCount() const { return m_events; }

    // "success_rate_pct >= 95" -> the metric and the threshold; nullopt for any other shape.
    static std::optional<std::pair<QString, Threshold>> thresholdOf(const QString &condition);
    // The traffic share a stage's rollout states ({percent: 10}, or {value: 10} on a rollout path).
    static std::optional<int> rolloutPercentOf(const Stage &stage);

private:
    struct GateRule
    {
        QString gate;
        std::optional<Threshold> threshold;
        std::optional<Condition> condition;
        int op
            = 0; // the threshold's comparison (ValidationDataBuilder.cpp's opCode), not its text per sample
    };

    void reset(const QString &runId);
    void loadRunbookNote(const JournalEvent &event);
    void applyRunbook();
    MetricChart &metricChart(const QString &name);
    qsizetype metricIndex(const QString &name); // the chart's index, created when new
    void setStage(const QString &stage);
    void addSample(const JournalEvent &event);
    void closeStage(qint64 at, bool rolledBack);
    void gateChanged(const JournalEvent &event);
    void gateValues(const JournalEvent &event);
    void annotate(Annotation::Kind kind, const JournalEvent &event, const QString &text);
    PointOutcome outcomeOf(const QList<GateRule> *rules, const QString &metric, double value) const;
    void addPoint(qsizetype chart, qint64 at, double value, const QList<GateRule> *rules);

    QString m_wantedRun;
    std::shared_ptr<const Runbook> m_runbook;
    ValidationData m_data;
    QHash<QString, qsizetype> m_metricIndex;
    QHash<QString, qsizetype> m_laneIndex; // stage + '\n' + gate
    QHash<QString, QList<GateRule>> m_rules; // stage + '\n' + metric
    QString m_stage; // current stage id ("" outside a stage)
    // Per chart index: the rules of m_stage that read its metric (null: none). Looked up once per stage
    // change instead of once per sample; points into m_rules, which changes only in applyRunbook.
    QList<const QList<GateRule> *> m_stageRules;
    qint64 m_events = 0;
    qint64 m_skipSamplesUpTo = 0;
};

} // namespace cockpit::charts
