#include "gui/panels/PolylineItem.h"

#include <QPainter>

namespace cockpit::gui {

PolylineItem::PolylineItem(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    setAcceptedMouseButtons(Qt::NoButton); // the view handles the mouse (zoom, pan, hover)
}

void PolylineItem::setPen(const QPen &pen)
{
    m_pen = pen;
    update();
}

void PolylineItem::setLine(const charts::ChartSeries &line)
{
    m_runs.clear();
    QList<QPointF> run;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const double v = line.value.at(i);
        if (charts::ChartSeries::isGap(v)) {
            if (!run.isEmpty())
                m_runs.append(std::exchange(run, {}));
            continue;
        }
        run.append(QPointF(double(line.at.at(i)), v));
    }
    if (!run.isEmpty())
        m_runs.append(run);
    map();
}

void PolylineItem::setGeometry(const QRectF &plot, qint64 from, qint64 to, double yMin, double yMax)
{
    if (plot != m_plot)
        prepareGeometryChange();
    m_plot = plot;
    m_from = from;
    m_to = qMax(to, from + 1);
    m_yMin = yMin;
    m_yMax = yMax > yMin ? yMax : yMin + 1;
    map();
}

void PolylineItem::map()
{
    m_mapped.clear();
    m_mapped.reserve(m_runs.size());
    const double sx = m_plot.width() / double(m_to - m_from);
    const double sy = m_plot.height() / (m_yMax - m_yMin);
    for (const QList<QPointF> &run : std::as_const(m_runs)) {
        QPolygonF poly(run.size());
        QPointF *out = poly.data();
        const QPointF *in = run.constData();
        for (qsizetype i = 0; i < run.size(); ++i)
            out[i] = QPointF(m_plot.left() + (in[i].x() - double(m_from)) * sx,
                             m_plot.bottom() - (in[i].y() - m_yMin) * sy);
        m_mapped.append(poly);
    }
    update();
}

QList<QPointF> PolylineItem::points() const
{
    QList<QPointF> out;
    for (const QList<QPointF> &run : m_runs)
        out += run;
    return out;
}

void PolylineItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(option);
    Q_UNUSED(widget);
    painter->save();
    painter->setClipRect(m_plot);
    if (m_markerSize > 0) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_pen.color());
        const double r = m_markerSize / 2;
        for (const QPolygonF &poly : std::as_const(m_mapped))
            for (const QPointF &p : poly)
                painter->drawEllipse(p, r, r);
        painter->restore();
        return;
    }
    painter->setPen(m_pen);
    for (const QPolygonF &poly : std::as_const(m_mapped)) {
        if (poly.size() == 1)
            painter->drawPoint(poly.first());
        else
            painter->drawPolyline(poly);
    }
    painter->restore();
}

} // namespace cockpit::gui
