// Runs under tests/support/with-keychain: a private D-Bus session with an unlocked gnome-keyring.
#include "core/base/Redactor.h"
#include "core/runbook/Runbook.h"
#include "probes/SecretProbe.h"
#include "probes/SecretStore.h"
#include "support/Await.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <QtConcurrent>

using namespace cockpit;

namespace {

// Futures are fulfilled through the application's event loop, so keep it spinning while waiting.
template<class T> T await(QFuture<T> f)
{
    return test::awaitOrAbort(f, 15000, "keychain future");
}

QString secretTool(const QStringList &args, const QByteArray &input = {}, int *exitCode = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"), args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(10000);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

// QVERIFY2 evaluates its message even on success: never call error() on a value.
template<class E> QString errorOf(const E &e)
{
    return e.has_value() ? QString() : e.error().message;
}

const QByteArray kHex64
    = QByteArrayLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

} // namespace

class tst_SecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Refuse to run against a real user keyring.
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run me through tests/support/with-keychain");
        QVERIFY2(QDir::homePath().contains(QLatin1String("cockpit-keychain.")), qPrintable(QDir::homePath()));
        QVERIFY(qEnvironmentVariableIsEmpty("DISPLAY"));
    }

    void writeReadDeleteRoundTrip()
    {
        const QByteArray value = QByteArrayLiteral("s3cret-value-\xc3\xa4-1");
        auto w = await(SecretStore::write(QStringLiteral("tst-scope"), QStringLiteral("db_password"), value));
        QVERIFY2(w.has_value(), qPrintable(errorOf(w)));

        // It really is in gnome-keyring, under our service and key (binary values are stored base64).
        const QString stored = secretTool({QStringLiteral("lookup"), QStringLiteral("server"),
                                           QStringLiteral("cutover-cockpit"), QStringLiteral("user"),
                                           QStringLiteral("tst-scope/db_password")});
        QCOMPARE(QByteArray::fromBase64(stored.trimmed().toLatin1()), value);

        Redactor::clearForTests();
        auto r = await(SecretStore::read(QStringLiteral("tst-scope"), QStringLiteral("db_password")));
        QVERIFY2(r.has_value(), qPrintable(errorOf(r)));
        QCOMPARE(*r, value);
        // Every value read is registered for redaction.
        QCOMPARE(Redactor::redact(QByteArray("dsn password=" + value + " host=x")),
                 QByteArray("dsn password=*** host=x"));

        auto d = await(SecretStore::remove(QStringLiteral("tst-scope"), QStringLiteral("db_password")));
        QVERIFY2(d.has_value(), qPrintable(errorOf(d)));
        auto gone = await(SecretStore::read(QStringLiteral("tst-scope"), QStringLiteral("db_password")));
        QVERIFY(!gone.has_value());
        QVERIFY(SecretStore::isNotFound(gone.error()));
    }

    void readsValuesStoredByOtherTools()
    {
        // A value provisioned with secret-tool (plain-text type) is found too.
        int code = -1;
        secretTool({QStringLiteral("store"), QStringLiteral("--label=x"), QStringLiteral("server"),
                    QStringLiteral("cutover-cockpit"), QStringLiteral("user"),
                    QStringLiteral("global/provisioned"), QStringLiteral("type"),
                    QStringLiteral("plaintext")},
                   QByteArrayLiteral("from-secret-tool"), &code);
        QCOMPARE(code, 0);
        auto r = await(SecretStore::read(QStringLiteral("global"), QStringLiteral("provisioned")));
        QVERIFY2(r.has_value(), qPrintable(errorOf(r)));
        QCOMPARE(*r, QByteArrayLiteral("from-secret-tool"));
    }

    void missingEntrySaysHowToSetIt()
    {
        auto r = await(SecretStore::read(QStringLiteral("cutover-x"), QStringLiteral("nope")));
        QVERIFY(!r.has_value());
        const QString msg = r.error().message;
        QVERIFY2(SecretStore::isNotFound(r.error()), qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("not found")), qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("secret nope")), qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("is not in the keychain (scope cutover-x or global)")),
                 qPrintable(msg));
        QVERIFY2(msg.contains(QLatin1String("`cutover-cockpit secret set nope`")), qPrintable(msg));
        QVERIFY(!msg.contains(QLatin1String("no secret service")));

        auto d = await(SecretStore::remove(QStringLiteral("global"), QStringLiteral("nope")));
        QVERIFY(!d.has_value());
        QVERIFY2(SecretStore::isNotFound(d.error()), qPrintable(d.error().message));
    }

    void scopeFallsBackToGlobal()
    {
        QVERIFY(await(SecretStore::write(QStringLiteral("global"), QStringLiteral("shared_token"),
                                         "global-value-1"))
                    .has_value());
        auto found = await(SecretStore::lookup(QStringLiteral("rb-one"), QStringLiteral("shared_token")));
        QVERIFY2(found.has_value(), qPrintable(errorOf(found)));
        QCOMPARE(found->scope, QStringLiteral("global"));
        QCOMPARE(found->value, QByteArrayLiteral("global-value-1"));

        // The runbook's own entry wins over global.
        QVERIFY(await(SecretStore::write(QStringLiteral("rb-one"), QStringLiteral("shared_token"),
                                         "scoped-value-1"))
                    .has_value());
        found = await(SecretStore::lookup(QStringLiteral("rb-one"), QStringLiteral("shared_token")));
        QVERIFY(found.has_value());
        QCOMPARE(found->scope, QStringLiteral("rb-one"));
        QCOMPARE(found->value, QByteArrayLiteral("scoped-value-1"));

        // Deleting is exact: removing in rb-one leaves global alone, and another scope has nothing to delete.
        QVERIFY(
            await(SecretStore::remove(QStringLiteral("rb-one"), QStringLiteral("shared_token"))).has_value());
        QVERIFY(!await(SecretStore::remove(QStringLiteral("rb-two"), QStringLiteral("shared_token")))
                     .has_value());
        QCOMPARE(*await(SecretStore::read(QStringLiteral("rb-one"), QStringLiteral("shared_token"))),
                 QByteArrayLiteral("global-value-1"));
    }

    void usableFromWorkerThreads()
    {
        // A worker may block on the future: the jobs run on the application thread, which keeps spinning
        // here.
        QVERIFY(await(SecretStore::write(QStringLiteral("global"), QStringLiteral("worker_key"),
                                         "worker-value-1"))
                    .has_value());
        QFuture<QByteArray> fromWorker = QtConcurrent::run([] {
            auto r = SecretStore::read(QStringLiteral("global"), QStringLiteral("worker_key")).result();
            return r ? *r : QByteArray("error");
        });
        QCOMPARE(await(fromWorker), QByteArrayLiteral("worker-value-1"));
    }

    void scopeForRunbook()
    {
        Runbook rb;
        rb.name = QStringLiteral("v2 full_pass Pipeline Rollout");
        QCOMPARE(SecretStore::scopeFor(rb), QStringLiteral("v2-full-pass-pipeline-rollout"));
        QCOMPARE(SecretStore::scopeFor(QStringLiteral("DB move: 2026/Q1")),
                 QStringLiteral("db-move--2026-q1"));
        QCOMPARE(SecretStore::scopeFor(QString()), QStringLiteral("global"));
    }

    void rejectsBadNamesAndEmptyValues()
    {
        auto w = await(SecretStore::write(QStringLiteral("global"), QStringLiteral("a/b"), "value-1234"));
        QVERIFY(!w.has_value());
        QVERIFY2(w.error().message.contains(QLatin1String("invalid secret name")),
                 qPrintable(w.error().message));
        w = await(SecretStore::write(QStringLiteral("global"), QStringLiteral("empty"), QByteArray()));
        QVERIFY(!w.has_value());
        QVERIFY(w.error().message.contains(QLatin1String("empty")));
    }

    void probeChecksPattern()
    {
        SecretSpec spec;
        spec.name = QStringLiteral("issuer_key");
        spec.pattern = QStringLiteral("[0-9a-f]{64}");

        QVERIFY(await(SecretStore::write(QStringLiteral("probe-rb"), spec.name, kHex64)).has_value());
        Observation ok = await(SecretProbe::run(spec, QStringLiteral("probe-rb")));
        QCOMPARE(ok.kind, Observation::Kind::Secret);
        QVERIFY(ok.connected);
        QVERIFY(ok.secretPresent);
        QCOMPARE(ok.secretFormatValid, std::optional<bool>(true));
        QVERIFY2(ok.error.isEmpty(), qPrintable(ok.error));
        QVERIFY(ok.at.isValid());
        QCOMPARE(ok.at.timeSpec(), Qt::UTC);
        QVERIFY(!QJsonDocument(ok.toJson()).toJson().contains(kHex64)); // never the value

        // Full match: a valid prefix with trailing junk is invalid.
        QVERIFY(await(SecretStore::write(QStringLiteral("probe-rb"), spec.name, kHex64 + "zz")).has_value());
        Observation bad = await(SecretProbe::run(spec, QStringLiteral("probe-rb")));
        QVERIFY(bad.secretPresent);
        QCOMPARE(bad.secretFormatValid, std::optional<bool>(false));
        QVERIFY(!QJsonDocument(bad.toJson()).toJson().contains(kHex64));

        spec.name = QStringLiteral("absent_key");
        Observation missing = await(SecretProbe::run(spec, QStringLiteral("probe-rb")));
        QVERIFY(missing.connected); // the keychain answered
        QVERIFY(!missing.secretPresent);
        QVERIFY(!missing.secretFormatValid.has_value());

        QCOMPARE(SecretProbe::matchesPattern("abc", QString()), std::optional<bool>(true));
        QCOMPARE(SecretProbe::matchesPattern(QByteArray(), QString()), std::optional<bool>(false));
        QCOMPARE(SecretProbe::matchesPattern("abc", QStringLiteral("(")), std::nullopt);
    }

    void credentialsMap()
    {
        Runbook rb;
        rb.name = QStringLiteral("Map Test");
        SecretSpec issuer {QStringLiteral("issuer_key"),
                           QStringLiteral("JWT issuer"),
                           QStringLiteral("[0-9a-f]{64}"),
                           true,
                           {}};
        SecretSpec optional {QStringLiteral("pager_key"), QString(), QString(), false, {}};
        rb.secrets.insert(issuer.name, issuer);
        rb.secrets.insert(optional.name, optional);
        Connection db;
        db.name = QStringLiteral("app_db");
        db.target = PostgresConnection {};
        db.password.name = QStringLiteral("app_db_password");
        rb.connections.insert(db.name, db);
        Connection rlm;
        rlm.name = QStringLiteral("rlm");
        rlm.target = HttpService {};
        rlm.token.name = QStringLiteral("rlm_token");
        rb.connections.insert(rlm.name, rlm);
        Check check;
        check.id = QStringLiteral("issuer-format");
        check.probe = SecretCheck {QStringLiteral("issuer_key")};
        rb.prerequisites.append(check);

        const QString scope = SecretStore::scopeFor(rb);
        QCOMPARE(scope, QStringLiteral("map-test"));
        QVERIFY(
            await(SecretStore::write(scope, QStringLiteral("app_db_password"), "db-password-1")).has_value());
        QVERIFY(
            await(SecretStore::write(QStringLiteral("global"), QStringLiteral("rlm_token"), "rlm-token-1"))
                .has_value());
        QVERIFY(await(SecretStore::write(scope, QStringLiteral("issuer_key"), "not-hex-at-all")).has_value());

        const QList<SecretStatus> map = await(SecretProbe::credentialsMap(rb));
        QCOMPARE(map.size(), 4);
        QCOMPARE(map[0].name, QStringLiteral("app_db_password"));
        QCOMPARE(map[1].name, QStringLiteral("issuer_key"));
        QCOMPARE(map[2].name, QStringLiteral("pager_key"));
        QCOMPARE(map[3].name, QStringLiteral("rlm_token"));

        QCOMPARE(map[0].usedBy, QStringList {QStringLiteral("connection app_db (password)")});
        QVERIFY(map[0].present && !map[0].declared && map[0].required);
        QCOMPARE(map[0].valid, std::optional<bool>(true));
        QCOMPARE(map[0].scope, scope);
        QVERIFY(!map[0].isBlocking());

        QCOMPARE(map[1].usedBy,
                 (QStringList {QStringLiteral("secrets:"),
                               QStringLiteral("check issuer-format (prerequisites)")}));
        QVERIFY(map[1].declared && map[1].present);
        QCOMPARE(map[1].valid, std::optional<bool>(false));
        QCOMPARE(map[1].description, QStringLiteral("JWT issuer"));
        QVERIFY(map[1].isBlocking());

        QVERIFY(!map[2].present && !map[2].required);
        QVERIFY(!map[2].valid.has_value());
        QVERIFY2(map[2].error.isEmpty(), qPrintable(map[2].error));
        QVERIFY(!map[2].isBlocking());

        QCOMPARE(map[3].usedBy, QStringList {QStringLiteral("connection rlm (token)")});
        QCOMPARE(map[3].scope, QStringLiteral("global"));
        QCOMPARE(map[3].valid, std::optional<bool>(true));

        // A missing required secret blocks.
        QVERIFY(await(SecretStore::remove(scope, QStringLiteral("app_db_password"))).has_value());
        const QList<SecretStatus> after = await(SecretProbe::credentialsMap(rb));
        QVERIFY(!after[0].present);
        QVERIFY(after[0].isBlocking());
        QVERIFY(after[0].error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_SecretStore)
#include "tst_SecretStore.moc"
