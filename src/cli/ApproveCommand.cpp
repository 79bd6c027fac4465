#include "cli/ApproveCommand.h"

#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "engine/Credentials.h"
#include "engine/RunStatusView.h"
#include "store/JournalFactory.h"

#include <QDateTime>

namespace cockpit::cli {

int runApproveCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("approve"), QString(),
        QStringLiteral("Records your approval of the promotion out of the running stage (the second "
                       "approver of a stage marked second_approver). The running `run` picks it up."));
    const QCommandLineOption journal(QStringLiteral("journal"), QStringLiteral("The run's journal."),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption as(QStringLiteral("as"), QStringLiteral("Your name (required)."),
                                QStringLiteral("NAME"));
    const QCommandLineOption statement(QStringLiteral("statement"),
                                       QStringLiteral("What you approve, in your words."),
                                       QStringLiteral("TEXT"));
    sp.addOption(journal);
    sp.addOption(as);
    sp.addOption(statement);
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
    auto loaded = RunStatusView::load(**opened);
    if (!loaded) {
        Console::err(QStringLiteral("approve: %1\n").arg(loaded.error()));
        return 2;
    }
    const qint64 now = std::max(QDateTime::currentMSecsSinceEpoch(), loaded->state.lastEventAt());
    const auto cmd = RunPlanner::approvePromotion(loaded->state, now, sp.parser().value(as).trimmed(),
                                                  sp.parser().value(statement));
    if (!cmd) {
        Console::err(QStringLiteral("approve: refused: %1\n").arg(cmd.error().message));
        return 1;
    }
    for (const JournalEventDraft &d : *cmd)
        if (auto r = (*opened)->append(d); !r) {
            Console::err(QStringLiteral("approve: %1\n").arg(r.error().message));
            return 2;
        }
    Console::out(QStringLiteral("Approved the promotion out of %1 as %2.\n")
                     .arg(loaded->state.stage().id, sp.parser().value(as).trimmed()));
    return 0;
}

} // namespace cockpit::cli
