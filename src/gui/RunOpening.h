#pragma once

#include "engine/RunLauncher.h"
#include "gui/GuiArguments.h"
#include "gui/dialogs/StartDialog.h"

#include <QObject>
#include <functional>
#include <memory>

namespace cockpit::gui {

class CockpitSettings;
class MainWindow;

// The workflow from "open this runbook" / "watch this journal" to a run on screen: the start dialog, the
// launch (RunLauncher, off the GUI thread) or the follower, the recent lists, and errors as banners.
class RunOpening : public QObject
{
    Q_OBJECT

public:
    RunOpening(MainWindow &window, CockpitSettings &settings, QObject *parent = nullptr);

    void openRunbook(const QString &path, const GuiArguments &preset = {});
    void watchJournal(const QString &journal);
    // Launches what the start dialog chose: RunLauncher on a thread of its own, then the controller.
    void launch(const StartChoice &choice);
    // Stops the run on screen and resumes it with the runbook file as it is now, the change accepted as the
    // person's decision (the launcher journals it with the list of changes).
    void continueWithChangedRunbook(StartChoice choice, const PersonDecision &decision);

private:
    // On the GUI thread, once the launch thread has a run: the controller that drives it.
    void started(QObject *session, const StartChoice &choice, std::shared_ptr<LaunchedRun> run,
                 RunControllerSetup setup);
    void fail(const QString &what);
    // A read-only way into the run's journal for the Validation tab's rehearsal overlay (empty spec: none).
    static std::function<Expected<std::unique_ptr<Journal>, Error>()> readJournal(const QString &spec,
                                                                                  const QByteArray &password);

    MainWindow &m_window;
    CockpitSettings &m_settings;
};

} // namespace cockpit::gui
