#include "gui/panels/MetricChartView.h"

#include "gui/GuiText.h"
#include "gui/panels/PolylineItem.h"

#include <QDateTime>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <array>
#include <cmath>

namespace cockpit::gui {

using charts::Annotation;
using charts::ChartSeries;
using charts::PointOutcome;
using charts::Threshold;

namespace {

// Above this many points on screen the line alone says enough; only failing points stay marked.
constexpr qsizetype kMaxMarkedPoints = 600;
constexpr int kHoverPixels = 12;
const QColor kRehearsalColor(0xef, 0x6c, 0x00, 150);
const QColor kLineColor(0x1f, 0x4e, 0x79);
// The outcomes marked with a dot, in drawing order (failing points on top).
constexpr std::array<PointOutcome, 3> kMarked {PointOutcome::Neutral, PointOutcome::Pass, PointOutcome::Fail};

QColor outcomeColor(PointOutcome o)
{
    switch (o) {
    case PointOutcome::Pass: return QColor(0x2e, 0x7d, 0x32);
    case PointOutcome::Fail: return QColor(0xc6, 0x28, 0x28);
    case PointOutcome::NoData: return QColor(0x9e, 0x9e, 0x9e);
    case PointOutcome::Neutral: break;
    }
    return QColor(0x60, 0x7d, 0x8b);
}

QColor annotationColor(Annotation::Kind k)
{
    switch (k) {
    case Annotation::Kind::RollbackStarted:
    case Annotation::Kind::RollbackFinished:
    case Annotation::Kind::Trigger: return QColor(0xc6, 0x28, 0x28);
    case Annotation::Kind::Checkpoint: return QColor(0x78, 0x78, 0x78);
    default: break;
    }
    return QColor(0x6a, 0x1b, 0x9a);
}

QLineSeries *line(std::initializer_list<QPointF> points, QObject *parent = nullptr)
{
    auto *s = new QLineSeries(parent);
    for (const QPointF &p : points)
        s->append(p);
    return s;
}

} // namespace

MetricChartView::MetricChartView(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_x(new QDateTimeAxis(this))
    , m_y(new QValueAxis(this))
{
    chart()->legend()->hide();
    chart()->setMargins(QMargins(2, 2, 2, 2));
    chart()->setBackgroundRoundness(0);
    chart()->addAxis(m_x, Qt::AlignBottom);
    chart()->addAxis(m_y, Qt::AlignLeft);
    m_x->setTickCount(7);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(220);
    connect(chart(), &QChart::plotAreaChanged, this, &MetricChartView::layoutOverlays);
    // Drawn by us over the chart's own series (bands, shading, thresholds), under the labels.
    m_rehearsalItem = new PolylineItem(chart());
    m_rehearsalItem->setZValue(10);
    QPen rehearsalPen(kRehearsalColor, 1);
    rehearsalPen.setCosmetic(true);
    m_rehearsalItem->setPen(rehearsalPen);
    m_lineItem = new PolylineItem(chart());
    m_lineItem->setZValue(11);
    // A 1 px cosmetic pen is drawn on the raster engine's fast path; a wider one goes through the stroker.
    QPen linePen(kLineColor, 1);
    linePen.setCosmetic(true);
    m_lineItem->setPen(linePen);
    for (std::size_t k = 0; k < m_markers.size(); ++k) {
        m_markers.at(k) = new PolylineItem(chart());
        m_markers.at(k)->setZValue(12 + double(k));
        m_markers.at(k)->setPen(QPen(outcomeColor(kMarked.at(k))));
        m_markers.at(k)->setMarkerSize(kMarked.at(k) == PointOutcome::Fail ? 8 : 6);
    }
}

MetricChartView::~MetricChartView()
{
    // The chart goes after this part of the object: its last plotAreaChanged must not reach layoutOverlays,
    // and the overlay items go with the chart.
    disconnect(chart(), nullptr, this, nullptr);
    m_overlays.clear();
}

int MetricChartView::plotWidth() const
{
    const int w = int(chart()->plotArea().width());
    return w > 10 ? w : qMax(100, width() - 80);
}

void MetricChartView::setFrame(const charts::ValidationDataPtr &data, const QString &metric,
                               const ChartSeries &line, qint64 from, qint64 to, qint64 now)
{
    m_data = data;
    m_metric = metric;
    m_line = line;
    m_from = from;
    m_to = qMax(to, from + 1);
    m_now = now;
    rebuild();
}

void MetricChartView::setRange(qint64 from, qint64 to)
{
    m_from = from;
    m_to = qMax(to, from + 1);
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(m_from, Qt::UTC),
                  QDateTime::fromMSecsSinceEpoch(m_to, Qt::UTC));
    layoutOverlays();
}

void MetricChartView::attach(QAbstractSeries *series)
{
    chart()->addSeries(series);
    series->attachAxis(m_x);
    series->attachAxis(m_y);
}

void MetricChartView::rebuild()
{
    const charts::MetricChart *m = m_data ? m_data->metric(m_metric) : nullptr;
    // Bands, thresholds and the now line change with the data, not with a pan or a zoom: rebuilt only then
    // (adding a series to a chart costs far more than anything else here). The line and the dots are ours.
    if (m_data != m_staticData || m_now != m_staticNow)
        rebuildStatic(m);
    m_staticData = m_data;
    m_staticNow = m_now;
    if (!m) {
        for (PolylineItem *item :
             {m_rehearsalItem, m_lineItem, m_markers.at(0), m_markers.at(1), m_markers.at(2)})
            item->setLine({});
        layoutOverlays();
        return;
    }

    m_x->setRange(QDateTime::fromMSecsSinceEpoch(m_from, Qt::UTC),
                  QDateTime::fromMSecsSinceEpoch(m_to, Qt::UTC));
    m_lineItem->setLine(m_line);
    m_segments = m_lineItem->segments();
    m_rehearsalItem->setLine(m_rehearsalShown ? m_rehearsal : ChartSeries());

    const bool all = m_line.size() <= kMaxMarkedPoints;
    for (std::size_t k = 0; k < kMarked.size(); ++k) {
        ChartSeries marked;
        if (all || kMarked.at(k) == PointOutcome::Fail) {
            for (qsizetype i = 0; i < m_line.size(); ++i)
                if (m_line.outcome.at(i) == kMarked.at(k) && !ChartSeries::isGap(m_line.value.at(i)))
                    marked.append(m_line.at.at(i), m_line.value.at(i), kMarked.at(k));
        }
        m_markers.at(k)->setLine(marked);
    }
    m_x->setFormat(m_to - m_from > qint64(2) * 86'400'000 ? QStringLiteral("MM-dd HH:mm")
                                                          : QStringLiteral("HH:mm"));
    layoutOverlays();
}

void MetricChartView::setRehearsal(const ChartSeries &line, const QString &label,
                                   std::optional<std::pair<double, double>> bounds)
{
    m_rehearsal = line;
    m_rehearsalLabel = line.isEmpty() ? QString() : label;
    if (bounds != m_rehearsalBounds)
        m_staticData = nullptr; // the value axis takes the rehearsal's values in
    m_rehearsalBounds = bounds;
}

void MetricChartView::rebuildStatic(const charts::MetricChart *m)
{
    // Everything goes and comes back in drawing order: bands and shading under the line and the points.
    for (QAbstractSeries *s : chart()->series())
        chart()->removeSeries(s);
    qDeleteAll(m_static);
    m_static.clear();
    const auto addStatic = [this](QAbstractSeries *s) {
        attach(s);
        m_static << s;
    };
    if (m) {
        double lo = m->valueCount ? m->minValue : 0;
        double hi = m->valueCount ? m->maxValue : 1;
        for (const Threshold &t : m->thresholds) {
            lo = qMin(lo, t.value);
            hi = qMax(hi, t.value);
        }
        if (m_rehearsalBounds) {
            lo = qMin(lo, m_rehearsalBounds->first);
            hi = qMax(hi, m_rehearsalBounds->second);
        }
        if (hi - lo < 1e-9)
            hi = lo + 1;
        m_yMin = lo - (hi - lo) * 0.08;
        m_yMax = hi + (hi - lo) * 0.08;
        const auto area = [&](double s, double e, double top, double bottom, const QColor &fill) {
            auto *a = new QAreaSeries;
            a->setUpperSeries(line({QPointF(s, top), QPointF(e, top)}, a));
            a->setLowerSeries(line({QPointF(s, bottom), QPointF(e, bottom)}, a));
            a->setBrush(fill);
            a->setPen(Qt::NoPen);
            addStatic(a);
        };
        int bandIndex = 0;
        for (const charts::StageBand &band : m_data->stages) {
            const double s = double(band.start);
            const double e = double(band.end.value_or(m_now));
            ++bandIndex;
            area(s, e, m_yMax, m_yMin,
                 band.rolledBack ? QColor(0xfd, 0xec, 0xea)
                                 : (bandIndex % 2 ? QColor(0xee, 0xf3, 0xfb) : QColor(0xf3, 0xf6, 0xee)));
            for (const Threshold &t : m->thresholds) {
                if (t.stage != band.stage)
                    continue;
                if (t.failing == Threshold::FailingSide::Below)
                    area(s, e, t.value, m_yMin, QColor(0xc6, 0x28, 0x28, 36));
                else if (t.failing == Threshold::FailingSide::Above)
                    area(s, e, m_yMax, t.value, QColor(0xc6, 0x28, 0x28, 36));
                auto *dashed = line({QPointF(s, t.value), QPointF(e, t.value)});
                dashed->setPen(QPen(QColor(0xc6, 0x28, 0x28), 1.5, Qt::DashLine));
                addStatic(dashed);
            }
        }
        auto *now = line({QPointF(double(m_now), m_yMin), QPointF(double(m_now), m_yMax)});
        now->setPen(QPen(QColor(0x0d, 0x47, 0xa1), 1.5, Qt::DashDotLine));
        addStatic(now);
        m_y->setRange(m_yMin, m_yMax);
        m_y->setTitleText(m->unit);
    }
}

double MetricChartView::xAt(qint64 t) const
{
    const QRectF plot = chart()->plotArea();
    return plot.left() + double(t - m_from) / double(m_to - m_from) * plot.width();
}

void MetricChartView::layoutOverlays()
{
    qDeleteAll(m_overlays);
    m_overlays.clear();
    const QRectF plot = chart()->plotArea();
    for (PolylineItem *item :
         {m_rehearsalItem, m_lineItem, m_markers.at(0), m_markers.at(1), m_markers.at(2)})
        item->setGeometry(plot, m_from, m_to, m_yMin, m_yMax);
    if (!m_data)
        return;
    const auto text = [&](const QString &s, double x, double y, const QColor &c) {
        auto *item = new QGraphicsSimpleTextItem(s, chart());
        QFont f = item->font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        item->setFont(f);
        item->setBrush(c);
        item->setPos(x, y);
        item->setZValue(20);
        m_overlays << item;
        return item;
    };
    for (const charts::StageBand &band : m_data->stages) {
        const qint64 end = band.end.value_or(m_now);
        if (end < m_from || band.start > m_to)
            continue;
        QString label = band.stage;
        if (band.rolloutPercent)
            label += tr(" · %1 %").arg(*band.rolloutPercent);
        if (band.attempt > 1)
            label += tr(" (attempt %1)").arg(band.attempt);
        text(label, qMax(plot.left(), xAt(band.start)) + 3, plot.top() + 2, QColor(0x37, 0x47, 0x4f));
    }
    // Labels go into the first of four rows where they do not run into the previous one; approvals are
    // only a line (a promotion is visible as the next band anyway).
    std::array<double, 4> rowEnd {};
    rowEnd.fill(-1e9);
    for (const Annotation &a : m_data->annotations) {
        if (a.at < m_from || a.at > m_to || a.kind == Annotation::Kind::Checkpoint)
            continue;
        const double x = xAt(a.at);
        auto *mark = new QGraphicsLineItem(x, plot.top(), x, plot.bottom(), chart());
        mark->setPen(QPen(annotationColor(a.kind), 1, Qt::DotLine));
        mark->setZValue(19);
        m_overlays << mark;
        if (a.kind == Annotation::Kind::Approval)
            continue;
        const QString label = a.text.size() > 32 ? a.text.left(31) + QStringLiteral("…") : a.text;
        QGraphicsSimpleTextItem *item = text(label, x + 2, plot.top(), annotationColor(a.kind));
        const double w = item->boundingRect().width();
        const double left = x + 2 + w > plot.right() ? x - 2 - w : x + 2; // near the right edge: to the left
        bool placed = false;
        for (std::size_t row = 0; row < rowEnd.size() && !placed; ++row) {
            if (left <= rowEnd.at(row))
                continue;
            item->setPos(left, plot.top() + 16 + 13 * double(row));
            rowEnd.at(row) = left + w + 6;
            placed = true;
        }
        if (!placed) {
            m_overlays.removeOne(item);
            delete item;
        }
    }
    for (const Annotation &a : m_data->annotations) {
        if (a.kind != Annotation::Kind::Checkpoint || a.at < m_from || a.at > m_to)
            continue;
        text(QStringLiteral("▲"), xAt(a.at) - 4, plot.bottom() - 14, annotationColor(a.kind));
    }
    if (m_now >= m_from && m_now <= m_to)
        text(tr("now"), xAt(m_now) + 2, plot.bottom() - 30, QColor(0x0d, 0x47, 0xa1));
    if (rehearsalVisible())
        text(m_rehearsalLabel, plot.left() + 4, plot.bottom() - 16, QColor(0xbf, 0x56, 0x00));
}

QList<QPointF> MetricChartView::linePoints() const
{
    return m_lineItem->points();
}

QList<QPointF> MetricChartView::rehearsalLinePoints() const
{
    return m_rehearsalItem->points();
}

QList<QPointF> MetricChartView::markedPoints(PointOutcome outcome) const
{
    const auto k = std::find(kMarked.cbegin(), kMarked.cend(), outcome) - kMarked.cbegin();
    return k < qsizetype(kMarked.size()) ? m_markers.at(std::size_t(k))->points() : QList<QPointF>();
}

QPoint MetricChartView::viewPosition(qint64 at, double value) const
{
    const QRectF plot = chart()->plotArea();
    const double y = plot.bottom() - (value - m_yMin) / (m_yMax - m_yMin) * plot.height();
    return mapFromScene(chart()->mapToScene(QPointF(xAt(at), y)));
}

qsizetype MetricChartView::nearest(const ChartSeries &line, QPointF scenePos, double &distance) const
{
    const QRectF plot = chart()->plotArea();
    const qint64 t = m_from + qint64((scenePos.x() - plot.left()) / plot.width() * double(m_to - m_from));
    const qsizetype at = std::lower_bound(line.at.cbegin(), line.at.cend(), t) - line.at.cbegin();
    qsizetype best = -1;
    // At most a few points per pixel column: the neighbours within the hover radius are close in index.
    for (qsizetype i = qMax<qsizetype>(0, at - 8); i < qMin(line.size(), at + 8); ++i) {
        const double v = line.value.at(i);
        if (ChartSeries::isGap(v))
            continue;
        const double dx = xAt(line.at.at(i)) - scenePos.x();
        const double dy = plot.bottom() - (v - m_yMin) / (m_yMax - m_yMin) * plot.height() - scenePos.y();
        const double d = std::hypot(dx, std::abs(dx) <= kHoverPixels ? dy * 0.25 : dy);
        if (std::abs(dx) <= kHoverPixels && d <= distance) {
            distance = d;
            best = i;
        }
    }
    return best;
}

QString MetricChartView::hoverText(QPoint pos) const
{
    if (!m_data || chart()->plotArea().width() <= 0)
        return {};
    const QPointF scenePos = mapToScene(pos);
    double distance = 1e9;
    const qsizetype best = nearest(m_line, scenePos, distance);
    const qsizetype earlier = rehearsalVisible() ? nearest(m_rehearsal, scenePos, distance) : -1;
    const charts::MetricChart *m = m_data->metric(m_metric);
    const QString unit = m && !m->unit.isEmpty() ? QLatin1Char(' ') + m->unit : QString();
    const auto time = [](qint64 at) {
        return QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    if (earlier >= 0) // the nearer of the two, the earlier run's when it was found second at least as near
        return tr("%1: %2%3 at the same point of the stage as %4 UTC here")
            .arg(m_rehearsalLabel, QString::number(m_rehearsal.value.at(earlier), 'g', 6), unit,
                 time(m_rehearsal.at.at(earlier)));
    if (best < 0)
        return {};
    const qint64 at = m_line.at.at(best);
    QString outcome;
    switch (m_line.outcome.at(best)) {
    case PointOutcome::Pass: outcome = tr("gate passes"); break;
    case PointOutcome::Fail: outcome = tr("gate fails"); break;
    default: outcome = tr("no gate on this metric here"); break;
    }
    return tr("%1%2 at %3 UTC (%4) — %5")
        .arg(QString::number(m_line.value.at(best), 'g', 6), unit, time(at), GuiText::age(m_now - at),
             outcome);
}

void MetricChartView::setRehearsalVisible(bool visible)
{
    if (m_rehearsalShown == visible)
        return;
    m_rehearsalShown = visible;
    m_rehearsalItem->setLine(visible ? m_rehearsal : ChartSeries());
    layoutOverlays();
}

void MetricChartView::zoom(double factor, double anchor)
{
    const double span = double(m_to - m_from);
    const double newSpan = qMax(1000.0, span * factor);
    const qint64 center = m_from + qint64(span * anchor);
    const qint64 from = center - qint64(newSpan * anchor);
    Q_EMIT rangeRequested(from, from + qint64(newSpan));
}

void MetricChartView::pan(double fraction)
{
    const qint64 d = qint64(double(m_to - m_from) * fraction);
    Q_EMIT rangeRequested(m_from + d, m_to + d);
}

void MetricChartView::wheelEvent(QWheelEvent *event)
{
    const QRectF plot = chart()->plotArea();
    const double anchor = plot.width() > 0
        ? std::clamp((mapToScene(event->position().toPoint()).x() - plot.left()) / plot.width(), 0.0, 1.0)
        : 0.5;
    zoom(event->angleDelta().y() > 0 ? 0.8 : 1.25, anchor);
    event->accept();
}

void MetricChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragFrom = event->position().toPoint();
        m_dragStartFrom = m_from;
    }
    setFocus(Qt::MouseFocusReason);
    event->accept();
}

void MetricChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragFrom && (event->buttons() & Qt::LeftButton)) {
        const double dx = event->position().x() - m_dragFrom->x();
        const qint64 d = -qint64(dx / qMax(1, plotWidth()) * double(m_to - m_from));
        const qint64 span = m_to - m_from;
        Q_EMIT rangeRequested(m_dragStartFrom + d, m_dragStartFrom + d + span);
        return;
    }
    const QString text = hoverText(event->position().toPoint());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void MetricChartView::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragFrom.reset();
    event->accept();
}

void MetricChartView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoom(0.8, 0.5); break;
    case Qt::Key_Minus: zoom(1.25, 0.5); break;
    case Qt::Key_Left: pan(-0.1); break;
    case Qt::Key_Right: pan(0.1); break;
    case Qt::Key_Home:
    case Qt::Key_0: Q_EMIT resetRequested(); break;
    default: QChartView::keyPressEvent(event); return;
    }
    event->accept();
}

void MetricChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    layoutOverlays();
}

} // namespace cockpit::gui
