#include "demo/LoopbackHttpServer.h"
#include "probes/SecretStore.h"
#include "support/Await.h"
#include "support/CliProcess.h"
#include "support/TestEnv.h"
#include "support/TestPostgres.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>

using namespace cockpit;
using namespace cockpit::test;
using namespace std::chrono_literals;

namespace {

// Runbook A's HTTP contract (see the comment at the top of a-pipeline-rollout.yaml), with switches to
// break one part of it at a time. Handlers run on the server's thread.
struct RlmState
{
    std::atomic<bool> processorsAvailable {true};
    std::atomic<bool> sunset {true};
    std::atomic<bool> healthHangs {false};
    std::atomic<int> percent {0};
};

QString userProfilesSql(bool allColumns)
{
    return QStringLiteral(
               "CREATE TABLE user_profiles (id bigserial PRIMARY KEY, email text, full_pass_status text, "
               "full_pass_started_at timestamptz, full_pass_completed_at timestamptz%1);"
               "INSERT INTO user_profiles (email) VALUES ('a@example.test'), ('b@example.test');")
        .arg(allColumns ? QStringLiteral(", full_pass_error text") : QString());
}

constexpr int kRlmTimeoutMs = 10000; // connections.rlm.http.timeout in runbook A

} // namespace

class tst_CheckExampleA : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void everythingInPlaceIsGo();
    void jsonHasTheObservations();
    void missingColumnIsNoGo();
    void processorsUnavailableIsNoGo();
    void missingSunsetIsNoGo();
    void hangingServiceTimesOut();
    void missingSecretIsNoGo();
    void unconfirmedManualItemIsNoGo();
    void onlyRunsTheNamedChecks();
    void usageErrors();
    void interruptCancelsTheRun();
    void secretsAppearNowhere();

private:
    QStringList args(const QString &database, bool json = false) const;
    CliRun check(const QStringList &args);
    QJsonObject checkJson(const QString &database, int expectedExit);
    static QStringList blockerIds(const QJsonObject &doc);
    static QString firstBlockerReason(const QJsonObject &doc);
    static QJsonObject result(const QJsonObject &doc, const QString &id);

    RlmState m_rlm;
    LoopbackHttpServer m_server;
    std::optional<TestPostgres> m_pg;
    QString m_db, m_dbMissingColumn;
    QString m_scope;
    QByteArray m_issuerKey;
    QTemporaryDir m_dir;
    QString m_logFile;
    QList<CliRun> m_runs; // everything the binary printed, checked for secrets at the end
};

void tst_CheckExampleA::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_logFile = m_dir.filePath(QStringLiteral("cockpit.log"));
    RlmState *s = &m_rlm;
    m_server.route("GET", "/health", [s](const LoopbackRequest &) {
        if (s->healthHangs) {
            LoopbackResponse r;
            r.hang = true;
            return r;
        }
        return LoopbackResponse::json(200,
                                      s->processorsAvailable
                                          ? R"({"status":"healthy","processors_available":true})"
                                          : R"({"status":"healthy","processors_available":false})");
    });
    m_server.route("GET", "/config/rollout-percent", [s](const LoopbackRequest &) {
        return LoopbackResponse::json(200,
                                      QByteArray(R"({"key":"rollout_percent","value":)")
                                          + QByteArray::number(s->percent.load()) + '}');
    });
    m_server.route("POST", "/process-full", [s](const LoopbackRequest &) {
        LoopbackResponse r = LoopbackResponse::json(202, R"({"accepted":true})");
        r.withHeader("Deprecation", "true");
        if (s->sunset)
            r.withHeader("Sunset", "Sat, 01 Mar 2026 00:00:00 GMT");
        return r;
    });
    QVERIFY(m_server.startInThread());

    auto pg = TestPostgres::fromEnv();
    if (!pg)
        QFAIL(qPrintable(pg.error().message));
    m_pg = *pg;
    for (auto [db, all] : {std::pair {&m_db, true}, std::pair {&m_dbMissingColumn, false}}) {
        auto name = m_pg->createDatabase(all ? QStringLiteral("exa") : QStringLiteral("exa_missing"),
                                         userProfilesSql(all));
        if (!name)
            QFAIL(qPrintable(name.error().message));
        *db = *name;
    }

    // The secrets, in runbook A's scope, in the test's own keyring session.
    m_scope = SecretStore::scopeFor(QStringLiteral("v2 full_pass pipeline rollout"));
    m_issuerKey.resize(32);
    for (char &c : m_issuerKey)
        c = char(QRandomGenerator::global()->bounded(256));
    m_issuerKey = m_issuerKey.toHex();
    for (const auto &[name, value] : {std::pair {QStringLiteral("app_db_password"), m_pg->appPassword()},
                                      std::pair {QStringLiteral("rlm_issuer_key"), m_issuerKey}}) {
        const auto w = await(SecretStore::write(m_scope, name, value));
        if (!w)
            QFAIL(qPrintable(w.error().message));
    }
}

