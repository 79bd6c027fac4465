#pragma once

#include "gui/models/SnapshotTableModel.h"

namespace cockpit::gui {

// Rollback triggers: condition as written, severity, action, whether it fires now, with the values seen.
class TriggersModel : public SnapshotTableModel
{
    Q_OBJECT

public:
    enum Column { Trigger, When, Severity, Action, State, Seen };
    explicit TriggersModel(QObject *parent = nullptr);

    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<TriggerSnapshot> m_rows;
    qint64 m_now = 0;
};

} // namespace cockpit::gui
