#include "charts/MinMaxPyramid.h"

#include "charts/Downsampler.h"

#include <algorithm>
#include <array>

namespace cockpit::charts {

MinMaxPyramid::MinMaxPyramid(ChartSeries series)
    : m_series(std::move(series))
{
    const qsizetype n = m_series.size();
    m_tree.resize(2 * n);
    for (qsizetype i = 0; i < n; ++i) {
        Node &leaf = m_tree[n + i];
        if (ChartSeries::isGap(m_series.value.at(i))) {
            m_gaps.append(i);
            continue;
        }
        leaf.min = leaf.max = qint32(i);
        if (m_series.outcome.at(i) == PointOutcome::Fail)
            leaf.fail = qint32(i);
    }
    for (qsizetype i = n - 1; i > 0; --i)
        m_tree[i] = combine(m_tree.at(2 * i), m_tree.at(2 * i + 1));
}

MinMaxPyramid::Node MinMaxPyramid::combine(const Node &a, const Node &b) const
{
    // Ties go to the earlier point, as in Downsampler (it replaces a minimum only by a smaller value).
    const auto &v = m_series.value;
    const auto pick = [&](qint32 x, qint32 y, bool wantLess) {
        if (x < 0 || y < 0)
            return x < 0 ? y : x;
        const double vx = v.at(x), vy = v.at(y);
        if (vx == vy)
            return qMin(x, y);
        return (wantLess ? vy < vx : vy > vx) ? y : x;
    };
    Node out;
    out.min = pick(a.min, b.min, true);
    out.max = pick(a.max, b.max, false);
    out.fail = a.fail < 0 ? b.fail : (b.fail < 0 ? a.fail : qMin(a.fail, b.fail));
    return out;
}

MinMaxPyramid::Node MinMaxPyramid::query(qsizetype l, qsizetype r) const
{
    Node acc;
    const qsizetype n = m_series.size();
    for (l += n, r += n; l < r; l /= 2, r /= 2) {
        if (l & 1)
            acc = combine(acc, m_tree.at(l++));
        if (r & 1)
            acc = combine(acc, m_tree.at(--r));
    }
    return acc;
}

ChartSeries MinMaxPyramid::downsample(qint64 from, qint64 to, int width) const
{
    const auto &at = m_series.at;
    const qsizetype lo = std::lower_bound(at.cbegin(), at.cend(), from) - at.cbegin();
    const qsizetype hi = std::upper_bound(at.cbegin(), at.cend(), to) - at.cbegin();
    width = qMax(1, width);
    if (hi - lo <= 4 * qsizetype(width))
        return Downsampler::downsample(m_series, from, to, width); // few points: the same walk is as cheap
    ChartSeries out;
    out.at.reserve(5 * width + 16);
    out.value.reserve(5 * width + 16);
    out.outcome.reserve(5 * width + 16);
    const auto copy
        = [&](qsizetype i) { out.append(at.at(i), m_series.value.at(i), m_series.outcome.at(i)); };
    if (lo > 0)
        copy(lo - 1);
    bool lastWasGap = lo > 0 && ChartSeries::isGap(m_series.value.at(lo - 1));
    const auto run = [&](qsizetype a, qsizetype b) { // data points [a, b) of one column, no gap inside
        if (a >= b)
            return;
        lastWasGap = false;
        const Node q = query(a, b);
        std::array<qsizetype, 5> idx {a, q.min, q.max, b - 1, q.fail < 0 ? a : q.fail};
        std::sort(idx.begin(), idx.end());
        qsizetype previous = -1;
        for (qsizetype i : idx) {
            if (i != previous)
                copy(i);
            previous = i;
        }
    };
    auto gap = std::lower_bound(m_gaps.cbegin(), m_gaps.cend(), lo);
    for (qsizetype i = lo; i < hi;) {
        const int c = Downsampler::column(at.at(i), from, to, width);
        // The end of this column: the first point of [i, hi) in a later one (columns grow with time).
        const qsizetype j
            = std::partition_point(at.cbegin() + i, at.cbegin() + hi,
                                   [&](qint64 t) { return Downsampler::column(t, from, to, width) <= c; })
            - at.cbegin();
        qsizetype a = i;
        for (; gap != m_gaps.cend() && *gap < j; ++gap) {
            run(a, *gap);
            if (!lastWasGap)
                copy(*gap);
            lastWasGap = true;
            a = *gap + 1;
        }
        run(a, j);
        i = j;
    }
    if (hi < at.size())
        copy(hi);
    return out;
}

} // namespace cockpit::charts
