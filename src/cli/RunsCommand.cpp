#include "cli/RunsCommand.h"

#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "engine/Credentials.h"
#include "engine/RunHistory.h"
#include "store/JournalFactory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cockpit::cli {

namespace {

QString stamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

int runRunsCommand(const QStringList &args)
{
    SubcommandParser sp(QStringLiteral("runs"), QString(),
                        QStringLiteral("Lists every run in a journal, oldest first: id, runbook, mode, lead, "
                                       "start, end (UTC) and result (completed, aborted, or unfinished)."));
    const QCommandLineOption journal(QStringLiteral("journal"),
                                     QStringLiteral("The journal (SQLite file or postgresql://…; password "
                                                    "from PGPASSWORD)."),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    sp.addOption(journal);
    sp.addOption(json);
    if (auto done = sp.parse(args))
        return *done;
    if (!sp.parser().isSet(journal))
        return sp.usageError(QStringLiteral("--journal is required"));
    JournalOpenOptions o;
    o.password = Credentials::postgresPassword();
    o.readOnly = !JournalFactory::isPostgres(sp.parser().value(journal));
    auto opened = JournalFactory::open(sp.parser().value(journal), o);
    if (!opened) {
        Console::err(QStringLiteral("runs: %1\n").arg(opened.error().message));
        return 2;
    }
    auto events = (*opened)->readAll();
    if (!events) {
        Console::err(QStringLiteral("runs: %1\n").arg(events.error().message));
        return 2;
    }
    const QList<RunSummary> runs = RunHistory::list(*events);
    if (sp.parser().isSet(json)) {
        QJsonArray a;
        for (const RunSummary &s : runs)
            a.append(QJsonObject {{QStringLiteral("id"), s.id},
                                  {QStringLiteral("runbook"), s.runbook},
                                  {QStringLiteral("mode"), s.mode},
                                  {QStringLiteral("lead"), s.lead},
                                  {QStringLiteral("started_at"), stamp(s.startedAt)},
                                  {QStringLiteral("finished_at"),
                                   s.finishedAt ? QJsonValue(stamp(*s.finishedAt)) : QJsonValue()},
                                  {QStringLiteral("result"), s.result()},
                                  {QStringLiteral("runbook_sha256"), s.runbookSha256}});
        Console::out(QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented)));
        return 0;
    }
    if (runs.isEmpty()) {
        Console::out(QStringLiteral("No runs in %1\n").arg((*opened)->location()));
        return 0;
    }
    QString text
        = QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
              .arg(QStringLiteral("ID").leftJustified(28), QStringLiteral("RUNBOOK").leftJustified(24),
                   QStringLiteral("MODE").leftJustified(9), QStringLiteral("LEAD").leftJustified(16),
                   QStringLiteral("START").leftJustified(20), QStringLiteral("END").leftJustified(20),
                   QStringLiteral("RESULT"));
    for (const RunSummary &s : runs)
        text += QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                    .arg(s.id.leftJustified(28), s.runbook.leftJustified(24), s.mode.leftJustified(9),
                         s.lead.leftJustified(16), stamp(s.startedAt).leftJustified(20),
                         (s.finishedAt ? stamp(*s.finishedAt) : QStringLiteral("-")).leftJustified(20),
                         s.result());
    Console::out(text);
    return 0;
}

} // namespace cockpit::cli
