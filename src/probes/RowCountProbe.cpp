#include "probes/RowCountProbe.h"

#include "probes/SqlConnectionPool.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace cockpit {

namespace {

using Mode = SqlConnectionPool::Mode;

struct SideCounts
{
    bool connected = false;
    QString error; // the side as a whole (connection, transaction)
    QList<std::optional<qint64>> rows;
    QStringList errors; // per table
};

std::optional<qint64> singleCount(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error,
                                  const QByteArray &password, std::chrono::milliseconds timeout)
{
    bool ok = false;
    if (binds.isEmpty()) {
        ok = q.exec(sql);
    } else {
        ok = q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        ok = ok && q.exec();
    }
    if (!ok) {
        *error = SqlConnectionPool::errorText(q.lastError(), password, timeout);
        return std::nullopt;
    }
    if (!q.next()) {
        *error = QString(); // no row: caller decides what that means
        return std::nullopt;
    }
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

SideCounts countSide(const Connection &conn, const QByteArray &password, const QStringList &tables,
                     RowCountCheck::Method method)
{
    SideCounts side;
    side.rows.resize(tables.size());
    side.errors.resize(tables.size());
    const auto timeout = SqlConnectionPool::defaultStatementTimeout(conn);

    auto db = SqlConnectionPool::acquire(conn, Mode::ReadOnly, password);
    if (!db) {
        side.error = db.error();
        return side;
    }
    side.connected = true;
    auto begun = SqlConnectionPool::begin(*db, conn, Mode::ReadOnly, timeout, password);
    if (!begun) {
        // A reused connection may have died; one fresh attempt.
        *db = QSqlDatabase(); // release our handle before the connection is removed
        SqlConnectionPool::discard(conn, Mode::ReadOnly);
        db = SqlConnectionPool::acquire(conn, Mode::ReadOnly, password);
        if (db)
            begun = SqlConnectionPool::begin(*db, conn, Mode::ReadOnly, timeout, password);
        if (!db || !begun) {
            side.error = db ? begun.error() : db.error();
            return side;
        }
    }
    const bool postgres = SqlConnectionPool::isPostgres(*db);
    {
        QSqlQuery q(*db);
        q.setForwardOnly(true);
        for (qsizetype i = 0; i < tables.size(); ++i) {
            const QString &table = tables[i];
            if (!RowCountProbe::isTableName(table)) {
                side.errors[i]
                    = QStringLiteral("'%1' is not a table name (expected table or schema.table)").arg(table);
                continue;
            }
            // A failed statement aborts a PostgreSQL transaction: each table gets a savepoint.
            q.exec(QStringLiteral("SAVEPOINT cockpit_count"));
            QString error;
            std::optional<qint64> n;
            bool needCount = true;
            if (method == RowCountCheck::Method::Fast && postgres) {
                n = singleCount(
                    q,
                    QStringLiteral("SELECT c.reltuples::bigint FROM pg_class c WHERE c.oid = to_regclass(?)"),
                    {table}, &error, password, timeout);
                if (!n && error.isEmpty())
                    error = QStringLiteral("table %1 does not exist").arg(table);
                // reltuples is -1 until the table is first analyzed (and for partitioned tables): count.
                needCount = n && *n < 0;
                if (needCount)
                    n.reset();
            }
            if (needCount) {
                n = singleCount(q, QStringLiteral("SELECT count(*) FROM %1").arg(table), {}, &error, password,
                                timeout);
                if (!n && error.isEmpty())
                    error = QStringLiteral("count(*) on %1 returned no row").arg(table);
            }
            if (n) {
                side.rows[i] = n;
                q.exec(QStringLiteral("RELEASE SAVEPOINT cockpit_count"));
            } else {
                side.errors[i] = error;
                q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT cockpit_count"));
            }
        }
    }
    SqlConnectionPool::rollback(*db);
    return side;
}

} // namespace

bool RowCountProbe::isTableName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")(?:\.(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+"))?$)"));
    return re.match(name).hasMatch();
}

qint64 RowCountProbe::allowedDifference(const RowCountCheck &check, std::optional<qint64> sourceRows)
{
    if (check.tolerance <= 0)
        return 0;
    if (!check.tolerancePercent)
        return qint64(std::floor(check.tolerance + 1e-9));
    if (!sourceRows)
        return 0;
    return qint64(std::floor(double(*sourceRows) * check.tolerance / 100.0 + 1e-9));
}

QFuture<Observation> RowCountProbe::run(const RowCountCheck &check, const Connection &source,
                                        const QByteArray &sourcePassword, const Connection &target,
                                        const QByteArray &targetPassword)
{
    Observation o;
    o.kind = Observation::Kind::RowCount;
    o.at = QDateTime::currentDateTimeUtc();
    o.target
        = SqlConnectionPool::describe(source) + QStringLiteral(" -> ") + SqlConnectionPool::describe(target);
    QElapsedTimer timer;
    timer.start();

    QStringList sourceTables;
    QStringList targetTables;
    for (const TablePair &t : check.tables) {
        sourceTables << t.source;
        targetTables << (t.target.isEmpty() ? t.source : t.target);
    }
    QThreadPool *pool = SqlConnectionPool::threadPool();
    const auto method = check.method;
    QFuture<SideCounts> s = QtConcurrent::run(pool, [source, sourcePassword, sourceTables, method] {
        return countSide(source, sourcePassword, sourceTables, method);
    });
    QFuture<SideCounts> t = QtConcurrent::run(pool, [target, targetPassword, targetTables, method] {
        return countSide(target, targetPassword, targetTables, method);
    });
    QList<QFuture<SideCounts>> both {s, t}; // non-const: whenAll attaches continuations
    return QtFuture::whenAll(both.begin(), both.end())
        .then([o, timer, check, sourceTables, targetTables](const QList<QFuture<SideCounts>> &sides) mutable {
            const SideCounts src = sides.at(0).result();
            const SideCounts dst = sides.at(1).result();
            o.connected = src.connected && dst.connected;
            QStringList errors;
            if (!src.error.isEmpty())
                errors << QStringLiteral("source: ") + src.error;
            if (!dst.error.isEmpty())
                errors << QStringLiteral("target: ") + dst.error;
            o.error = errors.join(QStringLiteral("; "));
            for (qsizetype i = 0; i < sourceTables.size(); ++i) {
                TableCount tc;
                tc.source = sourceTables[i];
                tc.target = targetTables[i];
                tc.sourceRows = src.rows.value(i);
                tc.targetRows = dst.rows.value(i);
                tc.allowedDifference = allowedDifference(check, tc.sourceRows);
                QStringList why;
                if (!src.error.isEmpty())
                    why << QStringLiteral("source not counted");
                else if (!src.errors.value(i).isEmpty())
                    why << QStringLiteral("source: ") + src.errors.value(i);
                if (!dst.error.isEmpty())
                    why << QStringLiteral("target not counted");
                else if (!dst.errors.value(i).isEmpty())
                    why << QStringLiteral("target: ") + dst.errors.value(i);
                tc.error = why.join(QStringLiteral("; "));
                o.tableCounts << tc;
            }
            o.durationMs = timer.elapsed();
            return o;
        });
}

} // namespace cockpit
