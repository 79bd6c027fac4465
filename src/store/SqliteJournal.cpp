#include "store/SqliteJournal.h"

#include <QFileInfo>

namespace cockpit {

SqliteJournal::SqliteJournal(const QString &path, Mode mode)
    : SqlJournal(QStringLiteral("QSQLITE"), QStringLiteral("events"))
    , m_path(path)
    , m_mode(mode)
{
}

SqliteJournal::~SqliteJournal()
{
    m_tail.reset();
    m_insert.reset();
}

Expected<std::unique_ptr<SqliteJournal>, Error> SqliteJournal::open(const QString &path, Mode mode)
{
    if (path.isEmpty())
        return unexpected(Error::plain(QStringLiteral("no journal file given")));
    if (mode == Mode::ReadOnly && !QFileInfo(path).isFile())
        return unexpected(Error::plain(QStringLiteral("no journal at %1").arg(path)));
    std::unique_ptr<SqliteJournal> j(new SqliteJournal(path, mode));
    if (auto ok = j->init(); !ok)
        return unexpected(ok.error());
    return j;
}

Expected<void, Error> SqliteJournal::init()
{
    m_db.setDatabaseName(m_path);
    // A writer holding the lock for a moment (its fsync) must not make a reader or second writer fail.
    m_db.setConnectOptions(m_mode == Mode::ReadOnly
                               ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_OPEN_READONLY")
                               : QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!m_db.open())
        return unexpected(sqlError(QStringLiteral("opening journal %1").arg(m_path), m_db.lastError()));

    QSqlQuery q(m_db);
    auto run = [&](const QString &sql) -> Expected<void, Error> {
        if (!q.exec(sql))
            return unexpected(
                sqlError(QStringLiteral("journal %1: %2").arg(m_path, sql.section(QLatin1Char('('), 0, 0)),
                         q.lastError()));
        return {};
    };
    if (m_mode == Mode::ReadWrite) {
        const QStringList statements {
            QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("PRAGMA synchronous=FULL"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS events ("
                           " seq INTEGER PRIMARY KEY CHECK (seq > 0),"
                           " run_id TEXT NOT NULL, at INTEGER NOT NULL, type TEXT NOT NULL,"
                           " actor TEXT NOT NULL, payload TEXT NOT NULL,"
                           " prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE)"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS events_run ON events (run_id, seq)"),
            QStringLiteral("CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events"
                           " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"),
            QStringLiteral("CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events"
                           " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"),
        };
        for (const QString &s : statements) {
            if (auto ok = run(s); !ok)
                return ok;
        }
        m_insert = std::make_unique<QSqlQuery>(m_db);
        if (!m_insert->prepare(insertSql()))
            return unexpected(sqlError(QStringLiteral("journal %1").arg(m_path), m_insert->lastError()));
    } else {
        // Not a journal (or not yet created by a writer): fail now rather than on the first read.
        if (!q.exec(QStringLiteral("SELECT 1 FROM events LIMIT 1")))
            return unexpected(sqlError(QStringLiteral("%1 is not a journal").arg(m_path), q.lastError()));
    }
    m_tail = std::make_unique<QSqlQuery>(m_db);
    if (!m_tail->prepare(QStringLiteral("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")))
        return unexpected(sqlError(QStringLiteral("journal %1").arg(m_path), m_tail->lastError()));
    return {};
}

Expected<JournalEvent, Error> SqliteJournal::append(const JournalEventDraft &draft)
{
    if (auto ok = checkThread(); !ok)
        return unexpected(ok.error());
    if (m_mode == Mode::ReadOnly)
        return unexpected(Error::plain(QStringLiteral("journal %1 is open read-only").arg(m_path)));

    QSqlQuery tx(m_db);
    // IMMEDIATE: take the write lock before reading the tail, so no other writer slips in between.
    if (!tx.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return unexpected(sqlError(QStringLiteral("appending to journal %1").arg(m_path), tx.lastError()));
    auto fail = [&](const QSqlError &err) -> Expected<JournalEvent, Error> {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return unexpected(sqlError(QStringLiteral("appending to journal %1").arg(m_path), err));
    };

    qint64 lastSeq = 0;
    QByteArray lastHash = JournalEvent::genesisHash();
    if (!m_tail->exec())
        return fail(m_tail->lastError());
    if (m_tail->next()) {
        lastSeq = m_tail->value(0).toLongLong();
        lastHash = m_tail->value(1).toByteArray();
    }
    m_tail->finish();

    const JournalEvent event = JournalEvent::seal(draft, lastSeq + 1, lastHash);
    const JournalRawRow row = event.toRawRow();
    m_insert->bindValue(0, event.seq());
    m_insert->bindValue(1, event.runId());
    m_insert->bindValue(2, event.at());
    m_insert->bindValue(3, event.typeName());
    m_insert->bindValue(4, event.actor());
    m_insert->bindValue(5, QString::fromUtf8(row.payload));
    m_insert->bindValue(6, QString::fromLatin1(row.prevHash));
    m_insert->bindValue(7, QString::fromLatin1(row.hash));
    if (!m_insert->exec())
        return fail(m_insert->lastError());
    if (!tx.exec(QStringLiteral("COMMIT")))
        return fail(tx.lastError());
    Q_EMIT eventsAppended(event.seq());
    return event;
}

} // namespace cockpit
