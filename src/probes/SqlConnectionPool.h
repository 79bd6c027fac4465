#pragma once

#include "core/base/Expected.h"
#include "core/runbook/Connection.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <chrono>

class QThreadPool;

namespace cockpit {

// The SQL worker threads and their connections. Qt forbids using a QSqlDatabase outside the thread that
// created it, so every worker thread keeps its own named connections (name = thread id + connection
// name + mode), reuses them across calls and removes them when the thread ends. Everything except
// threadPool() and the pure helpers must be called on a worker thread of threadPool().
class SqlConnectionPool
{
public:
    enum class Mode { ReadOnly, Writable };

    // The pool all SQL probes run on. It is torn down (threads joined, connections removed) when the
    // QCoreApplication is destroyed.
    static QThreadPool *threadPool();

    // This thread's open connection for conn, opened (connect timeout, TLS options) when needed or when
    // its settings or password changed. `reused` tells whether an existing connection was returned.
    // The error text never contains the password.
    static Expected<QSqlDatabase, QString> acquire(const Connection &conn, Mode mode,
                                                   const QByteArray &password, bool *reused = nullptr);
    // Closes and forgets this thread's connection (after it broke).
    static void discard(const Connection &conn, Mode mode);

    // Starts the transaction every check runs in: READ ONLY (or read-write for Mode::Writable) with a
    // statement timeout. SQLite has no statement timeout; its read-only-ness comes from the connection.
    static Expected<void, QString> begin(QSqlDatabase &db, const Connection &conn, Mode mode,
                                         std::chrono::milliseconds statementTimeout,
                                         const QByteArray &password);
    static void rollback(QSqlDatabase &db);

    static std::chrono::milliseconds defaultStatementTimeout(const Connection &conn);
    // "name: postgresql://user@host:port/db" or "name: sqlite:/path"; never a credential.
    static QString describe(const Connection &conn);
    // verify-full for remote hosts, prefer for loopback, unless the connection says otherwise.
    static QString effectiveSslMode(const PostgresConnection &pg);
    static bool isPostgres(const QSqlDatabase &db);
    static bool isMysql(const QSqlDatabase &db);

    // One line from a driver error, with the password and registered secrets removed. Recognises a
    // write in a read-only transaction and a statement timeout and says so.
    static QString errorText(const QSqlError &error, const QByteArray &password,
                             std::chrono::milliseconds statementTimeout = {});
    static QString redact(QString text, const QByteArray &password);
};

} // namespace cockpit
