#include "core/base/Redactor.h"
#include "core/conditions/GoNoGo.h"
#include "demo/LoopbackHttpServer.h"
#include "probes/CheckRunner.h"
#include "probes/SecretStore.h"
#include "support/Await.h"
#include "support/TestPostgres.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>

using namespace cockpit;
using namespace std::chrono_literals;
// A real event loop wait (QSignalSpy::wait would do too, but this also bounds keychain futures).
using cockpit::test::await;

namespace {

Condition cond(const QString &text)
{
    auto c = Condition::parse(text);
    if (!c)
        qFatal("bad condition %s: %s", qPrintable(text), qPrintable(c.error().message));
    return *c;
}

Connection httpConnection(const QString &name, const QString &baseUrl, int maxConcurrent,
                          std::chrono::milliseconds timeout = 10s)
{
    HttpService svc;
    svc.baseUrl = baseUrl;
    svc.timeout = timeout;
    Connection c;
    c.name = name;
    c.target = svc;
    c.maxConcurrent = maxConcurrent;
    return c;
}

Check httpCheck(const QString &id, const QString &connection, const QString &path,
                const QStringList &expect = {QStringLiteral("[STATUS] == 200")})
{
    HttpRequest r;
    r.connection = connection;
    r.url = path;
    Check c;
    c.id = id;
    c.category = QStringLiteral("service");
    c.probe = r;
    for (const QString &e : expect)
        c.expect << cond(e);
    return c;
}

Check manualCheck(const QString &id)
{
    Check c;
    c.id = id;
    c.category = QStringLiteral("team");
    c.probe = ManualCheck {QStringLiteral("do it")};
    return c;
}

// Most checks that ran at the same time, from the observations' own start times and durations.
int maxOverlap(const QList<CheckResult> &results)
{
    QList<std::pair<qint64, int>> events;
    for (const CheckResult &r : results) {
        const qint64 start = r.observation.at.toMSecsSinceEpoch();
        events.append({start, +1});
        events.append({start + r.observation.durationMs, -1});
    }
    // At equal times an end comes before a start: back-to-back requests do not overlap.
    std::sort(events.begin(), events.end());
    int cur = 0, peak = 0;
    for (const auto &[t, d] : events) {
        cur += d;
        peak = qMax(peak, cur);
    }
    return peak;
}

QList<CheckResult> runAndWait(CheckRunner &runner, const Runbook &rb, const QList<Check> &checks,
                              const QMap<QString, ManualConfirmation> &confirmations = {},
                              int timeoutMs = 20000)
{
    QSignalSpy spy(&runner, &CheckRunner::finished);
    runner.start(rb, checks, confirmations);
    if (!spy.wait(timeoutMs))
        return {};
    return spy.first().first().value<QList<CheckResult>>();
}

const CheckResult *byId(const QList<CheckResult> &results, const QString &id)
{
    for (const CheckResult &r : results)
        if (r.checkId == id)
            return &r;
    return nullptr;
}

} // namespace

class tst_CheckRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void concurrencyIsBoundedPerConnection();
    void resultsComeInRunbookOrder();
    void slowEndpointDoesNotDelayTheOthers();
    void cancelEndsTheRunAtOnce();
    void missingRequiredSecretFailsOnlyItsChecks();
    void missingOptionalSecretLetsTheProbeTry();
    void tokenFromKeychainIsSent();
    void sqlCheckUsesPasswordFromKeychain();
    void providedSecretIsUsedAndRedacted();
    void manualChecksNeedConfirmation();
    void unknownConnectionFailsTheCheck();
    void emptyListFinishes();

private:
    LoopbackHttpServer m_server;
    QString m_scope;
    QStringList m_written;
    std::optional<test::TestPostgres> m_pg;
    QString m_db;

    Runbook runbook(const QList<Connection> &connections) const
    {
        Runbook rb;
        rb.name = QStringLiteral("tst CheckRunner %1").arg(QCoreApplication::applicationPid());
        for (const Connection &c : connections)
            rb.connections.insert(c.name, c);
        return rb;
    }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()); }
    void writeSecret(const QString &name, const QByteArray &value)
    {
        const auto r = await(SecretStore::write(m_scope, name, value));
        if (!r)
            QFAIL(qPrintable(r.error().message));
        m_written << name;
    }
};

