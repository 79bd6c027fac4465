#include "cli/CommandLine.h"

#include "cli/ApproveCommand.h"
#include "cli/CheckCommand.h"
#include "cli/CommsCommand.h"
#include "cli/CompareCommand.h"
#include "cli/ConfirmCommand.h"
#include "cli/DecideCommand.h"
#include "cli/DemoCommand.h"
#include "cli/JournalCommand.h"
#include "cli/Logging.h"
#include "cli/ProbeCommand.h"
#include "cli/ReconcileCommand.h"
#include "cli/ReportCommand.h"
#include "cli/RunCommand.h"
#include "cli/RunDemo.h"
#include "cli/RunsCommand.h"
#include "cli/SecretCommand.h"
#include "cli/SignOffCommand.h"
#include "cli/StatusCommand.h"
#include "cli/TriggerCommand.h"
#include "cli/ValidateCommand.h"
#include "core/base/Console.h"
#include "core/base/LogCategories.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QStringList>
#include <memory>

namespace cockpit::cli {

namespace {

using Command = int (*)(const QStringList &);

struct Subcommand
{
    const char *name;
    Command run;
    const char *summary;
};

const Subcommand kSubcommands[] = {
    {"validate", runValidateCommand, "check a runbook file (exit 0 valid, 2 invalid)"},
    {"check", runCheckCommand, "run a runbook's prerequisites: Go/No-Go (exit 0 GO, 1 NO-GO, 2 error)"},
    {"probe", runProbeCommand, "run one HTTP or SQL probe against conditions"},
    {"reconcile", runReconcileCommand,
     "source vs target: counts, aggregates, which rows differ, consistency checks, fixes (exit 0/1/2)"},
    {"secret", runSecretCommand, "store, inspect and remove secrets in the keychain"},
    {"journal", runJournalCommand, "verify, export (JSON) or initialise a run journal (exit 1 if tampered)"},
    {"run", runRunCommand, "run a runbook headless; resumes its unfinished run from the journal"},
    {"runs", runRunsCommand, "every run in a journal: id, runbook, mode, lead, start, end, result"},
    {"status", runStatusCommand, "where a run stands: stage, soak, gates, pending decisions, rollback clock"},
    {"compare", CompareCommand::run,
     "two runs side by side (rehearsal vs live): stages, gates, actions, schedule, rollback, totals"},
    {"report", ReportCommand::run,
     "the PDF evidence report of a run (and the JSON bundle with --json); exit 1 if the journal is tampered"},
    {"decide", runDecideCommand,
     "record a decision (gate, manual item, action, promotion) in a run's journal"},
    {"confirm", runConfirmCommand, "list the writes a run waits for, or confirm one as its lead (journaled)"},
    {"approve", runApproveCommand,
     "record a second approver's approval of a promotion or of a NO-GO override (--no-go-override)"},
    {"trigger", runTriggerCommand, "raise a rollback trigger by hand (trigger raise ID --reason --as)"},
    {"comms", runCommsCommand, "print a communication template with its parameters filled in (comms render)"},
    {"sign-off", runSignOffCommand,
     "sign a finished run off: SUCCESS or ROLLBACK, issues, notes (journaled)"},
    {"demo", runRehearsalDemo,
     "rehearse example runbook A end to end on throwaway local services (--scenario rollback)"},
};

QString usage()
{
    QString text = QStringLiteral("Usage: cutover-cockpit [--verbose] [--log-file FILE] COMMAND [options]\n\n"
                                  "Plan, rehearse and run production cutovers. Without a command the desktop "
                                  "application starts.\n\nCommands:\n");
    for (const Subcommand &s : kSubcommands)
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(s.name).leftJustified(9), QString::fromLatin1(s.summary));
    text += QStringLiteral("\nGlobal options:\n  --verbose         debug logging on stderr\n"
                           "  --log-file FILE   also write the log to FILE\n"
                           "  -h, --help        this help; COMMAND --help for a command's options\n"
                           "  -v, --version     the version\n");
    return text;
}

const Subcommand *find(const QString &name)
{
    for (const Subcommand &s : kSubcommands)
        if (name == QLatin1String(s.name))
            return &s;
    return nullptr;
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

} // namespace

bool isCommandLineInvocation(int argc, char **argv)
{
    QStringList args = argumentsOf(argc, argv);
    takeLogOptions(args);
    if (args.isEmpty())
        return false;
    const QString &first = args.first();
    return find(first) || first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("--version") || first == QLatin1String("-v");
}

int run(int argc, char **argv)
{
    // `report` draws a PDF: fonts and QPainter need a QGuiApplication, offscreen unless told otherwise.
    QStringList peek = argumentsOf(argc, argv);
    takeLogOptions(peek);
    const bool drawing = !peek.isEmpty() && peek.first() == QLatin1String("report");
    if (drawing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app = drawing ? std::make_unique<QGuiApplication>(argc, argv)
                                                          : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cutover-cockpit"));
    QCoreApplication::setOrganizationName(QStringLiteral("cutover-cockpit"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COCKPIT_VERSION));

    QStringList args = argumentsOf(argc, argv);
    const LogOptions logOptions = takeLogOptions(args);
    // A command that talks to the outside world also leaves its log in the XDG state directory, rotated,
    // like the window: afterwards this machine can tell what was run from it. `validate` only reads a file.
    LogOptions withState = logOptions;
    if (!args.isEmpty() && find(args.first()) && args.first() != QLatin1String("validate"))
        withState.rotatingLogFile = defaultStateLogFile();
    QString logError;
    if (!installLogging(withState, &logError)) {
        // A state directory that cannot be written never stops a command; a --log-file that cannot is said.
        const bool stateOnly = withState.rotatingLogFile != logOptions.rotatingLogFile
            && installLogging(logOptions, &logError);
        if (!stateOnly)
            Console::err(QStringLiteral("cutover-cockpit: %1\n").arg(logError));
        else
            qCDebug(lcCli) << "no state log:" << logError;
    }

    int code = 2;
    if (args.isEmpty()) {
        Console::err(usage());
    } else if (const Subcommand *s = find(args.first())) {
        qCInfo(lcCli) << "command" << args.first();
        code = s->run(args.mid(1));
    } else if (args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
               || args.first() == QLatin1String("help")) {
        Console::out(usage());
        code = 0;
    } else if (args.first() == QLatin1String("--version") || args.first() == QLatin1String("-v")) {
        Console::out(QStringLiteral("cutover-cockpit %1\n").arg(QStringLiteral(COCKPIT_VERSION)));
        code = 0;
    } else {
        Console::err(QStringLiteral("cutover-cockpit: unknown command '%1'\n\n").arg(args.first()) + usage());
    }
    shutdownLogging();
    return code;
}

} // namespace cockpit::cli
