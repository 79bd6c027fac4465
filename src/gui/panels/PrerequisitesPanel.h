#pragma once

#include "gui/panels/RunPanel.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
class QTextBrowser;
class QWidget;

namespace cockpit::gui {

class PrerequisitesModel;

// Prerequisites grouped by category with their verdict, what was seen, its age and duration; checking one,
// a category or all of them through the engine (in parallel, with progress and cancel); the detail of the
// selected one (exactly what was observed); a manual item's sign-off with name and comment; the secrets
// the runbook needs and whether the run has them (never a value).
class PrerequisitesPanel : public RunPanel
{
    Q_OBJECT

public:
    explicit PrerequisitesPanel(QWidget *parent = nullptr);
    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    void setViewer(bool viewer) override;
    QString badge() const override { return m_badge; }
    void setPerson(const QString &person);

    QString detailText() const; // the detail pane as plain text (tests, copy)

private:
    void showDetail();
    void updateActions();
    void showSecrets();
    void check(const QString &scope, const QString &target);
    void signOff();
    QString currentId() const;
    const PrerequisiteSnapshot *current() const;

    RunSnapshotPtr m_snapshot;
    PrerequisitesModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QTextBrowser *m_detail;
    QWidget *m_actions;
    QPushButton *m_checkOne;
    QPushButton *m_checkCategory;
    QPushButton *m_checkAll;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QWidget *m_signOffBox;
    QLineEdit *m_signName;
    QLineEdit *m_signComment;
    QPushButton *m_signOff;
    QTableWidget *m_secrets;
    QString m_badge;
    QString m_detailHtml;
};

} // namespace cockpit::gui
