#pragma once

#include "charts/ValidationData.h"

#include <QList>
#include <QPoint>
#include <QtCharts/QChartView>
#include <array>
#include <optional>
#include <utility>

class QAbstractSeries;
class QDateTimeAxis;
class QGraphicsItem;
class QLineSeries;
class QValueAxis;

namespace cockpit::gui {

class PolylineItem;

// One metric over time: the downsampled line (gaps where there was no data), points coloured by gate
// outcome, each stage's threshold dashed with its failing side shaded, stage bands with their names and
// rollout %, a "now" line, decisions and rollbacks marked. Zoom with the wheel or + / -, pan by dragging or
// with the arrow keys, Home shows everything; the view only asks (rangeRequested), the panel decides and
// hands back a line downsampled to the pixel width on a worker.
class MetricChartView : public QChartView
{
    Q_OBJECT

public:
    explicit MetricChartView(QWidget *parent = nullptr);
    ~MetricChartView() override;

    // `line`: the metric's series downsampled to [from, to] at plotWidth(). `now`: the "now" line.
    void setFrame(const charts::ValidationDataPtr &data, const QString &metric,
                  const charts::ChartSeries &line, qint64 from, qint64 to, qint64 now);
    // The same metric from an earlier run, aligned (drawn under the line; empty: none), before setFrame.
    // `bounds`: its smallest and largest value over the whole run, so the value axis holds it.
    void setRehearsal(const charts::ChartSeries &line, const QString &label,
                      std::optional<std::pair<double, double>> bounds);
    qsizetype rehearsalPointsShown() const { return rehearsalVisible() ? m_rehearsal.size() : 0; }
    // Shows or hides the earlier run's line (the panel's toggle); kept either way.
    void setRehearsalVisible(bool visible);
    bool rehearsalVisible() const { return m_rehearsalShown && !m_rehearsal.isEmpty(); }
    // Moves the time axis at once (the line follows when the worker is done).
    void setRange(qint64 from, qint64 to);
    int plotWidth() const;
    // What the tooltip shows for the point nearest to `pos` (view coordinates), of the line or of the earlier
    // run's; empty when none is near.
    QString hoverText(QPoint pos) const;
    qsizetype pointsShown() const { return m_line.size(); }
    int segments() const { return m_segments; }
    // What is drawn, in value space (x: ms since the epoch): the line, the earlier run's, the dots.
    QList<QPointF> linePoints() const;
    QList<QPointF> rehearsalLinePoints() const;
    QList<QPointF> markedPoints(charts::PointOutcome outcome) const;
    // Where a point of the plot is, in view coordinates.
    QPoint viewPosition(qint64 at, double value) const;

Q_SIGNALS:
    void rangeRequested(qint64 from, qint64 to);
    void resetRequested();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void rebuildStatic(const charts::MetricChart *metric);
    void attach(QAbstractSeries *series);
    void layoutOverlays();
    void zoom(double factor, double anchor); // anchor: 0..1 across the plot
    void pan(double fraction);
    double xAt(qint64 t) const; // scene x of a time
    // The index of the point of `line` nearest to scenePos within the hover radius and nearer than
    // `distance` (then updated), or -1.
    qsizetype nearest(const charts::ChartSeries &line, QPointF scenePos, double &distance) const;

    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    charts::ValidationDataPtr m_data;
    QString m_metric;
    charts::ChartSeries m_line;
    qint64 m_from = 0;
    qint64 m_to = 1;
    qint64 m_now = 0;
    double m_yMin = 0;
    double m_yMax = 1;
    int m_segments = 0;
    QList<QGraphicsItem *> m_overlays;
    QList<QAbstractSeries *> m_static; // bands, shading, thresholds, now: owned here while out of the chart
    // The line, the earlier run's and the dots are drawn by us, not as Qt Charts series (see PolylineItem).
    PolylineItem *m_lineItem;
    PolylineItem *m_rehearsalItem;
    std::array<PolylineItem *, 3> m_markers {}; // neutral, pass, fail
    charts::ChartSeries m_rehearsal;
    QString m_rehearsalLabel;
    bool m_rehearsalShown = true;
    std::optional<std::pair<double, double>> m_rehearsalBounds;
    charts::ValidationDataPtr m_staticData;
    qint64 m_staticNow = -1;
    std::optional<QPoint> m_dragFrom;
    qint64 m_dragStartFrom = 0;
};

} // namespace cockpit::gui
