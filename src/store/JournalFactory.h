#pragma once

#include "store/Journal.h"

#include <memory>

namespace cockpit {

struct JournalOpenOptions
{
    QByteArray
        password; // PostgreSQL: fetched by the caller from the keychain (or PGPASSWORD); never in the URL
    QString outboxPath; // PostgreSQL writers: local SQLite outbox for outages (empty: none)
    bool readOnly = false; // SQLite: open read-only, fail on a missing file
    int retryIntervalMs = 1000;
};

// Opens a journal by its spec:
//   /path/to/run.journal or sqlite:/path/to/run.journal     -> SqliteJournal
//   postgresql://user@host:port/db?sslmode=verify-full&…    -> PostgresJournal
// The returned journal's connection belongs to the calling thread (see Journal).
class JournalFactory
{
public:
    static Expected<std::unique_ptr<Journal>, Error> open(const QString &spec,
                                                          const JournalOpenOptions &options);
    static Expected<std::unique_ptr<Journal>, Error> open(const QString &spec) { return open(spec, {}); }
    static bool isPostgres(const QString &spec);
};

} // namespace cockpit
