#pragma once

#include "gui/models/SnapshotTableModel.h"

namespace cockpit::gui {

// The current stage's gates: outcome, the condition with what was seen, streak, time left, reason.
class GatesModel : public SnapshotTableModel
{
    Q_OBJECT

public:
    enum Column { Gate, Outcome, Sentence, Streak, TimeLeft, Reason };
    explicit GatesModel(QObject *parent = nullptr);

    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<GateView> m_rows;
};

} // namespace cockpit::gui
