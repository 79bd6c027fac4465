#include "store/RunLease.h"

#include "core/base/Redactor.h"
#include "store/JournalFactory.h"
#include "store/PostgresJournalSpec.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QUuid>
#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace cockpit {

namespace {

QAtomicInteger<quint64> g_leaseConnections;
const QString kLeaseColumns = QStringLiteral("key, run_id, who, host, pid, since, heartbeat, ttl_ms, token");
const QString kPostgresTable = QStringLiteral(
    "CREATE TABLE IF NOT EXISTS cockpit.leases (key text PRIMARY KEY, run_id text NOT NULL, who text NOT "
    "NULL,"
    " host text NOT NULL, pid bigint NOT NULL, since bigint NOT NULL, heartbeat bigint NOT NULL,"
    " ttl_ms bigint NOT NULL, token text NOT NULL)");

QString quoted(const QString &role)
{
    QString q = role;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// One short-lived connection to the journal's database, removed again when it goes out of scope.
class LeaseDb
{
public:
    LeaseDb(const QString &spec, const QByteArray &password)
        : m_name(QStringLiteral("cockpit.lease.%1").arg(g_leaseConnections.fetchAndAddOrdered(1) + 1))
    {
        m_postgres = JournalFactory::isPostgres(spec);
        if (m_postgres) {
            auto parsed = PostgresJournalSpec::parse(spec);
            if (!parsed) {
                m_error = parsed.error();
                return;
            }
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
            m_db.setHostName(parsed->host);
            m_db.setPort(parsed->port);
            m_db.setDatabaseName(parsed->database);
            m_db.setUserName(parsed->user);
            if (!password.isEmpty())
                m_db.setPassword(QString::fromUtf8(password));
            m_db.setConnectOptions(parsed->connectOptions());
            m_table = QStringLiteral("cockpit.leases");
        } else {
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
            m_db.setDatabaseName(spec.startsWith(QLatin1String("sqlite:")) ? spec.mid(7) : spec);
            m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
            m_table = QStringLiteral("leases");
        }
        if (!m_db.open())
            m_error = Error::plain(Redactor::redact(
                QStringLiteral("the run's lease: cannot open %1: %2").arg(spec, m_db.lastError().text())));
    }
    ~LeaseDb()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    LeaseDb(const LeaseDb &) = delete;
    LeaseDb &operator=(const LeaseDb &) = delete;

    const std::optional<Error> &error() const { return m_error; }
    bool postgres() const { return m_postgres; }
    const QString &table() const { return m_table; }
    QSqlDatabase &db() { return m_db; }

    Error fail(const QString &what, const QSqlError &e)
    {
        if (m_db.isOpen())
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return Error::plain(Redactor::redact(QStringLiteral("the run's lease: %1: %2").arg(what, e.text())));
    }

    // Creates the lease table when missing (the journal's owner on PostgreSQL; nobody else gets a right).
    Expected<void, Error> ensureTable()
    {
        QSqlQuery q(m_db);
        if (!m_postgres) {
            if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS leases (key TEXT PRIMARY KEY,"
                                       " run_id TEXT NOT NULL, who TEXT NOT NULL, host TEXT NOT NULL,"
                                       " pid INTEGER NOT NULL, since INTEGER NOT NULL,"
                                       " heartbeat INTEGER NOT NULL, ttl_ms INTEGER NOT NULL,"
                                       " token TEXT NOT NULL)")))
                return unexpected(fail(QStringLiteral("creating the lease table"), q.lastError()));
            return {};
        }
        if (!q.exec(QStringLiteral("SELECT to_regclass('cockpit.leases') IS NOT NULL")) || !q.next())
            return unexpected(fail(QStringLiteral("reading the lease table"), q.lastError()));
        if (q.value(0).toBool())
            return {};
        const QStringList statements {
            QStringLiteral("BEGIN"),
            QStringLiteral(
                "CREATE TABLE IF NOT EXISTS cockpit.leases (key text PRIMARY KEY,"
                " run_id text NOT NULL, who text NOT NULL, host text NOT NULL, pid bigint NOT NULL,"
                " since bigint NOT NULL, heartbeat bigint NOT NULL, ttl_ms bigint NOT NULL,"
                " token text NOT NULL)"),
            QStringLiteral("REVOKE ALL ON cockpit.leases FROM PUBLIC"),
            QStringLiteral("COMMIT"),
        };
        for (const QString &s : statements) {
            if (!q.exec(s)) {
                const QSqlError e = q.lastError();
                QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
                // Another process created it at the same moment.
                QSqlQuery again(m_db);
                if (again.exec(QStringLiteral("SELECT to_regclass('cockpit.leases') IS NOT NULL"))
                    && again.next() && again.value(0).toBool())
                    return {};
                return unexpected(fail(QStringLiteral("creating the lease table"), e));
            }
        }
        return {};
    }

