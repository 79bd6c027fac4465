// `cutover-cockpit reconcile` end to end: the real binary against the `postgres` fixture. Exit codes,
// the differing keys on stdout, the JSON report, the artifacts with their SHA-256 manifest, and --fix.
#include "store/JournalFactory.h"
#include "support/CliProcess.h"
#include "support/ExpectValue.h"
#include "support/TestPostgres.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

class tst_ReconcileCommand : public QObject
{
    Q_OBJECT

private:
    std::optional<TestPostgres> m_pg;
    QString m_src;
    QString m_dst;
    QTemporaryDir m_dir;
    QString m_runbook;

    static QList<JournalEvent> events(const QString &spec)
    {
        auto j = JournalFactory::open(spec);
        if (!j)
            return {};
        auto all = (*j)->readAll();
        return all ? *all : QList<JournalEvent> {};
    }
    // "status" of each reconciliation event of `id`, in journal order.
    static QStringList statuses(const QList<JournalEvent> &events, const QString &id)
    {
        QStringList out;
        for (const JournalEvent &e : events)
            if (e.type() == JournalEventType::Reconciliation
                && e.payload().value(QLatin1String("reconciliation")).toString() == id)
                out << e.payload().value(QLatin1String("status")).toString();
        return out;
    }
    static QJsonObject finishedOf(const QList<JournalEvent> &events, const QString &id)
    {
        for (const JournalEvent &e : events)
            if (e.payload().value(QLatin1String("reconciliation")).toString() == id
                && e.payload().value(QLatin1String("status")).toString() == u"finished")
                return e.payload();
        return {};
    }

