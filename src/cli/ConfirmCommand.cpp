#include "cli/ConfirmCommand.h"

#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "core/base/JsonFields.h"
#include "core/journal/RunEvents.h"
#include "engine/Credentials.h"
#include "engine/NoGoOverride.h"
#include "engine/RunStatusView.h"
#include "store/JournalFactory.h"

#include <QDateTime>
#include <QFile>
#include <algorithm>
#include <unistd.h>

namespace cockpit::cli {

namespace {

struct PendingWrite
{
    qint64 seq = 0; // of the write_pending note
    qint64 at = 0;
    QString action;
    QString stage;
    QString phase;
    QString what; // as journaled: masked
};

// Writes the run asked to have confirmed and that neither started nor were confirmed since, oldest first.
QList<PendingWrite> pendingWrites(const QList<JournalEvent> &events, const QString &runId)
{
    QList<PendingWrite> pending;
    for (const JournalEvent &e : events) {
        if (e.runId() != runId)
            continue;
        const QJsonObject &p = e.payload();
        const auto drop = [&pending](auto pred) {
            pending.erase(std::remove_if(pending.begin(), pending.end(), pred), pending.end());
        };
        if (e.type() == JournalEventType::Note && jsonText(p, "kind") == QLatin1String("write_pending")) {
            const QString action = jsonText(p, "action");
            drop([&](const PendingWrite &w) { return w.action == action; }); // asked again: the newest counts
            pending.append({e.seq(), e.at(), action, jsonText(p, "stage"), jsonText(p, "phase"),
                            jsonText(p, "would_text")});
        } else if (e.type() == JournalEventType::Approval
                   && jsonText(p, "kind") == QLatin1String("confirm_write")) {
            const qint64 seq = qint64(p.value(QLatin1String("pending_seq")).toDouble());
            drop([&](const PendingWrite &w) { return w.seq == seq; });
        } else if ((e.type() == JournalEventType::ActionRun || e.type() == JournalEventType::RollbackStep)
                   && jsonText(p, "status") == QLatin1String("started")) {
            const QString id
                = e.type() == JournalEventType::ActionRun ? jsonText(p, "action") : jsonText(p, "step");
            drop([&](const PendingWrite &w) { return w.action == id; });
        } else if (e.type() == JournalEventType::RunFinished) {
            pending.clear();
        }
    }
    return pending;
}

QString pendingWriteText(const PendingWrite &w)
{
    QString where = w.stage.isEmpty() ? w.phase : QStringLiteral("%1 %2").arg(w.phase, w.stage);
    return QStringLiteral("%1 (%2, asked %3):\n    %4\n")
        .arg(w.action, where,
             QDateTime::fromMSecsSinceEpoch(w.at, Qt::UTC)
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
             w.what);
}

QString answerFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(in.readLine()).trimmed().toLower();
}

} // namespace

int runConfirmCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("confirm"), QStringLiteral("[ACTION]"),
        QStringLiteral(
            "Without ACTION: lists the writes the run waits to have confirmed, each with exactly what "
            "it will do (method, URL and body; the SQL; the command line), secrets masked.\n"
            "With ACTION: the run's lead confirms that write from this terminal (asked again here "
            "unless --yes). The confirmation is journaled and the process that holds the run's lease "
            "performs the write; this command never performs anything itself.\n"
            "Exit: 0 listed or confirmed; 1 refused (nothing waits under that name, not the run's "
            "lead, answered no, nothing waits); 2 usage or journal error (a viewer's role may not "
            "write)."));
    const QCommandLineOption journal(QStringLiteral("journal"), QStringLiteral("The run's journal."),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("The run (default: the newest unfinished, else the newest)."),
                                 QStringLiteral("ID"));
    const QCommandLineOption as(QStringLiteral("as"), QStringLiteral("Your name (required to confirm)."),
                                QStringLiteral("NAME"));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("Do not ask again here."));
    for (const auto &o : {journal, run, as, yes})
        sp.addOption(o);
    if (auto done = sp.parse(args))
        return *done;
    const QCommandLineParser &p = sp.parser();
    const QStringList pos = p.positionalArguments();
    if (!p.isSet(journal) || pos.size() > 1)
        return sp.usageError(QStringLiteral("expected: confirm --journal SPEC [ACTION --as NAME]"));
    const QString who = p.value(as).trimmed();
    if (pos.size() == 1 && who.isEmpty())
        return sp.usageError(QStringLiteral("confirming a write needs --as NAME"));
    JournalOpenOptions o;
    o.password = Credentials::postgresPassword();
    auto opened = JournalFactory::open(p.value(journal), o);
    if (!opened) {
        Console::err(QStringLiteral("confirm: %1\n").arg(opened.error().message));
        return 2;
    }
    auto loaded = RunStatusView::load(**opened, p.value(run));
    if (!loaded) {
        Console::err(QStringLiteral("confirm: %1\n").arg(loaded.error()));
        return 2;
    }
    const QList<PendingWrite> pending = pendingWrites(loaded->events, loaded->runId);
    if (pos.isEmpty()) {
        if (pending.isEmpty()) {
            Console::out(QStringLiteral("Run %1 waits for no write to be confirmed.\n").arg(loaded->runId));
            return 1;
        }
        Console::out(QStringLiteral("Run %1 (%2) waits for these writes to be confirmed:\n")
                         .arg(loaded->runId, runModeName(loaded->state.mode())));
        for (const PendingWrite &w : pending)
            Console::out(QStringLiteral("  ") + pendingWriteText(w));
        Console::out(
            QStringLiteral(
                "Confirm one as the run's lead: cutover-cockpit confirm --journal %1 ACTION --as NAME\n")
                .arg(p.value(journal)));
        return 0;
    }
    const QString &action = pos.first();
    const auto it = std::find_if(pending.cbegin(), pending.cend(),
                                 [&](const PendingWrite &w) { return w.action == action; });
    if (it == pending.cend()) {
        QStringList names;
        for (const PendingWrite &w : pending)
            names << w.action;
        Console::err(QStringLiteral("confirm: refused: no write %1 waits for confirmation in run %2%3\n")
                         .arg(action, loaded->runId,
                              names.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" (waiting: %1)").arg(names.join(QStringLiteral(", ")))));
        return 1;
    }
    // Writes are confirmed by the person leading the run, wherever they sit (one writer, one lead).
    if (!NoGoOverride::samePerson(who, loaded->state.lead())) {
        Console::err(
            QStringLiteral("confirm: refused: only the run's lead (%1) confirms its writes, not %2\n")
                .arg(loaded->state.lead(), who));
        return 1;
    }
    Console::out(QStringLiteral("[%1] The write ").arg(runModeName(loaded->state.mode()).toUpper())
                 + pendingWriteText(*it));
    if (!p.isSet(yes)) {
        Console::out(QStringLiteral("Confirm this write as %1? [y/N] ").arg(who));
        const QString answer = answerFromStdin();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
            Console::err(QStringLiteral("confirm: not confirmed\n"));
            return 1;
        }
    }
    const qint64 now = std::max(QDateTime::currentMSecsSinceEpoch(), loaded->state.lastEventAt());
    JournalEventDraft d
        = RunEvents::approval(loaded->runId, now, who, it->stage, QStringLiteral("confirm_write"), QString(),
                              QStringLiteral("confirmed from another terminal"));
    d.payload.insert(QStringLiteral("action"), it->action);
    d.payload.insert(QStringLiteral("pending_seq"), double(it->seq));
    d.payload.insert(QStringLiteral("would_text"), it->what);
    if (auto r = (*opened)->append(d); !r) {
        Console::err(QStringLiteral("confirm: %1\n").arg(r.error().message));
        return 2;
    }
    Console::out(
        QStringLiteral("Confirmed: write %1 (by %2, journaled); the process that holds the run's lease "
                       "performs it.\n")
            .arg(it->action, who));
    return 0;
}

} // namespace cockpit::cli
