#include "charts/Histogram.h"

#include "core/gates/BaselineComparison.h"
#include "core/gates/Quantiles.h"
#include "core/journal/RunEvents.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>

namespace cockpit::charts {

namespace {

QList<double> finite(const QList<double> &values)
{
    QList<double> out;
    out.reserve(values.size());
    for (double v : values)
        if (std::isfinite(v))
            out.append(v);
    return out;
}

double shareAbove(const QList<double> &values, double limit)
{
    if (values.isEmpty())
        return 0;
    const auto n = std::count_if(values.cbegin(), values.cend(), [limit](double v) { return v > limit; });
    return double(n) / double(values.size());
}

QString tr(const char *text)
{
    return QCoreApplication::translate("cockpit::charts::Histogram", text);
}

} // namespace

int Histogram::binOf(double v, double lo, double hi, int bins)
{
    if (bins <= 1 || hi <= lo)
        return 0;
    const double b = std::floor((v - lo) / (hi - lo) * bins);
    return int(std::clamp(b, 0.0, double(bins - 1)));
}

HistogramComparison Histogram::compare(const QList<double> &baselineIn, const QList<double> &currentIn,
                                       int bins, std::optional<double> limit, double alpha, double tolerance)
{
    const QList<double> baseline = finite(baselineIn);
    const QList<double> current = finite(currentIn);
    HistogramComparison h;
    h.baselineCount = baseline.size();
    h.currentCount = current.size();
    h.limit = limit;
    bins = qMax(1, bins);
    if (!baseline.isEmpty() || !current.isEmpty()) {
        double lo = std::numeric_limits<double>::max();
        double hi = std::numeric_limits<double>::lowest();
        for (const QList<double> *s : {&baseline, &current}) {
            for (double v : *s) {
                lo = qMin(lo, v);
                hi = qMax(hi, v);
            }
        }
        if (hi <= lo)
            hi = lo + 1;
        for (int i = 0; i < bins; ++i)
            h.bins.append(
                {lo + (hi - lo) * i / bins, i + 1 == bins ? hi : lo + (hi - lo) * (i + 1) / bins, 0, 0});
        for (double v : baseline)
            ++h.bins[binOf(v, lo, hi, bins)].baseline;
        for (double v : current)
            ++h.bins[binOf(v, lo, hi, bins)].current;
    }
    const Quantiles qb(baseline);
    const Quantiles qc(current);
    for (double p : {0.5, 0.95, 0.99}) {
        HistogramComparison::QuantileChange q {p, qb.at(p), qc.at(p),
                                               std::numeric_limits<double>::quiet_NaN()};
        if (std::isfinite(q.baseline) && std::isfinite(q.current) && q.baseline != 0)
            q.change = (q.current - q.baseline) / q.baseline;
        h.quantiles.append(q);
    }
    if (limit) {
        h.baselineShareAbove = shareAbove(baseline, *limit);
        h.currentShareAbove = shareAbove(current, *limit);
    }

    const DegradationReport report = BaselineComparison::noDegradation(baseline, current, alpha, tolerance);
    h.test = report.test;
    h.verdict = RunEvents::verdictKey(report.verdict);
    const QString pText = QString::number(report.test.p, 'g', 3);
    const QString n = tr("%1 vs %2 values").arg(h.baselineCount).arg(h.currentCount);
    switch (report.verdict) {
    case Verdict::NoData: h.words = tr("No comparison: a stage has no values yet."); break;
    case Verdict::Inconclusive: h.words = tr("Too few values to tell (%1): a person decides.").arg(n); break;
    case Verdict::Fail:
        h.words = tr("Durations got longer: this stage's values are significantly larger than the previous "
                     "stage's (Mann-Whitney, p = %1 ≤ %2, %3) and the median rose %4 % (more than %5 %).")
                      .arg(pText, QString::number(alpha))
                      .arg(n)
                      .arg(report.medianChange * 100, 0, 'f', 1)
                      .arg(tolerance * 100, 0, 'f', 0);
        break;
    case Verdict::Pass:
        h.words = report.test.p <= alpha
            ? tr("No degradation that matters: durations are significantly larger (Mann-Whitney, p = %1, %2) "
                 "but the median rose only %3 % (limit %4 %).")
                  .arg(pText, n)
                  .arg(report.medianChange * 100, 0, 'f', 1)
                  .arg(tolerance * 100, 0, 'f', 0)
            : tr("No degradation: durations are not significantly larger than the previous stage's "
                 "(Mann-Whitney, p = %1 > %2, %3).")
                  .arg(pText, QString::number(alpha), n);
        break;
    }
    return h;
}

} // namespace cockpit::charts
