#include "cli/SignOffCommand.h"

#include "cli/PersonCommandJournal.h"
#include "cli/SubcommandParser.h"
#include "engine/SignOff.h"

#include <QDateTime>
#include <QMap>

namespace cockpit::cli {

int runSignOffCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("sign-off"), QString(),
        QStringLiteral(
            "Signs a finished or rolled-back run off: the runbook's sign_off form (without one: date, time, "
            "lead, outcome, issues encountered, notes) journaled as a sign_off event with your name. Date "
            "and time default to now (local time), person fields to --as. A run is signed off once.\n"
            "Exit: 0 recorded; 1 refused (the run has not finished, it is signed off already, a required "
            "field is missing or a value is not allowed); 2 usage or journal error (a viewer's role may not "
            "write)."));
    const QCommandLineOption journal(QStringLiteral("journal"), QStringLiteral("The run's journal."),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("The run (default: the newest unfinished, else the newest)."),
                                 QStringLiteral("ID"));
    const QCommandLineOption as(QStringLiteral("as"), QStringLiteral("Your name (required)."),
                                QStringLiteral("NAME"));
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("SUCCESS or ROLLBACK (required)."),
                                    QStringLiteral("RESULT"));
    const QCommandLineOption issues(QStringLiteral("issues"), QStringLiteral("Issues encountered."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption notes(QStringLiteral("notes"), QStringLiteral("Notes."), QStringLiteral("TEXT"));
    const QCommandLineOption field(QStringLiteral("field"),
                                   QStringLiteral("Any other field of the runbook's sign_off form "
                                                  "(repeatable; date as YYYY-MM-DD, time as HH:MM)."),
                                   QStringLiteral("NAME=VALUE"));
    for (const auto &o : {journal, run, as, status, issues, notes, field})
        sp.addOption(o);
    if (auto done = sp.parse(args))
        return *done;
    const QCommandLineParser &p = sp.parser();
    const QString who = p.value(as).trimmed();
    if (!p.isSet(journal) || who.isEmpty() || !p.isSet(status))
        return sp.usageError(QStringLiteral("--journal, --as and --status are required"));
    const QString result = p.value(status).trimmed().toUpper();
    if (result != QLatin1String("SUCCESS") && result != QLatin1String("ROLLBACK"))
        return sp.usageError(QStringLiteral("--status must be SUCCESS or ROLLBACK"));
    QMap<QString, QString> values;
    for (const QString &assignment : p.values(field)) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return sp.usageError(QStringLiteral("--field %1: expected NAME=VALUE").arg(assignment));
        values.insert(assignment.left(eq).trimmed(), assignment.mid(eq + 1).trimmed());
    }
    if (p.isSet(issues))
        values.insert(QStringLiteral("issues"), p.value(issues).trimmed());
    if (p.isSet(notes))
        values.insert(QStringLiteral("notes"), p.value(notes).trimmed());
    const bool success = result == QLatin1String("SUCCESS");
    const QDateTime now = QDateTime::currentDateTime();
    return appendPersonCommand(
        QStringLiteral("sign-off"), p.value(journal),
        [who, success, values, now](const RunState &st, qint64 at) {
            return SignOff::plan(st, at, SignOff::command(st.runbook(), who, success, values, now));
        },
        QStringLiteral("sign-off %1").arg(result), who, p.value(run));
}

} // namespace cockpit::cli
