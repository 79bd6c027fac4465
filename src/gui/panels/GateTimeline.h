#pragma once

#include "charts/ValidationData.h"

#include <QWidget>

namespace cockpit::gui {

// One lane per gate (per stage it was evaluated in), coloured by outcome over time, with the moments a
// holding window was reset marked; shares the time range of the metric charts.
class GateTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit GateTimeline(QWidget *parent = nullptr);
    void setData(const charts::ValidationDataPtr &data, qint64 from, qint64 to, qint64 now);
    void setRange(qint64 from, qint64 to);
    QSize sizeHint() const override;
    int lanes() const { return m_data ? int(m_data->gates.size()) : 0; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    double xAt(qint64 t) const;
    qint64 openEnd(const charts::GateLane &lane, const charts::GateLane::Segment &segment) const;

    charts::ValidationDataPtr m_data;
    qint64 m_from = 0;
    qint64 m_to = 1;
    qint64 m_now = 0;
};

} // namespace cockpit::gui
