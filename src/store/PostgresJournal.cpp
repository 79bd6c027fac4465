#include "store/PostgresJournal.h"

#include "core/base/LogCategories.h"
#include "store/PostgresJournalSchema.h"
#include "store/RunLease.h"

#include <QSqlDriver>
#include <QSqlQuery>

namespace cockpit {

namespace {
// One writer at a time per database: held for the append transaction only (see PostgresJournalSchema).
const QString kLockSql = PostgresJournalSchema::lockSql();
const QString kTailSql = QStringLiteral("SELECT seq, hash FROM cockpit.events ORDER BY seq DESC LIMIT 1");
// Insert and notify in one statement; no row back means the seq was already taken.
const QString kInsertSql
    = QStringLiteral("WITH ins AS (INSERT INTO cockpit.events (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                     " ON CONFLICT (seq) DO NOTHING RETURNING seq)"
                     " SELECT seq, pg_notify('cockpit_journal', seq::text) FROM ins")
          .arg(SqlJournal::kColumns);

void bindEvent(QSqlQuery &q, const JournalEvent &e)
{
    const JournalRawRow row = e.toRawRow();
    q.bindValue(0, e.seq());
    q.bindValue(1, e.runId());
    q.bindValue(2, e.at());
    q.bindValue(3, e.typeName());
    q.bindValue(4, e.actor());
    q.bindValue(5, QString::fromUtf8(row.payload));
    q.bindValue(6, QString::fromLatin1(row.prevHash));
    q.bindValue(7, QString::fromLatin1(row.hash));
}
} // namespace

PostgresJournal::PostgresJournal(const PostgresJournalSpec &spec, const QByteArray &password,
                                 const Options &options)
    : SqlJournal(QStringLiteral("QPSQL"), QStringLiteral("cockpit.events"))
    , m_spec(spec)
    , m_options(options)
{
    m_db.setHostName(spec.host);
    m_db.setPort(spec.port);
    m_db.setDatabaseName(spec.database);
    m_db.setUserName(spec.user);
    if (!password.isEmpty())
        m_db.setPassword(QString::fromUtf8(password));
    m_db.setConnectOptions(spec.connectOptions());
}

PostgresJournal::~PostgresJournal()
{
    if (m_subscribed && m_db.isOpen() && m_db.driver())
        m_db.driver()->unsubscribeFromNotification(QString::fromLatin1(kChannel));
}

Expected<std::unique_ptr<PostgresJournal>, Error>
PostgresJournal::open(const PostgresJournalSpec &spec, const QByteArray &password, const Options &options)
{
    std::unique_ptr<PostgresJournal> j(new PostgresJournal(spec, password, options));
    if (!options.outboxPath.isEmpty()) {
        auto outbox = Outbox::open(options.outboxPath, spec.toString());
        if (!outbox)
            return unexpected(outbox.error());
        j->m_outbox = std::move(*outbox);
    }
    const bool haveWaiting = j->m_outbox && j->m_outbox->count() > 0;
    if (auto ok = j->connect(); !ok) {
        if (!haveWaiting)
            return unexpected(ok.error());
    } else {
        j->loadTail(); // before init() there is no table yet; the tail is read again by every append
    }
    if (haveWaiting) {
        // Events sealed in an earlier session are newer than anything on the server.
        const JournalEvent last = *j->m_outbox->last();
        if (!j->m_tailKnown || last.seq() > j->m_lastSeq) {
            j->m_lastSeq = last.seq();
            j->m_lastHash = last.hash();
            j->m_tailKnown = true;
        }
        if (j->m_online) {
            if (auto f = j->flushOutbox(); !f && j->m_online)
                return unexpected(f.error());
        }
    }
    return j;
}

Expected<void, Error> PostgresJournal::connect()
{
    m_sinceAttempt.start();
    m_db.close();
    if (!m_db.open()) {
        setOnline(false);
        return unexpected(
            sqlError(QStringLiteral("connecting to journal %1").arg(location()), m_db.lastError()));
    }
    // A new server session has no LISTEN: renew it.
    if (m_subscribed)
        m_db.driver()->subscribeToNotification(QString::fromLatin1(kChannel));
    setOnline(true);
    return {};
}

bool PostgresJournal::reconnectDue()
{
    return !m_sinceAttempt.isValid() || m_sinceAttempt.elapsed() >= m_options.retryIntervalMs;
}

void PostgresJournal::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    if (!online)
        m_offlineFor.start();
    if (online)
        qCInfo(lcStore).noquote() << "journal" << location() << "reachable";
    else
        qCWarning(lcStore).noquote() << "journal" << location() << "unreachable"
                                     << (m_outbox
                                             ? QStringLiteral("; events wait in outbox ") + m_outbox->path()
                                             : QString());
    Q_EMIT onlineChanged(online);
}

