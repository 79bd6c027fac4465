#pragma once

#include "gui/GuiArguments.h"
#include "gui/dialogs/StartDialog.h"

#include <QObject>

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

private:
    void launch(const StartChoice &choice);
    void fail(const QString &what);

    MainWindow &m_window;
    CockpitSettings &m_settings;
};

} // namespace cockpit::gui
