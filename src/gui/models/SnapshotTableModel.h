#pragma once

#include "engine/RunSnapshot.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace cockpit::gui {

// Base of the table models over engine snapshots. A new snapshot arrives up to ten times a second, so rows
// are updated in place (dataChanged, inserts and removals at the end) rather than by a model reset, which
// would drop the person's selection and scroll position every 100 ms. Rows keep the snapshot's order.
class SnapshotTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit SnapshotTableModel(QStringList headers, QObject *parent = nullptr);

    virtual void setSnapshot(const RunSnapshotPtr &snapshot) = 0;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Data role with a stable key of the row (gate id, trigger id, kind/target of a decision).
    static constexpr int KeyRole = Qt::UserRole + 1;

protected:
    template<class Row> void updateRows(QList<Row> &rows, QList<Row> next)
    {
        const qsizetype old = rows.size();
        if (next.size() > old) {
            beginInsertRows({}, int(old), int(next.size() - 1));
            rows = std::move(next);
            endInsertRows();
        } else if (next.size() < old) {
            beginRemoveRows({}, int(next.size()), int(old - 1));
            rows = std::move(next);
            endRemoveRows();
        } else {
            rows = std::move(next);
        }
        const int common = int(qMin(old, rows.size()));
        if (common > 0)
            Q_EMIT dataChanged(index(0, 0), index(common - 1, columnCount() - 1));
    }

private:
    QStringList m_headers;
};

} // namespace cockpit::gui
