#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/runbook/Connection.h"
#include "demo/LocalPostgres.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace cockpit::test {

struct TestDatabase;

// The throwaway cluster of the CTest `postgres` fixture, read from the env file named by
// $COCKPIT_TEST_PG_ENV. Each test creates its own database (createDatabase) so tests run in parallel.
class TestPostgres
{
public:
    static Expected<TestPostgres, Error> fromEnv();
    static Expected<TestPostgres, Error> fromFile(const QString &envFile);
    // The fixture cluster (fromEnv) with a new database in it (createDatabase with `seedSql`).
    static Expected<TestDatabase, Error> databaseFromEnv(const QString &prefix, const QString &seedSql = {});

    QString host() const { return value(QStringLiteral("PGHOST")); }
    int port() const { return value(QStringLiteral("PGPORT")).toInt(); }
    QString caFile() const { return value(QStringLiteral("PGSSLROOTCERT")); }
    QString superuser() const { return value(QStringLiteral("PGUSER")); }
    QString socketDir() const { return value(QStringLiteral("COCKPIT_PG_SOCKETDIR")); }
    QString dataDir() const { return value(QStringLiteral("COCKPIT_PG_DATADIR")); }
    qint64 pid() const { return value(QStringLiteral("COCKPIT_PG_PID")).toLongLong(); }
    // A password-authenticated (scram-sha-256) role; not a superuser.
    QString appUser() const { return value(QStringLiteral("COCKPIT_PG_APP_USER")); }
    QByteArray appPassword() const { return value(QStringLiteral("COCKPIT_PG_APP_PASSWORD")).toUtf8(); }

    LocalPostgres::Endpoint endpoint() const { return {socketDir(), port(), superuser()}; }

    // A new database named prefix_<pid>_<n>_<random>; the app role may use (read and write) every table
    // the superuser creates in its public schema.
    Expected<QString, Error> createDatabase(const QString &prefix) const;
    // The same, then `seedSql` run in it as superuser.
    Expected<QString, Error> createDatabase(const QString &prefix, const QString &seedSql) const;
    // Setup through psql as superuser.
    Expected<void, Error> exec(const QString &database, const QString &sql) const;
    Expected<QString, Error> query(const QString &database, const QString &sql) const;

    // A runbook connection to `database` as the app role (sslmode empty: the probe's default).
    Connection appConnection(const QString &database, const QString &name = QStringLiteral("app_db")) const;
    Connection connection(const QString &database, const QString &user, const QString &sslmode = {},
                          const QString &caFile = {}, const QString &name = QStringLiteral("app_db")) const;

private:
    QString value(const QString &key) const { return m_env.value(key); }
    QMap<QString, QString> m_env;
};

// A test's own database in the fixture cluster.
struct TestDatabase
{
    TestPostgres pg;
    QString name;
};

} // namespace cockpit::test