void tst_CheckExampleA::init()
{
    m_rlm.processorsAvailable = true;
    m_rlm.sunset = true;
    m_rlm.healthHangs = false;
    m_rlm.percent = 0;
}

void tst_CheckExampleA::cleanupTestCase()
{
    m_server.close();
}

QStringList tst_CheckExampleA::args(const QString &database, bool json) const
{
    QStringList a {QStringLiteral("--verbose"),
                   QStringLiteral("--log-file"),
                   m_logFile,
                   QStringLiteral("check"),
                   sourcePath(QStringLiteral("resources/runbooks/a-pipeline-rollout.yaml")),
                   QStringLiteral("--param"),
                   QStringLiteral("app_db_host=%1").arg(m_pg->host()),
                   QStringLiteral("--param"),
                   QStringLiteral("app_db_port=%1").arg(m_pg->port()),
                   QStringLiteral("--param"),
                   QStringLiteral("app_db_name=%1").arg(database),
                   QStringLiteral("--param"),
                   QStringLiteral("app_db_user=%1").arg(m_pg->appUser()),
                   QStringLiteral("--param"),
                   QStringLiteral("app_db_sslmode=verify-full"),
                   QStringLiteral("--param"),
                   QStringLiteral("app_db_ca_file=%1").arg(m_pg->caFile()),
                   QStringLiteral("--param"),
                   QStringLiteral("rlm_url=http://127.0.0.1:%1").arg(m_server.port()),
                   QStringLiteral("--confirm"),
                   QStringLiteral("validation-queries-prepared"),
                   QStringLiteral("--as"),
                   QStringLiteral("Test Lead"),
                   QStringLiteral("--comment"),
                   QStringLiteral("saved in the SQL console")};
    if (json)
        a << QStringLiteral("--json");
    return a;
}

CliRun tst_CheckExampleA::check(const QStringList &a)
{
    CliRun r = runCockpit(a, {}, 60000, {QStringLiteral("PGPASSWORD")});
    m_runs << r;
    return r;
}

QJsonObject tst_CheckExampleA::checkJson(const QString &database, int expectedExit)
{
    const CliRun r = check(args(database, true));
    [&] { QVERIFY2(r.exitCode == expectedExit && !r.crashed, qPrintable(r.describe())); }();
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &e);
    [&] {
        QVERIFY2(e.error == QJsonParseError::NoError && doc.isObject(),
                 qPrintable(e.errorString() + r.describe()));
    }();
    return doc.object();
}

