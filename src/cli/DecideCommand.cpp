#include "cli/DecideCommand.h"

#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "engine/Credentials.h"
#include "engine/RunCommands.h"
#include "engine/RunStatusView.h"
#include "store/JournalFactory.h"

#include <QDateTime>

namespace cockpit::cli {

int runDecideCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("decide"), QString(),
        QStringLiteral(
            "Appends a person's decision to a run's journal; the running `run` picks it up.\n"
            "  --gate ID --pass|--fail --reason TEXT     a gate awaiting a decision\n"
            "  --confirm GATE [--reason TEXT]            a manual gate item\n"
            "  --action|--rollback-step|--trigger|--schedule ID --accept|--reject --reason TEXT\n"
            "                                            a failed, manual or interrupted item\n"
            "                                            (trigger: accept = dismiss, reject = roll back;\n"
            "                                            a milestone whose run ended: reject = run it\n"
            "                                            again, accept = take it as it stands / waive\n"
            "                                            its missing min_runs)\n"
            "  --promote | --enter STAGE | --rollback --reason TEXT"));
    const QCommandLineOption journal(QStringLiteral("journal"), QStringLiteral("The run's journal."),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption as(QStringLiteral("as"), QStringLiteral("Your name (required)."),
                                QStringLiteral("NAME"));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("Why."), QStringLiteral("TEXT"));
    const QCommandLineOption gate(QStringLiteral("gate"), QStringLiteral("Gate to decide."),
                                  QStringLiteral("ID"));
    const QCommandLineOption pass(QStringLiteral("pass"), QStringLiteral("The gate passes."));
    const QCommandLineOption fail(QStringLiteral("fail"), QStringLiteral("The gate fails."));
    const QCommandLineOption confirm(QStringLiteral("confirm"), QStringLiteral("Manual gate to confirm."),
                                     QStringLiteral("GATE"));
    const QCommandLineOption action(QStringLiteral("action"), QStringLiteral("Rollout action."),
                                    QStringLiteral("ID"));
    const QCommandLineOption step(QStringLiteral("rollback-step"), QStringLiteral("Rollback step."),
                                  QStringLiteral("ID"));
    const QCommandLineOption trigger(QStringLiteral("trigger"),
                                     QStringLiteral("Trigger asking for a rollback."), QStringLiteral("ID"));
    const QCommandLineOption schedule(QStringLiteral("schedule"), QStringLiteral("Schedule item."),
                                      QStringLiteral("ID"));
    const QCommandLineOption accept(QStringLiteral("accept"), QStringLiteral("Accept (done / dismiss)."));
    const QCommandLineOption reject(QStringLiteral("reject"),
                                    QStringLiteral("Reject (run again / roll back)."));
    const QCommandLineOption promote(QStringLiteral("promote"), QStringLiteral("Promote the running stage."));
    const QCommandLineOption enter(QStringLiteral("enter"),
                                   QStringLiteral("Enter a stage (first stage, or restart)."),
                                   QStringLiteral("STAGE"));
    const QCommandLineOption rollback(QStringLiteral("rollback"), QStringLiteral("Start the rollback now."));
    for (const auto &o : {journal, as, reason, gate, pass, fail, confirm, action, step, trigger, schedule,
                          accept, reject, promote, enter, rollback})
        sp.addOption(o);
    if (auto done = sp.parse(args))
        return *done;
    const QCommandLineParser &p = sp.parser();
    const QString who = p.value(as).trimmed();
    if (!p.isSet(journal) || who.isEmpty())
        return sp.usageError(QStringLiteral("--journal and --as are required"));
    JournalOpenOptions o;
    o.password = Credentials::postgresPassword();
    auto opened = JournalFactory::open(p.value(journal), o);
    if (!opened) {
        Console::err(QStringLiteral("decide: %1\n").arg(opened.error().message));
        return 2;
    }
    auto loaded = RunStatusView::load(**opened);
    if (!loaded) {
        Console::err(QStringLiteral("decide: %1\n").arg(loaded.error()));
        return 2;
    }
    const RunState &st = loaded->state;
    const qint64 now = std::max(QDateTime::currentMSecsSinceEpoch(), st.lastEventAt());
    const QString why = p.value(reason);
    std::optional<RunCommand> cmd;
    QString what;
    if (p.isSet(gate)) {
        if (p.isSet(pass) == p.isSet(fail))
            return sp.usageError(QStringLiteral("--gate needs --pass or --fail"));
        cmd = RunPlanner::decide(st, now, QStringLiteral("gate"), p.value(gate), p.isSet(pass), who, why);
        what = QStringLiteral("gate %1: %2")
                   .arg(p.value(gate), p.isSet(pass) ? QStringLiteral("pass") : QStringLiteral("fail"));
    } else if (p.isSet(confirm)) {
        cmd = RunPlanner::confirmManualGate(st, now, p.value(confirm), who, why);
        what = QStringLiteral("manual gate %1 confirmed").arg(p.value(confirm));
    } else if (p.isSet(action) || p.isSet(step) || p.isSet(trigger) || p.isSet(schedule)) {
        if (p.isSet(accept) == p.isSet(reject))
            return sp.usageError(QStringLiteral("needs --accept or --reject"));
        const auto &[kind, target] = p.isSet(action) ? std::pair(QStringLiteral("action"), p.value(action))
            : p.isSet(step)    ? std::pair(QStringLiteral("rollback_step"), p.value(step))
            : p.isSet(trigger) ? std::pair(QStringLiteral("trigger"), p.value(trigger))
                               : std::pair(QStringLiteral("schedule"), p.value(schedule));
        cmd = RunCommands::decide(st, now, kind, target, p.isSet(accept), who, why);
        what = QStringLiteral("%1 %2: %3")
                   .arg(kind, target,
                        p.isSet(accept) ? QStringLiteral("accepted") : QStringLiteral("rejected"));
    } else if (p.isSet(promote)) {
        cmd = RunPlanner::promote(st, now, who);
        what = QStringLiteral("promoted %1").arg(st.stage().id);
    } else if (p.isSet(enter)) {
        cmd = RunPlanner::enterStage(st, now, p.value(enter), who);
        what = QStringLiteral("entered %1").arg(p.value(enter));
    } else if (p.isSet(rollback)) {
        cmd = RunPlanner::startRollback(st, now, who, why);
        what = QStringLiteral("rollback started");
    } else {
        return sp.usageError(
            QStringLiteral("nothing to decide: use --gate, --confirm, --action, --rollback-step, --trigger, "
                           "--schedule, --promote, --enter or --rollback"));
    }
    if (!*cmd) {
        Console::err(QStringLiteral("decide: refused: %1\n").arg(cmd->error().message));
        for (const QString &r : cmd->error().reasons)
            Console::err(QStringLiteral("  - %1\n").arg(r));
        return 1;
    }
    for (const JournalEventDraft &d : **cmd)
        if (auto r = (*opened)->append(d); !r) {
            Console::err(QStringLiteral("decide: %1\n").arg(r.error().message));
            return 2;
        }
    Console::out(QStringLiteral("Recorded: %1 (by %2).\n").arg(what, who));
    return 0;
}

} // namespace cockpit::cli
