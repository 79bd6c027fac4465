// The real binary in each run mode (issue "A run you can rely on": rehearsal, dry run and live are defined):
// a dry run makes every read and no write, each write shown and journaled as what it would send; a
// rehearsal uses the runbook's rehearsal parameters and refuses to write to a connection marked
// production; every output line names the mode. Two loopback services stand for production and staging.

#include "core/journal/JournalEvent.h"
#include "demo/LoopbackHttpServer.h"
#include "store/JournalFactory.h"
#include "support/CliProcess.h"

#include <QFile>
#include <QJsonObject>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

namespace {

// What one loopback service was sent, by method and path.
struct Seen
{
    QMutex mutex;
    QStringList requests;

    void add(const LoopbackRequest &r)
    {
        const QMutexLocker lock(&mutex);
        requests << QString::fromLatin1(r.method + ' ' + r.path + ' ' + r.body);
    }
    QStringList all()
    {
        const QMutexLocker lock(&mutex);
        return requests;
    }
    int count(const QString &start)
    {
        int n = 0;
        for (const QString &r : all())
            n += r.startsWith(start) ? 1 : 0;
        return n;
    }
};

void serve(LoopbackHttpServer &server, Seen *seen)
{
    server.setFallback([seen](const LoopbackRequest &r) {
        seen->add(r);
        return LoopbackResponse::json(200, R"({"status":"healthy"})");
    });
}

} // namespace