QStringList tst_CheckExampleA::blockerIds(const QJsonObject &doc)
{
    QStringList ids;
    for (const auto &b :
         doc.value(QStringLiteral("recommendation")).toObject().value(QStringLiteral("blockers")).toArray())
        ids << b.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

QString tst_CheckExampleA::firstBlockerReason(const QJsonObject &doc)
{
    return doc.value(QStringLiteral("recommendation"))
        .toObject()
        .value(QStringLiteral("blockers"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("reason"))
        .toString();
}

QJsonObject tst_CheckExampleA::result(const QJsonObject &doc, const QString &id)
{
    for (const auto &v : doc.value(QStringLiteral("results")).toArray())
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

void tst_CheckExampleA::everythingInPlaceIsGo()
{
    const CliRun r = check(args(m_db));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(QStringLiteral("Recommendation: GO — 6 of 6 checks passed")),
             qPrintable(r.describe()));
    QVERIFY2(!out.contains(QStringLiteral("Blockers:")), qPrintable(r.describe()));
    // The table: one row per prerequisite with id, category and verdict.
    for (const QString &row :
         {QStringLiteral("migration-columns +data +PASS"), QStringLiteral("rlm-health +service +PASS"),
          QStringLiteral("rollout-config +config +PASS"),
          QStringLiteral("deprecation-headers +service +PASS"), QStringLiteral("issuer-key +config +PASS"),
          QStringLiteral("validation-queries-prepared +team +PASS")})
        QVERIFY2(QRegularExpression(row).match(out).hasMatch(), qPrintable(row + QStringLiteral("\n") + out));
}

void tst_CheckExampleA::jsonHasTheObservations()
{
    const QJsonObject doc = checkJson(m_db, 0);
    QCOMPARE(doc.value(QStringLiteral("recommendation"))
                 .toObject()
                 .value(QStringLiteral("recommendation"))
                 .toString(),
             QStringLiteral("GO"));
    QCOMPARE(doc.value(QStringLiteral("results")).toArray().size(), 6);

    const QJsonObject sql = result(doc, QStringLiteral("migration-columns"));
    QCOMPARE(sql.value(QStringLiteral("verdict")).toString(), QStringLiteral("PASS"));
    const QJsonObject sqlObs = sql.value(QStringLiteral("observation")).toObject();
    QCOMPARE(sqlObs.value(QStringLiteral("row_count")).toInt(), 4);
    QCOMPARE(sqlObs.value(QStringLiteral("rows")).toArray().size(), 4);

    const QJsonObject health
        = result(doc, QStringLiteral("rlm-health")).value(QStringLiteral("observation")).toObject();
    QCOMPARE(health.value(QStringLiteral("status")).toInt(), 200);
    QVERIFY(health.value(QStringLiteral("body")).toString().contains(QStringLiteral("processors_available")));
    QVERIFY(health.value(QStringLiteral("at")).toString().endsWith(QLatin1Char('Z')));

    const QJsonObject dep
        = result(doc, QStringLiteral("deprecation-headers")).value(QStringLiteral("observation")).toObject();
    bool sawSunset = false;
    for (const auto &h : dep.value(QStringLiteral("headers")).toArray())
        sawSunset |= h.toArray().at(0).toString().compare(QStringLiteral("sunset"), Qt::CaseInsensitive) == 0
            && h.toArray().at(1).toString() == QStringLiteral("Sat, 01 Mar 2026 00:00:00 GMT");
    QVERIFY(sawSunset);
    QCOMPARE(dep.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));

    const QJsonObject key
        = result(doc, QStringLiteral("issuer-key")).value(QStringLiteral("observation")).toObject();
    QCOMPARE(key.value(QStringLiteral("present")).toBool(), true);
    QCOMPARE(key.value(QStringLiteral("format_valid")).toBool(), true);

    const QJsonObject manual = result(doc, QStringLiteral("validation-queries-prepared"))
                                   .value(QStringLiteral("observation"))
                                   .toObject();
    QCOMPARE(manual.value(QStringLiteral("confirmed_by")).toString(), QStringLiteral("Test Lead"));
    QCOMPARE(manual.value(QStringLiteral("comment")).toString(), QStringLiteral("saved in the SQL console"));
}

void tst_CheckExampleA::missingColumnIsNoGo()
{
    const CliRun r = check(args(m_dbMissingColumn));
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("Recommendation: NO-GO — 1 blocker"), qPrintable(r.describe()));
    QVERIFY2(r.out.contains("  - migration-columns [FAIL]: [ROWS] (3) == 4"), qPrintable(r.describe()));
    const QJsonObject doc = checkJson(m_dbMissingColumn, 1);
    QCOMPARE(blockerIds(doc), QStringList {QStringLiteral("migration-columns")});
}