void tst_CheckRunner::initTestCase()
{
    m_server.route("GET", "/fast", [](const LoopbackRequest &) { return LoopbackResponse::text(200, "ok"); });
    m_server.route("GET", "/slow",
                   [](const LoopbackRequest &) { return LoopbackResponse::text(200, "slow").after(200ms); });
    m_server.route("GET", "/slower", [](const LoopbackRequest &) {
        return LoopbackResponse::text(200, "slower").after(400ms);
    });
    m_server.route("GET", "/hang", [](const LoopbackRequest &) {
        LoopbackResponse r;
        r.hang = true;
        return r;
    });
    m_server.route("GET", "/auth", [](const LoopbackRequest &req) {
        return req.header("Authorization") == QByteArray("Bearer tok-3141592653")
            ? LoopbackResponse::text(200, "welcome")
            : LoopbackResponse::text(401, "no");
    });
    QVERIFY(m_server.startInThread());
    m_scope = SecretStore::scopeFor(runbook({}));

    auto db = test::TestPostgres::databaseFromEnv(QStringLiteral("runner"));
    if (!db)
        QFAIL(qPrintable(db.error().message));
    m_pg = db->pg;
    m_db = db->name;
}

void tst_CheckRunner::cleanupTestCase()
{
    for (const QString &n : std::as_const(m_written))
        await(SecretStore::remove(m_scope, n));
    m_server.close();
}

void tst_CheckRunner::concurrencyIsBoundedPerConnection()
{
    const Runbook rb = runbook({httpConnection(QStringLiteral("narrow"), base(), 2),
                                httpConnection(QStringLiteral("wide"), base(), 6)});
    QList<Check> checks;
    for (int i = 0; i < 6; ++i)
        checks << httpCheck(QStringLiteral("narrow-%1").arg(i), QStringLiteral("narrow"),
                            QStringLiteral("/slow"));
    for (int i = 0; i < 6; ++i)
        checks << httpCheck(QStringLiteral("wide-%1").arg(i), QStringLiteral("wide"),
                            QStringLiteral("/slow"));

    CheckRunner runner;
    QElapsedTimer t;
    t.start();
    const auto results = runAndWait(runner, rb, checks);
    const qint64 wall = t.elapsed();
    QCOMPARE(results.size(), 12);
    QList<CheckResult> narrow = results.mid(0, 6), wide = results.mid(6);
    for (const CheckResult &r : results)
        QVERIFY2(r.verdict == Verdict::Pass, qPrintable(r.checkId + QStringLiteral(": ") + r.summary));

    QCOMPARE(runner.peakConcurrency(QStringLiteral("narrow")), 2);
    QCOMPARE(runner.peakConcurrency(QStringLiteral("wide")), 6);
    QCOMPARE(maxOverlap(narrow), 2);
    QVERIFY2(maxOverlap(wide) >= 5, qPrintable(QString::number(maxOverlap(wide))));
    // 6 × 200 ms two at a time is three rounds; the wide connection is not held back by that queue.
    QVERIFY2(wall >= 580, qPrintable(QString::number(wall)));
    QVERIFY2(wall < 2000, qPrintable(QString::number(wall)));
    qint64 wideEnd = 0, narrowEnd = 0;
    const qint64 t0 = results.first().observation.at.toMSecsSinceEpoch();
    for (const auto &r : wide)
        wideEnd = qMax(wideEnd, r.observation.at.toMSecsSinceEpoch() + r.observation.durationMs - t0);
    for (const auto &r : narrow)
        narrowEnd = qMax(narrowEnd, r.observation.at.toMSecsSinceEpoch() + r.observation.durationMs - t0);
    QVERIFY2(wideEnd < narrowEnd - 200,
             qPrintable(QStringLiteral("wide %1 narrow %2").arg(wideEnd).arg(narrowEnd)));
}

