// cockpit-mariadb-fixture: the CTest `mariadb` fixture, a throwaway MariaDB server like the PostgreSQL one.
//   start DIR  mariadb-install-db into DIR/data, starts mariadbd on a free port of 127.0.0.1 and a socket in
//              DIR, creates a password-authenticated role, writes DIR/env (KEY=VALUE lines) and exits
//   stop DIR   stops the server named in DIR/env and removes DIR
#include "FixtureEnvFile.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QThread>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using cockpit::test::FixtureEnvFile;

namespace {

bool alive(pid_t pid)
{
    return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM);
}

int stopServer(const QString &dir)
{
    const auto env = FixtureEnvFile::read(dir + QStringLiteral("/env"));
    const pid_t pid = pid_t(env.value(QStringLiteral("COCKPIT_MY_PID")).toLongLong());
    if (alive(pid)) {
        ::kill(pid, SIGTERM);
        QDeadlineTimer deadline(60000);
        while (alive(pid) && !deadline.hasExpired())
            QThread::msleep(50); // a fixture process, not a test: polling the server's exit
        if (alive(pid))
            ::kill(pid, SIGKILL);
    }
    QDir(dir).removeRecursively();
    std::printf("stopped mariadb (pid %lld)\n", static_cast<long long>(pid));
    return 0;
}

QString findProgram(const QStringList &names)
{
    for (const QString &n : names) {
        for (const QString &d : {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")})
            if (QFileInfo::exists(d + QLatin1Char('/') + n))
                return d + QLatin1Char('/') + n;
    }
    return {};
}

bool runTool(const QString &program, const QStringList &args, const QByteArray &input, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return false;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return false;
    }
    *output = QString::fromLocal8Bit(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

int freePort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    return s.serverPort();
}

int startServer(const QString &dir)
{
    if (QFile::exists(dir + QStringLiteral("/env")))
        stopServer(dir); // a previous run that never reached mariadb_stop
    QDir(dir).removeRecursively();
    const QString data = dir + QStringLiteral("/data");
    if (!QDir().mkpath(data)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(data));
        return 1;
    }
    const QString installDb
        = findProgram({QStringLiteral("mariadb-install-db"), QStringLiteral("mysql_install_db")});
    const QString server = findProgram({QStringLiteral("mariadbd"), QStringLiteral("mysqld")});
    const QString client = findProgram({QStringLiteral("mariadb"), QStringLiteral("mysql")});
    if (installDb.isEmpty() || server.isEmpty() || client.isEmpty()) {
        std::fprintf(stderr, "cockpit-mariadb-fixture: MariaDB is not installed (scripts/install-deps)\n");
        return 1;
    }
    const bool root = ::geteuid() == 0;
    const QString user
        = root ? QStringLiteral("root") : qEnvironmentVariable("USER", QStringLiteral("nobody"));
    QString out;
    if (!runTool(installDb,
                 {QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + data,
                  QStringLiteral("--auth-root-authentication-method=socket"),
                  QStringLiteral("--skip-test-db"), QStringLiteral("--user=") + user},
                 {}, &out)) {
        std::fprintf(stderr, "cockpit-mariadb-fixture: mariadb-install-db failed:\n%s\n", qPrintable(out));
        return 1;
    }
    const int port = freePort();
    const QString socket = dir + QStringLiteral("/mysqld.sock");
    const QString log = dir + QStringLiteral("/mysqld.log");
    QStringList args {QStringLiteral("--no-defaults"),
                      QStringLiteral("--datadir=") + data,
                      QStringLiteral("--socket=") + socket,
                      QStringLiteral("--port=%1").arg(port),
                      QStringLiteral("--bind-address=127.0.0.1"),
                      QStringLiteral("--pid-file=") + dir + QStringLiteral("/mysqld.pid"),
                      QStringLiteral("--log-error=") + log,
                      QStringLiteral("--skip-log-bin"),
                      QStringLiteral("--skip-name-resolve"),
                      QStringLiteral("--innodb-buffer-pool-size=64M"),
                      QStringLiteral("--innodb-flush-log-at-trx-commit=0"),
                      QStringLiteral("--character-set-server=utf8mb4")};
    if (root)
        args << QStringLiteral("--user=root");
    qint64 pid = 0;
    if (!QProcess::startDetached(server, args, dir, &pid)) {
        std::fprintf(stderr, "cockpit-mariadb-fixture: cannot start %s\n", qPrintable(server));
        return 1;
    }
    const QString appUser = QStringLiteral("cockpit_app");
    // A throwaway password for a throwaway server; it only lives in DIR/env (mode 0600).
    const QString appPassword
        = QString::number(QRandomGenerator::system()->generate64(), 16) + QStringLiteral("-Pw");
    const QByteArray setup = QStringLiteral("CREATE USER '%1'@'127.0.0.1' IDENTIFIED BY '%2';\n"
                                            "CREATE USER '%1'@'localhost' IDENTIFIED BY '%2';\n"
                                            "GRANT ALL ON `cockpit\\_%`.* TO '%1'@'127.0.0.1';\n"
                                            "GRANT ALL ON `cockpit\\_%`.* TO '%1'@'localhost';\n")
                                 .arg(appUser, appPassword)
                                 .toUtf8();
    QDeadlineTimer ready(60000);
    bool created = false;
    while (!ready.hasExpired() && alive(pid_t(pid))) {
        if (QFileInfo::exists(socket)
            && runTool(
                client,
                {QStringLiteral("--no-defaults"), QStringLiteral("-S"), socket, QStringLiteral("-uroot")},
                setup, &out)) {
            created = true;
            break;
        }
        QThread::msleep(100); // waiting for a server process to come up
    }
    if (!created) {
        std::fprintf(stderr, "cockpit-mariadb-fixture: the server did not come up (log %s): %s\n",
                     qPrintable(log), qPrintable(out));
        if (alive(pid_t(pid)))
            ::kill(pid_t(pid), SIGTERM);
        return 1;
    }
    const QMap<QString, QString> env {
        {QStringLiteral("COCKPIT_MY_HOST"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("COCKPIT_MY_PORT"), QString::number(port)},
        {QStringLiteral("COCKPIT_MY_SOCKET"), socket},
        {QStringLiteral("COCKPIT_MY_CLIENT"), client},
        {QStringLiteral("COCKPIT_MY_PID"), QString::number(pid)},
        {QStringLiteral("COCKPIT_MY_APP_USER"), appUser},
        {QStringLiteral("COCKPIT_MY_APP_PASSWORD"), appPassword},
    };
    const QString envPath = dir + QStringLiteral("/env");
    if (!FixtureEnvFile::write(envPath, env))
        return 1;
    std::printf("mariadb running on 127.0.0.1:%d (pid %lld), facts in %s\n", port,
                static_cast<long long>(pid), qPrintable(envPath));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return FixtureEnvFile::main(app, "cockpit-mariadb-fixture", startServer, stopServer);
}
