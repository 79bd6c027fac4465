#pragma once

#include "engine/Preflight.h"
#include "engine/RunController.h"
#include "store/Journal.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <memory>

class QPushButton;
class QTabWidget;
class QTimer;

namespace cockpit::gui {

class DecisionsPanel;
class JournalPanel;
class MessageBanner;
class PrerequisitesPanel;
class RollbackPanel;
class RunbookChangeBanner;
class RunbookWatcher;
class RunActions;
class RunNotifier;
class RunPanel;
class ValidationPanel;
class StagesPanel;
class VerdictBar;

// One run on screen: the verdict bar, an inline message banner and one tab per panel. Renders the
// controller's snapshots and sends the panels' commands to it; keeps no engine state of its own.
// Commands are answered through a QFutureWatcher parented to this view, so the GUI thread never waits.
class RunView : public QWidget
{
    Q_OBJECT

public:
    struct Options
    {
        QString person; // who sends commands (the lead)
        bool viewer = false; // read-only stakeholder view
        int staleAfterSeconds = 600;
        int ageRefreshMs = 1000;
        // Opens the run's journal for reading on a worker (the Validation tab's rehearsal overlay looks for
        // an earlier run of the same runbook there); empty: no overlay.
        std::function<Expected<std::unique_ptr<Journal>, Error>()> openJournal;
        // The lead's run from a runbook file: its --param assignments (the file is compared with them when it
        // changes on disk) and the way to continue with a changed file (stop, resume with the change
        // accepted as this person's decision). Empty: the banner says it cannot be continued here.
        QStringList paramAssignments;
        std::function<void(const PersonDecision &)> continueWithChangedRunbook;
    };

    explicit RunView(QWidget *parent = nullptr);

    // Not owned; may be null (no run). Events already in the journal come through eventsAppended.
    void setController(RunController *controller, const Options &options);
    RunController *controller() const { return m_controller; }
    RunSnapshotPtr snapshot() const { return m_snapshot; }

    VerdictBar *verdictBar() const { return m_bar; }
    MessageBanner *banner() const { return m_banner; }
    RunbookChangeBanner *runbookChangeBanner() const { return m_runbookBanner; }
    RunbookWatcher *runbookWatcher() const { return m_runbookWatcher; }
    RunNotifier *notifier() const { return m_notifier; }
    QTabWidget *tabs() const { return m_tabs; }
    RunActions *actions() const { return m_actions; }
    ValidationPanel *validation() const { return m_validation; }
    int commandsInFlight() const { return m_inFlight; }
    // The run's sign-off dialog (window-modal, answered later; the command goes through the controller).
    void openSignOff();
    // The connections and credentials dialog of the run's runbook (window-modal, never waits).
    void openConnections();

Q_SIGNALS:
    void commandAnswered(const cockpit::EngineCommand &command, bool accepted, const QString &reason);

private:
    void showSnapshot(const RunSnapshotPtr &snapshot);
    void sendCommand(EngineCommand command);
    void refreshAges();
    void watchRunbook(const RunSnapshotPtr &snapshot);
    void continueWithChangedRunbook(const QString &reason);
    void addPanel(RunPanel *panel, const QString &title);

    QPointer<RunController> m_controller;
    Options m_options;
    RunSnapshotPtr m_snapshot;
    VerdictBar *m_bar;
    MessageBanner *m_banner;
    RunbookChangeBanner *m_runbookBanner;
    RunbookWatcher *m_runbookWatcher;
    QString m_watchedSha256;
    QTabWidget *m_tabs;
    DecisionsPanel *m_decisions;
    JournalPanel *m_journal;
    ValidationPanel *m_validation;
    StagesPanel *m_stages;
    PrerequisitesPanel *m_prerequisites;
    RollbackPanel *m_rollback;
    RunActions *m_actions;
    QList<RunPanel *> m_panels;
    QStringList m_titles;
    QTimer *m_ageTimer;
    QPushButton *m_signOff;
    QPushButton *m_connectionsButton;
    RunNotifier *m_notifier;
    int m_inFlight = 0;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace cockpit::gui
