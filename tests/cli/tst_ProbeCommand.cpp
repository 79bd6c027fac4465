#include "demo/LoopbackHttpServer.h"
#include "probes/SecretStore.h"
#include "support/Await.h"
#include "support/CliProcess.h"
#include "support/TestPostgres.h"

#include <QTest>

using namespace cockpit;
using namespace cockpit::test;
using namespace std::chrono_literals;

namespace {
const QString kProbe = QStringLiteral("probe");
const QString kHttp = QStringLiteral("http");
const QString kSql = QStringLiteral("sql");
const QString kExpect = QStringLiteral("--expect");
} // namespace

class tst_ProbeCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void httpAllConditionsHold();
    void httpFailingConditionIsExplained();
    void httpMethodHeadersAndBodyAreSent();
    void httpTimeout();
    void httpUsageErrors();
    void sqlWithPgPassword();
    void sqlFailingCondition();
    void sqlPasswordFromKeychain();
    void sqlRefusesPasswordInUrl();
    void sqlWrongPassword();
    void sqlUsageErrors();

private:
    QString url(const char *path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.port()).arg(QLatin1String(path));
    }
    QString dbUrl() const
    {
        return QStringLiteral("postgresql://%1@%2:%3/%4")
            .arg(m_pg->appUser(), m_pg->host())
            .arg(m_pg->port())
            .arg(m_db);
    }
    QStringList sqlArgs(const QString &query, const QStringList &expect) const
    {
        QStringList a {kProbe,
                       kSql,
                       QStringLiteral("--db"),
                       dbUrl(),
                       QStringLiteral("--sslmode"),
                       QStringLiteral("verify-full"),
                       QStringLiteral("--cacert"),
                       m_pg->caFile(),
                       QStringLiteral("--query"),
                       query};
        for (const QString &e : expect)
            a << kExpect << e;
        return a;
    }
    QMap<QString, QString> pgPassword() const
    {
        return {{QStringLiteral("PGPASSWORD"), QString::fromUtf8(m_pg->appPassword())}};
    }

    LoopbackHttpServer m_server;
    std::optional<TestPostgres> m_pg;
    QString m_db;
};

void tst_ProbeCommand::initTestCase()
{
    m_server.route("GET", "/health", [](const LoopbackRequest &) {
        return LoopbackResponse::json(200, R"({"status":"healthy","processors_available":true})");
    });
    m_server.route("GET", "/down", [](const LoopbackRequest &) {
        return LoopbackResponse::json(503, R"({"status":"degraded"})");
    });
    m_server.route("*", "/echo", [](const LoopbackRequest &r) {
        const bool ok = r.method == "PUT" && r.header("X-Trace") == QByteArray("abc 123")
            && r.body == "{\"percent\":10}";
        return LoopbackResponse::json(ok ? 201 : 400, "{}").withHeader("Deprecation", "true");
    });
    m_server.route("GET", "/hang", [](const LoopbackRequest &) {
        LoopbackResponse r;
        r.hang = true;
        return r;
    });
    QVERIFY(m_server.startInThread());

    auto db = TestPostgres::databaseFromEnv(
        QStringLiteral("probecmd"),
        QStringLiteral("CREATE TABLE t (n int); INSERT INTO t VALUES (1), (2), (3);"));
    if (!db)
        QFAIL(qPrintable(db.error().message));
    m_pg = db->pg;
    m_db = db->name;
}

void tst_ProbeCommand::httpAllConditionsHold()
{
    const CliRun r
        = runCockpit({kProbe, kHttp, url("/health"), kExpect, QStringLiteral("[STATUS] == 200"),
                      QStringLiteral("-e"), QStringLiteral("[BODY].processors_available == true")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("PASS     [STATUS] (200) == 200"), qPrintable(r.describe()));
    QVERIFY2(r.out.contains("[BODY].processors_available"), qPrintable(r.describe()));
    QVERIFY2(r.out.contains(QByteArray("GET " + url("/health").toUtf8() + " → HTTP 200")),
             qPrintable(r.describe()));
}

void tst_ProbeCommand::httpFailingConditionIsExplained()
{
    const CliRun r = runCockpit({kProbe, kHttp, url("/down"), kExpect, QStringLiteral("[STATUS] == 200"),
                                 kExpect, QStringLiteral("[BODY].status == degraded")});
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("FAIL     [STATUS] (503) == 200"), qPrintable(r.describe()));
    QVERIFY2(r.out.contains("PASS     [BODY].status"), qPrintable(r.describe()));
}

void tst_ProbeCommand::httpMethodHeadersAndBodyAreSent()
{
    const CliRun r
        = runCockpit({kProbe, kHttp, url("/echo"), QStringLiteral("-X"), QStringLiteral("put"),
                      QStringLiteral("-H"), QStringLiteral("X-Trace: abc 123"), QStringLiteral("-d"),
                      QStringLiteral("{\"percent\":10}"), kExpect, QStringLiteral("[STATUS] == 201"), kExpect,
                      QStringLiteral("[HEADER].Deprecation == true")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("PUT "), qPrintable(r.describe()));
}

void tst_ProbeCommand::httpTimeout()
{
    const CliRun r = runCockpit({kProbe, kHttp, url("/hang"), QStringLiteral("--timeout"),
                                 QStringLiteral("0.5"), kExpect, QStringLiteral("[STATUS] == 200")});
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.elapsedMs < 3000, qPrintable(QString::number(r.elapsedMs)));
    QVERIFY2(r.out.contains("error: "), qPrintable(r.describe()));
    QVERIFY2(r.out.contains("FAIL     [STATUS] (0) == 200"), qPrintable(r.describe()));
}