void tst_CheckExampleA::processorsUnavailableIsNoGo()
{
    m_rlm.processorsAvailable = false;
    const QJsonObject doc = checkJson(m_db, 1);
    QCOMPARE(blockerIds(doc), QStringList {QStringLiteral("rlm-health")});
    const QString reason = firstBlockerReason(doc);
    QVERIFY2(reason.contains(QStringLiteral("[BODY].processors_available (false) == true")),
             qPrintable(reason));
}

void tst_CheckExampleA::missingSunsetIsNoGo()
{
    m_rlm.sunset = false;
    const QJsonObject doc = checkJson(m_db, 1);
    QCOMPARE(blockerIds(doc), QStringList {QStringLiteral("deprecation-headers")});
    const QString reason = firstBlockerReason(doc);
    QVERIFY2(reason.contains(QStringLiteral("[HEADER].Sunset")), qPrintable(reason));
}

void tst_CheckExampleA::hangingServiceTimesOut()
{
    m_rlm.healthHangs = true;
    const CliRun r = check(args(m_db, true));
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    // The run ends within the endpoint's timeout + 2 s, and only the hanging check is a blocker.
    QVERIFY2(r.elapsedMs < kRlmTimeoutMs + 2000, qPrintable(QString::number(r.elapsedMs)));
    QVERIFY2(r.elapsedMs >= kRlmTimeoutMs - 500, qPrintable(QString::number(r.elapsedMs)));
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(blockerIds(doc), QStringList {QStringLiteral("rlm-health")});
    const QJsonObject health = result(doc, QStringLiteral("rlm-health"));
    QVERIFY(!health.value(QStringLiteral("observation"))
                 .toObject()
                 .value(QStringLiteral("error"))
                 .toString()
                 .isEmpty());
    // The other checks on the same connection were not held up by it.
    const QJsonObject other
        = result(doc, QStringLiteral("rollout-config")).value(QStringLiteral("observation")).toObject();
    QVERIFY(other.value(QStringLiteral("duration_ms")).toInt() < 2000);
}

void tst_CheckExampleA::missingSecretIsNoGo()
{
    auto removed = await(SecretStore::remove(m_scope, QStringLiteral("rlm_issuer_key")));
    if (!removed)
        QFAIL(qPrintable(removed.error().message));
    const QJsonObject doc = checkJson(m_db, 1);
    const auto restored = await(SecretStore::write(m_scope, QStringLiteral("rlm_issuer_key"), m_issuerKey));
    if (!restored)
        QFAIL(qPrintable(restored.error().message));
    QCOMPARE(blockerIds(doc), QStringList {QStringLiteral("issuer-key")});
    const QJsonObject obs
        = result(doc, QStringLiteral("issuer-key")).value(QStringLiteral("observation")).toObject();
    QCOMPARE(obs.value(QStringLiteral("present")).toBool(), false);
}

void tst_CheckExampleA::unconfirmedManualItemIsNoGo()
{
    QStringList a = args(m_db, true);
    const qsizetype i = a.indexOf(QStringLiteral("--confirm"));
    a.remove(i, 6);
    const CliRun r = check(a);
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(blockerIds(doc), QStringList {QStringLiteral("validation-queries-prepared")});
    QCOMPARE(result(doc, QStringLiteral("validation-queries-prepared"))
                 .value(QStringLiteral("verdict"))
                 .toString(),
             QStringLiteral("INCONCLUSIVE"));
}

void tst_CheckExampleA::onlyRunsTheNamedChecks()
{
    m_rlm.processorsAvailable = false; // not selected: must not matter
    QStringList a = args(m_db, true);
    const qsizetype i = a.indexOf(QStringLiteral("--confirm"));
    a.remove(i, 6);
    a << QStringLiteral("--only") << QStringLiteral("migration-columns,deprecation-headers");
    const CliRun r = check(a);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(doc.value(QStringLiteral("results")).toArray().size(), 2);
}

