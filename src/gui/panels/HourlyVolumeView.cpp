#include "gui/panels/HourlyVolumeView.h"

#include "gui/panels/HourlyVolumeBars.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cockpit::gui {

HourlyVolumeView::HourlyVolumeView(QWidget *parent)
    : QWidget(parent)
    , m_choice(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_bars(new HourlyVolumeBars(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *label = new QLabel(tr("&Metric:"), this);
    label->setBuddy(m_choice);
    m_choice->setObjectName(QStringLiteral("volumeMetric"));
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_summary->setObjectName(QStringLiteral("volumeSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    header->addWidget(label);
    header->addWidget(m_choice);
    header->addWidget(m_summary, 1);
    layout->addLayout(header);
    layout->addWidget(m_bars, 1);
    connect(m_choice, &QComboBox::activated, this, [this](int index) {
        m_chosen = m_choice->itemText(index);
        recompute();
        Q_EMIT metricChosen(m_chosen);
    });
}

void HourlyVolumeView::setData(const charts::ValidationDataPtr &data,
                               const QHash<QString, charts::HourlyVolume> &volumes)
{
    m_data = data;
    m_volumes = volumes;
    QStringList names;
    if (m_data) {
        for (const charts::MetricChart &m : m_data->metrics)
            names << m.metric;
    }
    QStringList shown;
    for (int i = 0; i < m_choice->count(); ++i)
        shown << m_choice->itemText(i);
    if (shown != names) {
        const QSignalBlocker block(m_choice);
        m_choice->clear();
        m_choice->addItems(names);
    }
    recompute();
}

QString HourlyVolumeView::metric() const
{
    return m_volume.metric;
}

void HourlyVolumeView::setMetric(const QString &metric)
{
    m_chosen = metric;
    recompute();
}

QString HourlyVolumeView::summary() const
{
    return m_summary->text();
}

void HourlyVolumeView::recompute()
{
    const QString name = m_data && m_data->metric(m_chosen)
        ? m_chosen
        : (m_data ? charts::HourlyVolume::volumeMetric(*m_data) : QString());
    const charts::MetricChart *m = m_data ? m_data->metric(name) : nullptr;
    m_volume = m_volumes.value(name);
    {
        const QSignalBlocker block(m_choice);
        m_choice->setCurrentIndex(m_choice->findText(name));
    }
    int gaps = 0;
    for (const charts::HourlyVolume::Hour &h : std::as_const(m_volume.hours))
        gaps += h.hasData ? 0 : 1;
    if (!m)
        m_summary->setText(tr("No metric samples yet."));
    else
        m_summary->setText(
            tr("%n hour(s), ", nullptr, int(m_volume.hours.size()))
            + tr("%n sudden drop(s) (below half of the previous 24 hours' median), ", nullptr, m_volume.drops)
            + tr("%n hour(s) without data", nullptr, gaps));
    m_bars->setVolume(m_volume);
}

} // namespace cockpit::gui
