#pragma once

namespace cockpit::gui {

// The window's entry point: creates the QApplication, installs the translation (system locale or the
// settings' override), parses GuiArguments and shows the start page, the start dialog or the viewer.
class GuiApplication
{
public:
    static int run(int argc, char **argv);
};

} // namespace cockpit::gui
