#pragma once

#include "gui/panels/RunPanel.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QTableView;

namespace cockpit::gui {

class CommandButton;
class TriggersModel;

// The Rollback tab: every trigger with its current value and state; one Roll back action behind a
// confirmation that lists the procedure and its target; while rolling back the procedure as a checklist
// (each step's result, who, when) under a stopwatch against the target; raising a manual trigger (user
// complaints, OOM) with a reason.
class RollbackPanel : public RunPanel
{
    Q_OBJECT

public:
    explicit RollbackPanel(QWidget *parent = nullptr);
    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    void setViewer(bool viewer) override;
    QString badge() const override { return m_badge; }

    QString stopwatchText() const;
    QStringList checklist() const; // one line per step, as shown (tests)
    CommandButton *rollBackButton() const { return m_rollBack; }
    QLineEdit *reasonEdit() const { return m_reason; }

private:
    void refreshActions();
    void rollBack();

    RunSnapshotPtr m_snapshot;
    TriggersModel *m_model;
    QLabel *m_stopwatch;
    QProgressBar *m_progress;
    QLabel *m_who;
    QListWidget *m_steps;
    QTableView *m_view;
    QWidget *m_actions;
    QLineEdit *m_reason;
    CommandButton *m_rollBack;
    CommandButton *m_raise;
    QString m_badge;
};

} // namespace cockpit::gui
