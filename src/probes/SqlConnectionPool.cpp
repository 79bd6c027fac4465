#include "probes/SqlConnectionPool.h"

#include "core/base/Redactor.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QThread>
#include <QThreadPool>
#include <QThreadStorage>
#include <dlfcn.h>

namespace cockpit {

namespace {

constexpr int kMaxConnectionsPerThread = 4; // bounds server connections: threads x this

QString modeTag(SqlConnectionPool::Mode mode)
{
    return mode == SqlConnectionPool::Mode::ReadOnly ? QStringLiteral("ro") : QStringLiteral("rw");
}

// Everything that makes an open connection unsuitable when it changes, including the password (hashed).
QByteArray fingerprint(const Connection &conn, SqlConnectionPool::Mode mode, const QByteArray &password)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(modeTag(mode).toUtf8());
    if (const auto *pg = std::get_if<PostgresConnection>(&conn.target)) {
        const QStringList parts {QStringLiteral("pg"),
                                 pg->host,
                                 QString::number(pg->port),
                                 pg->database,
                                 pg->user,
                                 SqlConnectionPool::effectiveSslMode(*pg),
                                 pg->caFile,
                                 QString::number(pg->connectTimeout.count())};
        h.addData(parts.join(QChar(0)).toUtf8());
    } else if (const auto *lite = std::get_if<SqliteConnection>(&conn.target)) {
        h.addData(QStringLiteral("sqlite\n%1\n").arg(lite->path).toUtf8());
    } else if (const auto *my = std::get_if<MysqlConnection>(&conn.target)) {
        const QStringList parts {QStringLiteral("mysql"),
                                 my->host,
                                 QString::number(my->port),
                                 my->socket,
                                 my->database,
                                 my->user,
                                 QString::number(my->connectTimeout.count())};
        h.addData(parts.join(QChar(0)).toUtf8());
    }
    h.addData(password);
    return h.result();
}

// libpq conninfo value: single-quoted, with \ and ' escaped.
QString conninfoQuote(const QString &v)
{
    QString q = v;
    q.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    q.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

// This thread's connections. The destructor runs when the worker thread ends.
struct ThreadConnections
{
    struct Entry
    {
        QString dbName;
        QByteArray fingerprint;
        quint64 lastUse = 0;
    };
    QHash<QString, Entry> entries; // key: connection name + mode
    quint64 clock = 0;

    static void drop(const QString &dbName)
    {
        {
            QSqlDatabase db = QSqlDatabase::database(dbName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(dbName);
    }
    void evictOldest()
    {
        auto oldest = entries.end();
        for (auto it = entries.begin(); it != entries.end(); ++it)
            if (oldest == entries.end() || it->lastUse < oldest->lastUse)
                oldest = it;
        if (oldest != entries.end()) {
            drop(oldest->dbName);
            entries.erase(oldest);
        }
    }
    ~ThreadConnections()
    {
        for (const Entry &e : std::as_const(entries))
            drop(e.dbName);
        // libpq's OpenSSL keeps per-thread state that it frees only at pthread exit, which may come after
        // the process has exited (QThread::wait() does not join). Free it now; looked up at run time so
        // the probes do not link OpenSSL themselves.
        using ThreadStop = void (*)();
        static const ThreadStop stop = [] {
            // libcrypto comes in with the QPSQL plugin (loaded locally): find the already loaded copy.
            for (const char *lib : {"libcrypto.so.3", "libcrypto.so"})
                if (void *h = ::dlopen(lib, RTLD_LAZY | RTLD_NOLOAD))
                    return reinterpret_cast<ThreadStop>(::dlsym(h, "OPENSSL_thread_stop"));
            return ThreadStop(nullptr);
        }();
        if (stop)
            stop();
    }
};

// QThreadStorage, not thread_local: its data is destroyed while the QThread finishes, before wait() returns,
// so the pool's destructor really joins the closing of the connections. A thread_local destructor runs
// later, at pthread exit, and raced the process's static destructors (QtSql's connection list) at exit.
QThreadStorage<ThreadConnections *> t_storage;

ThreadConnections &threadConnections()
{
    if (!t_storage.hasLocalData())
        t_storage.setLocalData(new ThreadConnections);
    return *t_storage.localData();
}

QThreadPool *createPool()
{
    auto *pool = new QThreadPool;
    pool->setObjectName(QStringLiteral("cockpit-sql"));
    pool->setMaxThreadCount(8); // I/O bound: threads mostly wait for the server
    // Join the workers (their thread_local connections close) while QtSql's globals still exist.
    qAddPostRoutine([] { delete SqlConnectionPool::threadPool(); });
    return pool;
}

QString key(const Connection &conn, SqlConnectionPool::Mode mode)
{
    return conn.name + QLatin1Char('/') + modeTag(mode);
}

} // namespace

QThreadPool *SqlConnectionPool::threadPool()
{
    static QThreadPool *pool = createPool();
    return pool;
}

QString SqlConnectionPool::effectiveSslMode(const PostgresConnection &pg)
{
    if (!pg.sslmode.isEmpty())
        return pg.sslmode;
    const QHostAddress address(pg.host);
    const bool loopback = pg.host.isEmpty() || pg.host.startsWith(QLatin1Char('/'))
        || pg.host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || (!address.isNull() && address.isLoopback());
    return loopback ? QStringLiteral("prefer") : QStringLiteral("verify-full");
}

std::chrono::milliseconds SqlConnectionPool::defaultStatementTimeout(const Connection &conn)
{
    if (const auto *pg = std::get_if<PostgresConnection>(&conn.target))
        return pg->statementTimeout;
    if (const auto *my = std::get_if<MysqlConnection>(&conn.target))
        return my->statementTimeout;
    return std::chrono::milliseconds(30000);
}

QString SqlConnectionPool::describe(const Connection &conn)
{
    QString where;
    if (const auto *pg = std::get_if<PostgresConnection>(&conn.target))
        where = QStringLiteral("postgresql://") + pg->user + QLatin1Char('@') + pg->host + QLatin1Char(':')
            + QString::number(pg->port) + QLatin1Char('/') + pg->database;
    else if (const auto *lite = std::get_if<SqliteConnection>(&conn.target))
        where = QStringLiteral("sqlite:%1").arg(lite->path);
    else if (const auto *my = std::get_if<MysqlConnection>(&conn.target))
        where = QStringLiteral("mysql://") + my->user + QLatin1Char('@')
            + (my->socket.isEmpty() ? my->host + QLatin1Char(':') + QString::number(my->port) : my->socket)
            + QLatin1Char('/') + my->database;
    return conn.name.isEmpty() ? where : conn.name + QStringLiteral(": ") + where;
}

bool SqlConnectionPool::isPostgres(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

bool SqlConnectionPool::isMysql(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QMYSQL");
}

QString SqlConnectionPool::redact(QString text, const QByteArray &password)
{
    if (password.size() > 0)
        text.replace(QString::fromUtf8(password), QStringLiteral("***"));
    return Redactor::redact(text);
}

QString SqlConnectionPool::errorText(const QSqlError &error, const QByteArray &password,
                                     std::chrono::milliseconds statementTimeout)
{
    QString text = error.databaseText();
    const QString code = error.nativeErrorCode();
    // QPSQL appends "(SQLSTATE)"; libpq prefixes "ERROR:" / "FATAL:" and spreads hints over lines.
    if (!code.isEmpty() && text.trimmed().endsWith(QStringLiteral("(%1)").arg(code)))
        text = text.trimmed().chopped(code.size() + 2);
    static const QRegularExpression severity(QStringLiteral("^\\s*(ERROR|FATAL|PANIC):\\s*"));
    text.remove(severity);
    text = text.simplified();
    if (text.isEmpty())
        text = error.driverText().simplified();
    if (text.isEmpty())
        text = QStringLiteral("unknown database error");

    // 25006 read_only_sql_transaction; SQLite: 8 SQLITE_READONLY (query_only / read-only open).
    if (code == QLatin1String("25006")
        || (code == QLatin1String("8") && text.contains(QLatin1String("readonly"), Qt::CaseInsensitive)))
        text = QStringLiteral("the check tried to write: ") + text;
    else if ((code == QLatin1String("57014") && text.contains(QLatin1String("statement timeout")))
             || code == QLatin1String("1969") || code == QLatin1String("3024"))
        text = QStringLiteral("statement timeout (%1 ms) exceeded: %2")
                   .arg(statementTimeout.count())
                   .arg(text);
    return redact(text, password);
}

Expected<QSqlDatabase, QString> SqlConnectionPool::acquire(const Connection &conn, Mode mode,
                                                           const QByteArray &password, bool *reused)
{
    if (reused)
        *reused = false;
    ThreadConnections &mine = threadConnections();
    const QString k = key(conn, mode);
    const QByteArray fp = fingerprint(conn, mode, password);

    auto it = mine.entries.find(k);
    if (it != mine.entries.end()) {
        QSqlDatabase db = QSqlDatabase::database(it->dbName, false);
        if (it->fingerprint == fp && db.isOpen()) {
            it->lastUse = ++mine.clock;
            if (reused)
                *reused = true;
            return db;
        }
        db = QSqlDatabase();
        ThreadConnections::drop(it->dbName);
        mine.entries.erase(it);
    }
    while (mine.entries.size() >= kMaxConnectionsPerThread)
        mine.evictOldest();

    const QString dbName = QStringLiteral("cockpit-sql-%1-%2-%3")
                               .arg(quintptr(QThread::currentThreadId()), 0, 16)
                               .arg(conn.name, modeTag(mode));
    QSqlDatabase db;
    if (const auto *pg = std::get_if<PostgresConnection>(&conn.target)) {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return unexpected(QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed"));
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), dbName);
        db.setHostName(pg->host);
        db.setPort(pg->port);
        db.setDatabaseName(pg->database);
        // libpq rounds connect_timeout to whole seconds, minimum 2.
        const qint64 connectSeconds = std::max<qint64>(2, (pg->connectTimeout.count() + 999) / 1000);
        QStringList options {QStringLiteral("connect_timeout=%1").arg(connectSeconds),
                             QStringLiteral("sslmode=%1").arg(effectiveSslMode(*pg)),
                             QStringLiteral("application_name=cutover-cockpit")};
        // Server notices would go to our stderr through libpq's default notice processor: keep errors only.
        // Defence in depth: even a transaction a check ends itself stays read-only.
        options << (mode == Mode::ReadOnly ? QStringLiteral(
                        "options='-cclient_min_messages=error -cdefault_transaction_read_only=on'")
                                           : QStringLiteral("options=-cclient_min_messages=error"));
        if (!pg->caFile.isEmpty())
            options << QStringLiteral("sslrootcert=%1").arg(conninfoQuote(pg->caFile));
        db.setConnectOptions(options.join(QLatin1Char(';')));
        // open(user, password): the driver gets the password without QSqlDatabase keeping it.
        if (!db.open(pg->user, QString::fromUtf8(password))) {
            const QString err = errorText(db.lastError(), password);
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(dbName);
            return unexpected(QStringLiteral("cannot connect to %1: %2").arg(describe(conn), err));
        }
    } else if (const auto *lite = std::get_if<SqliteConnection>(&conn.target)) {
        if (!QFileInfo::exists(lite->path))
            return unexpected(QStringLiteral("cannot open %1: no such SQLite file").arg(describe(conn)));
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), dbName);
        db.setDatabaseName(lite->path);
        db.setConnectOptions(mode == Mode::ReadOnly
                                 ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                 : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        bool ok = db.open();
        QString err;
        if (!ok) {
            err = errorText(db.lastError(), password);
        } else if (mode == Mode::ReadOnly) {
            QSqlQuery pragma(db);
            if (!pragma.exec(QStringLiteral("PRAGMA query_only=1"))) {
                ok = false;
                err = errorText(pragma.lastError(), password);
            }
        }
        if (!ok) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(dbName);
            return unexpected(QStringLiteral("cannot open %1: %2").arg(describe(conn), err));
        }
    } else if (const auto *my = std::get_if<MysqlConnection>(&conn.target)) {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QMYSQL")))
            return unexpected(QStringLiteral(
                "the Qt MySQL driver (QMYSQL) is not installed (Debian package libqt6sql6-mysql)"));
        db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), dbName);
        db.setHostName(my->host);
        db.setPort(my->port);
        db.setDatabaseName(my->database);
        const qint64 connectSeconds = std::max<qint64>(1, (my->connectTimeout.count() + 999) / 1000);
        QStringList options {QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1").arg(connectSeconds)};
        if (!my->socket.isEmpty())
            options << QStringLiteral("UNIX_SOCKET=%1").arg(my->socket);
        db.setConnectOptions(options.join(QLatin1Char(';')));
        bool ok = db.open(my->user, QString::fromUtf8(password));
        QString err = ok ? QString() : errorText(db.lastError(), password);
        if (ok) {
            // Timestamps compare in UTC on every side; a read-only connection refuses writes by itself too.
            QSqlQuery setup(db);
            QStringList statements {QStringLiteral("SET time_zone = '+00:00'")};
            if (mode == Mode::ReadOnly)
                statements << QStringLiteral("SET SESSION TRANSACTION READ ONLY");
            for (const QString &s : statements)
                if (!setup.exec(s)) {
                    ok = false;
                    err = errorText(setup.lastError(), password);
                    break;
                }
        }
        if (!ok) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(dbName);
            return unexpected(QStringLiteral("cannot connect to %1: %2").arg(describe(conn), err));
        }
    } else {
        return unexpected(QStringLiteral("%1 is not a SQL connection").arg(conn.name));
    }
    mine.entries.insert(k, ThreadConnections::Entry {dbName, fp, ++mine.clock});
    return db;
}