bool PostgresJournal::connectionLost()
{
    if (!m_db.isOpen()) {
        setOnline(false);
        return true;
    }
    // An aborted transaction refuses everything but ROLLBACK, so end it before probing.
    QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    QSqlQuery probe(m_db);
    if (probe.exec(QStringLiteral("SELECT 1")))
        return false;
    m_db.close();
    setOnline(false);
    return true;
}

Expected<void, Error> PostgresJournal::rollback(const QSqlError &error, const QString &what)
{
    connectionLost(); // rolls back; notices a dead server
    return unexpected(sqlError(QStringLiteral("%1 %2").arg(what, location()), error));
}

Expected<void, Error> PostgresJournal::loadTail()
{
    QSqlQuery q(m_db);
    if (!q.exec(kTailSql))
        return unexpected(sqlError(QStringLiteral("reading journal %1").arg(location()), q.lastError()));
    m_tailKnown = true;
    m_lastSeq = 0;
    m_lastHash = JournalEvent::genesisHash();
    if (q.next()) {
        m_lastSeq = q.value(0).toLongLong();
        m_lastHash = q.value(1).toByteArray();
    }
    return {};
}

std::optional<Error> PostgresJournal::refusal(const QSqlError &error) const
{
    const QString state = error.nativeErrorCode();
    // 42501 insufficient_privilege, 25006 read_only_sql_transaction: the role may only read.
    if (state == QLatin1String("42501") || state == QLatin1String("25006"))
        return Error::plain(QStringLiteral("this journal is read-only for role %1 (%2): only the lead's role "
                                           "may append; viewers follow the run")
                                .arg(m_spec.user, location()));
    // 42P01 undefined_table: a journal made by an older version has no writers' lock or head yet.
    if (state == QLatin1String("42P01"))
        return Error::plain(QStringLiteral("journal %1 was created by an older version: run `journal init` "
                                           "again as its owner to add the writers' lock and head record")
                                .arg(location()));
    return std::nullopt;
}

Journal::Events PostgresJournal::sealOnTail(const QList<JournalEventDraft> &drafts, qint64 lastSeq,
                                            QByteArray lastHash)
{
    Events out;
    out.reserve(drafts.size());
    for (const JournalEventDraft &d : drafts) {
        out.append(JournalEvent::seal(d, ++lastSeq, lastHash));
        lastHash = out.last().hash();
    }
    return out;
}

Expected<Journal::Events, Error> PostgresJournal::appendOnline(const QList<JournalEventDraft> &drafts,
                                                               Attempt &attempt)
{
    const QString what = QStringLiteral("appending to journal");
    auto sealFromCache = [&] {
        if (m_tailKnown)
            attempt.sealed = sealOnTail(drafts, m_lastSeq, m_lastHash);
    };
    QSqlQuery q(m_db);
    auto fail = [&](const QSqlError &err) -> Expected<Events, Error> {
        auto e = rollback(err, what);
        attempt.connectionLost = !m_online;
        if (auto refused = refusal(err))
            return unexpected(*refused);
        return unexpected(e.error());
    };
    if (!q.exec(QStringLiteral("BEGIN")) || !q.exec(kLockSql)) {
        sealFromCache();
        return fail(q.lastError());
    }
    if (!q.exec(kTailSql)) {
        sealFromCache();
        return fail(q.lastError());
    }
    qint64 lastSeq = 0;
    QByteArray lastHash = JournalEvent::genesisHash();
    if (q.next()) {
        lastSeq = q.value(0).toLongLong();
        lastHash = q.value(1).toByteArray();
    }
    const Events events = sealOnTail(drafts, lastSeq, lastHash);
    attempt.sealed = events;

    QSqlQuery insert(m_db);
    insert.prepare(kInsertSql);
    for (const JournalEvent &event : events) {
        bindEvent(insert, event);
        if (!insert.exec())
            return fail(insert.lastError());
        if (!insert.next()) {
            rollback(QSqlError(), what);
            return unexpected(Error::plain(QStringLiteral("appending to journal %1: seq %2 is already taken")
                                               .arg(location())
                                               .arg(event.seq())));
        }
        insert.finish();
    }
    attempt.atCommit = true;
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(q.lastError());
    m_tailKnown = true;
    m_lastSeq = events.last().seq();
    m_lastHash = events.last().hash();
    return events;
}

Expected<Journal::Events, Error> PostgresJournal::appendToOutbox(const Events &events)
{
    for (const JournalEvent &event : events) {
        if (auto ok = m_outbox->enqueue(event); !ok)
            return unexpected(ok.error());
        m_tailKnown = true;
        m_lastSeq = event.seq();
        m_lastHash = event.hash();
    }
    Q_EMIT pendingCountChanged(m_outbox->count());
    return events;
}

