#pragma once

#include "charts/ChartSeries.h"
#include "core/conditions/Verdict.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace cockpit::charts {

// A gate's threshold on one metric, from its `expect` ("success_rate_pct >= 95").
struct Threshold
{
    enum class FailingSide { None, Below, Above }; // == and != shade nothing
    QString stage;
    QString gate;
    QString op; // >= > <= < == !=
    double value = 0;
    FailingSide failing = FailingSide::None;
};

// One entry into a stage: from its stage_entered event to the next entry, the rollback or the run's end
// (open while the stage is current).
struct StageBand
{
    QString stage;
    QString title;
    std::optional<int> rolloutPercent;
    int attempt = 1;
    qint64 start = 0;
    std::optional<qint64> end;
    bool rolledBack = false; // the band ends with a rollback
};

// Something a person or the engine did, marked on every time chart.
struct Annotation
{
    enum class Kind {
        Decision,
        Approval,
        Trigger,
        RollbackStarted,
        RollbackFinished,
        Checkpoint,
        RunFinished
    };
    Kind kind = Kind::Decision;
    qint64 at = 0;
    QString stage;
    QString text; // short label: "accept success-rate (Dana)", "rollback: success rate < 95"
};

// A gate's outcome over time, one lane per (stage, gate): from gate_changed events.
struct GateLane
{
    struct Segment
    {
        qint64 start = 0;
        std::optional<qint64> end; // open: still so
        QString outcome; // pass | fail | no_data | inconclusive | pending
        QString phase; // waiting | holding | passed | recovering | failed | no_data | awaiting_decision
        QString reason;
    };
    QString stage;
    QString gate;
    QList<Segment> segments;
    int resets = 0; // times a holding window went back to the start (a fail after holding)
};

// The values a comparison gate collected (durations for no_degradation, messages for no_new_values).
struct GateValueSet
{
    QString stage;
    QString gate;
    QList<double> baseline;
    QList<double> current;
    QStringList baselineText; // string values (error patterns)
    QStringList currentText;
    qint64 at = 0;
    double alpha = 0.05; // the gate's (no_degradation)
    double tolerance = 0.10;
};

struct MetricChart
{
    QString metric;
    QString unit;
    QString description;
    QString query; // the SQL behind the chart
    QString connection;
    qint64 everyMs = 0;
    ChartSeries series;
    QList<Threshold> thresholds;
    qsizetype valueCount = 0; // points that are not gaps
    double minValue = 0; // over the non-gap values (0 when there is none)
    double maxValue = 0;
};

// Everything the Validation tab and the report draw for one run, taken from its journal events. An
// immutable value: built on a worker (ValidationDataBuilder), read anywhere.
struct ValidationData
{
    QString runId;
    QString runbook;
    qint64 firstAt = 0;
    qint64 lastAt = 0; // the newest event's time: the "now" line of a finished or followed run
    QList<MetricChart> metrics; // runbook order (by name), then metrics seen only in samples
    QList<StageBand> stages;
    QList<Annotation> annotations;
    QList<GateLane> gates;
    QList<GateValueSet> valueSets;

    const MetricChart *metric(const QString &name) const;
    // The band that holds `at`, if any.
    const StageBand *stageAt(qint64 at) const;
};
using ValidationDataPtr = std::shared_ptr<const ValidationData>;

} // namespace cockpit::charts
