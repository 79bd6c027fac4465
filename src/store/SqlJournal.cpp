#include "store/SqlJournal.h"

#include "core/base/Redactor.h"
#include "store/SampleTable.h"

#include <QAtomicInteger>
#include <QSqlDriver>
#include <QSqlQuery>

namespace cockpit {

namespace {
QAtomicInteger<quint64> g_connectionCounter;

JournalRawRow rawRow(const QSqlQuery &q)
{
    return JournalRawRow {q.value(0).toByteArray(), q.value(1).toByteArray(), q.value(2).toByteArray(),
                          q.value(3).toByteArray(), q.value(4).toByteArray(), q.value(5).toByteArray(),
                          q.value(6).toByteArray(), q.value(7).toByteArray()};
}
} // namespace

SqlJournal::SqlJournal(const QString &driver, const QString &table, QObject *parent)
    : Journal(parent)
    , m_table(table)
    , m_connectionName(
          QStringLiteral("cockpit.journal.%1").arg(g_connectionCounter.fetchAndAddOrdered(1) + 1))
    , m_ownerThread(QThread::currentThread())
{
    m_db = QSqlDatabase::addDatabase(driver, m_connectionName);
}

SqlJournal::~SqlJournal()
{
    // Prepared queries live in subclasses and are gone by now; the handle must be released before
    // removeDatabase() or Qt warns that the connection is still in use.
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Expected<void, Error> SqlJournal::checkThread() const
{
    if (QThread::currentThread() != m_ownerThread)
        return unexpected(
            Error::plain(QStringLiteral("journal %1 used from a thread that does not own its connection")
                             .arg(location())));
    return {};
}

Error SqlJournal::sqlError(const QString &what, const QSqlError &error)
{
    return Error::plain(Redactor::redact(QStringLiteral("%1: %2").arg(what, error.text())));
}

QString SqlJournal::insertSql(const QString &suffix) const
{
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (?, ?, ?, ?, ?, ?, ?, ?)%3")
        .arg(m_table, kColumns, suffix);
}

Expected<void, Error> SqlJournal::scanRaw(qint64 fromSeq, const RawRowSink &sink)
{
    if (auto ok = checkThread(); !ok)
        return ok;
    QSqlQuery q(m_db);
    q.setForwardOnly(true); // streams 100 000 rows without caching them twice
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE seq >= ? ORDER BY seq").arg(kColumns, m_table));
    q.addBindValue(fromSeq);
    if (!q.exec())
        return unexpected(sqlError(QStringLiteral("reading journal %1").arg(location()), q.lastError()));
    while (q.next()) {
        if (!sink(rawRow(q)))
            break;
    }
    if (q.lastError().isValid())
        return unexpected(sqlError(QStringLiteral("reading journal %1").arg(location()), q.lastError()));
    return {};
}

Expected<std::optional<QList<MetricSamples>>, Error> SqlJournal::readSamples(const QString &runId,
                                                                             qint64 upToSeq)
{
    if (auto ok = checkThread(); !ok)
        return unexpected(ok.error());
    if (m_db.driverName() == QLatin1String("QPSQL"))
        return SampleTable::readPostgres(m_db, runId, upToSeq);
    // SQLite through its own handle: a million rows without a QVariant per field.
    const QVariant handle = m_db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return std::optional<QList<MetricSamples>>();
    return SampleTable::readSqlite(*static_cast<sqlite3 *const *>(handle.data()), runId, upToSeq);
}

Expected<Journal::Events, Error> SqlJournal::query(qint64 fromSeq, qint64 limit, const QString &runId,
                                                   bool newestOnly)
{
    if (auto ok = checkThread(); !ok)
        return unexpected(ok.error());
    QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE seq >= ?").arg(kColumns, m_table);
    if (!runId.isNull())
        sql += QStringLiteral(" AND run_id = ?");
    sql += newestOnly ? QStringLiteral(" ORDER BY seq DESC") : QStringLiteral(" ORDER BY seq");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    q.addBindValue(fromSeq);
    if (!runId.isNull())
        q.addBindValue(runId);
    if (!q.exec())
        return unexpected(sqlError(QStringLiteral("reading journal %1").arg(location()), q.lastError()));
    Events events;
    while (q.next()) {
        auto e = JournalEvent::fromRawRow(rawRow(q));
        if (!e)
            return unexpected(Error::plain(QStringLiteral("journal %1: event %2 is unreadable: %3")
                                               .arg(location(), q.value(0).toString(), e.error())));
        events.append(std::move(*e));
    }
    if (q.lastError().isValid())
        return unexpected(sqlError(QStringLiteral("reading journal %1").arg(location()), q.lastError()));
    return events;
}

} // namespace cockpit