class tst_RunModes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    LoopbackHttpServer m_production;
    LoopbackHttpServer m_staging;
    Seen m_prodSeen;
    Seen m_stagingSeen;
    int m_files = 0;

    // A one-stage runbook: a PUT to the api (production unless its rehearsal parameters say otherwise),
    // an UPDATE on a writable SQLite database, a command that creates a file, a read-only check of the api
    // and a metric read from the database.
    QString writeRunbook()
    {
        const QString dir = m_dir.filePath(QStringLiteral("case%1").arg(++m_files));
        QDir().mkpath(dir);
        const QString db = dir + QStringLiteral("/app.db");
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
            c.setDatabaseName(db);
            if (!c.open())
                return {};
            QSqlQuery q(c);
            q.exec(QStringLiteral("CREATE TABLE flags (name TEXT PRIMARY KEY, percent INTEGER)"));
            q.exec(QStringLiteral("INSERT INTO flags VALUES ('v2', 0)"));
            c.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("setup"));
        const QString path = dir + QStringLiteral("/modes.yaml");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QStringLiteral(R"(runbook: 1
name: modes %1
params:
  api_url: {default: "%2", rehearsal: "%3"}
  api_production: {default: true, rehearsal: false}
connections:
  api:
    production: ${api_production}
    http: {base_url: "${api_url}"}
  app_db: {writable: true, sqlite: {path: "%4"}}
metrics:
  percent: {connection: app_db, every: 5s, query: "SELECT percent FROM flags WHERE name = 'v2'"}
stages:
  - id: canary
    soak: 0s
    rollout:
      - {id: set-10, http: {connection: api, method: PUT, path: /rollout, json: {percent: 10}}, writes: true}
      - {id: flag-10, sql: {connection: app_db, statement: "UPDATE flags SET percent = 10 WHERE name = 'v2'"}}
      - {id: mark, command: {argv: [touch, "%5"]}}
    verify:
      - {id: api-health, http: {connection: api, path: /health}, expect: ["[STATUS] == 200"]}
    gates:
      - {id: percent-known, expect: "percent >= 0", hold: 0s}
)")
                    .arg(m_files)
                    .arg(m_production.url(QStringLiteral("/")).toString(),
                         m_staging.url(QStringLiteral("/")).toString(), db, dir + QStringLiteral("/marked"))
                    .toUtf8());
        return path;
    }

    static CliRun run(const QString &runbook, const QString &mode, const QStringList &extra = {})
    {
        return runCockpit(QStringList {QStringLiteral("run"), runbook, QStringLiteral("--mode"), mode,
                                       QStringLiteral("--journal"), runbook + QStringLiteral(".journal"),
                                       QStringLiteral("--as"), QStringLiteral("Dana Weber"),
                                       QStringLiteral("--yes")}
                              + extra,
                          {}, 120000);
    }

    static int percentIn(const QString &runbook)
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        c.setDatabaseName(QFileInfo(runbook).dir().filePath(QStringLiteral("app.db")));
        int v = -1;
        if (c.open()) {
            QSqlQuery q(QStringLiteral("SELECT percent FROM flags"), c);
            if (q.next())
                v = q.value(0).toInt();
            c.close();
        }
        c = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        return v;
    }

    static QList<JournalEvent> journal(const QString &runbook)
    {
        auto j = JournalFactory::open(runbook + QStringLiteral(".journal"));
        if (!j)
            return {};
        auto events = (*j)->readAll();
        return events ? *events : QList<JournalEvent> {};
    }

    // Every non-empty line of the run's output (stdout and stderr) starts with the mode.
    static bool everyLineSays(const CliRun &r, const QString &prefix)
    {
        for (const QByteArray &stream : {r.out, r.err})
            for (const QString &line : QString::fromUtf8(stream).split(QLatin1Char('\n')))
                if (!line.isEmpty() && !line.startsWith(prefix))
                    return false;
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        serve(m_production, &m_prodSeen);
        serve(m_staging, &m_stagingSeen);
        QVERIFY(m_production.startInThread());
        QVERIFY(m_staging.startInThread());
    }

    void dryRunReadsEverythingAndWritesNothing()
    {
        const QString rb = writeRunbook();
        const int putsBefore = m_prodSeen.count(QStringLiteral("PUT"));
        const int getsBefore = m_prodSeen.count(QStringLiteral("GET /health"));
        const CliRun r = run(rb, QStringLiteral("dry-run"));
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.describe()));
        QVERIFY2(everyLineSays(r, QStringLiteral("[DRY RUN] ")), qPrintable(r.describe()));
        // Each write shown as what it would send, none sent.
        const QByteArray put = "action set-10: not sent (dry run), would PUT "
            + m_production.url().toString().toUtf8() + "rollout {\"percent\":10}";
        QVERIFY2(r.out.contains(put), qPrintable(r.describe()));
        QVERIFY2(r.out.contains("action flag-10: not sent (dry run), would SQL on app_db: UPDATE flags"),
                 qPrintable(r.describe()));
        QVERIFY2(r.out.contains("action mark: not sent (dry run), would run touch"),
                 qPrintable(r.describe()));
        QCOMPARE(m_prodSeen.count(QStringLiteral("PUT")), putsBefore);
        QCOMPARE(percentIn(rb), 0);
        QVERIFY(!QFile::exists(QFileInfo(rb).dir().filePath(QStringLiteral("marked"))));
        // Every read made: the verify check reached production, the metric was sampled.
        QVERIFY(m_prodSeen.count(QStringLiteral("GET /health")) > getsBefore);
        QVERIFY2(r.out.contains("Run finished: completed"), qPrintable(r.describe()));
        // The journal says what would have been sent, and that the run was a dry run.
        int dry = 0;
        for (const JournalEvent &e : journal(rb)) {
            if (e.type() == JournalEventType::RunStarted)
                QCOMPARE(e.payload().value(QLatin1String("mode")).toString(), QStringLiteral("dry-run"));
            const QJsonObject d = e.payload().value(QLatin1String("detail")).toObject();
            if (e.type() == JournalEventType::ActionRun && d.value(QLatin1String("dry_run")).toBool()) {
                ++dry;
                QVERIFY(!d.value(QLatin1String("would")).toObject().isEmpty());
            }
        }
        QCOMPARE(dry, 3);
    }

    void rehearsalUsesItsParametersAndNeverTouchesProduction()
    {
        const QString rb = writeRunbook();
        const int prodBefore = int(m_prodSeen.all().size());
        const int stagingPuts = m_stagingSeen.count(QStringLiteral("PUT /rollout"));
        const CliRun r = run(rb, QStringLiteral("rehearsal"));
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.describe()));
        QVERIFY2(everyLineSays(r, QStringLiteral("[REHEARSAL] ")), qPrintable(r.describe()));
        QVERIFY2(r.out.contains("rehearsal parameters: api_url, api_production"), qPrintable(r.describe()));
        QCOMPARE(m_stagingSeen.count(QStringLiteral("PUT /rollout")), stagingPuts + 1);
        QCOMPARE(int(m_prodSeen.all().size()), prodBefore); // not even a read
        QCOMPARE(percentIn(rb), 10); // the rehearsal database is not production: written
    }

    void rehearsalPointedAtProductionIsRefusedBeforeItStarts()
    {
        const QString rb = writeRunbook();
        const int prodBefore = int(m_prodSeen.all().size());
        const CliRun r = run(rb, QStringLiteral("rehearsal"),
                             {QStringLiteral("--param"), QStringLiteral("api_production=true")});
        QVERIFY2(r.exitCode == 2 && !r.crashed, qPrintable(r.describe()));
        QVERIFY2(r.err.contains("a rehearsal never writes to production"), qPrintable(r.describe()));
        QVERIFY2(r.err.contains("stage canary: set-10 writes to api"), qPrintable(r.describe()));
        QCOMPARE(int(m_prodSeen.all().size()), prodBefore);
        QCOMPARE(percentIn(rb), 0);
        QVERIFY(journal(rb).isEmpty() || journal(rb).constFirst().type() != JournalEventType::RunStarted);
    }

    void liveIsLiveAndSaysSo()
    {
        const QString rb = writeRunbook();
        const int putsBefore = m_prodSeen.count(QStringLiteral("PUT /rollout"));
        const CliRun r = run(rb, QStringLiteral("live"));
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.describe()));
        QVERIFY2(everyLineSays(r, QStringLiteral("[LIVE] ")), qPrintable(r.describe()));
        QCOMPARE(m_prodSeen.count(QStringLiteral("PUT /rollout")), putsBefore + 1);
        QCOMPARE(percentIn(rb), 10);
        QVERIFY(QFile::exists(QFileInfo(rb).dir().filePath(QStringLiteral("marked"))));
    }
};

QTEST_GUILESS_MAIN(tst_RunModes)
#include "tst_RunModes.moc"
