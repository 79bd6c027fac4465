#pragma once

#include "charts/ValidationData.h"

#include <QList>
#include <QPoint>
#include <QtCharts/QChartView>
#include <optional>
#include <utility>

class QAbstractSeries;
class QDateTimeAxis;
class QGraphicsItem;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace cockpit::gui {

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
    qsizetype rehearsalPointsShown() const { return m_rehearsal.size(); }
    // Moves the time axis at once (the line follows when the worker is done).
    void setRange(qint64 from, qint64 to);
    int plotWidth() const;
    // What the tooltip shows for the point nearest to `pos` (view coordinates); empty when none is near.
    QString hoverText(QPoint pos) const;
    qsizetype pointsShown() const { return m_line.size(); }
    int segments() const { return m_segments; }

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
    // Puts `line` into `series` (one per run of points between gaps, kept and refilled); the runs used.
    int fill(QList<QLineSeries *> &series, const charts::ChartSeries &line, const QColor &color);
    void attach(QAbstractSeries *series);
    void layoutOverlays();
    void zoom(double factor, double anchor); // anchor: 0..1 across the plot
    void pan(double fraction);
    double xAt(qint64 t) const; // scene x of a time

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
    QList<QLineSeries *> m_lines; // one per run of data between gaps, kept and refilled
    QList<QLineSeries *> m_rehearsalLines;
    charts::ChartSeries m_rehearsal;
    QString m_rehearsalLabel;
    std::optional<std::pair<double, double>> m_rehearsalBounds;
    QList<QScatterSeries *> m_points; // neutral, pass, fail
    charts::ValidationDataPtr m_staticData;
    qint64 m_staticNow = -1;
    std::optional<QPoint> m_dragFrom;
    qint64 m_dragStartFrom = 0;
};

} // namespace cockpit::gui