Expected<JournalEvent, Error> PostgresJournal::append(const JournalEventDraft &draft)
{
    auto events = appendBatch(QList<JournalEventDraft> {draft});
    if (!events)
        return unexpected(events.error());
    return events->first();
}

Expected<Journal::Events, Error> PostgresJournal::appendBatch(const QList<JournalEventDraft> &drafts)
{
    if (auto ok = checkThread(); !ok)
        return unexpected(ok.error());
    if (drafts.isEmpty())
        return Events();

    // Waiting events go first, in order; while any wait, new events queue behind them.
    if (m_outbox && m_outbox->count() > 0) {
        if (m_online || reconnectDue()) {
            auto flushed = flushOutbox();
            if (!flushed && m_online)
                return unexpected(flushed.error()); // a conflict, not an outage: don't pile up more
        }
        if (m_outbox->count() > 0) {
            if (!m_tailKnown)
                return unexpected(Error::plain(QStringLiteral("journal %1: tail unknown").arg(location())));
            return appendToOutbox(sealOnTail(drafts, m_lastSeq, m_lastHash));
        }
    }

    if (!m_online && (!m_outbox || reconnectDue()))
        connect();
    if (m_online) {
        Attempt attempt;
        auto appended = appendOnline(drafts, attempt);
        if (appended) {
            Q_EMIT eventsAppended(appended->first().seq());
            return appended;
        }
        if (!attempt.connectionLost)
            return appended;
        if (!m_outbox || attempt.sealed.isEmpty())
            return unexpected(unreachableError());
        // The commit may or may not have reached the server: the sealed events go to the outbox, and
        // the flush recognises them by seq + hash if it did.
        auto queued = appendToOutbox(attempt.sealed);
        if (queued && connect())
            flushOutbox(); // a restarted server only dropped our connection: catch up at once
        return queued;
    }
    if (!m_outbox)
        return unexpected(unreachableError());
    if (!m_tailKnown)
        return unexpected(Error::plain(
            QStringLiteral("journal %1 is unreachable and its last event is unknown").arg(location())));
    return appendToOutbox(sealOnTail(drafts, m_lastSeq, m_lastHash));
}

Error PostgresJournal::unreachableError() const
{
    const qint64 seconds = m_offlineFor.isValid() ? m_offlineFor.elapsed() / 1000 : 0;
    QString waiting;
    if (m_outbox && m_outbox->count() > 0)
        waiting
            = QStringLiteral(", %1 events waiting in outbox %2").arg(m_outbox->count()).arg(m_outbox->path());
    return Error::plain(
        QStringLiteral("journal %1 unreachable for %2 s%3: not appended; nothing that must be "
                       "in the shared journal first may start until it is back")
            .arg(location())
            .arg(seconds)
            .arg(waiting));
}

Expected<Journal::Events, Error> PostgresJournal::appendShared(const QList<JournalEventDraft> &drafts)
{
    if (auto ok = checkThread(); !ok)
        return unexpected(ok.error());
    if (drafts.isEmpty())
        return Events();
    if (!m_online && reconnectDue())
        connect();
    if (m_online && m_outbox && m_outbox->count() > 0) {
        auto flushed = flushOutbox();
        if (!flushed && m_online)
            return unexpected(flushed.error()); // a conflict, not an outage
    }
    if (!m_online || (m_outbox && m_outbox->count() > 0))
        return unexpected(unreachableError());
    Attempt attempt;
    auto appended = appendOnline(drafts, attempt);
    if (appended) {
        Q_EMIT eventsAppended(appended->first().seq());
        return appended;
    }
    if (!attempt.connectionLost)
        return appended;
    // Lost at COMMIT, it may have reached the server: keep the sealed events (the flush recognises them by
    // seq + hash), so the chain goes on either way; the caller still hears "not appended" and holds its
    // effect (on resume a started effect without an end is a person's decision).
    if (attempt.atCommit && m_outbox)
        appendToOutbox(attempt.sealed);
    else if (attempt.atCommit)
        m_tailKnown = false;
    return unexpected(unreachableError());
}

