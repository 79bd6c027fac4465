#pragma once

#include "charts/HourlyVolume.h"

#include <QWidget>

namespace cockpit::gui {

// The bars of HourlyVolumeView: one per UTC hour, red with a ▼ where the volume suddenly dropped, nothing
// (a hatched gap) where there was no data, the typical level of the previous hours as a thin line.
class HourlyVolumeBars : public QWidget
{
    Q_OBJECT

public:
    explicit HourlyVolumeBars(QWidget *parent = nullptr);
    void setVolume(const charts::HourlyVolume &volume);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF plot() const;
    int hourAt(double x) const;

    charts::HourlyVolume m_volume;
    double m_max = 1;
};

} // namespace cockpit::gui