void tst_CheckRunner::resultsComeInRunbookOrder()
{
    const Runbook rb = runbook({httpConnection(QStringLiteral("svc"), base(), 4)});
    const QList<Check> checks {
        httpCheck(QStringLiteral("a-slower"), QStringLiteral("svc"), QStringLiteral("/slower")),
        httpCheck(QStringLiteral("b-slow"), QStringLiteral("svc"), QStringLiteral("/slow")),
        httpCheck(QStringLiteral("c-fast"), QStringLiteral("svc"), QStringLiteral("/fast"))};
    CheckRunner runner;
    QStringList finishedOrder;
    connect(&runner, &CheckRunner::checkFinished, this,
            [&](const CheckResult &r) { finishedOrder << r.checkId; });
    const auto results = runAndWait(runner, rb, checks);
    QCOMPARE(finishedOrder,
             (QStringList {QStringLiteral("c-fast"), QStringLiteral("b-slow"), QStringLiteral("a-slower")}));
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[0].checkId, QStringLiteral("a-slower"));
    QCOMPARE(results[1].checkId, QStringLiteral("b-slow"));
    QCOMPARE(results[2].checkId, QStringLiteral("c-fast"));
}

void tst_CheckRunner::slowEndpointDoesNotDelayTheOthers()
{
    // The hanging check holds one of the two slots of its own connection for its own 1 s timeout only.
    const Runbook rb = runbook({httpConnection(QStringLiteral("svc"), base(), 2, 1s),
                                httpConnection(QStringLiteral("other"), base(), 2)});
    const QList<Check> checks {
        httpCheck(QStringLiteral("hangs"), QStringLiteral("svc"), QStringLiteral("/hang")),
        httpCheck(QStringLiteral("same-1"), QStringLiteral("svc"), QStringLiteral("/fast")),
        httpCheck(QStringLiteral("same-2"), QStringLiteral("svc"), QStringLiteral("/fast")),
        httpCheck(QStringLiteral("same-3"), QStringLiteral("svc"), QStringLiteral("/fast")),
        httpCheck(QStringLiteral("other-1"), QStringLiteral("other"), QStringLiteral("/fast"))};
    CheckRunner runner;
    QElapsedTimer t;
    QHash<QString, qint64> finishedAt;
    connect(&runner, &CheckRunner::checkFinished, this,
            [&](const CheckResult &r) { finishedAt.insert(r.checkId, t.elapsed()); });
    t.start();
    const auto results = runAndWait(runner, rb, checks);
    const qint64 wall = t.elapsed();
    QCOMPARE(results.size(), 5);
    for (const QString &id : {QStringLiteral("same-1"), QStringLiteral("same-2"), QStringLiteral("same-3"),
                              QStringLiteral("other-1")}) {
        QCOMPARE(byId(results, id)->verdict, Verdict::Pass);
        QVERIFY2(finishedAt.value(id) < 600,
                 qPrintable(id + QStringLiteral(" at ") + QString::number(finishedAt.value(id))));
    }
    const CheckResult *hang = byId(results, QStringLiteral("hangs"));
    QCOMPARE(hang->verdict, Verdict::Fail);
    QVERIFY2(!hang->observation.error.isEmpty(), qPrintable(hang->summary));
    QVERIFY2(wall >= 950 && wall < 2500, qPrintable(QString::number(wall)));
}

void tst_CheckRunner::cancelEndsTheRunAtOnce()
{
    const Runbook rb = runbook({httpConnection(QStringLiteral("svc"), base(), 1, 30s)});
    const QList<Check> checks {
        httpCheck(QStringLiteral("fast"), QStringLiteral("svc"), QStringLiteral("/fast")),
        httpCheck(QStringLiteral("hang-1"), QStringLiteral("svc"), QStringLiteral("/hang")),
        httpCheck(QStringLiteral("hang-2"), QStringLiteral("svc"), QStringLiteral("/hang"))};
    CheckRunner runner;
    QSignalSpy finished(&runner, &CheckRunner::finished);
    QSignalSpy each(&runner, &CheckRunner::checkFinished);
    runner.start(rb, checks);
    QVERIFY(runner.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(each.size(), 1, 3000); // the fast one; hang-1 now holds the only slot
    QTest::qWait(200);
    runner.cancel();
    QCOMPARE(finished.size(), 1); // at once, without waiting for the hanging check
    QVERIFY(!runner.isRunning());
    const auto results = finished.first().first().value<QList<CheckResult>>();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[0].verdict, Verdict::Pass);
    QCOMPARE(results[1].verdict, Verdict::NoData);
    QCOMPARE(results[1].summary, QStringLiteral("cancelled"));
    QCOMPARE(results[2].verdict, Verdict::NoData);
    // Nothing arrives after the cancellation, and cancelling twice is harmless.
    runner.cancel();
    QTest::qWait(300);
    QCOMPARE(each.size(), 1);
    QCOMPARE(finished.size(), 1);
    // The runner can be used again.
    const auto again = runAndWait(runner, rb, {checks[0]});
    QCOMPARE(again.size(), 1);
    QCOMPARE(again[0].verdict, Verdict::Pass);
}

