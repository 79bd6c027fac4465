#include "cli/ApproveCommand.h"

#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "engine/Credentials.h"
#include "engine/NoGoOverride.h"
#include "engine/RunStatusView.h"
#include "store/JournalFactory.h"

#include <QDateTime>

namespace cockpit::cli {

int runApproveCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("approve"), QString(),
        QStringLiteral("Records your approval of the promotion out of the running stage (the second "
                       "approver of a stage marked second_approver). The running `run` picks it up.\n"
                       "With --no-go-override: your approval, as the second person, of a NO-GO override "
                       "waiting for one (a runbook with go_no_go.second_approver); the override's author "
                       "cannot approve it. Exit 0 recorded, 1 refused, 2 usage or journal error."));
    const QCommandLineOption journal(QStringLiteral("journal"), QStringLiteral("The run's journal."),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption as(QStringLiteral("as"), QStringLiteral("Your name (required)."),
                                QStringLiteral("NAME"));
    const QCommandLineOption statement(QStringLiteral("statement"),
                                       QStringLiteral("What you approve, in your words."),
                                       QStringLiteral("TEXT"));
    sp.addOption(journal);
    sp.addOption(as);
    const QCommandLineOption noGo(QStringLiteral("no-go-override"),
                                  QStringLiteral("Approve the pending override of the run's NO-GO."));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("The run (default: the newest unfinished)."),
                                 QStringLiteral("ID"));
    sp.addOption(statement);
    sp.addOption(noGo);
    sp.addOption(run);
    if (auto done = sp.parse(args))
        return *done;
    if (!sp.parser().isSet(journal) || sp.parser().value(as).trimmed().isEmpty())
        return sp.usageError(QStringLiteral("--journal and --as are required"));
    JournalOpenOptions o;
    o.password = Credentials::postgresPassword();
    auto opened = JournalFactory::open(sp.parser().value(journal), o);
    if (!opened) {
        Console::err(QStringLiteral("approve: %1\n").arg(opened.error().message));
        return 2;
    }
    auto loaded = RunStatusView::load(**opened, sp.parser().value(run));
    if (!loaded) {
        Console::err(QStringLiteral("approve: %1\n").arg(loaded.error()));
        return 2;
    }
    const qint64 now = std::max(QDateTime::currentMSecsSinceEpoch(), loaded->state.lastEventAt());
    const QString who = sp.parser().value(as).trimmed();
    const bool ofOverride = sp.parser().isSet(noGo);
    QList<JournalEvent> runEvents;
    for (const JournalEvent &e : std::as_const(loaded->events))
        if (e.runId() == loaded->runId)
            runEvents.append(e);
    const auto cmd = ofOverride
        ? NoGoOverride::approve(runEvents, loaded->runId, now, who, sp.parser().value(statement))
        : RunPlanner::approvePromotion(loaded->state, now, who, sp.parser().value(statement));
    if (!cmd) {
        Console::err(QStringLiteral("approve: refused: %1\n").arg(cmd.error().message));
        for (const QString &r : cmd.error().reasons)
            Console::err(QStringLiteral("  - %1\n").arg(r));
        return 1;
    }
    for (const JournalEventDraft &d : *cmd)
        if (auto r = (*opened)->append(d); !r) {
            Console::err(QStringLiteral("approve: %1\n").arg(r.error().message));
            return 2;
        }
    if (ofOverride)
        Console::out(QStringLiteral("Approved the NO-GO override of run %1 as %2 (journaled); the run starts "
                                    "when its lead runs it again with the same --override-no-go.\n")
                         .arg(loaded->runId, who));
    else
        Console::out(
            QStringLiteral("Approved the promotion out of %1 as %2.\n").arg(loaded->state.stage().id, who));
    return 0;
}

} // namespace cockpit::cli
