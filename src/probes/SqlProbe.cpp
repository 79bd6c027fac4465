#include "probes/SqlProbe.h"

#include "probes/SqlConnectionPool.h"
#include "probes/SqlText.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

namespace cockpit {

namespace {

using Mode = SqlConnectionPool::Mode;

// Opens the connection and starts the transaction; a reused connection that turns out broken (server
// restarted, idle timeout) is reopened once.
Expected<QSqlDatabase, QString> openAndBegin(const Connection &conn, Mode mode,
                                             std::chrono::milliseconds timeout, const QByteArray &password,
                                             Observation &o)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        bool reused = false;
        auto db = SqlConnectionPool::acquire(conn, mode, password, &reused);
        if (!db)
            return db;
        o.connected = true;
        auto begun = SqlConnectionPool::begin(*db, conn, mode, timeout, password);
        if (begun)
            return db;
        if (!reused || attempt == 1)
            return unexpected(begun.error());
        *db = QSqlDatabase(); // release our handle before the connection is removed
        SqlConnectionPool::discard(conn, mode);
    }
    return unexpected(QStringLiteral("unreachable"));
}

// Executes `sql` and fills columns/rows/rowCount. Returns the error text, empty on success.
QString collect(QSqlDatabase &db, const QString &sql, int maxRows, bool countAffected,
                const QByteArray &password, std::chrono::milliseconds timeout, Observation &o)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return SqlConnectionPool::errorText(q.lastError(), password, timeout);
    if (q.isSelect()) {
        const QSqlRecord record = q.record();
        for (int i = 0; i < record.count(); ++i)
            o.columns << record.fieldName(i);
        qint64 n = 0;
        while (q.next()) {
            if (n < maxRows) {
                QVariantList row;
                row.reserve(record.count());
                for (int i = 0; i < record.count(); ++i)
                    row << q.value(i);
                o.rows << row;
            }
            ++n;
        }
        o.rowCount = n;
        o.rowsTruncated = n > maxRows;
        // A failure while streaming rows (e.g. the timeout hits mid-result) shows up only here.
        if (q.lastError().isValid())
            return SqlConnectionPool::errorText(q.lastError(), password, timeout);
    } else if (countAffected) {
        o.rowCount = std::max(0, q.numRowsAffected());
    }
    return {};
}

Observation start(const Connection &conn)
{
    Observation o;
    o.kind = Observation::Kind::Sql;
    o.at = QDateTime::currentDateTimeUtc();
    o.target = SqlConnectionPool::describe(conn);
    return o;
}

template<class Body> Observation guarded(const Connection &conn, Body body)
{
    // A probe never throws: whatever escapes becomes the observation's error.
    try {
        return body();
    } catch (const std::exception &e) {
        Observation o = start(conn);
        o.error = QStringLiteral("internal error: %1").arg(QString::fromLocal8Bit(e.what()));
        return o;
    }
}

} // namespace

Observation SqlProbe::runBlocking(const Connection &conn, const SqlQuery &query, const QByteArray &password)
{
    Observation o = start(conn);
    QElapsedTimer timer;
    timer.start();
    const auto timeout = query.timeout.value_or(SqlConnectionPool::defaultStatementTimeout(conn));
    // "COMMIT; INSERT ..." would run the INSERT outside the read-only transaction.
    if (const int statements = SqlText::statementCount(query.query); statements != 1) {
        o.error = statements == 0
            ? QStringLiteral("the check has no SQL statement")
            : QStringLiteral("a check must be a single SQL statement (found %1)").arg(statements);
        o.durationMs = timer.elapsed();
        return o;
    }
    auto db = openAndBegin(conn, Mode::ReadOnly, timeout, password, o);
    if (!db) {
        o.error = db.error();
    } else {
        o.error = collect(*db, query.query, std::max(0, query.maxRows), false, password, timeout, o);
        SqlConnectionPool::rollback(*db); // read-only: nothing to keep
    }
    o.durationMs = timer.elapsed();
    return o;
}

Observation SqlProbe::executeBlocking(const Connection &conn, const SqlStatement &statement,
                                      const QByteArray &password)
{
    Observation o = start(conn);
    QElapsedTimer timer;
    timer.start();
    if (!conn.writable) {
        o.error = QStringLiteral("connection '%1' is not writable: SQL actions need `writable: true` on the "
                                 "connection")
                      .arg(conn.name);
        return o;
    }
    const auto timeout = statement.timeout.value_or(SqlConnectionPool::defaultStatementTimeout(conn));
    auto db = openAndBegin(conn, Mode::Writable, timeout, password, o);
    if (!db) {
        o.error = db.error();
    } else {
        o.error = collect(*db, statement.statement, 100, true, password, timeout, o);
        if (o.error.isEmpty()) {
            QSqlQuery commit(*db);
            if (!commit.exec(QStringLiteral("COMMIT")))
                o.error = QStringLiteral("commit failed: ")
                    + SqlConnectionPool::errorText(commit.lastError(), password);
        } else {
            SqlConnectionPool::rollback(*db);
        }
    }
    o.durationMs = timer.elapsed();
    return o;
}

QFuture<Observation> SqlProbe::run(const Connection &conn, const SqlQuery &query, const QByteArray &password)
{
    return QtConcurrent::run(SqlConnectionPool::threadPool(), [conn, query, password] {
        return guarded(conn, [&] { return runBlocking(conn, query, password); });
    });
}

QFuture<Observation> SqlProbe::execute(const Connection &conn, const SqlStatement &statement,
                                       const QByteArray &password)
{
    return QtConcurrent::run(SqlConnectionPool::threadPool(), [conn, statement, password] {
        return guarded(conn, [&] { return executeBlocking(conn, statement, password); });
    });
}

} // namespace cockpit
