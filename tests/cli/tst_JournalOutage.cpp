// A journal outage is not the end of the run (real binary): the shared journal lives on a private PostgreSQL
// cluster that the test stops mid-soak and starts again. Meanwhile `run` says "journal unreachable since …",
// keeps sampling (the metric database stays up) into its local outbox, promotes when the gate passes and
// holds the next stage's write; when the journal is back the outbox is flushed in order, the chain verifies,
// and only then is the write journaled as started and sent, once.

#include "core/journal/JournalEvent.h"
#include "demo/LocalPostgres.h"
#include "demo/LoopbackHttpServer.h"
#include "store/JournalFactory.h"
#include "store/PostgresJournal.h"
#include "support/CliProcess.h"
#include "support/TestPostgres.h"

#include <QAtomicInt>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <csignal>

using namespace cockpit;
using namespace cockpit::test;

class tst_JournalOutage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QList<JournalEvent> all(const QString &spec)
    {
        auto j = JournalFactory::open(spec);
        if (!j)
            return {};
        auto events = (*j)->readAll();
        return events ? *events : QList<JournalEvent> {};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void stoppedAndStartedMidSoak()
    {
        auto metrics = TestPostgres::databaseFromEnv(
            QStringLiteral("outage"),
            QStringLiteral("CREATE TABLE m (v double precision); INSERT INTO m VALUES (50);"
                           "GRANT SELECT ON m TO PUBLIC;"));
        QVERIFY2(metrics.has_value(), metrics ? "" : qPrintable(metrics.error().message));
        auto journalPg = LocalPostgres::start({}); // its own cluster: the fixture's serves other tests

        QVERIFY2(journalPg.has_value(), journalPg ? "" : qPrintable(journalPg.error().message));
        LocalPostgres &jpg = **journalPg;
        QVERIFY(jpg.createDatabase(QStringLiteral("journal")).has_value());
        const QString journal
            = QStringLiteral("postgresql://postgres@127.0.0.1:%1/journal?sslmode=verify-full&"
                             "sslrootcert=%2")
                  .arg(jpg.port())
                  .arg(jpg.caFile());
        {
            auto j = PostgresJournal::open(*PostgresJournalSpec::parse(journal), {});
            QVERIFY2(j.has_value(), j ? "" : qPrintable(j.error().message));
            QVERIFY((*j)->init(QStringLiteral("outage_viewer"), "viewer-pw").has_value());
        }

        LoopbackHttpServer flags;
        QAtomicInt puts;
        flags.route("PUT", "/rollout", [&](const LoopbackRequest &) {
            puts.fetchAndAddOrdered(1);
            return LoopbackResponse::json(200, "{}");
        });
        QVERIFY(flags.startInThread());

        const TestPostgres &pg = metrics->pg;
        const QString runbook = m_dir.filePath(QStringLiteral("outage.yaml"));
        {
            QFile f(runbook);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("runbook: 1\n"
                                   "name: journal outage\n"
                                   "connections:\n"
                                   "  app_db: {postgres: {host: \"%1\", port: %2, database: \"%3\", user: "
                                   "\"%4\", ca_file: \"%5\"}}\n"
                                   "  flags: {http: {base_url: \"%6\"}}\n"
                                   "metrics:\n"
                                   "  v: {connection: app_db, every: 1s, query: \"SELECT v FROM m\"}\n"
                                   "stages:\n"
                                   "  - id: one\n"
                                   "    soak: 1s\n"
                                   "    gates: [{id: v-one, expect: \"v >= 95\", hold: 0s}]\n"
                                   "  - id: two\n"
                                   "    rollout:\n"
                                   "      - {id: set-two, http: {connection: flags, method: PUT, path: "
                                   "/rollout, json: {percent: 100}},"
                                   " writes: true}\n"
                                   "    soak: 1s\n"
                                   "    gates: [{id: v-two, expect: \"v >= 95\", hold: 0s}]\n")
                        .arg(pg.host())
                        .arg(pg.port())
                        .arg(metrics->name, pg.superuser(), pg.caFile(),
                             flags.url(QStringLiteral("/")).toString())
                        .toUtf8());
        }

        QProcess lead;
        lead.setProcessChannelMode(QProcess::MergedChannels);
        startCockpit(
            lead,
            {"run", runbook, "--mode", "rehearsal", "--journal", journal, "--as", "Dana Weber", "--yes"},
            {{QStringLiteral("COCKPIT_OUTBOX_DIR"), m_dir.filePath(QStringLiteral("outbox"))}});
        QVERIFY(lead.waitForStarted());
        lead.closeWriteChannel();
        QByteArray out;
        auto cleanup = qScopeGuard([&] {
            if (lead.state() != QProcess::NotRunning) {
                ::kill(pid_t(lead.processId()), SIGTERM);
                lead.waitForFinished(20000);
            }
        });
        // Stage one soaks on a failing gate (v = 50): the run samples and waits.
        QTRY_VERIFY_WITH_TIMEOUT((out += lead.readAll()).contains("== stage one"), 30000);
        const auto sampled = [&] {
            const QList<JournalEvent> e = all(journal);
            return std::count_if(e.cbegin(), e.cend(), [](const JournalEvent &x) {
                return x.type() == JournalEventType::SampleTaken;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(sampled() >= 1, 30000);

        // The journal goes away; the metric comes good meanwhile, so the run promotes during the outage.
        QVERIFY(jpg.pause().has_value());
        QTRY_VERIFY_WITH_TIMEOUT((out += lead.readAll()).contains("journal unreachable since"), 60000);
        QVERIFY(pg.exec(metrics->name, QStringLiteral("UPDATE m SET v = 99")).has_value());
        QTRY_VERIFY_WITH_TIMEOUT((out += lead.readAll()).contains("== stage two"), 60000);
        QTRY_VERIFY_WITH_TIMEOUT((out += lead.readAll()).contains("held while the journal is unreachable"),
                                 60000);
        QVERIFY2(out.contains("set-two"), out.constData());
        QCOMPARE(puts.loadAcquire(), 0); // nothing runs unjournaled
        QVERIFY2(lead.state() == QProcess::Running, out.constData());

        // Back: the outbox is flushed in order, the write starts, the run finishes.
        QVERIFY(jpg.resume().has_value());
        QTRY_VERIFY_WITH_TIMEOUT((out += lead.readAll()).contains("journal reachable again"), 90000);
        QTRY_COMPARE_WITH_TIMEOUT(puts.loadAcquire(), 1, 60000);
        QVERIFY2(lead.waitForFinished(60000), out.constData());
        out += lead.readAll();
        QVERIFY2(lead.exitCode() == 0, out.constData());
        QCOMPARE(puts.loadAcquire(), 1);

        const CliRun verified = runCockpit({"journal", "verify", "--journal", journal});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.describe()));
        const QList<JournalEvent> events = all(journal);
        qint64 seq = 0;
        qint64 back = 0;
        qint64 entered = 0;
        qint64 started = 0;
        for (const JournalEvent &e : events) {
            QCOMPARE(e.seq(), seq + 1); // no gap, no duplicate
            seq = e.seq();
            const QJsonObject &p = e.payload();
            if (e.type() == JournalEventType::Note
                && p.value(QLatin1String("text"))
                       .toString()
                       .startsWith(QLatin1String("journal reachable again")))
                back = e.seq();
            if (e.type() == JournalEventType::StageEntered
                && p.value(QLatin1String("stage")).toString() == u"two")
                entered = e.seq();
            if (e.type() == JournalEventType::ActionRun
                && p.value(QLatin1String("action")).toString() == u"set-two"
                && p.value(QLatin1String("status")).toString() == u"started")
                started = e.seq();
        }
        QVERIFY2(entered > 0 && back > entered && started > back,
                 qPrintable(QStringLiteral("stage two at %1, back at %2, write started at %3")
                                .arg(entered)
                                .arg(back)
                                .arg(started)));
    }
};

QTEST_GUILESS_MAIN(tst_JournalOutage)
#include "tst_JournalOutage.moc"