    Expected<qint64, Error> now()
    {
        if (!m_postgres)
            return QDateTime::currentMSecsSinceEpoch();
        // The database's clock: hosts of two leads may disagree, the server is one.
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint"))
            || !q.next())
            return unexpected(fail(QStringLiteral("reading the time"), q.lastError()));
        return q.value(0).toLongLong();
    }

    Expected<std::optional<LeaseHolder>, Error> read(const QString &key)
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE key = ?").arg(kLeaseColumns, m_table));
        q.addBindValue(key);
        if (!q.exec())
            return unexpected(fail(QStringLiteral("reading"), q.lastError()));
        if (!q.next())
            return std::optional<LeaseHolder>();
        LeaseHolder h;
        h.key = q.value(0).toString();
        h.runId = q.value(1).toString();
        h.who = q.value(2).toString();
        h.host = q.value(3).toString();
        h.pid = q.value(4).toLongLong();
        h.since = q.value(5).toLongLong();
        h.heartbeat = q.value(6).toLongLong();
        h.ttlMs = q.value(7).toLongLong();
        h.token = q.value(8).toString();
        return std::optional<LeaseHolder>(h);
    }

private:
    QString m_name;
    QSqlDatabase m_db;
    QString m_table;
    bool m_postgres = false;
    std::optional<Error> m_error;
};

// A null QString binds as SQL NULL; the columns are NOT NULL.
QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

void bindHolder(QSqlQuery &q, const LeaseHolder &h)
{
    q.addBindValue(h.key);
    q.addBindValue(nonNull(h.runId));
    q.addBindValue(h.who);
    q.addBindValue(h.host);
    q.addBindValue(h.pid);
    q.addBindValue(h.since);
    q.addBindValue(h.heartbeat);
    q.addBindValue(h.ttlMs);
    q.addBindValue(h.token);
}

bool processGone(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

QString stamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

} // namespace

QString LeaseHolder::describe(qint64 now) const
{
    return QStringLiteral("%1 on host %2 (pid %3) since %4, last heartbeat %5 s ago")
        .arg(who, host)
        .arg(pid)
        .arg(stamp(since))
        .arg(std::max<qint64>(0, now - heartbeat) / 1000);
}

QStringList RunLease::postgresStatements(const QString &viewerRole)
{
    return {kPostgresTable, QStringLiteral("REVOKE ALL ON cockpit.leases FROM PUBLIC"),
            QStringLiteral("REVOKE ALL ON cockpit.leases FROM %1").arg(quoted(viewerRole)),
            QStringLiteral("GRANT SELECT ON cockpit.leases TO %1").arg(quoted(viewerRole))};
}