void tst_CheckExampleA::usageErrors()
{
    QStringList a = args(m_db);
    CliRun r = check(a << QStringLiteral("--only") << QStringLiteral("no-such-check"));
    QVERIFY2(r.exitCode == 2 && r.err.contains("no-such-check"), qPrintable(r.describe()));
    a = args(m_db);
    r = check(a << QStringLiteral("--confirm") << QStringLiteral("rlm-health") << QStringLiteral("--as")
                << QStringLiteral("X"));
    QVERIFY2(r.exitCode == 2 && r.err.contains("no manual prerequisite"), qPrintable(r.describe()));
    a = args(m_db);
    a.remove(a.indexOf(QStringLiteral("--as")), 2);
    r = check(a);
    QVERIFY2(r.exitCode == 2 && r.err.contains("--as NAME"), qPrintable(r.describe()));
    r = check(
        {QStringLiteral("check"), sourcePath(QStringLiteral("tests/data/broken/a-pipeline-rollout.yaml"))});
    QVERIFY2(r.exitCode == 2 && r.err.contains("a-pipeline-rollout.yaml:76:5:"), qPrintable(r.describe()));
}

void tst_CheckExampleA::interruptCancelsTheRun()
{
    m_rlm.healthHangs = true;
    QProcess p;
    startCockpit(p, args(m_db) << QStringLiteral("--progress"), {}, {QStringLiteral("PGPASSWORD")});
    QVERIFY(p.waitForStarted(10000));
    // Wait until every check but the hanging rlm-health (10 s timeout) has reported its progress line.
    static const QRegularExpression line(QStringLiteral("\\[(\\d+)/(\\d+)\\]"));
    QByteArray progress;
    const auto allButOneDone = [&] {
        progress += p.readAllStandardError();
        int done = 0;
        int total = 0;
        for (auto it = line.globalMatch(QString::fromUtf8(progress)); it.hasNext();) {
            const auto m = it.next();
            done = m.captured(1).toInt();
            total = m.captured(2).toInt();
        }
        return total > 1 && done == total - 1;
    };
    QVERIFY2(QTest::qWaitFor(allButOneDone, 60000), progress.constData());
    p.terminate(); // SIGTERM, handled like Ctrl+C, long before rlm-health's 10 s timeout
    QVERIFY(p.waitForFinished(60000));
    CliRun r = finishedRun(p);
    r.err.prepend(progress);
    m_runs << r;
    QVERIFY2(!r.crashed && r.exitCode == 130, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("Interrupted: cancelling the checks."), qPrintable(r.describe()));
    QVERIFY2(r.out.contains("  - rlm-health [NO DATA]: no data: cancelled"), qPrintable(r.describe()));
    QVERIFY2(QRegularExpression(QStringLiteral("migration-columns +data +PASS"))
                 .match(QString::fromUtf8(r.out))
                 .hasMatch(),
             qPrintable(r.describe()));
}

void tst_CheckExampleA::secretsAppearNowhere()
{
    QVERIFY(m_runs.size() >= 8);
    QFile log(m_logFile);
    QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(m_logFile));
    const QByteArray logText = log.readAll();
    QVERIFY2(logText.contains("cockpit"), "the log file was written");
    const QByteArray password = m_pg->appPassword();
    QVERIFY(m_issuerKey.size() == 64 && password.size() >= 8);
    for (const QByteArray &secret : {m_issuerKey, password, m_issuerKey.toUpper()}) {
        QVERIFY2(!logText.contains(secret), "a secret value is in the log file");
        for (const CliRun &r : std::as_const(m_runs)) {
            QVERIFY2(!r.out.contains(secret), "a secret value is on stdout (or in the JSON)");
            QVERIFY2(!r.err.contains(secret), "a secret value is on stderr");
        }
    }
}

QTEST_GUILESS_MAIN(tst_CheckExampleA)
#include "tst_CheckExampleA.moc"
