#pragma once

#include "gui/panels/RunPanel.h"

class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace cockpit::gui {

class CommandButton;
class StageCard;

// The Stages tab: one StageCard per stage of the runbook, and the actions on the running stage, named by
// their target ("Promote to 50 %"): promote (after a confirmation that says what it will do), approve as
// the second person (the lead is refused, as the engine refuses them), hold / resume (always offered
// while the run goes on). Every unavailable action says why; the engine still decides and may refuse.
class StagesPanel : public RunPanel
{
    Q_OBJECT

public:
    explicit StagesPanel(QWidget *parent = nullptr);

    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    void setViewer(bool viewer) override;
    void setPerson(const QString &person); // the lead

    QList<StageCard *> cards() const { return m_cards; }
    CommandButton *promoteButton() const { return m_promote; }
    CommandButton *approveButton() const { return m_approve; }
    CommandButton *holdButton() const { return m_hold; }
    QLineEdit *approverEdit() const { return m_approver; }

private:
    void refreshActions();
    void promote();

    RunSnapshotPtr m_snapshot;
    QString m_person;
    QLabel *m_summary;
    QVBoxLayout *m_cardLayout;
    QList<StageCard *> m_cards;
    QWidget *m_actions;
    QLineEdit *m_reason;
    QLineEdit *m_approver;
    CommandButton *m_promote;
    CommandButton *m_approve;
    CommandButton *m_hold;
};

} // namespace cockpit::gui
