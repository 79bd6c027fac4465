#include "gui/RunView.h"

#include "gui/RunActions.h"
#include "gui/RunNotifier.h"
#include "gui/RunbookWatcher.h"
#include "gui/dialogs/Confirmation.h"
#include "gui/dialogs/ConnectionsDialog.h"
#include "gui/dialogs/SignOffDialog.h"
#include "gui/panels/DecisionsPanel.h"
#include "gui/panels/JournalPanel.h"
#include "gui/panels/MessageBanner.h"
#include "gui/panels/OverviewPanel.h"
#include "gui/panels/PlaceholderPanel.h"
#include "gui/panels/PrerequisitesPanel.h"
#include "gui/panels/RollbackPanel.h"
#include "gui/panels/RunbookChangeBanner.h"
#include "gui/panels/SchedulePanel.h"
#include "gui/panels/StagesPanel.h"
#include "gui/panels/ValidationPanel.h"
#include "gui/panels/VerdictBar.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cockpit::gui {

RunView::RunView(QWidget *parent)
    : QWidget(parent)
    , m_bar(new VerdictBar(this))
    , m_banner(new MessageBanner(this))
    , m_runbookBanner(new RunbookChangeBanner(this))
    , m_runbookWatcher(new RunbookWatcher(this))
    , m_tabs(new QTabWidget(this))
    , m_decisions(new DecisionsPanel(this))
    , m_journal(new JournalPanel(this))
    , m_validation(new ValidationPanel(this))
    , m_stages(new StagesPanel(this))
    , m_prerequisites(new PrerequisitesPanel(this))
    , m_rollback(new RollbackPanel(this))
    , m_actions(nullptr)
    , m_ageTimer(new QTimer(this))
    , m_signOff(new QPushButton(tr("Sign o&ff…"), this))
    , m_connectionsButton(new QPushButton(tr("Co&nnections…"), this))
    , m_notifier(new RunNotifier(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_bar);
    layout->addWidget(m_banner);
    layout->addWidget(m_runbookBanner);
    layout->addWidget(m_tabs, 1);
    m_tabs->setObjectName(QStringLiteral("runTabs"));
    m_tabs->setDocumentMode(true);

    addPanel(new OverviewPanel(this), tr("&Overview"));
    addPanel(m_prerequisites, tr("&Prerequisites"));
    addPanel(m_decisions, tr("&Decisions"));
    addPanel(m_stages, tr("St&ages"));
    addPanel(m_rollback, tr("Ro&llback"));
    addPanel(new SchedulePanel(this), tr("&Schedule"));
    addPanel(m_journal, tr("&Journal"));
    addPanel(m_validation, tr("&Validation"));
    addPanel(new PlaceholderPanel(tr("Reconciliation"), this), tr("Reconciliation"));
    addPanel(new PlaceholderPanel(tr("Evidence export (PDF)"), this), tr("Export"));

    m_actions = new RunActions(this, m_tabs, m_stages, m_decisions, m_rollback);

    // Run-wide actions beside the tabs, reachable from every tab.
    auto *corner = new QWidget(m_tabs);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 4, 0);
    m_signOff->setObjectName(QStringLiteral("signOffRun"));
    m_signOff->setProperty("cockpitCommand", true);
    m_connectionsButton->setObjectName(QStringLiteral("connectionsButton"));
    m_connectionsButton->setToolTip(
        tr("Every connection of the runbook: its secret in the keychain, test it"));
    cornerLayout->addWidget(m_connectionsButton);
    cornerLayout->addWidget(m_signOff);
    connect(m_connectionsButton, &QPushButton::clicked, this, &RunView::openConnections);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
    connect(m_signOff, &QPushButton::clicked, this, &RunView::openSignOff);

    connect(m_ageTimer, &QTimer::timeout, this, &RunView::refreshAges);
    connect(m_runbookWatcher, &RunbookWatcher::changeFound, m_runbookBanner,
            &RunbookChangeBanner::showChange);
    connect(m_runbookWatcher, &RunbookWatcher::changeReverted, m_runbookBanner, &RunbookChangeBanner::clear);
    connect(m_runbookBanner, &RunbookChangeBanner::continueRequested, this,
            &RunView::continueWithChangedRunbook);
}

void RunView::addPanel(RunPanel *panel, const QString &title)
{
    m_panels << panel;
    m_titles << title;
    m_tabs->addTab(panel, title);
    connect(panel, &RunPanel::commandRequested, this, &RunView::sendCommand);
}

void RunView::setController(RunController *controller, const Options &options)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_controller = controller;
    m_options = options;
    m_runbookWatcher->stop();
    m_watchedSha256.clear();
    m_runbookBanner->clear();
    m_runbookBanner->setContinueBlockedBy(options.viewer ? tr("read-only viewer")
                                              : options.continueWithChangedRunbook
                                              ? QString {}
                                              : tr("this run cannot be restarted from the window: "
                                                   "restart it to use the changed runbook"));
    m_bar->setViewer(options.viewer);
    m_decisions->setPerson(options.person);
    m_stages->setPerson(options.person);
    m_prerequisites->setPerson(options.person);
    m_actions->setViewer(options.viewer);
    for (RunPanel *p : std::as_const(m_panels))
        p->setViewer(options.viewer);
    m_ageTimer->start(qMax(100, options.ageRefreshMs));
    m_validation->setJournal(options.openJournal);
    if (!controller) {
        showSnapshot(nullptr);
        return;
    }
    m_connections
        << connect(controller, &RunController::snapshotChanged, this, &RunView::showSnapshot)
        << connect(controller, &RunController::eventsAppended, m_journal, &JournalPanel::appendEvents)
        << connect(controller, &RunController::eventsAppended, m_validation, &ValidationPanel::appendEvents)
        << connect(controller, &RunController::failed, this,
                   [this](const Error &e) { m_banner->showMessage(MessageBanner::Level::Error, e.message); })
        << connect(controller, &RunController::finished, this, [this](const QString &outcome) {
               m_banner->showMessage(MessageBanner::Level::Info, tr("The run ended: %1").arg(outcome));
           });
    showSnapshot(controller->snapshot());
}