void tst_CheckRunner::missingRequiredSecretFailsOnlyItsChecks()
{
    Connection withToken = httpConnection(QStringLiteral("secured"), base(), 2);
    withToken.token.name = QStringLiteral("absent_token");
    Runbook rb = runbook({withToken, httpConnection(QStringLiteral("open"), base(), 2)});
    rb.secrets.insert(QStringLiteral("absent_token"),
                      SecretSpec {QStringLiteral("absent_token"), {}, {}, true, {}});
    const QList<Check> checks {
        httpCheck(QStringLiteral("needs-token"), QStringLiteral("secured"), QStringLiteral("/fast")),
        httpCheck(QStringLiteral("needs-token-2"), QStringLiteral("secured"), QStringLiteral("/fast")),
        httpCheck(QStringLiteral("free"), QStringLiteral("open"), QStringLiteral("/fast"))};
    CheckRunner runner;
    const auto results = runAndWait(runner, rb, checks);
    QCOMPARE(results.size(), 3);
    for (int i : {0, 1}) {
        QCOMPARE(results[i].verdict, Verdict::Fail);
        QVERIFY2(results[i].summary.startsWith(QStringLiteral("secret absent_token missing")),
                 qPrintable(results[i].summary));
        QVERIFY2(results[i].summary.contains(QStringLiteral("not found")), qPrintable(results[i].summary));
    }
    QCOMPARE(results[2].verdict, Verdict::Pass);
    const GoNoGo g = GoNoGo::decide(checks, results);
    QVERIFY(!g.isGo());
    QCOMPARE(g.blockers().size(), 2);
    QCOMPARE(g.blockers().first().checkId, QStringLiteral("needs-token"));
}

void tst_CheckRunner::missingOptionalSecretLetsTheProbeTry()
{
    Connection withToken = httpConnection(QStringLiteral("secured"), base(), 2);
    withToken.token.name = QStringLiteral("optional_token");
    Runbook rb = runbook({withToken});
    rb.secrets.insert(QStringLiteral("optional_token"),
                      SecretSpec {QStringLiteral("optional_token"), {}, {}, false, {}});
    CheckRunner runner;
    const auto results = runAndWait(
        runner, rb, {httpCheck(QStringLiteral("c"), QStringLiteral("secured"), QStringLiteral("/auth"))});
    QCOMPARE(results.size(), 1);
    // The probe ran without a token: the server said 401.
    QCOMPARE(results[0].verdict, Verdict::Fail);
    QCOMPARE(results[0].observation.status, 401);
}

void tst_CheckRunner::tokenFromKeychainIsSent()
{
    writeSecret(QStringLiteral("rlm_token"), "tok-3141592653");
    Connection withToken = httpConnection(QStringLiteral("secured"), base(), 2);
    withToken.token.name = QStringLiteral("rlm_token");
    const Runbook rb = runbook({withToken});
    CheckRunner runner;
    const auto results = runAndWait(
        runner, rb, {httpCheck(QStringLiteral("c"), QStringLiteral("secured"), QStringLiteral("/auth"))});
    QCOMPARE(results.size(), 1);
    QVERIFY2(results[0].verdict == Verdict::Pass, qPrintable(results[0].summary));
    QCOMPARE(results[0].observation.status, 200);
    QVERIFY(!QJsonDocument(results[0].toJson()).toJson().contains("tok-3141592653"));
}

