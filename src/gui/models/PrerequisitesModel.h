#pragma once

#include "gui/models/SnapshotTableModel.h"

namespace cockpit::gui {

// Prerequisites grouped by category (the runbook's order within one; the category named on the first row
// of its group), status icon and verdict, what was seen, its age and how long the check took.
class PrerequisitesModel : public SnapshotTableModel
{
    Q_OBJECT

public:
    enum Column { Category, Prerequisite, Verdict, Seen, Age, Duration, ConfirmedBy };
    static constexpr int CategoryRole = Qt::UserRole + 2;
    static constexpr int ManualRole = Qt::UserRole + 3;
    explicit PrerequisitesModel(QObject *parent = nullptr);

    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<PrerequisiteSnapshot> m_rows;
    qint64 m_now = 0;
};

} // namespace cockpit::gui
