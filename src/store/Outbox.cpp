#include "store/Outbox.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

namespace cockpit {

namespace {
QAtomicInteger<quint64> g_outboxCounter;

Error sqlError(const QString &path, const QSqlError &e)
{
    return Error::plain(QStringLiteral("outbox %1: %2").arg(path, e.text()));
}

Expected<QList<JournalEvent>, Error> readEvents(QSqlQuery &q, const QString &path)
{
    QList<JournalEvent> out;
    while (q.next()) {
        auto e = JournalEvent::fromRawRow(JournalRawRow {q.value(0).toByteArray(), q.value(1).toByteArray(),
                                                         q.value(2).toByteArray(), q.value(3).toByteArray(),
                                                         q.value(4).toByteArray(), q.value(5).toByteArray(),
                                                         q.value(6).toByteArray(), q.value(7).toByteArray()});
        if (!e)
            return unexpected(Error::plain(QStringLiteral("outbox %1: event %2 is unreadable: %3")
                                               .arg(path, q.value(0).toString(), e.error())));
        out.append(*e);
    }
    return out;
}
} // namespace

Outbox::Outbox(const QString &path)
    : m_path(path)
    , m_connectionName(QStringLiteral("cockpit.outbox.%1").arg(g_outboxCounter.fetchAndAddOrdered(1) + 1))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
}

Outbox::~Outbox()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Expected<std::unique_ptr<Outbox>, Error> Outbox::open(const QString &path, const QString &journalId)
{
    std::unique_ptr<Outbox> o(new Outbox(path));
    if (auto ok = o->init(journalId); !ok)
        return unexpected(ok.error());
    return o;
}

Expected<void, Error> Outbox::init(const QString &journalId)
{
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!m_db.open())
        return unexpected(sqlError(m_path, m_db.lastError()));
    QSqlQuery q(m_db);
    for (const QString &sql : {
             QStringLiteral("PRAGMA journal_mode=WAL"),
             QStringLiteral("PRAGMA synchronous=FULL"),
             QStringLiteral(
                 "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL,"
                 " at INTEGER NOT NULL, type TEXT NOT NULL, actor TEXT NOT NULL, payload TEXT NOT NULL,"
                 " prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
         }) {
        if (!q.exec(sql))
            return unexpected(sqlError(m_path, q.lastError()));
    }
    if (auto ok = refresh(); !ok)
        return ok;
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'journal'"));
    if (!q.exec())
        return unexpected(sqlError(m_path, q.lastError()));
    if (q.next() && q.value(0).toString() != journalId && m_count > 0)
        return unexpected(Error::plain(QStringLiteral("outbox %1 holds %2 events for journal %3, not %4")
                                           .arg(m_path)
                                           .arg(m_count)
                                           .arg(q.value(0).toString(), journalId)));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('journal', ?)"));
    q.addBindValue(journalId);
    if (!q.exec())
        return unexpected(sqlError(m_path, q.lastError()));
    return {};
}

Expected<void, Error> Outbox::refresh()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM outbox")) || !q.next())
        return unexpected(sqlError(m_path, q.lastError()));
    m_count = q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("SELECT seq, run_id, at, type, actor, payload, prev_hash, hash FROM outbox"
                               " ORDER BY seq DESC LIMIT 1")))
        return unexpected(sqlError(m_path, q.lastError()));
    auto last = readEvents(q, m_path);
    if (!last)
        return unexpected(last.error());
    m_last = last->isEmpty() ? std::nullopt : std::optional(last->first());
    return {};
}

Expected<void, Error> Outbox::enqueue(const JournalEvent &event)
{
    const JournalRawRow row = event.toRawRow();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO outbox VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(event.seq());
    q.addBindValue(event.runId());
    q.addBindValue(event.at());
    q.addBindValue(event.typeName());
    q.addBindValue(event.actor());
    q.addBindValue(QString::fromUtf8(row.payload));
    q.addBindValue(QString::fromLatin1(row.prevHash));
    q.addBindValue(QString::fromLatin1(row.hash));
    if (!q.exec())
        return unexpected(sqlError(m_path, q.lastError()));
    ++m_count;
    m_last = event;
    return {};
}

Expected<QList<JournalEvent>, Error> Outbox::pending()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT seq, run_id, at, type, actor, payload, prev_hash, hash FROM outbox ORDER BY seq")))
        return unexpected(sqlError(m_path, q.lastError()));
    return readEvents(q, m_path);
}

Expected<void, Error> Outbox::removeThrough(qint64 seq)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE seq <= ?"));
    q.addBindValue(seq);
    if (!q.exec())
        return unexpected(sqlError(m_path, q.lastError()));
    return refresh();
}

} // namespace cockpit
