#pragma once

#include "charts/HourlyVolume.h"
#include "charts/ValidationData.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;

namespace cockpit::gui {

class HourlyVolumeBars;

// A count metric per hour as bars, hours without data as gaps and sudden drops in red with a marker; a
// choice of the metric (preselected: the one named like a volume or count). The hours are computed on the
// panel's worker (charts::HourlyVolume); this only draws them.
class HourlyVolumeView : public QWidget
{
    Q_OBJECT

public:
    explicit HourlyVolumeView(QWidget *parent = nullptr);

    // New data and every metric's hours (computed on the worker): refills the choice of metrics and shows
    // the chosen one (kept across updates).
    void setData(const charts::ValidationDataPtr &data, const QHash<QString, charts::HourlyVolume> &volumes);
    QString metric() const;
    void setMetric(const QString &metric);
    const charts::HourlyVolume &volume() const { return m_volume; }
    QString summary() const;

Q_SIGNALS:
    void metricChosen(const QString &metric);

private:
    void recompute();

    charts::ValidationDataPtr m_data;
    QHash<QString, charts::HourlyVolume> m_volumes;
    charts::HourlyVolume m_volume;
    QComboBox *m_choice;
    QLabel *m_summary;
    HourlyVolumeBars *m_bars;
    QString m_chosen; // a person's choice; empty: the preselection
};

} // namespace cockpit::gui