void RunView::showSnapshot(const RunSnapshotPtr &snapshot)
{
    // Snapshots may be coalesced or, after a reconnect, arrive out of order: never go back in time.
    if (snapshot && m_snapshot && snapshot->runId == m_snapshot->runId
        && snapshot->version < m_snapshot->version)
        return;
    m_snapshot = snapshot;
    m_notifier->observe(snapshot);
    m_bar->setSnapshot(snapshot);
    for (int i = 0; i < m_panels.size(); ++i) {
        m_panels.at(i)->setSnapshot(snapshot);
        const QString badge = m_panels.at(i)->badge();
        m_tabs->setTabText(i, badge.isEmpty() ? m_titles.at(i) : tr("%1 (%2)").arg(m_titles.at(i), badge));
    }
    m_actions->refresh(snapshot);
    watchRunbook(snapshot);
    const bool ended = snapshot
        && (!snapshot->outcome.isEmpty() || snapshot->headline == Headline::Finished
            || snapshot->headline == Headline::RolledBack);
    m_signOff->setVisible(!m_options.viewer);
    m_connectionsButton->setVisible(!m_options.viewer);
    m_connectionsButton->setEnabled(!m_options.viewer && snapshot && snapshot->runbook);
    m_signOff->setEnabled(!m_options.viewer && ended);
    m_signOff->setToolTip(m_options.viewer ? tr("read-only viewer")
                              : ended
                              ? tr("Sign off the run: outcome, issues, notes; and the communications to send")
                              : tr("The run is signed off once it has finished or rolled back."));
    refreshAges();
}

void RunView::watchRunbook(const RunSnapshotPtr &snapshot)
{
    // Only the lead's running run: a viewer may not have the file, an ended run takes no change.
    const bool watch = !m_options.viewer && snapshot && !snapshot->readOnly && snapshot->runbook
        && snapshot->outcome.isEmpty() && !snapshot->runbookPath.isEmpty();
    if (!watch) {
        if (!m_watchedSha256.isEmpty())
            m_runbookWatcher->stop();
        m_watchedSha256.clear();
        return;
    }
    if (snapshot->runbookSha256 == m_watchedSha256)
        return;
    m_watchedSha256 = snapshot->runbookSha256;
    m_runbookBanner->clear();
    if (!QFileInfo(snapshot->runbookPath).isFile()) // the demo's built-in runbook
        return;
    m_runbookWatcher->watch(snapshot->runbookPath, snapshot->runbook, snapshot->runbookSha256,
                            m_options.paramAssignments, snapshot->mode);
}

void RunView::continueWithChangedRunbook(const QString &reason)
{
    if (m_options.viewer || !m_options.continueWithChangedRunbook)
        return;
    const RunbookFileChange change = m_runbookBanner->change();
    if (!Confirmation::ask(
            this, tr("Continue with the changed runbook"),
            tr("The run stops here and resumes from its journal with the changed runbook. "
               "The change and your reason are journaled as your decision.\n\n%1\n\nReason: %2")
                .arg(change.changes.join(QLatin1Char('\n')), reason)))
        return;
    m_runbookBanner->clear();
    m_options.continueWithChangedRunbook({m_options.person, reason});
}

void RunView::openSignOff()
{
    if (!m_snapshot || m_options.viewer)
        return;
    auto *dialog = new SignOffDialog(m_snapshot->runbook, m_options.person, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { sendCommand(dialog->command()); });
    dialog->open();
}

void RunView::openConnections()
{
    if (!m_snapshot || !m_snapshot->runbook || m_options.viewer)
        return;
    auto *dialog = new ConnectionsDialog(m_snapshot->runbook, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void RunView::refreshAges()
{
    m_bar->refreshAge(QDateTime::currentMSecsSinceEpoch(), qint64(m_options.staleAfterSeconds) * 1000);
}

void RunView::sendCommand(EngineCommand command)
{
    if (m_options.viewer || !m_controller) {
        m_banner->showMessage(MessageBanner::Level::Warning,
                              m_options.viewer ? tr("Not sent: this is a read-only viewer.")
                                               : tr("No run is open."));
        return;
    }
    if (command.who.isEmpty())
        command.who = m_options.person;
    ++m_inFlight;
    // Parented to this view: if the view goes away first, the watcher goes with it and nothing is called.
    auto *watcher = new QFutureWatcher<CommandResult>(this);
    connect(watcher, &QFutureWatcher<CommandResult>::finished, this, [this, watcher, command] {
        --m_inFlight;
        watcher->deleteLater();
        const QFuture<CommandResult> future = watcher->future();
        if (future.isCanceled() || future.resultCount() == 0) {
            m_banner->showMessage(MessageBanner::Level::Error, tr("The engine did not answer the command."));
            Q_EMIT commandAnswered(command, false, tr("no answer"));
            return;
        }
        const CommandResult result = future.result();
        if (result) {
            m_banner->hide();
            Q_EMIT commandAnswered(command, true, {});
        } else {
            m_banner->showMessage(MessageBanner::Level::Error, tr("Refused: %1").arg(result.error().message));
            Q_EMIT commandAnswered(command, false, result.error().message);
        }
    });
    watcher->setFuture(m_controller->send(command));
}

} // namespace cockpit::gui
