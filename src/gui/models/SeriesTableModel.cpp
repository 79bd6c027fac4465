#include "gui/models/SeriesTableModel.h"

#include <QDateTime>

namespace cockpit::gui {

using charts::ChartSeries;
using charts::PointOutcome;

void SeriesTableModel::setSeries(const charts::ValidationDataPtr &data, const QString &metric)
{
    beginResetModel();
    m_data = data;
    m_metric = data ? data->metric(metric) : nullptr;
    endResetModel();
}

int SeriesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_metric ? 0 : int(m_metric->series.size());
}

int SeriesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SeriesTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_metric || !index.isValid() || role != Qt::DisplayRole)
        return {};
    const ChartSeries &s = m_metric->series;
    const qsizetype row = index.row();
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(s.at.at(row), Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Value:
        return ChartSeries::isGap(s.value.at(row)) ? tr("no data") : QString::number(s.value.at(row), 'g', 8);
    case Outcome:
        switch (s.outcome.at(row)) {
        case PointOutcome::Pass: return tr("pass");
        case PointOutcome::Fail: return tr("fail");
        case PointOutcome::NoData: return tr("no data");
        case PointOutcome::Neutral: return QString();
        }
        return {};
    case Stage: {
        const charts::StageBand *band = m_data->stageAt(s.at.at(row));
        return band ? band->stage : QString();
    }
    default: return {};
    }
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time (UTC)");
    case Value: return tr("Value");
    case Outcome: return tr("Gate");
    case Stage: return tr("Stage");
    default: return {};
    }
}

} // namespace cockpit::gui
