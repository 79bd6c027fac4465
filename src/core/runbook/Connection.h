#pragma once

#include <QMap>
#include <QString>
#include <chrono>
#include <optional>
#include <variant>

namespace cockpit {

// Where a secret comes from: a name in the keychain, never the value itself.
struct SecretRef
{
    QString name;
    bool isSet() const { return !name.isEmpty(); }
};

struct PostgresConnection
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString database;
    QString user;
    QString sslmode; // empty: verify-full for non-loopback hosts, prefer for loopback
    QString caFile; // sslrootcert
    std::chrono::milliseconds connectTimeout {5000};
    std::chrono::milliseconds statementTimeout {30000};
};

// MySQL / MariaDB through Qt's QMYSQL driver (seed B's legacy side).
struct MysqlConnection
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 3306;
    QString socket; // unix socket path; when set, host and port are not used
    QString database;
    QString user;
    std::chrono::milliseconds connectTimeout {5000};
    std::chrono::milliseconds statementTimeout {30000};
};

struct SqliteConnection
{
    QString path;
};

struct HttpService
{
    QString baseUrl;
    QMap<QString, QString> headers; // default headers sent with every request
    QString caFile;
    bool insecureSkipVerify = false; // must be explicit; marked in the evidence
    std::chrono::milliseconds timeout {10000};
};

// A named connection of a runbook (`connections:`).
struct Connection
{
    QString name;
    QString description;
    std::variant<PostgresConnection, SqliteConnection, HttpService, MysqlConnection> target;
    SecretRef password; // postgres or mysql password
    SecretRef token; // HTTP bearer token
    bool writable = false; // only writable connections may run SQL actions
    bool production = false; // a rehearsal refuses to write here (usually `${param}` with a rehearsal value)
    int maxConcurrent = 4; // checks run at once on this connection

    bool isSql() const { return !std::holds_alternative<HttpService>(target); }
    bool isHttp() const { return std::holds_alternative<HttpService>(target); }
    QString kindName() const
    {
        return std::holds_alternative<PostgresConnection>(target) ? QStringLiteral("postgres")
            : std::holds_alternative<SqliteConnection>(target)    ? QStringLiteral("sqlite")
            : std::holds_alternative<MysqlConnection>(target)     ? QStringLiteral("mysql")
                                                                  : QStringLiteral("http");
    }
};

} // namespace cockpit
