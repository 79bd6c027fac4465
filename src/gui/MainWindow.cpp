#include "gui/MainWindow.h"

#include "gui/CockpitSettings.h"
#include "gui/EvidenceExporter.h"
#include "gui/RunActions.h"
#include "gui/dialogs/Confirmation.h"
#include "gui/panels/MessageBanner.h"
#include "gui/panels/StartPage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cockpit::gui {

MainWindow::MainWindow(CockpitSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_stack(new QStackedWidget(this))
    , m_start(new StartPage(settings, this))
    , m_run(new RunView(this))
    , m_banner(new MessageBanner(this))
    , m_exporter(new EvidenceExporter(this))
{
    setWindowTitle(tr("Cutover Cockpit"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/go.svg")));
    m_stack->addWidget(m_start);
    m_stack->addWidget(m_run);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Start page"), this, &MainWindow::showStartPage);
    m_export = file->addAction(tr("&Export evidence report…"), this, &MainWindow::exportEvidence);
    m_export->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    // The run's main actions with their shortcuts; a disabled entry says why in its tooltip.
    m_runMenu = menuBar()->addMenu(tr("&Run"));
    m_runMenu->setToolTipsVisible(true);
    m_runMenu->addActions(m_run->actions()->commandActions());
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addActions(m_run->actions()->tabActions());

    connect(m_exporter, &EvidenceExporter::finished, this,
            [this](bool ok, const QString &message) { showMessage(message, !ok); });
    connect(m_start, &StartPage::runbookChosen, this, &MainWindow::runbookChosen);
    connect(m_start, &StartPage::journalChosen, this, &MainWindow::journalChosen);
    connect(m_run->tabs(), &QTabWidget::currentChanged, this,
            [this](int index) { m_settings.setValue(CockpitSettings::Key::LastTab, index); });
    restoreGeometry(m_settings.value(CockpitSettings::Key::WindowGeometry).toByteArray());
    if (!m_settings.value(CockpitSettings::Key::WindowGeometry).toByteArray().size())
        resize(1360, 860);
}

void MainWindow::showRun(RunController *controller, const RunView::Options &options)
{
    if (controller != m_owned)
        releaseController();
    m_owned = controller;
    if (controller)
        controller->setParent(this);
    m_run->setController(controller, options);
    m_runMenu->menuAction()->setVisible(controller && !options.viewer);
    m_openJournal = options.openJournal;
    m_export->setEnabled(controller && m_openJournal);
    m_run->tabs()->setCurrentIndex(m_settings.value(CockpitSettings::Key::LastTab).toInt());
    m_stack->setCurrentWidget(m_run);
    const RunSnapshotPtr s = controller ? controller->snapshot() : nullptr;
    setWindowTitle(s && !s->runbookName.isEmpty() ? tr("%1 — Cutover Cockpit").arg(s->runbookName)
                                                  : tr("Cutover Cockpit"));
}

void MainWindow::showStartPage()
{
    m_start->reload();
    m_stack->setCurrentWidget(m_start);
}

void MainWindow::closeRun()
{
    releaseController();
    showStartPage();
}

void MainWindow::showMessage(const QString &text, bool error)
{
    m_banner->showMessage(error ? MessageBanner::Level::Error : MessageBanner::Level::Info, text);
}

void MainWindow::exportEvidence()
{
    const RunSnapshotPtr s = m_run->snapshot();
    if (!s || s->runId.isEmpty()) {
        showMessage(tr("No run to export yet: the journal holds no run."), true);
        return;
    }
    m_exporter->exportRun(m_openJournal, s->runId);
}

void MainWindow::releaseController()
{
    if (!m_owned)
        return;
    m_run->setController(nullptr, {});
    m_export->setEnabled(false);
    m_owned->stop();
    m_owned->deleteLater();
    m_owned = nullptr;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const RunSnapshotPtr s = m_owned ? m_owned->snapshot() : nullptr;
    const bool running = s && !s->readOnly && s->startedAt && s->outcome.isEmpty();
    if (running
        && !Confirmation::ask(this, tr("Close"),
                              tr("The run is still going. Close the window? The run stops here and resumes "
                                 "from the journal when it is opened again."))) {
        event->ignore();
        return;
    }
    m_settings.setValue(CockpitSettings::Key::WindowGeometry, saveGeometry());
    releaseController();
    event->accept();
}

} // namespace cockpit::gui
