#pragma once

#include <QStringList>

namespace cockpit::gui {

struct GuiArguments;

// The window's entry point: creates the QApplication, installs the translation (system locale or the
// settings' override) and shows the start page, the start dialog or the viewer.
class GuiApplication
{
public:
    static int run(int argc, char **argv, const GuiArguments &args);
    // `demo` with a display: the window follows the rehearsal run by a child process (DemoSession).
    static int runDemo(int argc, char **argv, const QStringList &demoArgs, const QString &tab);
    // `wallboard`: the full-screen stakeholder board (Qt Quick) of a journal's run.
    static int runWallboard(int argc, char **argv, const GuiArguments &args);
    // A display to open a window on: DISPLAY or WAYLAND_DISPLAY set, and Qt not told to draw offscreen.
    static bool displayAvailable();
};

} // namespace cockpit::gui
