#include "cli/CommandLine.h"
#include "gui/GuiApplication.h"
#include "gui/GuiArguments.h"

#include <QString>
#include <QStringList>
#include <cstdio>

// Headless subcommands (and --help/--version) go to the command line; no arguments, `open RUNBOOK` and
// `--viewer --journal …` open the window. Arguments are checked before a QApplication exists, so a typo
// on a machine without a display gets a message, not a failed display connection.
int main(int argc, char **argv)
{
    if (cockpit::cli::isCommandLineInvocation(argc, argv))
        return cockpit::cli::run(argc, argv);
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const auto parsed = cockpit::gui::GuiArguments::parse(args);
    if (!parsed) {
        if (!args.first().startsWith(QLatin1Char('-')) && args.first() != QLatin1String("open"))
            return cockpit::cli::run(argc, argv); // an unknown command: the command line's usage
        std::fprintf(stderr, "cutover-cockpit: %s\n\n%s", qPrintable(parsed.error()),
                     qPrintable(cockpit::gui::GuiArguments::usage()));
        return 2;
    }
    return cockpit::gui::GuiApplication::run(argc, argv, *parsed);
}
