#include "gui/RunOpening.h"

#include "core/runbook/RunbookLoader.h"
#include "gui/CockpitSettings.h"
#include "gui/MainWindow.h"

#include <QFileInfo>

namespace cockpit::gui {

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
    fail(tr("Starting %1 from the window needs the engine's launcher, which this build does not have yet. "
            "Run it with: cutover-cockpit run %1 --mode %2")
             .arg(choice.runbookPath, runModeName(choice.mode)));
}

void RunOpening::watchJournal(const QString &journal)
{
    m_settings.addRecentJournal(journal);
    fail(tr("Watching %1 needs the engine's follower, which this build does not have yet. "
            "Use: cutover-cockpit status --journal %1")
             .arg(journal));
}

void RunOpening::fail(const QString &what)
{
    m_window.showStartPage();
    m_window.showMessage(what, true);
}

} // namespace cockpit::gui
