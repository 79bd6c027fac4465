#include "cli/StatusCommand.h"

#include "cli/StatusWatch.h"
#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "engine/Credentials.h"
#include "engine/RunCommands.h"
#include "engine/RunStatusView.h"
#include "store/JournalFactory.h"

#include <QDateTime>
#include <QJsonDocument>

namespace cockpit::cli {

int runStatusCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("status"), QString(),
        QStringLiteral("Shows where a run stands, read from its journal: stage, soak remaining, gates, "
                       "pending decisions, rollback clock, point of no return."));
    const QCommandLineOption journal(QStringLiteral("journal"),
                                     QStringLiteral("The run's journal (SQLite file or postgresql://…)."),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("Run id (default: the unfinished run, else the newest)."),
                                 QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption watch(
        QStringLiteral("watch"),
        QStringLiteral("Follow the run: one line per change (live through LISTEN/NOTIFY "
                       "on PostgreSQL, file watching on SQLite), STALE when nothing "
                       "new comes; ends when the run finishes."));
    sp.addOption(journal);
    sp.addOption(run);
    sp.addOption(json);
    sp.addOption(watch);
    if (auto done = sp.parse(args))
        return *done;
    if (!sp.parser().isSet(journal))
        return sp.usageError(QStringLiteral("--journal is required"));
    if (sp.parser().isSet(watch)) {
        if (sp.parser().isSet(json))
            return sp.usageError(QStringLiteral("--watch prints lines, not JSON"));
        return StatusWatch::run(sp.parser().value(journal), sp.parser().value(run));
    }
    JournalOpenOptions o;
    o.password = Credentials::postgresPassword();
    o.readOnly = !JournalFactory::isPostgres(sp.parser().value(journal));
    auto opened = JournalFactory::open(sp.parser().value(journal), o);
    if (!opened) {
        Console::err(QStringLiteral("status: %1\n").arg(opened.error().message));
        return 2;
    }
    auto loaded = RunStatusView::load(**opened, sp.parser().value(run));
    if (!loaded) {
        Console::err(QStringLiteral("status: %1\n").arg(loaded.error()));
        return 2;
    }
    // Time of the run: never before its last event (an accelerated rehearsal runs ahead of the wall clock).
    const qint64 now = std::max(QDateTime::currentMSecsSinceEpoch(), loaded->state.lastEventAt());
    RunStatus s = RunPlanner::status(loaded->state, now);
    s.pending += RunCommands::startedWithoutResult(loaded->state);
    if (sp.parser().isSet(json))
        Console::out(QString::fromUtf8(
            QJsonDocument(RunStatusView::toJson(loaded->state, s, now)).toJson(QJsonDocument::Indented)));
    else
        Console::out(RunStatusView::toText(loaded->state, s, now));
    return 0;
}

} // namespace cockpit::cli
