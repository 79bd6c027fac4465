#pragma once

#include "core/conditions/Verdict.h"
#include "core/gates/MannWhitney.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit {

struct QuantileRow
{
    double p = 0; // 0.5, 0.9, 0.99
    double baseline = 0; // NaN when the sample is empty
    double current = 0;
};

// "No duration degradation vs the previous stage" (seed A): quantiles side by side and a one-sided
// Mann-Whitney U test of H1 "the current stage's values tend to be larger than the baseline's".
struct DegradationReport
{
    Verdict verdict = Verdict::NoData;
    double alpha = 0.05;
    double tolerance = 0.10; // relative increase of the median a significant result must exceed
    double medianChange = 0; // (current p50 - baseline p50) / baseline p50; NaN when undefined
    QList<QuantileRow> quantiles;
    MannWhitneyResult test;
    QString explanation; // every number: quantiles, U, z, p, n1, n2, and the rule applied
    QJsonObject toJson() const;
};

// "No new error patterns vs the previous stage": the values the current stage has and the baseline lacks.
struct NewValuesReport
{
    Verdict verdict = Verdict::NoData;
    QStringList newValues; // sorted
    int baselineCount = 0; // distinct values
    int currentCount = 0;
    QString explanation;
    QJsonObject toJson() const;
};

// Stage-vs-baseline comparisons, pure functions of the two samples.
//
// Degradation verdicts: NoData when either sample is empty; Inconclusive when a sample has fewer than
// MannWhitney::kMinSampleSize values or the sizes cannot reach `alpha` at all (the smallest attainable p
// is above it) — a human decides; Fail when p <= alpha and the median rose by more than `tolerance`
// (a fraction: 0.10 = 10%); Pass otherwise. The tolerance is the practical-significance half of the
// rule: with tens of thousands of values a 2% slower median is already "significant", yet no one would
// hold a rollout for it.
class BaselineComparison
{
public:
    static DegradationReport noDegradation(const QList<double> &baseline, const QList<double> &current,
                                           double alpha, double tolerance);
    // Values are compared after trimming; empty strings are ignored. No values at all in the current stage
    // is a Pass (nothing new).
    static NewValuesReport noNewValues(const QStringList &baseline, const QStringList &current);
};

} // namespace cockpit
