#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"

#include <QString>

namespace cockpit {

// Where a shared journal lives: postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=…&sslrootcert=…].
// Recognised parameters: sslmode, sslrootcert, sslcert, sslkey, connect_timeout, application_name.
// A password in the URL is refused: it comes from the keychain (or PGPASSWORD), handed to open().
struct PostgresJournalSpec
{
    QString user;
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString database;
    QString sslmode; // empty: libpq's default (prefer)
    QString sslrootcert;
    QString sslcert;
    QString sslkey;
    int connectTimeoutSeconds = 5;
    QString applicationName = QStringLiteral("cutover-cockpit");

    static bool looksLikeUrl(const QString &spec);
    static Expected<PostgresJournalSpec, Error> parse(const QString &url);
    // For QSqlDatabase::setConnectOptions (QPSQL).
    QString connectOptions() const;
    // postgresql://user@host:port/db?sslmode=… (no password; safe for logs and messages).
    QString toString() const;
};

} // namespace cockpit
