#include "cli/TriggerCommand.h"

#include "cli/PersonCommandJournal.h"
#include "cli/SubcommandParser.h"

namespace cockpit::cli {

int runTriggerCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("trigger"), QStringLiteral("raise ID"),
        QStringLiteral("Raises a rollback trigger of the running stage by hand (user complaints, "
                       "out-of-memory): journaled with who and why; the running `run` responds "
                       "as the trigger's action says."));
    const QCommandLineOption journal(QStringLiteral("journal"), QStringLiteral("The run's journal."),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption as(QStringLiteral("as"), QStringLiteral("Your name (required)."),
                                QStringLiteral("NAME"));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("Why (required)."),
                                    QStringLiteral("TEXT"));
    for (const auto &o : {journal, as, reason})
        sp.addOption(o);
    if (auto done = sp.parse(args))
        return *done;
    const QCommandLineParser &p = sp.parser();
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2 || pos.first() != QLatin1String("raise"))
        return sp.usageError(QStringLiteral("expected: trigger raise ID"));
    const QString who = p.value(as).trimmed();
    const QString why = p.value(reason).trimmed();
    if (!p.isSet(journal) || who.isEmpty() || why.isEmpty())
        return sp.usageError(QStringLiteral("--journal, --as and --reason are required"));
    const QString &id = pos.at(1);
    return appendPersonCommand(
        QStringLiteral("trigger"), p.value(journal),
        [id, who, why](const RunState &st, qint64 now) {
            return RunPlanner::raiseTrigger(st, now, id, who, why);
        },
        QStringLiteral("trigger %1 raised").arg(id), who);
}

} // namespace cockpit::cli
