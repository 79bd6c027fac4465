// Not run under with-keychain: there is deliberately no usable secret service. The keychain must fail
// fast with a message saying what to do, never hang, never prompt and never fall back to a file.
#include "core/runbook/Runbook.h"
#include "probes/SecretProbe.h"
#include "probes/SecretStore.h"
#include "support/Await.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;

namespace {

template<class T> T await(QFuture<T> f)
{
    return test::awaitOrAbort(f, 20000, "keychain future (the store's timeout guard failed)");
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

} // namespace

class tst_SecretStoreNoBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // Before the first QtKeychain call: a session bus address that leads nowhere, a throwaway HOME,
        // no display (so nothing could prompt or autolaunch a bus).
        m_noBus = m_home.path() + QStringLiteral("/no-such-bus-socket");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_noBus.toLocal8Bit());
        qputenv("HOME", m_home.path().toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", QByteArray(m_home.path().toLocal8Bit() + "/.config"));
        qputenv("XDG_DATA_HOME", QByteArray(m_home.path().toLocal8Bit() + "/.local/share"));
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        QVERIFY(filesUnder(m_home.path()).isEmpty());
    }

    void failsFastWithoutSecretService()
    {
        auto w = await(
            SecretStore::write(QStringLiteral("global"), QStringLiteral("db_password"), "would-be-secret-1"));
        QVERIFY(!w.has_value());
        QVERIFY2(w.error().message.startsWith(QLatin1String("no secret service is available")),
                 qPrintable(w.error().message));
        QVERIFY2(w.error().message.contains(QLatin1String("dbus-run-session")),
                 qPrintable(w.error().message));
        QVERIFY2(w.error().message.contains(QLatin1String("never stored in plain text")),
                 qPrintable(w.error().message));

        auto r = await(SecretStore::read(QStringLiteral("some-runbook"), QStringLiteral("db_password")));
        QVERIFY(!r.has_value());
        QVERIFY2(r.error().message.contains(QLatin1String("no secret service")),
                 qPrintable(r.error().message));
        QVERIFY(!SecretStore::isNotFound(r.error())); // unavailable is not "missing"

        auto d = await(SecretStore::remove(QStringLiteral("global"), QStringLiteral("db_password")));
        QVERIFY(!d.has_value());
        QVERIFY(d.error().message.contains(QLatin1String("no secret service")));
    }

    void probeReportsUnavailableKeychain()
    {
        SecretSpec spec;
        spec.name = QStringLiteral("issuer_key");
        const Observation o = await(SecretProbe::run(spec, QStringLiteral("rb")));
        QCOMPARE(o.kind, Observation::Kind::Secret);
        QVERIFY(!o.connected);
        QVERIFY(!o.secretPresent);
        QVERIFY2(o.error.contains(QLatin1String("no secret service")), qPrintable(o.error));

        Runbook rb;
        rb.name = QStringLiteral("rb");
        rb.secrets.insert(spec.name, spec);
        const QList<SecretStatus> map = await(SecretProbe::credentialsMap(rb));
        QCOMPARE(map.size(), 1);
        QVERIFY(!map[0].present);
        QVERIFY(!map[0].valid.has_value());
        QVERIFY(map[0].error.contains(QLatin1String("no secret service")));
        QVERIFY(map[0].isBlocking());
    }

    void nothingWrittenToDisk()
    {
        // No plain-text fallback (QSettings file or otherwise) anywhere under HOME.
        QCOMPARE(filesUnder(m_home.path()), QStringList());
    }

    // Last: a bus that accepts the connection and never answers leaves the D-Bus handshake (and
    // QtKeychain's job queue) stuck for good. The timeout guard must still resolve the future.
    void hungKeychainTimesOut()
    {
        QLocalServer silent;
        const QString socket = m_home.path() + QStringLiteral("/silent-bus");
        QVERIFY(silent.listen(socket));
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + socket.toLocal8Bit());
        SecretStore::setTimeout(1500ms);

        QElapsedTimer t;
        t.start();
        auto r = await(SecretStore::read(QStringLiteral("global"), QStringLiteral("db_password")));
        const qint64 elapsed = t.elapsed();
        QVERIFY(!r.has_value());
        QVERIFY2(
            r.error().message.contains(QLatin1String("keychain did not answer within 1.5 s: is it locked?")),
            qPrintable(r.error().message));
        QVERIFY2(elapsed >= 1400, qPrintable(QString::number(elapsed)));
        QVERIFY2(silent.hasPendingConnections() || silent.waitForNewConnection(0),
                 "the keychain never tried the bus");
        SecretStore::setTimeout(10s);
    }

private:
    QTemporaryDir m_home;
    QString m_noBus;
};

QTEST_GUILESS_MAIN(tst_SecretStoreNoBackend)
#include "tst_SecretStoreNoBackend.moc"
