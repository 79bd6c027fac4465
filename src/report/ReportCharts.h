#pragma once

#include "charts/Histogram.h"
#include "charts/ValidationData.h"

#include <QRectF>

class QPainter;

namespace cockpit::report {

// The report's charts, drawn with QPainter from the chart data the Validation tab shows (src/charts), so
// they stay vector graphics in the PDF. A series is reduced to the drawn width first (Downsampler).
class ReportCharts
{
public:
    // A metric over the run: stage bands (titled, a rolled-back one hatched), the gates' thresholds as
    // dashed lines, NoData as gaps, failing points in red.
    static void drawMetric(QPainter &p, const QRectF &box, const charts::MetricChart &metric,
                           const charts::ValidationData &data);
    // Durations of a stage against the previous stage's baseline, on shared bins, with the quantiles.
    static void drawHistogram(QPainter &p, const QRectF &box, const charts::HistogramComparison &h,
                              const QString &title);
};

} // namespace cockpit::report
