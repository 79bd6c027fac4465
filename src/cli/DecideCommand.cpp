#include "cli/DecideCommand.h"

#include "cli/PersonCommandJournal.h"
#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "engine/RunCommands.h"
#include "engine/RunStatusView.h"

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
    const QString why = p.value(reason);
    std::function<RunCommand(const RunState &, qint64)> make;
    QString what;
    if (p.isSet(gate)) {
        if (p.isSet(pass) == p.isSet(fail))
            return sp.usageError(QStringLiteral("--gate needs --pass or --fail"));
        make = [id = p.value(gate), passes = p.isSet(pass), who, why](const RunState &st, qint64 now) {
            return RunPlanner::decide(st, now, QStringLiteral("gate"), id, passes, who, why);
        };
        what = QStringLiteral("gate %1: %2")
                   .arg(p.value(gate), p.isSet(pass) ? QStringLiteral("pass") : QStringLiteral("fail"));
    } else if (p.isSet(confirm)) {
        make = [id = p.value(confirm), who, why](const RunState &st, qint64 now) {
            return RunPlanner::confirmManualGate(st, now, id, who, why);
        };
        what = QStringLiteral("manual gate %1 confirmed").arg(p.value(confirm));
    } else if (p.isSet(action) || p.isSet(step) || p.isSet(trigger) || p.isSet(schedule)) {
        if (p.isSet(accept) == p.isSet(reject))
            return sp.usageError(QStringLiteral("needs --accept or --reject"));
        const std::pair<QString, QString> item = p.isSet(action)
            ? std::pair(QStringLiteral("action"), p.value(action))
            : p.isSet(step)    ? std::pair(QStringLiteral("rollback_step"), p.value(step))
            : p.isSet(trigger) ? std::pair(QStringLiteral("trigger"), p.value(trigger))
                               : std::pair(QStringLiteral("schedule"), p.value(schedule));
        const QString &kind = item.first;
        const QString &target = item.second;
        make = [kind, target, accepted = p.isSet(accept), who, why](const RunState &st, qint64 now) {
            return RunCommands::decide(st, now, kind, target, accepted, who, why);
        };
        what = QStringLiteral("%1 %2: %3")
                   .arg(kind, target,
                        p.isSet(accept) ? QStringLiteral("accepted") : QStringLiteral("rejected"));
    } else if (p.isSet(promote)) {
        make = [who](const RunState &st, qint64 now) { return RunPlanner::promote(st, now, who); };
        what = QStringLiteral("promoted the running stage");
    } else if (p.isSet(enter)) {
        make = [id = p.value(enter), who](const RunState &st, qint64 now) {
            return RunPlanner::enterStage(st, now, id, who);
        };
        what = QStringLiteral("entered %1").arg(p.value(enter));
    } else if (p.isSet(rollback)) {
        make = [who, why](const RunState &st, qint64 now) {
            return RunPlanner::startRollback(st, now, who, why);
        };
        what = QStringLiteral("rollback started");
    } else {
        return sp.usageError(
            QStringLiteral("nothing to decide: use --gate, --confirm, --action, --rollback-step, --trigger, "
                           "--schedule, --promote, --enter or --rollback"));
    }
    return appendPersonCommand(QStringLiteral("decide"), p.value(journal), make, what, who);
}

} // namespace cockpit::cli
