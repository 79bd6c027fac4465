#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/runbook/Connection.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace cockpit::test {

// The throwaway MariaDB server of the CTest `mariadb` fixture, read from the env file named by
// $COCKPIT_TEST_MY_ENV. Each test creates its own database (named cockpit_…, which the app role may use).
class TestMariadb
{
public:
    static Expected<TestMariadb, Error> fromEnv();

    QString host() const { return value(QStringLiteral("COCKPIT_MY_HOST")); }
    int port() const { return value(QStringLiteral("COCKPIT_MY_PORT")).toInt(); }
    QString socket() const { return value(QStringLiteral("COCKPIT_MY_SOCKET")); }
    QString appUser() const { return value(QStringLiteral("COCKPIT_MY_APP_USER")); }
    QByteArray appPassword() const { return value(QStringLiteral("COCKPIT_MY_APP_PASSWORD")).toUtf8(); }

    Expected<QString, Error> createDatabase(const QString &prefix) const;
    // Setup through the mariadb client as root over the socket; the SQL goes through stdin.
    Expected<QString, Error> exec(const QString &database, const QString &sql) const;
    // A runbook connection to `database` as the app role over TCP on 127.0.0.1.
    Connection appConnection(const QString &database, const QString &name) const;

private:
    QString value(const QString &key) const { return m_env.value(key); }
    QMap<QString, QString> m_env;
};

} // namespace cockpit::test
