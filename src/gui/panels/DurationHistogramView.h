#pragma once

#include "charts/Histogram.h"

#include <QList>
#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;

namespace cockpit::gui {

// A comparison gate's values (durations) of this stage against the previous stage on shared bins, with
// p50 / p95 / p99 of both and their change, the share above 30 minutes and the Mann-Whitney result in
// words. The comparisons are computed on the panel's worker; this only draws them.
class DurationHistogramView : public QWidget
{
    Q_OBJECT

public:
    struct Entry
    {
        QString stage;
        QString gate;
        charts::HistogramComparison comparison;
    };

    explicit DurationHistogramView(QWidget *parent = nullptr);
    void setEntries(const QList<Entry> &entries);
    QString summaryText() const;

private:
    void show(int index);

    QList<Entry> m_entries;
    QComboBox *m_choice;
    QChartView *m_chart;
    QLabel *m_summary;
};

} // namespace cockpit::gui
