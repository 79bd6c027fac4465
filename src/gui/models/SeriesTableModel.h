#pragma once

#include "charts/ValidationData.h"

#include <QAbstractTableModel>

namespace cockpit::gui {

// The samples behind one chart as a table (the chart/table toggle): time, value, outcome, stage. Reads the
// shared series in place, so a month of samples costs no copy.
class SeriesTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Value, Outcome, Stage, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setSeries(const charts::ValidationDataPtr &data, const QString &metric);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    charts::ValidationDataPtr m_data;
    const charts::MetricChart *m_metric = nullptr;
};

} // namespace cockpit::gui