void tst_CheckRunner::sqlCheckUsesPasswordFromKeychain()
{
    writeSecret(QStringLiteral("app_db_password"), m_pg->appPassword());
    Connection db = m_pg->appConnection(m_db, QStringLiteral("app_db"));
    db.password.name = QStringLiteral("app_db_password");
    db.maxConcurrent = 2;
    Connection nopw = m_pg->appConnection(m_db, QStringLiteral("other_db"));
    nopw.password.name = QStringLiteral("never_stored_password");
    const Runbook rb = runbook({db, nopw});

    QList<Check> checks;
    for (int i = 0; i < 4; ++i) {
        SqlQuery q;
        q.connection = QStringLiteral("app_db");
        q.query = QStringLiteral("SELECT pg_sleep(0.2), %1 AS n").arg(i);
        Check c;
        c.id = QStringLiteral("sql-%1").arg(i);
        c.probe = q;
        c.expect << cond(QStringLiteral("[ROWS] == 1"));
        checks << c;
    }
    SqlQuery q;
    q.connection = QStringLiteral("other_db");
    q.query = QStringLiteral("SELECT 1");
    Check c;
    c.id = QStringLiteral("no-password");
    c.probe = q;
    checks << c;

    CheckRunner runner;
    const auto results = runAndWait(runner, rb, checks);
    QCOMPARE(results.size(), 5);
    for (int i = 0; i < 4; ++i)
        QVERIFY2(results[i].verdict == Verdict::Pass, qPrintable(results[i].summary));
    QCOMPARE(runner.peakConcurrency(QStringLiteral("app_db")), 2);
    QCOMPARE(maxOverlap(results.mid(0, 4)), 2);
    QCOMPARE(results[4].verdict, Verdict::Fail);
    QVERIFY2(results[4].summary.contains(QStringLiteral("secret never_stored_password missing")),
             qPrintable(results[4].summary));
}

void tst_CheckRunner::providedSecretIsUsedAndRedacted()
{
    Connection db = m_pg->appConnection(m_db, QStringLiteral("app_db"));
    db.password.name = QStringLiteral("provided_only");
    const Runbook rb = runbook({db});
    SqlQuery q;
    q.connection = QStringLiteral("app_db");
    q.query = QStringLiteral("SELECT 1");
    Check c;
    c.id = QStringLiteral("sql");
    c.probe = q;
    CheckRunner runner;
    runner.provideSecret(QStringLiteral("provided_only"), m_pg->appPassword());
    QCOMPARE(Redactor::redact(QString::fromUtf8(m_pg->appPassword())), QStringLiteral("***"));
    const auto results = runAndWait(runner, rb, {c});
    QCOMPARE(results.size(), 1);
    QVERIFY2(results[0].verdict == Verdict::Pass, qPrintable(results[0].summary));
}

void tst_CheckRunner::manualChecksNeedConfirmation()
{
    const QList<Check> checks {manualCheck(QStringLiteral("confirmed")), manualCheck(QStringLiteral("open"))};
    CheckRunner runner;
    const auto results
        = runAndWait(runner, runbook({}), checks,
                     {{QStringLiteral("confirmed"), {QStringLiteral("Dana"), QStringLiteral("all saved")}}});
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].verdict, Verdict::Pass);
    QCOMPARE(results[0].observation.confirmedBy, QStringLiteral("Dana"));
    QCOMPARE(results[0].observation.comment, QStringLiteral("all saved"));
    QCOMPARE(results[1].verdict, Verdict::Inconclusive);
    const GoNoGo g = GoNoGo::decide(checks, results);
    QVERIFY(!g.isGo());
    QCOMPARE(g.blockers().size(), 1);
    QCOMPARE(g.blockers().first().checkId, QStringLiteral("open"));
    QCOMPARE(g.blockers().first().verdict, Verdict::Inconclusive);
}

void tst_CheckRunner::unknownConnectionFailsTheCheck()
{
    CheckRunner runner;
    const auto results
        = runAndWait(runner, runbook({httpConnection(QStringLiteral("svc"), base(), 1)}),
                     {httpCheck(QStringLiteral("x"), QStringLiteral("nope"), QStringLiteral("/fast")),
                      httpCheck(QStringLiteral("y"), QStringLiteral("svc"), QStringLiteral("/fast"))});
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].verdict, Verdict::Fail);
    QVERIFY2(results[0].summary.contains(QStringLiteral("nope")), qPrintable(results[0].summary));
    QCOMPARE(results[1].verdict, Verdict::Pass);
}

void tst_CheckRunner::emptyListFinishes()
{
    CheckRunner runner;
    QSignalSpy spy(&runner, &CheckRunner::finished);
    runner.start(runbook({}), {});
    QCOMPARE(spy.size(), 0); // never from inside start()
    QVERIFY(spy.wait(1000));
    QCOMPARE(spy.first().first().value<QList<CheckResult>>().size(), 0);
}

QTEST_GUILESS_MAIN(tst_CheckRunner)
#include "tst_CheckRunner.moc"
