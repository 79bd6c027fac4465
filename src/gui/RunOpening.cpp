#include "gui/RunOpening.h"

#include "core/runbook/RunbookLoader.h"
#include "engine/RunLauncher.h"
#include "engine/ThreadedRunController.h"
#include "gui/CockpitSettings.h"
#include "gui/MainWindow.h"
#include "gui/ViewerController.h"

#include <QFileInfo>
#include <QFutureWatcher>

namespace cockpit::gui {

namespace {
// Keeps a launched run (its lease, journal and clock) alive as long as the controller driving it: a child
// of the controller, so it is destroyed after the controller's engine thread has been joined.
class LaunchedRunHolder : public QObject
{
public:
    LaunchedRunHolder(LaunchedRun run, QObject *parent)
        : QObject(parent)
        , m_run(std::move(run))
    {
    }
    LaunchedRun &run() { return m_run; }

private:
    LaunchedRun m_run;
};
} // namespace

RunOpening::RunOpening(MainWindow &window, CockpitSettings &settings, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
{
    connect(&window, &MainWindow::runbookChosen, this, [this](const QString &path) { openRunbook(path); });
    connect(&window, &MainWindow::journalChosen, this, &RunOpening::watchJournal);
}

void RunOpening::openRunbook(const QString &path, const GuiArguments &preset)
{
    // A runbook is a small local file (bounded to 4 MiB by the loader): read here, not a remote wait.
    const auto runbook = RunbookLoader::loadFile(path);
    if (!runbook) {
        QStringList lines;
        for (const Error &e : runbook.error())
            lines << e.toString();
        fail(tr("The runbook %1 has errors:\n%2").arg(path, lines.join(QLatin1Char('\n'))));
        return;
    }
    m_settings.addRecentRunbook(QFileInfo(path).absoluteFilePath());
    StartDialog dialog(&m_window);
    dialog.setRunbook(path, runbook->name, runbook->params, runbook->paramDescriptions);
    dialog.setLead(preset.lead.isEmpty() ? m_settings.leadName() : preset.lead);
    dialog.setJournal(preset.journal);
    if (preset.mode)
        dialog.setMode(*preset.mode);
    if (dialog.exec() != QDialog::Accepted)
        return;
    StartChoice choice = dialog.choice();
    choice.paramAssignments = preset.paramAssignments + choice.paramAssignments;
    m_settings.setLeadName(choice.lead);
    launch(choice);
}

void RunOpening::launch(const StartChoice &choice)
{
    if (!choice.journal.isEmpty())
        m_settings.addRecentJournal(choice.journal);
    LaunchRequest request;
    request.runbookPath = choice.runbookPath;
    request.paramAssignments = choice.paramAssignments;
    request.journalSpec = choice.journal;
    request.mode = choice.mode;
    request.lead = choice.lead;
    m_window.showMessage(tr("Starting %1: opening the journal, taking the lease, checking the prerequisites…")
                             .arg(choice.runbookPath),
                         false);
    // The launcher answers later on this thread (prerequisites and keychain are asynchronous).
    auto *launcher = new RunLauncher(this);
    const QString lead = choice.lead;
    launcher->launch(std::move(request), [this, launcher, lead](RunLauncher::Result result) {
        launcher->deleteLater();
        if (!result) {
            const LaunchError &e = result.error();
            fail(e.details.isEmpty() ? e.message
                                     : e.message + QLatin1Char('\n') + e.details.join(QLatin1Char('\n')));
            return;
        }
        if (!result->journalSpec.isEmpty())
            m_settings.addRecentJournal(result->journalSpec);
        auto *controller = new ThreadedRunController(RunLauncher::controllerSetup(*result));
        new LaunchedRunHolder(std::move(*result), controller);
        auto *watcher = new QFutureWatcher<Expected<bool, Error>>(&m_window);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, controller, lead] {
            watcher->deleteLater();
            const auto started = watcher->result();
            if (!started) {
                delete controller;
                fail(started.error().message);
                return;
            }
            m_window.showMessage(*started ? tr("Resumed the unfinished run.") : tr("Run started."), false);
            m_window.showRun(controller,
                             {lead, false, m_settings.staleAfterSeconds(), m_settings.ageRefreshMs()});
        });
        watcher->setFuture(controller->start());
    });
}

void RunOpening::watchJournal(const QString &journal)
{
    m_settings.addRecentJournal(journal);
    auto *viewer = new ViewerController(journal);
    connect(viewer, &RunController::failed, &m_window,
            [this](const Error &e) { fail(tr("Cannot watch the journal: %1").arg(e.message)); });
    m_window.showRun(viewer, {QString {}, true, m_settings.staleAfterSeconds(), m_settings.ageRefreshMs()});
    viewer->start();
}

void RunOpening::fail(const QString &what)
{
    m_window.showStartPage();
    m_window.showMessage(what, true);
}

} // namespace cockpit::gui
