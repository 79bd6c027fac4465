#include "cli/CommandLine.h"
#include "gui/GuiApplication.h"

// Headless subcommands (and --help/--version) go to the command line; anything else — no arguments,
// `open RUNBOOK`, `--viewer --journal …` — opens the window.
int main(int argc, char **argv)
{
    if (cockpit::cli::isCommandLineInvocation(argc, argv))
        return cockpit::cli::run(argc, argv);
    return cockpit::gui::GuiApplication::run(argc, argv);
}
