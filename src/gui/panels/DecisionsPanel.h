#pragma once

#include "gui/panels/RunPanel.h"

class QLineEdit;
class QTableView;

namespace cockpit::gui {

class CommandButton;
class PendingModel;

// Pending decisions and the deliberate actions that answer them: accept/reject, confirm a manual gate,
// confirm a write, approve (a second person), enter a stage, promote, hold/resume, roll back. Whether an
// action is offered follows the snapshot (its blockers and pending items); the engine still decides and
// may refuse. Every unavailable action says why, in its tooltip and under the button.
class DecisionsPanel : public RunPanel
{
    Q_OBJECT

public:
    explicit DecisionsPanel(QWidget *parent = nullptr);

    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    void setViewer(bool viewer) override;
    QString badge() const override;
    void setPerson(const QString &person); // the lead: refused as their own second approver

    // The first decision waiting selected and the reason field focused: the keyboard's way to decide.
    void beginDecision();
    CommandButton *action(const QString &name) const; // "accept", "reject", "promote", ... (tests)

private:
    void refreshActions();
    void selectKey(const QString &key);
    const PendingDecision *selected() const;
    void send(const EngineCommand &command);
    void decide(bool accept);
    void promote();
    void rollBack();

    RunSnapshotPtr m_snapshot;
    QString m_person;
    QString m_selectedKey;
    PendingModel *m_model;
    QTableView *m_view;
    QLineEdit *m_reason;
    QLineEdit *m_approver;
    QWidget *m_actions;
    CommandButton *m_accept;
    CommandButton *m_reject;
    CommandButton *m_confirmGate;
    CommandButton *m_confirmWrite;
    CommandButton *m_approve;
    CommandButton *m_enterStage;
    CommandButton *m_promote;
    CommandButton *m_hold;
    CommandButton *m_resume;
    CommandButton *m_rollBack;
};

} // namespace cockpit::gui
