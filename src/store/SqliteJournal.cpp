#include "store/SqliteJournal.h"

#include "store/SampleTable.h"

#include <QFileInfo>
#include <QSqlDriver>
#include <sqlite3.h>

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
    m_begin.reset();
    m_commit.reset();
    m_dataVersion.reset();
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
                           // No index on hash: the chain already makes hashes unique, and a random-key
                           // index costs a page write per append (files made before keep theirs).
                           " prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"),
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
        if (auto ok = addSampleTable(); !ok)
            return ok;
        if (auto ok = prepareWriter(); !ok)
            return ok;
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

Expected<void, Error> SqliteJournal::addSampleTable()
{
    QSqlQuery q(m_db);
    auto missing = [&q] {
        return q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'samples'"))
            && !q.next();
    };
    if (!missing())
        return {};
    // Under the write lock, so the backfill and the trigger see the same events and a second writer opening
    // the file at the same moment finds the table complete.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return unexpected(refusalOr(q.lastError()));
    if (missing()) {
        for (const QString &sql : SampleTable::sqliteStatements()) {
            if (!q.exec(sql)) {
                const Error error = refusalOr(q.lastError());
                QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
                return unexpected(error);
            }
        }
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return unexpected(refusalOr(q.lastError()));
    return {};
}

Expected<JournalEvent, Error> SqliteJournal::append(const JournalEventDraft &draft)
{
    auto events = appendBatch(QList<JournalEventDraft> {draft});
    if (!events)
        return unexpected(events.error());
    return events->first();
}

Expected<void, Error> SqliteJournal::prepareWriter()
{
    auto prepared = [this](std::unique_ptr<QSqlQuery> &q, const QString &sql) {
        q = std::make_unique<QSqlQuery>(m_db);
        return q->prepare(sql);
    };
    if (!prepared(m_insert, insertSql()) || !prepared(m_begin, QStringLiteral("BEGIN IMMEDIATE"))
        || !prepared(m_commit, QStringLiteral("COMMIT"))
        || !prepared(m_dataVersion, QStringLiteral("PRAGMA data_version")))
        return unexpected(sqlError(QStringLiteral("journal %1").arg(m_path), m_db.lastError()));
    return {};
}

Expected<void, Error> SqliteJournal::refreshTail()
{
    // Our own commits leave data_version alone; another connection's commit changes it. So the tail kept
    // from our last append is still the tail unless the version moved (checked under the write lock).
    if (!m_dataVersion->exec() || !m_dataVersion->next())
        return unexpected(
            sqlError(QStringLiteral("appending to journal %1").arg(m_path), m_dataVersion->lastError()));
    const qint64 version = m_dataVersion->value(0).toLongLong();
    m_dataVersion->finish();
    if (m_tailKnown && version == m_tailVersion)
        return {};
    if (!m_tail->exec())
        return unexpected(
            sqlError(QStringLiteral("appending to journal %1").arg(m_path), m_tail->lastError()));
    m_lastSeq = 0;
    m_lastHash = JournalEvent::genesisHash();
    if (m_tail->next()) {
        m_lastSeq = m_tail->value(0).toLongLong();
        m_lastHash = m_tail->value(1).toByteArray();
    }
    m_tail->finish();
    m_tailVersion = version;
    m_tailKnown = true;
    return {};
}

Expected<Journal::Events, Error> SqliteJournal::appendBatch(const QList<JournalEventDraft> &drafts)
{
    if (auto ok = checkThread(); !ok)
        return unexpected(ok.error());
    if (m_mode == Mode::ReadOnly)
        return unexpected(Error::plain(QStringLiteral("journal %1 is open read-only").arg(m_path)));
    if (drafts.isEmpty())
        return Events();

    // IMMEDIATE: take the write lock before looking at the tail, so no other writer slips in between.
    if (!m_begin->exec())
        return unexpected(refusalOr(m_begin->lastError()));
    auto fail = [&](const Error &error) -> Expected<Events, Error> {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        m_tailKnown = false;
        return unexpected(error);
    };
    if (auto ok = refreshTail(); !ok)
        return fail(ok.error());

    Events events;
    events.reserve(drafts.size());
    qint64 seq = m_lastSeq;
    QByteArray prev = m_lastHash;
    for (const JournalEventDraft &draft : drafts) {
        JournalEvent event = JournalEvent::seal(draft, ++seq, prev);
        m_insert->bindValue(0, event.seq());
        m_insert->bindValue(1, event.runId());
        m_insert->bindValue(2, event.at());
        m_insert->bindValue(3, journalEventTypeName(event.type()));
        m_insert->bindValue(4, event.actor());
        m_insert->bindValue(5, QString::fromUtf8(event.payloadJson()));
        m_insert->bindValue(6, QString::fromLatin1(event.prevHash()));
        m_insert->bindValue(7, QString::fromLatin1(event.hash()));
        if (!m_insert->exec())
            return fail(refusalOr(m_insert->lastError()));
        prev = event.hash();
        events.append(std::move(event));
    }
    if (!m_commit->exec())
        return fail(refusalOr(m_commit->lastError()));
    m_lastSeq = seq;
    m_lastHash = prev;
    Q_EMIT eventsAppended(events.first().seq());
    return events;
}

Expected<void, Error> SqliteJournal::scanRaw(qint64 fromSeq, const RawRowSink &sink)
{
    if (auto ok = checkThread(); !ok)
        return ok;
    // Straight from SQLite's own buffers: the rows as stored, byte for byte, without the UTF-16 round trip
    // and QVariant per field of QSqlQuery (most of `journal verify`'s time otherwise).
    const QVariant handle = m_db.driver()->handle();
    sqlite3 *db = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3 *const *>(handle.data())
        : nullptr;
    if (!db)
        return SqlJournal::scanRaw(fromSeq, sink);
    sqlite3_stmt *st = nullptr;
    const char *sql = "SELECT seq, run_id, at, type, actor, payload, prev_hash, hash FROM events"
                      " WHERE seq >= ?1 ORDER BY seq";
    auto failed = [&] {
        const QString text = QString::fromUtf8(sqlite3_errmsg(db));
        if (st)
            sqlite3_finalize(st);
        return unexpected(Error::plain(QStringLiteral("reading journal %1: %2").arg(m_path, text)));
    };
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        return failed();
    sqlite3_bind_int64(st, 1, fromSeq);
    auto column = [st](int i) {
        // For an INTEGER, SQLite hands out its decimal text, as QSqlQuery did.
        const char *bytes = static_cast<const char *>(sqlite3_column_blob(st, i));
        return QByteArray(bytes, sqlite3_column_bytes(st, i));
    };
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const JournalRawRow row {column(0), column(1), column(2), column(3),
                                 column(4), column(5), column(6), column(7)};
        if (!sink(row)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE)
        return failed();
    sqlite3_finalize(st);
    return {};
}

Error SqliteJournal::refusalOr(const QSqlError &error) const
{
    // SQLITE_READONLY (8): the file or its directory is not writable for this user.
    if (error.nativeErrorCode() == QLatin1String("8"))
        return Error::plain(QStringLiteral("this journal is read-only for this user (%1): only the lead may "
                                           "append; viewers follow the run")
                                .arg(m_path));
    return sqlError(QStringLiteral("appending to journal %1").arg(m_path), error);
}

} // namespace cockpit
