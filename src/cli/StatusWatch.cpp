#include "cli/StatusWatch.h"

#include "cli/InterruptHandler.h"
#include "core/base/Console.h"
#include "core/base/Duration.h"
#include "engine/Credentials.h"
#include "engine/RunFollower.h"
#include "store/JournalFactory.h"

#include <QCoreApplication>
#include <QDateTime>

namespace cockpit::cli {

QString StatusWatch::line(const RunSnapshot &s, qint64 wallNow)
{
    QString text
        = QStringLiteral("%1 v%2 %3")
              .arg(
                  QDateTime::fromMSecsSinceEpoch(s.wallTakenAt, Qt::UTC).toString(QStringLiteral("HH:mm:ss")))
              .arg(s.version)
              .arg(headlineName(s.headline));
    if (!s.status.stage.isEmpty())
        text += QLatin1Char(' ') + s.status.stage;
    text += QStringLiteral(" seq %1").arg(s.headSeq);
    if (!s.topBlocker.isEmpty())
        text += QStringLiteral(": ") + s.topBlocker;
    if (s.stale)
        text += QStringLiteral(" [STALE: nothing new for %1]")
                    .arg(formatDuration(
                        Milliseconds((std::max<qint64>(0, wallNow - s.lastUpdateWallAt) / 1000) * 1000)));
    if (!s.journalProblem.isEmpty())
        text += QStringLiteral(" [%1]").arg(s.journalProblem);
    return text + QLatin1Char('\n');
}

int StatusWatch::run(const QString &journalSpec, const QString &runId)
{
    RunFollower::Options o;
    o.runId = runId;
    o.openJournal = [journalSpec]() {
        JournalOpenOptions jo;
        jo.password = Credentials::postgresPassword();
        jo.readOnly = !JournalFactory::isPostgres(journalSpec);
        return JournalFactory::open(journalSpec, jo);
    };
    RunFollower follower(o);
    QObject::connect(&follower, &RunFollower::snapshotChanged, &follower, [](const RunSnapshotPtr &s) {
        Console::out(line(*s, QDateTime::currentMSecsSinceEpoch()));
        if (s->headline == Headline::Finished)
            QCoreApplication::exit(0);
    });
    auto started = follower.start();
    if (!started) {
        Console::err(QStringLiteral("status: %1\n").arg(started.error().message));
        return 2;
    }
    if (follower.snapshot()->headline == Headline::Finished)
        return 0; // start() published (and printed) the first snapshot: nothing more will come
    InterruptHandler *ih = InterruptHandler::install();
    QObject::connect(ih, &InterruptHandler::interrupted, &follower, [] { QCoreApplication::exit(0); });
    if (InterruptHandler::wasInterrupted())
        return 0;
    return QCoreApplication::exec();
}

} // namespace cockpit::cli
