#pragma once

namespace cockpit::gui {

struct GuiArguments;

// The window's entry point: creates the QApplication, installs the translation (system locale or the
// settings' override) and shows the start page, the start dialog or the viewer.
class GuiApplication
{
public:
    static int run(int argc, char **argv, const GuiArguments &args);
};

} // namespace cockpit::gui
