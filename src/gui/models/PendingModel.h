#pragma once

#include "gui/models/SnapshotTableModel.h"

namespace cockpit::gui {

// Decisions only a person can take now, oldest first, with why and the deadline when there is one.
class PendingModel : public SnapshotTableModel
{
    Q_OBJECT

public:
    enum Column { Kind, Target, Why, Waiting, Deadline };
    explicit PendingModel(QObject *parent = nullptr);

    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    const PendingDecision *decisionAt(int row) const;
    int rowOf(const QString &key) const; // -1 when gone
    static QString keyOf(const PendingDecision &p);

private:
    QList<PendingDecision> m_rows;
    qint64 m_now = 0;
};

} // namespace cockpit::gui
