// Runs the real cutover-cockpit binary ($COCKPIT_BIN) under tests/support/with-keychain.
#include "probes/SecretStore.h"
#include "support/Await.h"
#include "support/CliProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace cockpit;
using cockpit::test::CliRun;

namespace {

template<class T> T await(QFuture<T> f)
{
    return test::awaitOrAbort(f, 15000, "keychain future");
}

const QByteArray kValue = QByteArrayLiteral("cli-Secret-value-7781");
const QByteArray kOtherValue = QByteArrayLiteral("0123456789abcdef0123456789abcdef");

// Reads from a pty master until NEEDLE shows up (or the child goes quiet for 10 s).
bool readUntil(int fd, QByteArray &seen, const QByteArray &needle)
{
    while (!seen.contains(needle)) {
        pollfd p {fd, POLLIN, 0};
        if (poll(&p, 1, 10000) <= 0)
            return false;
        char buf[512];
        const ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            return false;
        seen.append(buf, n);
    }
    return true;
}

} // namespace

class tst_SecretCommand : public QObject
{
    Q_OBJECT

    // Every output of every run, to prove no value ever appears in it.
    QString m_allOutput;
    QTemporaryDir m_dir;

    CliRun cockpit(const QStringList &args, const QByteArray &stdinData = {},
                   const QMap<QString, QString> &env = {})
    {
        CliRun r = test::runCockpit(args, env, 30000, {}, stdinData);
        if (!r.started)
            qFatal("cannot start %s: %s", qPrintable(test::cockpitBinary()), r.err.constData());
        if (r.timedOut)
            qFatal("cutover-cockpit %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
        m_allOutput += r.outText() + r.errText();
        return r;
    }

    QString writeRunbook()
    {
        QString path = m_dir.filePath(QStringLiteral("map.yaml"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write runbook");
        f.write( // moc cannot parse raw string literals
            "runbook: 1\n"
            "name: CLI Map Test\n"
            "secrets:\n"
            "  issuer_key: {description: JWT issuer key, pattern: \"^[0-9a-f]{32}$\"}\n"
            "  pager_key: {description: optional pager integration, required: false}\n"
            "  app_db_password: {description: cockpit_ro on app}\n"
            "  flags_token: {}\n"
            "connections:\n"
            "  app_db:\n"
            "    postgres: {host: 127.0.0.1, database: app, user: cockpit_ro, password: {secret: "
            "app_db_password}}\n"
            "  flags:\n"
            "    http: {base_url: \"http://127.0.0.1:9\", token: {secret: flags_token}}\n"
            "prerequisites:\n"
            "  - id: issuer-format\n"
            "    secret: issuer_key\n");
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("COCKPIT_BIN")),
                 "COCKPIT_BIN must point to cutover-cockpit");
        QVERIFY2(QDir::homePath().contains(QLatin1String("cockpit-keychain.")),
                 "run me through tests/support/with-keychain");
        QVERIFY(m_dir.isValid());
    }

    void helpOnEachCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        QTest::newRow("secret") << QStringList {"secret", "--help"}
                                << "Usage: cutover-cockpit secret COMMAND";
        QTest::newRow("set") << QStringList {"secret", "set", "--help"}
                             << "never accepted as a command-line argument";
        QTest::newRow("status") << QStringList {"secret", "status", "--help"}
                                << "Usage: cutover-cockpit secret status NAME";
        QTest::newRow("delete") << QStringList {"secret", "delete", "--help"}
                                << "Usage: cutover-cockpit secret delete NAME";
        QTest::newRow("map") << QStringList {"secret", "map", "--help"}
                             << "Usage: cutover-cockpit secret map --runbook FILE";
    }
    void helpOnEachCommand()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        const CliRun r = cockpit(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(needle), qPrintable(r.outText()));
    }

    void setStatusDelete()
    {
        CliRun r = cockpit({"secret", "set", "db_password", "--scope", "cli-test"}, kValue + "\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QVERIFY2(r.outText().contains(QLatin1String("stored secret db_password in scope cli-test")),
                 qPrintable(r.outText()));

        // Stored exactly, without the trailing newline, in the real keychain.
        auto stored = await(SecretStore::read(QStringLiteral("cli-test"), QStringLiteral("db_password")));
        QVERIFY(stored.has_value());
        QCOMPARE(*stored, kValue);

        r = cockpit({"secret", "status", "db_password", "--scope", "cli-test"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QLatin1String("secret db_password: present (scope cli-test), valid")),
                 qPrintable(r.outText()));

        r = cockpit({"secret", "status", "db_password", "--scope", "cli-test", "--pattern", "[0-9]+"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.outText().contains(QLatin1String("INVALID (does not match [0-9]+)")),
                 qPrintable(r.outText()));

        // Debug logging must not leak it either.
        r = cockpit({"--verbose", "secret", "status", "db_password", "--scope", "cli-test"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.errText().contains(QLatin1String("cockpit.probes.secrets")), qPrintable(r.errText()));

        r = cockpit({"secret", "delete", "db_password", "--scope", "cli-test"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QLatin1String("deleted secret db_password from scope cli-test")),
                 qPrintable(r.outText()));

        r = cockpit({"secret", "status", "db_password", "--scope", "cli-test"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.outText().contains(QLatin1String("secret db_password: missing")), qPrintable(r.outText()));
        QVERIFY2(r.errText().contains(QLatin1String("`cutover-cockpit secret set db_password`")),
                 qPrintable(r.errText()));

        r = cockpit({"secret", "delete", "db_password", "--scope", "cli-test"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(QLatin1String("not found")), qPrintable(r.errText()));
    }

    void globalScopeByDefault()
    {
        CliRun r = cockpit({"secret", "set", "shared_token"}, kOtherValue);
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QVERIFY2(r.outText().contains(QLatin1String("in scope global")), qPrintable(r.outText()));
        // A runbook scope without its own entry falls back to global.
        r = cockpit({"secret", "status", "shared_token", "--scope", "some-runbook"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QLatin1String("present (scope global)")), qPrintable(r.outText()));
    }

    void valueIsNeverTakenFromArguments()
    {
        CliRun r = cockpit({"secret", "set", "argv_secret", QString::fromLatin1(kValue)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("never from the command line")), qPrintable(r.errText()));
        r = cockpit({"secret", "set", "argv_secret", "--value", QString::fromLatin1(kValue)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("unknown option --value")), qPrintable(r.errText()));
        r = cockpit({"secret", "status", "argv_secret"});
        QCOMPARE(r.exitCode, 1); // nothing was stored
    }

    void rejectsInvalidValues()
    {
        CliRun r = cockpit({"secret", "set", "hex_key", "--pattern", "[0-9a-f]{32}"}, "not-hex-" + kValue);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.errText().contains(QLatin1String("does not match the pattern [0-9a-f]{32}; nothing stored")),
            qPrintable(r.errText()));
        r = cockpit({"secret", "set", "hex_key"}, QByteArray());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errText().contains(QLatin1String("empty")), qPrintable(r.errText()));
        r = cockpit({"secret", "set", "hex_key", "--pattern", "("}, kOtherValue);
        QCOMPARE(r.exitCode, 2);
        r = cockpit({"secret", "status", "hex_key"});
        QCOMPARE(r.exitCode, 1);
    }

    void usageErrors()
    {
        QCOMPARE(cockpit({"secret"}).exitCode, 2);
        QCOMPARE(cockpit({"secret", "frobnicate"}).exitCode, 2);
        QCOMPARE(cockpit({"secret", "set"}, kValue).exitCode, 2);
        QCOMPARE(cockpit({"secret", "status", "x", "--runbook", "a.yaml", "--scope", "b"}).exitCode, 2);
        QCOMPARE(cockpit({"secret", "map"}).exitCode, 2);
        QCOMPARE(cockpit({"secret", "set", "a/b"}, kValue).exitCode, 2);
    }

    // A runbook whose parameters have no default loads only with them: secret takes --param/--params as
    // check and run do (the runbook, its scope and the pattern it declares come with them).
    void runbookParameters()
    {
        const QString runbook = m_dir.filePath(QStringLiteral("params.yaml"));
        {
            QFile f(runbook);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("runbook: 1\n"
                    "name: CLI Param Test\n"
                    "params:\n"
                    "  env: {description: staging or production}\n"
                    "  db_host: {description: the app database}\n"
                    "secrets:\n"
                    "  app_db_password: {pattern: \"^[A-Za-z0-9-]{8,}$\"}\n"
                    "connections:\n"
                    "  app_db:\n"
                    "    postgres: {host: \"${db_host}\", database: \"app_${env}\", user: cockpit_ro,\n"
                    "               password: {secret: app_db_password}}\n");
        }
        const QString paramFile = m_dir.filePath(QStringLiteral("staging.yaml"));
        {
            QFile f(paramFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("db_host: 127.0.0.1\n");
        }
        const QStringList params {"--params", paramFile, "--param", "env=staging"};
        // Without the parameters the runbook does not load, and says which one is missing.
        CliRun r = cockpit({"secret", "map", "--runbook", runbook});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("--param env=VALUE")), qPrintable(r.errText()));
        r = cockpit({"secret", "set", "app_db_password", "--runbook", runbook}, kValue);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("--param db_host=VALUE")), qPrintable(r.errText()));
        // --param without a runbook has nothing to apply to.
        r = cockpit({"secret", "status", "x", "--param", "env=staging"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("need --runbook")), qPrintable(r.errText()));
        // An override for a parameter the runbook does not declare is refused, as by check.
        r = cockpit(QStringList {"secret", "map", "--runbook", runbook, "--param", "evn=x"} + params);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("undeclared parameter \"evn\"")),
                 qPrintable(r.errText()));

        r = cockpit(QStringList {"secret", "map", "--runbook", runbook} + params);
        QVERIFY2(r.exitCode == 1, qPrintable(r.outText() + r.errText()));
        QVERIFY2(r.outText().contains(QLatin1String("scope cli-param-test")), qPrintable(r.outText()));
        // The runbook's pattern applies: a value that does not match is refused.
        r = cockpit(QStringList {"secret", "set", "app_db_password", "--runbook", runbook} + params,
                    "short\n");
        QCOMPARE(r.exitCode, 1);
        r = cockpit(QStringList {"secret", "set", "app_db_password", "--runbook", runbook, "--params",
                                 paramFile, "--param=env=staging"},
                    kValue + "\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QVERIFY2(r.outText().contains(QLatin1String("in scope cli-param-test")), qPrintable(r.outText()));
        QVERIFY2(!r.errText().contains(QLatin1String("does not reference")), qPrintable(r.errText()));
        r = cockpit(QStringList {"secret", "status", "app_db_password", "--runbook", runbook} + params);
        QVERIFY2(r.exitCode == 0, qPrintable(r.outText() + r.errText()));
        QVERIFY2(r.outText().contains(QLatin1String("present (scope cli-param-test), valid")),
                 qPrintable(r.outText()));
        r = cockpit(QStringList {"secret", "map", "--runbook", runbook} + params);
        QVERIFY2(r.exitCode == 0, qPrintable(r.outText() + r.errText()));
        QCOMPARE(cockpit(QStringList {"secret", "delete", "app_db_password", "--runbook", runbook} + params)
                     .exitCode,
                 0);
    }

    void credentialsMapOfRunbook()
    {
        const QString runbook = writeRunbook();
        CliRun r = cockpit({"secret", "map", "--runbook", runbook});
        QVERIFY2(r.exitCode == 1, qPrintable(r.outText() + r.errText()));
        QVERIFY2(r.outText().contains(QLatin1String("scope cli-map-test")), qPrintable(r.outText()));
        for (const char *name : {"app_db_password", "flags_token", "issuer_key", "pager_key"})
            QVERIFY2(r.outText().contains(QLatin1String(name)), name);
        QVERIFY2(r.outText().contains(QLatin1String("secrets:, connection app_db (password)")),
                 qPrintable(r.outText()));
        QVERIFY2(r.outText().contains(QLatin1String("check issuer-format (prerequisites)")),
                 qPrintable(r.outText()));

        // --runbook: the runbook's scope and its declared pattern.
        r = cockpit({"secret", "set", "issuer_key", "--runbook", runbook}, "xyz-not-hex-0000");
        QCOMPARE(r.exitCode, 1);
        r = cockpit({"secret", "set", "issuer_key", "--runbook", runbook}, kOtherValue + "\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QVERIFY2(r.outText().contains(QLatin1String("in scope cli-map-test")), qPrintable(r.outText()));
        QCOMPARE(cockpit({"secret", "set", "app_db_password", "--runbook", runbook}, kValue).exitCode, 0);
        QCOMPARE(cockpit({"secret", "set", "flags_token"}, kValue).exitCode, 0); // global

        // pager_key is optional: everything required is present and valid now.
        r = cockpit({"secret", "map", "--runbook", runbook});
        QVERIFY2(r.exitCode == 0, qPrintable(r.outText() + r.errText()));
        const QStringList lines = r.outText().split(QLatin1Char('\n'));
        auto lineOf = [&](const QString &name) {
            for (const QString &l : lines)
                if (l.startsWith(name + QLatin1Char(' ')))
                    return l.simplified();
            return QString();
        };
        QVERIFY2(lineOf(QStringLiteral("issuer_key"))
                     .startsWith(QLatin1String("issuer_key yes yes yes cli-map-test")),
                 qPrintable(r.outText()));
        QVERIFY2(
            lineOf(QStringLiteral("flags_token")).startsWith(QLatin1String("flags_token yes yes yes global")),
            qPrintable(r.outText()));
        QVERIFY2(lineOf(QStringLiteral("pager_key")).startsWith(QLatin1String("pager_key no no unknown -")),
                 qPrintable(r.outText()));
    }

    void readsFromTerminalWithoutEcho()
    {
        // A real pseudo-terminal: the value is typed after the prompt and must not be echoed back.
        int master = -1;
        const QByteArray bin = qEnvironmentVariable("COCKPIT_BIN").toLocal8Bit();
        const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
        QVERIFY(pid >= 0);
        if (pid == 0) {
            execl(bin.constData(), bin.constData(), "secret", "set", "tty_secret", "--scope", "tty", nullptr);
            _exit(127);
        }
        QByteArray screen;
        QVERIFY2(readUntil(master, screen, "(input hidden): "), screen.constData());
        const QByteArray line = kValue + "\n";
        QCOMPARE(write(master, line.constData(), size_t(line.size())), ssize_t(line.size()));
        QVERIFY2(readUntil(master, screen, "Repeat the value: "), screen.constData());
        QCOMPARE(write(master, line.constData(), size_t(line.size())), ssize_t(line.size()));
        readUntil(master, screen, "stored secret"); // then EOF
        readUntil(master, screen, "\x01"); // drain until the child closes the terminal
        int status = 0;
        QCOMPARE(waitpid(pid, &status, 0), pid);
        close(master);
        m_allOutput += QString::fromUtf8(screen);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, screen.constData());
        QVERIFY2(screen.contains("stored secret tty_secret in scope tty"), screen.constData());
        QVERIFY2(!screen.contains(kValue), "the typed value was echoed");
        auto stored = await(SecretStore::read(QStringLiteral("tty"), QStringLiteral("tty_secret")));
        QVERIFY(stored.has_value());
        QCOMPARE(*stored, kValue);
    }

    void keychainUnavailableIsExitTwo()
    {
        const QMap<QString, QString> env {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                                           QStringLiteral("unix:path=/nonexistent/cockpit-no-bus")}};
        CliRun r = cockpit({"secret", "status", "db_password"}, {}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("no secret service is available")),
                 qPrintable(r.errText()));
        r = cockpit({"secret", "set", "db_password"}, kValue, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("no secret service is available")),
                 qPrintable(r.errText()));
    }

    void valuesNeverPrinted()
    {
        QVERIFY(!m_allOutput.isEmpty());
        QVERIFY2(!m_allOutput.contains(QString::fromLatin1(kValue)), "a secret value appeared in the output");
        QVERIFY2(!m_allOutput.contains(QString::fromLatin1(kOtherValue)),
                 "a secret value appeared in the output");
    }
};

QTEST_GUILESS_MAIN(tst_SecretCommand)
#include "tst_SecretCommand.moc"
