#pragma once

#include "core/gates/MannWhitney.h"

#include <QList>
#include <QString>
#include <optional>

namespace cockpit::charts {

// Durations of this stage against the previous one, on shared bins, with the quantiles a lead reads and
// the degradation gate's test in words.
struct HistogramComparison
{
    struct Bin
    {
        double from = 0; // [from, to); the last bin also holds `to`
        double to = 0;
        qsizetype baseline = 0;
        qsizetype current = 0;
    };
    struct QuantileChange
    {
        double p = 0; // 0.5, 0.95, 0.99
        double baseline = 0; // NaN for an empty sample
        double current = 0;
        double change = 0; // (current - baseline) / baseline; NaN when undefined
    };
    QList<Bin> bins;
    QList<QuantileChange> quantiles;
    qsizetype baselineCount = 0;
    qsizetype currentCount = 0;
    std::optional<double> limit; // the "slow" bucket: values above it
    double baselineShareAbove = 0; // fraction of the sample above `limit`
    double currentShareAbove = 0;
    MannWhitneyResult test;
    QString verdict; // pass | fail | no_data | inconclusive (BaselineComparison's rule)
    QString words; // the test's result as a sentence
};

class Histogram
{
public:
    // `bins` equal-width bins from the smallest to the largest value of both samples (NaNs dropped).
    static HistogramComparison compare(const QList<double> &baseline, const QList<double> &current, int bins,
                                       std::optional<double> limit = std::nullopt, double alpha = 0.05,
                                       double tolerance = 0.10);
    // The bin of `v` among `bins` equal bins over [lo, hi] (hi itself in the last).
    static int binOf(double v, double lo, double hi, int bins);
};

} // namespace cockpit::charts