Expected<qint64, Error> PostgresJournal::flushOutbox()
{
    if (auto ok = checkThread(); !ok)
        return unexpected(ok.error());
    if (!m_outbox || m_outbox->count() == 0)
        return qint64(0);
    if (!m_online) {
        if (auto c = connect(); !c)
            return unexpected(c.error());
    }
    const QString what = QStringLiteral("sending waiting events to journal");
    auto waiting = m_outbox->pending();
    if (!waiting)
        return unexpected(waiting.error());
    const QList<JournalEvent> &events = *waiting;
    const JournalEvent &first = events.first();

    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN")) || !q.exec(kLockSql)) {
        auto e = rollback(q.lastError(), what);
        if (auto refused = refusal(q.lastError()))
            return unexpected(*refused);
        return unexpected(e.error());
    }
    auto conflict = [&](const QString &why) -> Expected<qint64, Error> {
        rollback(QSqlError(), what);
        return unexpected(Error::plain(QStringLiteral("%1 %2: %3; %4 events kept in outbox %5")
                                           .arg(what, location(), why)
                                           .arg(events.size())
                                           .arg(m_outbox->path())));
    };
    // The first waiting event must chain onto what the server holds.
    if (first.seq() > 1) {
        q.prepare(QStringLiteral("SELECT hash FROM cockpit.events WHERE seq = ?"));
        q.addBindValue(first.seq() - 1);
        if (!q.exec())
            return unexpected(rollback(q.lastError(), what).error());
        if (!q.next())
            return conflict(QStringLiteral("the shared journal has no event %1").arg(first.seq() - 1));
        if (q.value(0).toByteArray() != first.prevHash())
            return conflict(QStringLiteral("event %1 on the server is not the one event %2 was chained to")
                                .arg(first.seq() - 1)
                                .arg(first.seq()));
    }
    QSqlQuery insert(m_db);
    insert.prepare(kInsertSql);
    QSqlQuery stored(m_db);
    stored.prepare(QStringLiteral("SELECT hash FROM cockpit.events WHERE seq = ?"));
    qint64 sent = 0;
    for (const JournalEvent &e : events) {
        bindEvent(insert, e);
        if (!insert.exec())
            return unexpected(rollback(insert.lastError(), what).error());
        const bool inserted = insert.next();
        insert.finish();
        if (inserted) {
            ++sent;
            continue;
        }
        // Already there: the earlier attempt's commit did arrive. Only the very same event is acceptable.
        stored.bindValue(0, e.seq());
        if (!stored.exec())
            return unexpected(rollback(stored.lastError(), what).error());
        const QByteArray there = stored.next() ? stored.value(0).toByteArray() : QByteArray();
        stored.finish();
        if (there != e.hash())
            return conflict(QStringLiteral("event %1 on the server differs from ours").arg(e.seq()));
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return unexpected(rollback(q.lastError(), what).error());
    // Safe to forget only now; a crash before this line re-sends events the server recognises.
    if (auto ok = m_outbox->removeThrough(events.last().seq()); !ok)
        return unexpected(ok.error());
    m_tailKnown = true;
    m_lastSeq = events.last().seq();
    m_lastHash = events.last().hash();
    qCInfo(lcStore).noquote() << "journal" << location() << "received" << events.size() << "waiting events"
                              << QStringLiteral("(%1..%2, %3 were already stored)")
                                     .arg(first.seq())
                                     .arg(events.last().seq())
                                     .arg(events.size() - sent);
    Q_EMIT pendingCountChanged(m_outbox->count());
    Q_EMIT eventsAppended(first.seq());
    return sent;
}

Expected<std::optional<JournalHead>, Error> PostgresJournal::recordedHead()
{
    if (auto ok = checkThread(); !ok)
        return unexpected(ok.error());
    QSqlQuery q(m_db);
    if (!q.exec(PostgresJournalSchema::readHeadSql())) {
        if (q.lastError().nativeErrorCode() == QLatin1String("42P01"))
            return std::optional<JournalHead>(); // initialised before the head record existed
        return unexpected(
            sqlError(QStringLiteral("reading the head record of %1").arg(location()), q.lastError()));
    }
    if (!q.next())
        return unexpected(
            Error::plain(QStringLiteral("journal %1: the head record cockpit.head is empty (it was deleted)")
                             .arg(location())));
    return std::optional<JournalHead>(JournalHead {q.value(0).toLongLong(), q.value(1).toByteArray()});
}

Expected<void, Error> PostgresJournal::subscribe()
{
    if (auto ok = checkThread(); !ok)
        return ok;
    if (!m_online) {
        if (auto c = connect(); !c)
            return c;
    }
    QSqlDriver *driver = m_db.driver();
    if (m_subscribed)
        return {};
    if (!driver->subscribeToNotification(QString::fromLatin1(kChannel)))
        return unexpected(
            sqlError(QStringLiteral("subscribing to journal %1").arg(location()), driver->lastError()));
    QObject::connect(
        driver, &QSqlDriver::notification, this,
        [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
            // Our own appends were announced when they were made.
            if (name == QLatin1String(kChannel) && source != QSqlDriver::SelfSource)
                Q_EMIT eventsAppended(payload.toLongLong());
        });
    m_subscribed = true;
    return {};
}

} // namespace cockpit