QStringList RunLease::postgresLeadStatements(const QString &leadRole)
{
    return {
        kPostgresTable,
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON cockpit.leases TO %1").arg(quoted(leadRole))};
}

QString RunLease::keyFor(const QString &runbookName, const QString &modeName)
{
    return runbookName + QLatin1Char('|') + modeName;
}

Expected<std::optional<LeaseHolder>, Error> RunLease::holder(const QString &journalSpec,
                                                             const QByteArray &password, const QString &key)
{
    LeaseDb db(journalSpec, password);
    if (db.error())
        return unexpected(*db.error());
    if (auto ok = db.ensureTable(); !ok)
        return unexpected(ok.error());
    return db.read(key);
}

Expected<std::unique_ptr<RunLease>, Error> RunLease::take(const Request &request)
{
    LeaseDb db(request.journalSpec, request.password);
    if (db.error())
        return unexpected(*db.error());
    if (auto ok = db.ensureTable(); !ok)
        return unexpected(ok.error());

    std::unique_ptr<RunLease> lease(new RunLease);
    lease->m_spec = request.journalSpec;
    lease->m_password = request.password;
    LeaseHolder &me = lease->m_mine;
    me.key = request.key;
    me.runId = request.runId;
    me.who = request.who;
    me.host = QSysInfo::machineHostName();
    me.pid = QCoreApplication::applicationPid();
    me.ttlMs = request.ttlMs;
    me.token = QUuid::createUuid().toString(QUuid::WithoutBraces);

    QSqlQuery q(db.db());
    if (!db.postgres() && !q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        // Still busy after the busy timeout: a process holds the file's write lock mid-transaction (a lead
        // frozen while it appended). That is a writer too: refused in words, never taken from under it.
        if (q.lastError().nativeErrorCode() == QLatin1String("5")
            || q.lastError().text().contains(QLatin1String("locked")))
            return unexpected(Error::plain(QStringLiteral(
                "the run is held by another process that is writing to the journal and does "
                "not finish (a lead that stopped answering?); it refuses a second writer. When "
                "that process is gone, start again (with --take-over once its lease expired).")));
        return unexpected(db.fail(QStringLiteral("locking"), q.lastError()));
    }
    const auto now = db.now();
    if (!now)
        return unexpected(now.error());
    me.since = me.heartbeat = *now;

    // Who holds it now, and may we have it?
    auto current = db.read(request.key);
    if (!current)
        return unexpected(current.error());
    if (*current) {
        const LeaseHolder &h = **current;
        const bool here = h.host == me.host;
        if (here && processGone(h.pid)) {
            lease->m_how = How::Reclaimed;
        } else if (!h.expired(*now)) {
            if (!db.postgres())
                QSqlQuery(db.db()).exec(QStringLiteral("ROLLBACK"));
            return unexpected(Error::plain(
                QStringLiteral("the run is held by %1; it refuses a second writer").arg(h.describe(*now))));
        } else if (!request.takeOver) {
            if (!db.postgres())
                QSqlQuery(db.db()).exec(QStringLiteral("ROLLBACK"));
            return unexpected(Error::plain(
                QStringLiteral("the run's lease has expired but was never released: %1 (silent for more "
                               "than %2 s). If that lead is gone, take the run over with --take-over.")
                    .arg(h.describe(*now))
                    .arg(h.ttlMs / 1000)));
        } else {
            lease->m_how = How::TakenOver;
        }
        lease->m_previous = h;
    }

    if (db.postgres()) {
        if (!*current) {
            q.prepare(QStringLiteral("INSERT INTO cockpit.leases (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                     " ON CONFLICT (key) DO NOTHING RETURNING key")
                          .arg(kLeaseColumns));
            bindHolder(q, me);
        } else {
            // Conditional: only if nobody replaced the lease we judged meanwhile.
            q.prepare(QStringLiteral("UPDATE cockpit.leases SET key = ?, run_id = ?, who = ?, host = ?,"
                                     " pid = ?, since = ?, heartbeat = ?, ttl_ms = ?, token = ?"
                                     " WHERE key = ? AND token = ? RETURNING key"));
            bindHolder(q, me);
            q.addBindValue(request.key);
            q.addBindValue((*current)->token);
        }
        if (!q.exec())
            return unexpected(db.fail(QStringLiteral("taking"), q.lastError()));
        if (!q.next()) {
            auto now2 = db.now();
            auto winner = db.read(request.key);
            return unexpected(
                Error::plain(QStringLiteral("the run is held by %1; it refuses a second writer")
                                 .arg(winner && *winner && now2 ? (*winner)->describe(*now2)
                                                                : QStringLiteral("another process"))));
        }
    } else {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO leases (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                      .arg(kLeaseColumns));
        bindHolder(q, me);
        if (!q.exec())
            return unexpected(db.fail(QStringLiteral("taking"), q.lastError()));
        if (!QSqlQuery(db.db()).exec(QStringLiteral("COMMIT")))
            return unexpected(db.fail(QStringLiteral("taking"), q.lastError()));
    }
    lease->m_held = true;
    return lease;
}

RunLease::~RunLease()
{
    if (m_held)
        release();
}

Expected<void, Error> RunLease::heartbeat(const QString &runId)
{
    if (!m_held)
        return unexpected(Error::plain(QStringLiteral("the run's lease is not held")));
    LeaseDb db(m_spec, m_password);
    if (db.error())
        return unexpected(*db.error());
    const auto now = db.now();
    if (!now)
        return unexpected(now.error());
    if (!runId.isEmpty())
        m_mine.runId = runId;
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("UPDATE %1 SET heartbeat = ?, run_id = ? WHERE key = ? AND token = ?")
                  .arg(db.table()));
    q.addBindValue(*now);
    q.addBindValue(nonNull(m_mine.runId));
    q.addBindValue(m_mine.key);
    q.addBindValue(m_mine.token);
    if (!q.exec())
        return unexpected(db.fail(QStringLiteral("renewing"), q.lastError()));
    if (q.numRowsAffected() != 1) {
        m_held = false;
        auto h = db.read(m_mine.key);
        return unexpected(
            Error::plain(QStringLiteral("the run's lease was taken over by %1")
                             .arg(h && *h ? (*h)->describe(*now) : QStringLiteral("another process"))));
    }
    m_mine.heartbeat = *now;
    return {};
}

Expected<void, Error> RunLease::release()
{
    if (!m_held)
        return {};
    m_held = false;
    LeaseDb db(m_spec, m_password);
    if (db.error())
        return unexpected(*db.error());
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE key = ? AND token = ?").arg(db.table()));
    q.addBindValue(m_mine.key);
    q.addBindValue(m_mine.token);
    if (!q.exec())
        return unexpected(db.fail(QStringLiteral("releasing"), q.lastError()));
    return {};
}

} // namespace cockpit
