#include "support/TestMariadb.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

namespace cockpit::test {

Expected<TestMariadb, Error> TestMariadb::fromEnv()
{
    const QString path = qEnvironmentVariable("COCKPIT_TEST_MY_ENV");
    if (path.isEmpty())
        return unexpected(Error::plain(QStringLiteral(
            "COCKPIT_TEST_MY_ENV is not set: run this test through ctest (fixture `mariadb`)")));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(Error::plain(QStringLiteral("cannot read %1 (%2): is the mariadb fixture running?")
                                           .arg(path, f.errorString())));
    TestMariadb my;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            my.m_env.insert(line.left(eq), line.mid(eq + 1));
    }
    if (my.port() <= 0 || my.socket().isEmpty())
        return unexpected(
            Error::plain(QStringLiteral("%1 lacks COCKPIT_MY_PORT or COCKPIT_MY_SOCKET").arg(path)));
    return my;
}

Expected<QString, Error> TestMariadb::exec(const QString &database, const QString &sql) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    QStringList args {QStringLiteral("--no-defaults"), QStringLiteral("-S"), socket(),
                      QStringLiteral("-uroot"),        QStringLiteral("-N"), QStringLiteral("-B")};
    if (!database.isEmpty())
        args << database;
    p.start(value(QStringLiteral("COCKPIT_MY_CLIENT")), args);
    if (!p.waitForStarted(10000))
        return unexpected(
            Error::plain(QStringLiteral("cannot start the mariadb client: %1").arg(p.errorString())));
    p.write(sql.toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return unexpected(Error::plain(
            QStringLiteral("mariadb: %1").arg(QString::fromLocal8Bit(p.readAllStandardError()))));
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

Expected<QString, Error> TestMariadb::createDatabase(const QString &prefix) const
{
    static QAtomicInt counter;
    const QString name = QStringLiteral("cockpit_%1_%2_%3_%4")
                             .arg(prefix.toLower())
                             .arg(QCoreApplication::applicationPid())
                             .arg(counter.fetchAndAddRelaxed(1))
                             .arg(QRandomGenerator::global()->bounded(100000));
    if (auto r = exec({}, QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4;").arg(name)); !r)
        return unexpected(r.error());
    return name;
}

Connection TestMariadb::appConnection(const QString &database, const QString &name) const
{
    MysqlConnection my;
    my.host = host();
    my.port = port();
    my.database = database;
    my.user = appUser();
    Connection c;
    c.name = name;
    c.target = my;
    return c;
}

} // namespace cockpit::test
