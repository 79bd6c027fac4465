#include "cli/CommandLine.h"
#include "cli/Logging.h"
#include "gui/GuiApplication.h"
#include "gui/GuiArguments.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <cstdio>
#include <vector>

namespace {
// The window has no terminal to log to: it keeps a rotating log in the XDG state directory.
void logToStateDirectory()
{
    cockpit::cli::LogOptions o;
    o.rotatingLogFile = cockpit::cli::defaultStateLogFile();
    QString error;
    if (!cockpit::cli::installLogging(o, &error))
        std::fprintf(stderr, "cutover-cockpit: %s\n", qPrintable(error));
}
} // namespace

// Headless subcommands (and --help/--version) go to the command line; no arguments, `open RUNBOOK` and
// `--viewer --journal …` open the window. Arguments are checked before a QApplication exists, so a typo
// on a machine without a display gets a message, not a failed display connection.
int main(int argc, char **argv)
{
    // `demo` opens the window on the rehearsal when there is a display; --headless (or no display, as in
    // CI and the tests) keeps it on the terminal. The prerequisite-only demo and --help stay on the terminal.
    if (argc >= 2 && QByteArrayView(argv[1]) == "demo") {
        QStringList demoArgs;
        QString tab;
        bool headless = false, terminalOnly = false;
        std::vector<char *> kept {argv[0], argv[1]};
        for (int i = 2; i < argc; ++i) {
            const QString a = QString::fromLocal8Bit(argv[i]);
            if (a == QLatin1String("--headless")) {
                headless = true;
                continue;
            }
            if (a == QLatin1String("--tab") && i + 1 < argc) {
                tab = QString::fromLocal8Bit(argv[++i]);
                continue;
            }
            terminalOnly = terminalOnly || a == QLatin1String("--prerequisites-only")
                || a == QLatin1String("--json") || a.startsWith(QLatin1String("--break"))
                || a == QLatin1String("--help") || a == QLatin1String("-h");
            demoArgs << a;
            kept.push_back(argv[i]);
        }
        if (!headless && !terminalOnly && cockpit::gui::GuiApplication::displayAvailable()) {
            logToStateDirectory();
            return cockpit::gui::GuiApplication::runDemo(argc, argv, demoArgs, tab);
        }
        kept.push_back(nullptr);
        return cockpit::cli::run(int(kept.size()) - 1, kept.data());
    }
    if (cockpit::cli::isCommandLineInvocation(argc, argv))
        return cockpit::cli::run(argc, argv);
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const auto parsed = cockpit::gui::GuiArguments::parse(args);
    if (!parsed) {
        if (!args.first().startsWith(QLatin1Char('-')) && args.first() != QLatin1String("open")
            && args.first() != QLatin1String("wallboard"))
            return cockpit::cli::run(argc, argv); // an unknown command: the command line's usage
        std::fprintf(stderr, "cutover-cockpit: %s\n\n%s", qPrintable(parsed.error()),
                     qPrintable(cockpit::gui::GuiArguments::usage()));
        return 2;
    }
    logToStateDirectory();
    return cockpit::gui::GuiApplication::run(argc, argv, *parsed);
}
