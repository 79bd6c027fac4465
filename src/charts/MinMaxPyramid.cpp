#include "charts/MinMaxPyramid.h"

#include "charts/Downsampler.h"

#include <algorithm>
#include <vector>

namespace cockpit::charts {

// Raw pointers and no helper calls in the loops below: they run per node and per column, and a Debug
// build (what the figures in docs/benchmarks.md are taken with) pays for every QList::at.
MinMaxPyramid::MinMaxPyramid(ChartSeries series)
    : m_series(std::move(series))
{
    const qsizetype n = m_series.size();
    m_tree.resize(2 * n);
    Node *tree = m_tree.data();
    const double *v = m_series.value.constData();
    const PointOutcome *o = m_series.outcome.constData();
    for (qsizetype i = 0; i < n; ++i) {
        Node &leaf = tree[n + i];
        if (v[i] != v[i]) {
            m_gaps.append(i);
            continue;
        }
        leaf.min = leaf.max = qint32(i);
        if (o[i] == PointOutcome::Fail)
            leaf.fail = qint32(i);
    }
    for (qsizetype i = n - 1; i > 0; --i)
        tree[i] = combine(tree[2 * i], tree[2 * i + 1]);
}

MinMaxPyramid::Node MinMaxPyramid::combine(const Node &a, const Node &b) const
{
    // Ties go to the earlier point, as in Downsampler (it replaces a minimum only by a smaller value).
    const double *v = m_series.value.constData();
    Node out = a;
    if (b.min >= 0 && (a.min < 0 || v[b.min] < v[a.min] || (v[b.min] == v[a.min] && b.min < a.min)))
        out.min = b.min;
    if (b.max >= 0 && (a.max < 0 || v[b.max] > v[a.max] || (v[b.max] == v[a.max] && b.max < a.max)))
        out.max = b.max;
    if (b.fail >= 0 && (a.fail < 0 || b.fail < a.fail))
        out.fail = b.fail;
    return out;
}

std::optional<std::pair<double, double>> MinMaxPyramid::bounds() const
{
    const Node all = query(0, m_series.size());
    if (all.min < 0)
        return std::nullopt;
    return std::make_pair(m_series.value.at(all.min), m_series.value.at(all.max));
}

MinMaxPyramid::Node MinMaxPyramid::query(qsizetype l, qsizetype r) const
{
    Node acc;
    const qsizetype n = m_series.size();
    const Node *tree = m_tree.constData();
    for (l += n, r += n; l < r; l /= 2, r /= 2) {
        if (l & 1)
            acc = combine(acc, tree[l++]);
        if (r & 1)
            acc = combine(acc, tree[--r]);
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
    // The indices of the points kept, in order, into a buffer sized for the worst case (five per column
    // and run between gaps, one per gap, the two neighbours); the series is filled from it at the end.
    const qsizetype gapsInRange = std::lower_bound(m_gaps.cbegin(), m_gaps.cend(), hi)
        - std::lower_bound(m_gaps.cbegin(), m_gaps.cend(), lo);
    std::vector<qsizetype> picked(std::size_t(5 * (width + gapsInRange) + gapsInRange + 2));
    qsizetype *next = picked.data();
    const double *v = m_series.value.constData();
    if (lo > 0)
        *next++ = lo - 1;
    bool lastWasGap = lo > 0 && v[lo - 1] != v[lo - 1];
    const auto run = [&](qsizetype a, qsizetype b) { // data points [a, b) of one column, no gap inside
        if (a >= b)
            return;
        lastWasGap = false;
        const Node q = query(a, b);
        qsizetype idx[5] = {a, q.min, q.max, b - 1, q.fail < 0 ? a : q.fail};
        for (int k = 1; k < 5; ++k) { // five values: an insertion sort
            const qsizetype x = idx[k];
            int j = k;
            for (; j > 0 && idx[j - 1] > x; --j)
                idx[j] = idx[j - 1];
            idx[j] = x;
        }
        *next++ = idx[0];
        for (int k = 1; k < 5; ++k)
            if (idx[k] != idx[k - 1])
                *next++ = idx[k];
    };
    auto gap = std::lower_bound(m_gaps.cbegin(), m_gaps.cend(), lo);
    const qint64 *t = at.constData();
    // Downsampler::column's arithmetic, inline: the same column for every point.
    const double span = double(to - from);
    const auto columnOf = [&](qsizetype k) {
        if (to <= from)
            return 0;
        const double c = double(t[k] - from) * width / span;
        return c <= 0 ? 0 : (c >= width - 1 ? width - 1 : int(c));
    };
    const qsizetype perColumn = qMax<qsizetype>(1, (hi - lo) / width);
    for (qsizetype i = lo; i < hi;) {
        const int c = columnOf(i);
        // The end of this column: the first point of [i, hi) in a later one (columns grow with time), found
        // by galloping from about one column's worth of points ahead, then halving.
        qsizetype a0 = i + 1, step = perColumn, b0 = qMin(hi, i + step);
        while (b0 < hi && columnOf(b0) <= c) {
            a0 = b0 + 1;
            step *= 2;
            b0 = qMin(hi, b0 + step);
        }
        while (a0 < b0) {
            const qsizetype mid = a0 + (b0 - a0) / 2;
            if (columnOf(mid) <= c)
                a0 = mid + 1;
            else
                b0 = mid;
        }
        const qsizetype j = a0;
        qsizetype a = i;
        for (; gap != m_gaps.cend() && *gap < j; ++gap) {
            run(a, *gap);
            if (!lastWasGap)
                *next++ = *gap;
            lastWasGap = true;
            a = *gap + 1;
        }
        run(a, j);
        i = j;
    }
    if (hi < at.size())
        *next++ = hi;
    ChartSeries out;
    const qsizetype count = next - picked.data();
    out.at.resize(count);
    out.value.resize(count);
    out.outcome.resize(count);
    qint64 *outAt = out.at.data();
    double *outValue = out.value.data();
    PointOutcome *outOutcome = out.outcome.data();
    const PointOutcome *o = m_series.outcome.constData();
    for (qsizetype k = 0; k < count; ++k) {
        const qsizetype i = picked[std::size_t(k)];
        outAt[k] = t[i];
        outValue[k] = v[i];
        outOutcome[k] = o[i];
    }
    return out;
}

} // namespace cockpit::charts