void SqlConnectionPool::discard(const Connection &conn, Mode mode)
{
    ThreadConnections &mine = threadConnections();
    auto it = mine.entries.find(key(conn, mode));
    if (it == mine.entries.end())
        return;
    ThreadConnections::drop(it->dbName);
    mine.entries.erase(it);
}

Expected<void, QString> SqlConnectionPool::begin(QSqlDatabase &db, const Connection &conn, Mode mode,
                                                 std::chrono::milliseconds statementTimeout,
                                                 const QByteArray &password)
{
    QSqlQuery q(db);
    if (isPostgres(db)) {
        const QString beginSql = mode == Mode::ReadOnly ? QStringLiteral("BEGIN TRANSACTION READ ONLY")
                                                        : QStringLiteral("BEGIN TRANSACTION READ WRITE");
        if (!q.exec(beginSql))
            return unexpected(errorText(q.lastError(), password));
        if (!q.exec(QStringLiteral("SET LOCAL statement_timeout = %1")
                        .arg(std::max<qint64>(1, statementTimeout.count())))) {
            const QString err = errorText(q.lastError(), password);
            q.clear();
            rollback(db);
            return unexpected(err);
        }
        return {};
    }
    if (isMysql(db)) {
        // MariaDB: max_statement_time (seconds); MySQL: max_execution_time (ms, SELECT only).
        const double seconds = double(std::max<qint64>(1, statementTimeout.count())) / 1000.0;
        if (!q.exec(QStringLiteral("SET SESSION max_statement_time = %1").arg(seconds, 0, 'f', 3))
            && !q.exec(QStringLiteral("SET SESSION max_execution_time = %1")
                           .arg(std::max<qint64>(1, statementTimeout.count()))))
            return unexpected(errorText(q.lastError(), password));
        const QString beginSql = mode == Mode::ReadOnly ? QStringLiteral("START TRANSACTION READ ONLY")
                                                        : QStringLiteral("START TRANSACTION READ WRITE");
        if (!q.exec(beginSql))
            return unexpected(errorText(q.lastError(), password));
        return {};
    }
    Q_UNUSED(conn)
    if (!q.exec(QStringLiteral("BEGIN")))
        return unexpected(errorText(q.lastError(), password));
    return {};
}

void SqlConnectionPool::rollback(QSqlDatabase &db)
{
    // A connection the server dropped (e.g. PostgreSQL stopping) has nothing to roll back; Qt would only
    // warn "database not open".
    if (!db.isOpen())
        return;
    QSqlQuery q(db);
    q.exec(QStringLiteral("ROLLBACK"));
}

} // namespace cockpit
