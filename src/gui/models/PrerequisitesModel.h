#pragma once

#include "gui/models/SnapshotTableModel.h"

namespace cockpit::gui {

// Prerequisites sorted by category (the runbook's order within one), verdict, what was seen and its age.
class PrerequisitesModel : public SnapshotTableModel
{
    Q_OBJECT

public:
    enum Column { Category, Prerequisite, Verdict, Seen, Age, ConfirmedBy };
    explicit PrerequisitesModel(QObject *parent = nullptr);

    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<PrerequisiteSnapshot> m_rows;
    qint64 m_now = 0;
};

} // namespace cockpit::gui
