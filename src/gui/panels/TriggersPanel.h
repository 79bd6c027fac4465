#pragma once

#include "gui/panels/RunPanel.h"

class QLabel;
class QLineEdit;
class QTableView;

namespace cockpit::gui {

class CommandButton;
class TriggersModel;

// Rollback triggers with their current state and values, the rollback stopwatch, and raising a manual
// trigger (user complaints, OOM) with a reason.
class TriggersPanel : public RunPanel
{
    Q_OBJECT

public:
    explicit TriggersPanel(QWidget *parent = nullptr);
    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    void setViewer(bool viewer) override;
    QString badge() const override { return m_badge; }

private:
    void refreshActions();

    RunSnapshotPtr m_snapshot;
    TriggersModel *m_model;
    QTableView *m_view;
    QLabel *m_rollback;
    QWidget *m_raiseBox;
    QLineEdit *m_reason;
    CommandButton *m_raise;
    QString m_badge;
};

} // namespace cockpit::gui