void tst_ProbeCommand::httpUsageErrors()
{
    CliRun r = runCockpit({kProbe, kHttp, url("/health")});
    QVERIFY2(r.exitCode == 2 && r.err.contains("--expect"), qPrintable(r.describe()));
    r = runCockpit({kProbe, kHttp, url("/health"), kExpect, QStringLiteral("[STATUS] = 200")});
    QVERIFY2(r.exitCode == 2 && r.err.contains("column"), qPrintable(r.describe()));
    r = runCockpit(
        {kProbe, kHttp, QStringLiteral("ftp://127.0.0.1/x"), kExpect, QStringLiteral("[STATUS] == 200")});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    r = runCockpit({kProbe, kHttp, url("/health"), QStringLiteral("-H"), QStringLiteral("no colon"), kExpect,
                    QStringLiteral("[STATUS] == 200")});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    r = runCockpit({kProbe, kHttp, url("/health"), QStringLiteral("--timeout"), QStringLiteral("soon"),
                    kExpect, QStringLiteral("[STATUS] == 200")});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    r = runCockpit({kProbe, QStringLiteral("ftp")});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    r = runCockpit({kProbe});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
}

void tst_ProbeCommand::sqlWithPgPassword()
{
    const CliRun r = runCockpit(
        sqlArgs(QStringLiteral("SELECT n FROM t ORDER BY n"), {QStringLiteral("[ROWS] == 3")}), pgPassword());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("PASS     [ROWS] (3) == 3"), qPrintable(r.describe()));
    QVERIFY2(!r.out.contains(m_pg->appPassword()) && !r.err.contains(m_pg->appPassword()), "password leaked");
}

void tst_ProbeCommand::sqlFailingCondition()
{
    const CliRun r = runCockpit(sqlArgs(QStringLiteral("SELECT n FROM t"), {QStringLiteral("[ROWS] == 4")}),
                                pgPassword());
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("FAIL     [ROWS] (3) == 4"), qPrintable(r.describe()));
}

void tst_ProbeCommand::sqlPasswordFromKeychain()
{
    const auto w = await(
        SecretStore::write(QStringLiteral("global"), QStringLiteral("probe_pw"), m_pg->appPassword()));
    if (!w)
        QFAIL(qPrintable(w.error().message));
    QStringList args = sqlArgs(QStringLiteral("SELECT 1"), {QStringLiteral("[ROWS] == 1")});
    args << QStringLiteral("--password-secret") << QStringLiteral("probe_pw");
    CliRun r = runCockpit(args, {}, 60000, {QStringLiteral("PGPASSWORD")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    await(SecretStore::remove(QStringLiteral("global"), QStringLiteral("probe_pw")));
    // A secret that is not there is a usage problem, said plainly.
    r = runCockpit(args, {}, 60000, {QStringLiteral("PGPASSWORD")});
    QVERIFY2(r.exitCode == 2 && r.err.contains("not found"), qPrintable(r.describe()));
}

void tst_ProbeCommand::sqlRefusesPasswordInUrl()
{
    QStringList args = sqlArgs(QStringLiteral("SELECT 1"), {QStringLiteral("[ROWS] == 1")});
    const qsizetype i = args.indexOf(QStringLiteral("--db")) + 1;
    args[i] = QStringLiteral("postgresql://%1:Sup3rSecretPw@%2:%3/%4")
                  .arg(m_pg->appUser(), m_pg->host())
                  .arg(m_pg->port())
                  .arg(m_db);
    const CliRun r = runCockpit(args);
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("password inside --db is refused"), qPrintable(r.describe()));
    QVERIFY2(!r.err.contains("Sup3rSecretPw") && !r.out.contains("Sup3rSecretPw"), qPrintable(r.describe()));
}

void tst_ProbeCommand::sqlWrongPassword()
{
    const CliRun r = runCockpit(sqlArgs(QStringLiteral("SELECT 1"), {QStringLiteral("[ROWS] == 1")}),
                                {{QStringLiteral("PGPASSWORD"), QStringLiteral("definitely-wrong-pw")}});
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("error: "), qPrintable(r.describe()));
    QVERIFY2(!r.out.contains("definitely-wrong-pw") && !r.err.contains("definitely-wrong-pw"),
             qPrintable(r.describe()));
}

void tst_ProbeCommand::sqlUsageErrors()
{
    CliRun r = runCockpit({kProbe, kSql, QStringLiteral("--query"), QStringLiteral("SELECT 1"), kExpect,
                           QStringLiteral("[ROWS] == 1")});
    QVERIFY2(r.exitCode == 2 && r.err.contains("--db"), qPrintable(r.describe()));
    r = runCockpit({kProbe, kSql, QStringLiteral("--db"), QStringLiteral("mysql://u@h/db"),
                    QStringLiteral("--query"), QStringLiteral("SELECT 1"), kExpect,
                    QStringLiteral("[ROWS] == 1")});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    r = runCockpit(sqlArgs(QStringLiteral("SELECT 1"), {}));
    QVERIFY2(r.exitCode == 2 && r.err.contains("--expect"), qPrintable(r.describe()));
}

QTEST_GUILESS_MAIN(tst_ProbeCommand)
#include "tst_ProbeCommand.moc"
