#pragma once

#include "gui/models/SnapshotTableModel.h"

namespace cockpit::gui {

// Milestones and window steps: planned vs actual, status, lateness.
class ScheduleModel : public SnapshotTableModel
{
    Q_OBJECT

public:
    enum Column { Item, Kind, Planned, Started, Ended, Status, Late };
    explicit ScheduleModel(QObject *parent = nullptr);

    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<ScheduleSnapshot> m_rows;
};

} // namespace cockpit::gui
