#include "cli/CheckCommand.h"

#include "cli/CheckSession.h"
#include "cli/RunbookOptions.h"
#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "core/base/Expected.h"

#include <QSet>

namespace cockpit::cli {

namespace {

// --confirm/--as/--comment come in groups, which QCommandLineParser cannot pair up (--comment is optional),
// so they are read in order from the raw arguments. Options taking a value are skipped with their value.
Expected<QMap<QString, ManualConfirmation>, QString> confirmations(const QStringList &args)
{
    static const QSet<QString> withValue {QStringLiteral("param"), QStringLiteral("p"),
                                          QStringLiteral("params"), QStringLiteral("only")};
    QMap<QString, ManualConfirmation> out;
    QString current;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--"))
            break;
        if (!a.startsWith(QLatin1Char('-')))
            continue;
        QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            inlineValue = true;
        }
        const bool ours = name == QLatin1String("confirm") || name == QLatin1String("as")
            || name == QLatin1String("comment");
        if (!ours) {
            if (withValue.contains(name) && !inlineValue)
                ++i;
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= args.size())
                return unexpected(QStringLiteral("--%1 needs a value").arg(name));
            value = args[++i];
        }
        if (name == QLatin1String("confirm")) {
            if (!current.isEmpty() && out.value(current).name.isEmpty())
                return unexpected(QStringLiteral("--confirm %1 needs --as NAME (who confirms)").arg(current));
            current = value;
            out.insert(current, ManualConfirmation {});
        } else if (current.isEmpty()) {
            return unexpected(QStringLiteral("--%1 must follow a --confirm ID").arg(name));
        } else if (name == QLatin1String("as")) {
            out[current].name = value;
        } else {
            out[current].comment = value;
        }
    }
    if (!current.isEmpty() && out.value(current).name.trimmed().isEmpty())
        return unexpected(QStringLiteral("--confirm %1 needs --as NAME (who confirms)").arg(current));
    return out;
}

} // namespace

int runCheckCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("check"), QStringLiteral("RUNBOOK"),
        QStringLiteral(
            "Runs the prerequisite checks of a runbook and prints a Go/No-Go recommendation.\n"
            "Exit code: 0 GO, 1 NO-GO (the blockers are listed), 2 invalid runbook or usage error, 130 "
            "interrupted (Ctrl+C cancels the checks and still prints what was seen).\n"
            "Manual checks count as blockers until confirmed with --confirm ID --as NAME."));
    sp.parser().addPositionalArgument(QStringLiteral("RUNBOOK"), QStringLiteral("The runbook YAML file."));
    RunbookOptions options(sp);
    const QCommandLineOption only(QStringLiteral("only"),
                                  QStringLiteral("Run only these checks (comma-separated ids)."),
                                  QStringLiteral("ID,..."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QStringLiteral("Print the full observations and the recommendation as JSON."));
    const QCommandLineOption confirm(QStringLiteral("confirm"),
                                     QStringLiteral("Confirm the manual check ID (repeatable)."),
                                     QStringLiteral("ID"));
    const QCommandLineOption as(QStringLiteral("as"), QStringLiteral("Who confirms the preceding --confirm."),
                                QStringLiteral("NAME"));
    const QCommandLineOption comment(QStringLiteral("comment"),
                                     QStringLiteral("A note on the preceding --confirm."),
                                     QStringLiteral("TEXT"));
    const QCommandLineOption noProgress(
        QStringLiteral("no-progress"),
        QStringLiteral("No progress lines on stderr (default when not a terminal)."));
    const QCommandLineOption progress(
        QStringLiteral("progress"),
        QStringLiteral("Progress lines on stderr even when it is not a terminal (CI logs)."));
    for (const auto &o : {only, json, confirm, as, comment, noProgress, progress})
        sp.addOption(o);
    if (auto done = sp.parse(args))
        return *done;
    const QStringList pos = sp.parser().positionalArguments();
    if (pos.size() != 1)
        return sp.usageError(pos.isEmpty() ? QStringLiteral("a RUNBOOK file is required")
                                           : QStringLiteral("exactly one RUNBOOK file is expected"));
    auto confirmed = confirmations(args);
    if (!confirmed)
        return sp.usageError(confirmed.error());

    const auto runbook = options.load(pos.first());
    if (!runbook) {
        RunbookOptions::printErrors(runbook.error());
        return 2;
    }

    QList<Check> checks = runbook->prerequisites;
    if (sp.parser().isSet(only)) {
        QSet<QString> wanted;
        for (const QString &v : sp.parser().values(only))
            for (const QString &id : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                wanted.insert(id.trimmed());
        QSet<QString> known;
        for (const Check &c : std::as_const(checks))
            known.insert(c.id);
        QStringList unknown;
        for (const QString &id : std::as_const(wanted))
            if (!known.contains(id))
                unknown << id;
        if (!unknown.isEmpty()) {
            unknown.sort();
            return sp.usageError(
                QStringLiteral("--only: no prerequisite with id %1").arg(unknown.join(QStringLiteral(", "))));
        }
        checks.removeIf([&](const Check &c) { return !wanted.contains(c.id); });
    }
    for (auto it = confirmed->cbegin(); it != confirmed->cend(); ++it) {
        const bool manual = std::any_of(
            runbook->prerequisites.cbegin(), runbook->prerequisites.cend(),
            [&](const Check &c) { return c.id == it.key() && std::holds_alternative<ManualCheck>(c.probe); });
        if (!manual)
            return sp.usageError(
                QStringLiteral("--confirm %1: no manual prerequisite with that id").arg(it.key()));
    }

    CheckRunner runner;
    CheckSession session(runner);
    session.setProgress((Console::stderrIsTerminal() || sp.parser().isSet(progress))
                        && !sp.parser().isSet(noProgress));
    const auto outcome = session.run(*runbook, checks, *confirmed);
    const int code = CheckSession::report(*runbook, checks, outcome, sp.parser().isSet(json));
    return outcome.interrupted ? 130 : code;
}

} // namespace cockpit::cli
