#pragma once

#include "charts/ChartSeries.h"

#include <QGraphicsItem>
#include <QList>
#include <QPen>
#include <QPolygonF>

namespace cockpit::gui {

// A downsampled line (or its points as markers) drawn straight onto a chart's plot area: one polyline per run
// of points between gaps (NaN values), mapped to pixels here. Qt Charts would need a QLineSeries per run and,
// on every zoom or pan step, maps each of them twice and builds a stroked outline of every line for mouse hit
// tests; at a few thousand points on four charts that was most of a step's time on the GUI thread. Owned by
// the chart.
class PolylineItem : public QGraphicsItem
{
public:
    explicit PolylineItem(QGraphicsItem *parent = nullptr);

    void setPen(const QPen &pen);
    // Draws each point as a filled circle of this diameter in the pen's colour instead of the line (0: line).
    void setMarkerSize(double size) { m_markerSize = size; }
    // The points (value space: x = ms since the epoch, y = value; NaN: a gap).
    void setLine(const charts::ChartSeries &line);
    // Maps them into `plot` (scene coordinates) for the time range [from, to] and values [yMin, yMax].
    void setGeometry(const QRectF &plot, qint64 from, qint64 to, double yMin, double yMax);

    int segments() const { return int(m_runs.size()); }
    // The points drawn, in value space, every run after the other (tests, hover).
    QList<QPointF> points() const;

    QRectF boundingRect() const override { return m_plot; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void map();

    QPen m_pen;
    QList<QList<QPointF>> m_runs; // value space
    QList<QPolygonF> m_mapped; // scene space, one per run
    QRectF m_plot;
    double m_markerSize = 0;
    qint64 m_from = 0;
    qint64 m_to = 1;
    double m_yMin = 0;
    double m_yMax = 1;
};

} // namespace cockpit::gui
