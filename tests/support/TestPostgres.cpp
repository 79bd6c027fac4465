#include "support/TestPostgres.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>

namespace cockpit::test {

Expected<TestPostgres, Error> TestPostgres::fromEnv()
{
    const QString path = qEnvironmentVariable("COCKPIT_TEST_PG_ENV");
    if (path.isEmpty())
        return unexpected(Error::plain(QStringLiteral(
            "COCKPIT_TEST_PG_ENV is not set: run this test through ctest (fixture `postgres`)")));
    return fromFile(path);
}

Expected<TestPostgres, Error> TestPostgres::fromFile(const QString &envFile)
{
    QFile f(envFile);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(Error::plain(
            QStringLiteral("cannot read %1 (%2): is the postgres fixture (postgres_start) running?")
                .arg(envFile, f.errorString())));
    TestPostgres pg;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            pg.m_env.insert(line.left(eq), line.mid(eq + 1));
    }
    if (pg.port() <= 0 || pg.socketDir().isEmpty())
        return unexpected(
            Error::plain(QStringLiteral("%1 lacks PGPORT or COCKPIT_PG_SOCKETDIR").arg(envFile)));
    return pg;
}

Expected<TestDatabase, Error> TestPostgres::databaseFromEnv(const QString &prefix, const QString &seedSql)
{
    auto pg = fromEnv();
    if (!pg)
        return unexpected(pg.error());
    auto name = pg->createDatabase(prefix, seedSql);
    if (!name)
        return unexpected(name.error());
    return TestDatabase {*pg, *name};
}

Expected<QString, Error> TestPostgres::createDatabase(const QString &prefix, const QString &seedSql) const
{
    auto name = createDatabase(prefix);
    if (!name || seedSql.isEmpty())
        return name;
    if (auto r = exec(*name, seedSql); !r)
        return unexpected(r.error());
    return name;
}

Expected<QString, Error> TestPostgres::createDatabase(const QString &prefix) const
{
    static QAtomicInt counter;
    const QString name = QStringLiteral("%1_%2_%3_%4")
                             .arg(prefix.toLower())
                             .arg(QCoreApplication::applicationPid())
                             .arg(counter.fetchAndAddRelaxed(1))
                             .arg(QRandomGenerator::global()->bounded(100000));
    if (auto r = exec(QStringLiteral("postgres"),
                      QStringLiteral("CREATE DATABASE %1;").arg(LocalPostgres::quoteIdentifier(name)));
        !r)
        return unexpected(r.error());
    const QString app = LocalPostgres::quoteIdentifier(appUser());
    const QString grants
        = QStringLiteral("GRANT ALL ON SCHEMA public TO %1;\n"
                         "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO %1;\n"
                         "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO %1;\n")
              .arg(app);
    if (auto r = exec(name, grants); !r)
        return unexpected(r.error());
    return name;
}

Expected<void, Error> TestPostgres::exec(const QString &database, const QString &sql) const
{
    return LocalPostgres::runSql(endpoint(), database, sql);
}

Expected<QString, Error> TestPostgres::query(const QString &database, const QString &sql) const
{
    return LocalPostgres::querySql(endpoint(), database, sql);
}

Connection TestPostgres::appConnection(const QString &database, const QString &name) const
{
    return connection(database, appUser(), {}, caFile(), name);
}

Connection TestPostgres::connection(const QString &database, const QString &user, const QString &sslmode,
                                    const QString &caFile, const QString &name) const
{
    PostgresConnection pg;
    pg.host = host();
    pg.port = port();
    pg.database = database;
    pg.user = user;
    pg.sslmode = sslmode;
    pg.caFile = caFile;
    Connection c;
    c.name = name;
    c.target = pg;
    return c;
}

} // namespace cockpit::test
