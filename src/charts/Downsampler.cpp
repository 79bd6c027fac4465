#include "charts/Downsampler.h"

#include <algorithm>
#include <array>

namespace cockpit::charts {

int Downsampler::column(qint64 at, qint64 from, qint64 to, int width)
{
    if (to <= from || width <= 1)
        return 0;
    const double c = double(at - from) * width / double(to - from);
    return int(std::clamp(c, 0.0, double(width - 1)));
}

ChartSeries Downsampler::downsample(const ChartSeries &input, qint64 from, qint64 to, int width)
{
    ChartSeries out;
    const auto &at = input.at;
    const qsizetype lo = std::lower_bound(at.cbegin(), at.cend(), from) - at.cbegin();
    const qsizetype hi = std::upper_bound(at.cbegin(), at.cend(), to) - at.cbegin();
    width = qMax(1, width);
    const auto copy = [&](qsizetype i) { out.append(at.at(i), input.value.at(i), input.outcome.at(i)); };
    if (hi - lo <= 4 * qsizetype(width)) {
        for (qsizetype i = qMax<qsizetype>(0, lo - 1); i < qMin(at.size(), hi + 1); ++i)
            copy(i);
        return out;
    }
    if (lo > 0)
        copy(lo - 1);
    out.at.reserve(5 * width + 16);
    out.value.reserve(5 * width + 16);
    out.outcome.reserve(5 * width + 16);

    // The current run of data points inside one column.
    qsizetype first = -1, last = -1, minI = -1, maxI = -1, failI = -1;
    const auto flush = [&] {
        if (first < 0)
            return;
        std::array<qsizetype, 5> idx {first, minI, maxI, last, failI < 0 ? first : failI};
        std::sort(idx.begin(), idx.end());
        qsizetype previous = -1;
        for (qsizetype i : idx) {
            if (i != previous)
                copy(i);
            previous = i;
        }
        first = last = minI = maxI = failI = -1;
    };
    int currentColumn = -1;
    bool lastWasGap = lo > 0 && ChartSeries::isGap(input.value.at(lo - 1));
    for (qsizetype i = lo; i < hi; ++i) {
        const int c = column(at.at(i), from, to, width);
        if (c != currentColumn) {
            flush();
            currentColumn = c;
        }
        const double v = input.value.at(i);
        if (ChartSeries::isGap(v)) {
            flush();
            if (!lastWasGap)
                copy(i);
            lastWasGap = true;
            continue;
        }
        lastWasGap = false;
        if (first < 0) {
            first = minI = maxI = i;
        } else {
            if (v < input.value.at(minI))
                minI = i;
            if (v > input.value.at(maxI))
                maxI = i;
        }
        last = i;
        if (failI < 0 && input.outcome.at(i) == PointOutcome::Fail)
            failI = i;
    }
    flush();
    if (hi < at.size())
        copy(hi);
    return out;
}

} // namespace cockpit::charts
