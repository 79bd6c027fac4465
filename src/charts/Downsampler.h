#pragma once

#include "charts/ChartSeries.h"

namespace cockpit::charts {

// Reduces a series to what a chart `width` pixels wide can show, on a worker, before a chart sees it.
//
// Min/max per pixel column (M4): for every column and every run of data points inside it (runs are split by
// gaps), the first, the last, the minimum and the maximum point, plus the first failing point, in time
// order; a gap is kept as one NaN point. So every column's minimum and maximum and every gap of the input
// survive, and lines drawn through the output cover the same pixels as lines through the input. At most
// about 5 points per column plus one per gap, whatever the length of the history.
//
// The points just outside [from, to] are kept too, so a line enters and leaves the visible range.
class Downsampler
{
public:
    static ChartSeries downsample(const ChartSeries &input, qint64 from, qint64 to, int width);
    // The column of `at` in [from, to] at `width` pixels, clamped to [0, width - 1].
    static int column(qint64 at, qint64 from, qint64 to, int width);
};

} // namespace cockpit::charts
