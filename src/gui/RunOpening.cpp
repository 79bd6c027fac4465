#include "gui/RunOpening.h"

#include "core/runbook/RunbookLoader.h"
#include "engine/RunLauncher.h"
#include "engine/ThreadedRunController.h"
#include "gui/CockpitSettings.h"
#include "gui/MainWindow.h"
#include "gui/ViewerController.h"
#include "store/JournalFactory.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QThread>

namespace cockpit::gui {

namespace {
// The thread a launch happens on and the launched run then lives on: opening the journal, taking the lease,
// resolving secrets and the Go/No-Go never run on the GUI thread, nor do the lease's heartbeats. Handed to
// the controller that drives the run (a child of it), so it goes after the controller's engine thread has
// been joined; it then drops the run on its own thread (the lease release is journaled there) and joins it.
class LaunchThread : public QObject
{
public:
    explicit LaunchThread(QObject *parent)
        : QObject(parent)
        , m_context(new QObject)
    {
        m_thread.setObjectName(QStringLiteral("cockpit-launch"));
        m_context->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
        m_thread.start();
    }
    ~LaunchThread() override
    {
        // The last reference to the run goes on its own thread, which then ends.
        QMetaObject::invokeMethod(
            m_context,
            [run = std::move(m_run)]() mutable {
                run.reset();
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
        m_thread.wait();
    }
    QObject *context() const { return m_context; }
    void keep(std::shared_ptr<LaunchedRun> run) { m_run = std::move(run); }

private:
    QThread m_thread;
    QObject *m_context; // lives on m_thread; deleted there when it finishes
    std::shared_ptr<LaunchedRun> m_run;
};

// A refused launch in words, with what to do about it.
QString launchErrorText(const LaunchError &e)
{
    QString text;
    switch (e.kind) {
    case LaunchError::Kind::LeaseHeld:
        text = RunOpening::tr("Not started: another process leads this run. %1").arg(e.message);
        break;
    case LaunchError::Kind::RunbookChanged:
        text = RunOpening::tr("Not resumed: the runbook changed since the run started. %1").arg(e.message);
        break;
    case LaunchError::Kind::MissingSecret:
        text = RunOpening::tr("Not started: a required secret is missing; store it in the keychain and start "
                              "again.");
        break;
    case LaunchError::Kind::NoGo:
        text = RunOpening::tr("NO-GO: the run does not start. %1").arg(e.message);
        break;
    case LaunchError::Kind::Finished:
    case LaunchError::Kind::Setup: text = e.message; break;
    }
    if (!e.details.isEmpty())
        text += QLatin1Char('\n') + e.details.join(QLatin1Char('\n'));
    return text;
}
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
    request.acceptChangedRunbook = choice.acceptChangedRunbook;
    m_window.showMessage(tr("Starting %1: opening the journal, taking the lease, checking the prerequisites…")
                             .arg(choice.runbookPath),
                         false);
    // The launcher and the launched run live on a thread of their own; the answer comes back here.
    auto *session = new LaunchThread(this);
    QMetaObject::invokeMethod(
        session->context(), [this, session, choice, request = std::move(request)]() mutable {
            auto *launcher = new RunLauncher(session->context());
            launcher->launch(std::move(request),
                             [this, session, launcher, choice](RunLauncher::Result result) {
                                 launcher->deleteLater();
                                 if (!result) {
                                     QMetaObject::invokeMethod(
                                         this, [this, session, text = launchErrorText(result.error())] {
                                             delete session;
                                             fail(text);
                                         });
                                     return;
                                 }
                                 auto run = std::make_shared<LaunchedRun>(std::move(*result));
                                 RunControllerSetup setup
                                     = RunLauncher::controllerSetup(*run); // closes the driver on its thread
                                 QMetaObject::invokeMethod(
                                     this, [this, session, choice, run, setup = std::move(setup)]() mutable {
                                         started(session, choice, run, std::move(setup));
                                     });
                             });
        });
}

void RunOpening::started(QObject *session, const StartChoice &choice, std::shared_ptr<LaunchedRun> run,
                         RunControllerSetup setup)
{
    if (!run->journalSpec.isEmpty())
        m_settings.addRecentJournal(run->journalSpec);
    RunView::Options options {
        choice.lead, false, m_settings.staleAfterSeconds(), m_settings.ageRefreshMs(), {}};
    options.openJournal = readJournal(run->journalSpec, run->journalPassword);
    options.paramAssignments = choice.paramAssignments;
    StartChoice again = choice;
    again.acceptChangedRunbook.reset();
    options.continueWithChangedRunbook
        = [this, again](const PersonDecision &decision) { continueWithChangedRunbook(again, decision); };
    const QStringList notes = run->notes;
    auto *controller = new ThreadedRunController(std::move(setup));
    static_cast<LaunchThread *>(session)->keep(std::move(run));
    session->setParent(controller); // destroyed after the controller's engine thread has been joined
    auto *watcher = new QFutureWatcher<Expected<bool, Error>>(&m_window);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, controller, options, notes] {
        watcher->deleteLater();
        const auto opened = watcher->result();
        if (!opened) {
            delete controller;
            fail(opened.error().message);
            return;
        }
        QString message = *opened ? tr("Resumed the unfinished run from its journal.") : tr("Run started.");
        if (!notes.isEmpty())
            message += QLatin1Char(' ') + notes.join(QStringLiteral("; "));
        m_window.showMessage(message, false);
        m_window.showRun(controller, options);
    });
    watcher->setFuture(controller->start());
}

void RunOpening::continueWithChangedRunbook(StartChoice choice, const PersonDecision &decision)
{
    choice.acceptChangedRunbook = decision;
    RunController *current = m_window.runView()->controller();
    if (!current) {
        launch(choice);
        return;
    }
    // The old run releases its lease (journaled, on its own thread) as its controller goes: launch after.
    connect(
        current, &QObject::destroyed, this, [this, choice] { launch(choice); }, Qt::QueuedConnection);
    m_window.closeRun();
}

void RunOpening::watchJournal(const QString &journal)
{
    m_settings.addRecentJournal(journal);
    auto *viewer = new ViewerController(journal);
    connect(viewer, &RunController::failed, &m_window,
            [this](const Error &e) { fail(tr("Cannot watch the journal: %1").arg(e.message)); });
    RunView::Options options {
        QString {}, true, m_settings.staleAfterSeconds(), m_settings.ageRefreshMs(), {}};
    options.openJournal = readJournal(journal, qgetenv("PGPASSWORD"));
    m_window.showRun(viewer, options);
    viewer->start();
}

std::function<Expected<std::unique_ptr<Journal>, Error>()> RunOpening::readJournal(const QString &spec,
                                                                                   const QByteArray &password)
{
    if (spec.isEmpty())
        return {};
    return [spec, password] {
        JournalOpenOptions o;
        o.password = password;
        o.readOnly = !JournalFactory::isPostgres(spec);
        return JournalFactory::open(spec, o);
    };
}

void RunOpening::fail(const QString &what)
{
    m_window.showStartPage();
    m_window.showMessage(what, true);
}

} // namespace cockpit::gui