    QMap<QString, QString> env() const
    {
        return {{QStringLiteral("HOME"), m_dir.path()},
                {QStringLiteral("COCKPIT_SECRET_DB_PW"), QString::fromUtf8(m_pg->appPassword())}};
    }
    CliRun reconcile(const QStringList &extra)
    {
        return runCockpit(
            QStringList {QStringLiteral("reconcile"), m_runbook, QStringLiteral("--no-progress")} + extra,
            env(), 120000, {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("PGPASSWORD")});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto pg = TestPostgres::fromEnv();
        QVERIFY_VALUE(pg);
        m_pg = *pg;
        auto a = m_pg->createDatabase(QStringLiteral("cli_legacy"));
        QVERIFY_VALUE(a);
        auto b = m_pg->createDatabase(QStringLiteral("cli_new"));
        QVERIFY_VALUE(b);
        m_src = *a;
        m_dst = *b;
        const QString seed = QStringLiteral(
            "CREATE TABLE users (id int PRIMARY KEY, email text);"
            "INSERT INTO users SELECT g, 'u' || g || '@example.org' FROM generate_series(1, 300) g;"
            "CREATE TABLE orders (id bigint PRIMARY KEY, user_id int, total numeric(12,2));"
            "INSERT INTO orders SELECT g, g % 300 + 1, g * 0.5 FROM generate_series(1, 5000) g;"
            "CREATE TABLE records (id int PRIMARY KEY);"
            "CREATE TABLE profiles (id int PRIMARY KEY, record_id int);"
            "INSERT INTO records SELECT g FROM generate_series(1, 20) g;"
            "INSERT INTO profiles SELECT g, g FROM generate_series(1, 20) g;");
        QVERIFY_VALUE(m_pg->exec(m_src, seed));
        QVERIFY_VALUE(m_pg->exec(m_dst, seed));
        QVERIFY_VALUE(m_pg->exec(m_dst,
                                 QStringLiteral("UPDATE orders SET total = 0 WHERE id = 4321;"
                                                "INSERT INTO records VALUES (21), (22);")));
        m_runbook = m_dir.filePath(QStringLiteral("reconcile.yaml"));
        QFile f(m_runbook);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QString::fromUtf8(R"yaml(runbook: 1
name: reconcile test
secrets:
  db_pw: {description: app role}
connections:
  legacy: {postgres: {host: 127.0.0.1, port: %1, database: %2, user: %4, password: {secret: db_pw}}}
  new: {postgres: {host: 127.0.0.1, port: %1, database: %3, user: %4, password: {secret: db_pw}}}
  new_rw: {writable: true, postgres: {host: 127.0.0.1, port: %1, database: %3, user: %4, password: {secret: db_pw}}}
reconciliation:
  - id: users-count
    source: legacy
    target: new
    tables: [users]
  - id: orders-diff
    source: legacy
    target: new
    method: diff
    tables: [{source: orders, target: orders, key: id}]
  - id: orphans
    source: legacy
    target: new
    tolerance: 2
    tables: [records]
    checks:
      - id: record-without-profile
        sql: {connection: new, query: "SELECT r.id FROM records r LEFT JOIN profiles p ON p.record_id = r.id WHERE p.id IS NULL ORDER BY r.id"}
        expect: "[ROWS] == 0"
    fixes:
      - id: delete-orphans
        sql: {connection: new_rw, statement: "DELETE FROM records r WHERE NOT EXISTS (SELECT 1 FROM profiles p WHERE p.record_id = r.id)"}
      - {id: tell-support, manual: Tell support which records were removed}
)yaml")
                    .arg(m_pg->port())
                    .arg(m_src, m_dst, m_pg->appUser())
                    .toUtf8());
    }

    void withinToleranceExitsZero()
    {
        const CliRun r = reconcile({QStringLiteral("--only"), QStringLiteral("users-count")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.outText().contains(QStringLiteral("rows 300 / 300")), qPrintable(r.describe()));
        QVERIFY(!r.out.contains(m_pg->appPassword()) && !r.err.contains(m_pg->appPassword()));
    }

    void diffNamesTheKeyAndColumnAndExitsOne()
    {
        const CliRun r = reconcile({QStringLiteral("--only"), QStringLiteral("orders-diff")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.outText().contains(QStringLiteral("changed id=4321  total: 2160.50 -> 0.00")),
                 qPrintable(r.describe()));
    }

    void jsonAndArtifactsWithManifest()
    {
        const QString dir = m_dir.filePath(QStringLiteral("evidence"));
        const CliRun r = reconcile({QStringLiteral("--only"), QStringLiteral("orders-diff,users-count"),
                                    QStringLiteral("--json"), QStringLiteral("--artifacts"), dir});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc.value(QStringLiteral("passed")).toBool(true), false);
        const QJsonArray list = doc.value(QStringLiteral("reconciliations")).toArray();
        QCOMPARE(list.size(), 2);
        const QJsonObject diff = list.at(1)
                                     .toObject()
                                     .value(QStringLiteral("tables"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QStringLiteral("diff"))
                                     .toObject();
        QCOMPARE(diff.value(QStringLiteral("changed")).toInt(), 1);
        QCOMPARE(diff.value(QStringLiteral("rows"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("key"))
                     .toString(),
                 QStringLiteral("id=4321"));

        const QStringList stamped = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(stamped.size(), 1);
        const QDir out(QDir(dir).filePath(stamped.first()));
        QFile manifest(out.filePath(QStringLiteral("MANIFEST.sha256")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = manifest.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        for (const QByteArray &line : lines) {
            const QList<QByteArray> parts = line.split(' ');
            QFile file(out.filePath(QString::fromUtf8(parts.last())));
            QVERIFY2(file.open(QIODevice::ReadOnly), line.constData());
            QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex(),
                     parts.first());
        }
        QFile differences(out.filePath(QStringLiteral("differences.csv")));
        QVERIFY(differences.open(QIODevice::ReadOnly));
        QVERIFY(differences.readAll().contains("orders-diff,orders,changed,id=4321,total,2160.50,0.00"));
    }

    void journalsEveryResult()
    {
        const QString journal = m_dir.filePath(QStringLiteral("reconcile.journal"));
        const CliRun r = reconcile({QStringLiteral("--only"), QStringLiteral("orders-diff,users-count"),
                                    QStringLiteral("--journal"), journal, QStringLiteral("--as"),
                                    QStringLiteral("Dana Weber")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        // The report is still written; the journal holds the same results.
        QVERIFY2(r.outText().contains(QStringLiteral("changed id=4321")), qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(QStringLiteral("Journaled as run reconcile-")),
                 qPrintable(r.describe()));
        const QList<JournalEvent> all = events(journal);
        QVERIFY(!all.isEmpty());
        for (const JournalEvent &e : all) {
            QCOMPARE(e.type(), JournalEventType::Reconciliation);
            QVERIFY(e.runId().startsWith(QLatin1String("reconcile-")));
            QCOMPARE(e.actor(), QStringLiteral("Dana Weber"));
            QVERIFY(!QJsonDocument(e.payload()).toJson().contains(m_pg->appPassword()));
        }
        const QStringList diff = statuses(all, QStringLiteral("orders-diff"));
        QCOMPARE(diff.first(), QStringLiteral("started"));
        QCOMPARE(diff.last(), QStringLiteral("finished"));
        QVERIFY2(diff.contains(QStringLiteral("progress")), qPrintable(diff.join(u' ')));
        const QJsonObject failed = finishedOf(all, QStringLiteral("orders-diff"));
        QCOMPARE(failed.value(QStringLiteral("passed")).toBool(true), false);
        QVERIFY2(failed.value(QStringLiteral("summary")).toString().contains(QStringLiteral("1 changed")),
                 qPrintable(failed.value(QStringLiteral("summary")).toString()));
        const QJsonObject row = failed.value(QStringLiteral("result"))
                                    .toObject()
                                    .value(QStringLiteral("tables"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("diff"))
                                    .toObject()
                                    .value(QStringLiteral("rows"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
        QCOMPARE(row.value(QStringLiteral("key")).toString(), QStringLiteral("id=4321"));
        QCOMPARE(finishedOf(all, QStringLiteral("users-count")).value(QStringLiteral("passed")).toBool(),
                 true);

        const CliRun verified = runCockpit(
            {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), journal});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.describe()));
    }

    void journalsIntoPostgresUnderTheCutoversRun()
    {
        auto db = m_pg->createDatabase(QStringLiteral("reconcile_journal"));
        QVERIFY_VALUE(db);
        const QString url = QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=verify-full&sslrootcert=%5")
                                .arg(m_pg->superuser(), m_pg->host())
                                .arg(m_pg->port())
                                .arg(*db, m_pg->caFile());
        const CliRun init
            = runCockpit({QStringLiteral("journal"), QStringLiteral("init"), QStringLiteral("--journal"), url,
                          QStringLiteral("--viewer-role"), QStringLiteral("v_") + db->right(12)});
        QVERIFY2(init.exitCode == 0, qPrintable(init.describe()));
        const CliRun r
            = reconcile({QStringLiteral("--only"), QStringLiteral("users-count"), QStringLiteral("--journal"),
                         url, QStringLiteral("--run"), QStringLiteral("live-20270101T000000Z")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QList<JournalEvent> all = events(url);
        QCOMPARE(statuses(all, QStringLiteral("users-count")).first(), QStringLiteral("started"));
        QCOMPARE(all.last().runId(), QStringLiteral("live-20270101T000000Z"));
        QCOMPARE(all.last().actor(), QStringLiteral("engine"));
        QCOMPARE(all.last().payload().value(QStringLiteral("passed")).toBool(), true);
    }

    void unusableJournalRunsNothing()
    {
        const CliRun r = reconcile({QStringLiteral("--only"), QStringLiteral("users-count"),
                                    QStringLiteral("--journal"), m_runbook + QStringLiteral("/x.journal")});
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY2(!r.outText().contains(QStringLiteral("users-count")), qPrintable(r.describe()));
        QCOMPARE(reconcile({QStringLiteral("--run"), QStringLiteral("x")}).exitCode, 2);
    }

    void fixAppliesTheSafeFixAndReChecks()
    {
        const CliRun before = reconcile({QStringLiteral("--only"), QStringLiteral("orphans")});
        QVERIFY2(before.exitCode == 1, qPrintable(before.describe()));
        QVERIFY2(before.outText().contains(QStringLiteral("rows (2 of 2): 21; 22")),
                 qPrintable(before.describe()));
        QVERIFY2(before.outText().contains(QStringLiteral("needs review: Tell support")),
                 qPrintable(before.describe()));

        const QString journal = m_dir.filePath(QStringLiteral("fix.journal"));
        const CliRun fixed = reconcile({QStringLiteral("--only"), QStringLiteral("orphans"),
                                        QStringLiteral("--fix"), QStringLiteral("--journal"), journal});
        QVERIFY2(fixed.exitCode == 0, qPrintable(fixed.describe()));
        QVERIFY2(fixed.outText().contains(QStringLiteral("fix delete-orphans (sql)  applied (2 rows)")),
                 qPrintable(fixed.describe()));
        QVERIFY2(fixed.outText().contains(QStringLiteral("re-check record-without-profile  PASS")),
                 qPrintable(fixed.describe()));
        QVERIFY2(fixed.outText().contains(QStringLiteral("fix tell-support (manual)  needs review")),
                 qPrintable(fixed.describe()));
        auto left = m_pg->query(m_dst, QStringLiteral("SELECT count(*) FROM records"));
        QVERIFY_VALUE(left);
        QCOMPARE(*left, QStringLiteral("20"));

        // Each fix journaled before and after it ran, the re-checked result last.
        const QList<JournalEvent> all = events(journal);
        const QStringList order = statuses(all, QStringLiteral("orphans"));
        const qsizetype started = order.indexOf(QStringLiteral("fix_started"));
        QVERIFY2(started > 0 && order.value(started + 1) == u"fix_finished", qPrintable(order.join(u' ')));
        QCOMPARE(order.count(QStringLiteral("fix_started")), 2);
        QCOMPARE(order.last(), QStringLiteral("finished"));
        for (const JournalEvent &e : all)
            if (e.payload().value(QLatin1String("status")).toString() == u"fix_finished"
                && e.payload().value(QLatin1String("fix")).toObject().value(QLatin1String("id")).toString()
                    == u"delete-orphans")
                QCOMPARE(e.payload()
                             .value(QLatin1String("fix"))
                             .toObject()
                             .value(QLatin1String("rows_affected"))
                             .toInt(),
                         2);
        QCOMPARE(finishedOf(all, QStringLiteral("orphans")).value(QStringLiteral("passed")).toBool(), true);
    }

    void usageAndRunbookErrorsExitTwo()
    {
        QCOMPARE(reconcile({QStringLiteral("--only"), QStringLiteral("nope")}).exitCode, 2);
        const CliRun missing
            = runCockpit({QStringLiteral("reconcile"), m_dir.filePath(QStringLiteral("absent.yaml"))});
        QCOMPARE(missing.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(tst_ReconcileCommand)
#include "tst_ReconcileCommand.moc"
