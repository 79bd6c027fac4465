#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"

#include <QByteArray>
#include <QString>
#include <chrono>
#include <memory>

namespace cockpit {

// A throwaway PostgreSQL cluster for the demo and the test fixtures: initdb into a fresh temp dir,
// TLS with a throwaway CA, a free port on 127.0.0.1, stopped and deleted by stop() or the destructor.
//
// Authentication (pg_hba.conf): the Unix socket trusts everybody; on 127.0.0.1 the superuser
// `postgres` is trusted on a dedicated line (setup convenience for a cluster nobody else can reach),
// every other role needs scram-sha-256, so password handling in the probes is real.
//
// When running as root, initdb/pg_ctl run as user `postgres` through runuser (initdb refuses root);
// the temp dir is chowned to postgres. psql always runs as the calling user over the socket.
// All calls block (process runs of ~1 s): don't call them on the GUI thread.
class LocalPostgres
{
public:
    struct StartOptions
    {
        QString parentDir; // where the temp dir goes; empty: QDir::tempPath()
        int port = 0; // 0: pick a free port
        std::chrono::milliseconds timeout {60000};
    };

    // Where psql talks to: the superuser over the Unix socket.
    struct Endpoint
    {
        QString socketDir;
        int port = 0;
        QString user = QStringLiteral("postgres");
    };

    static Expected<std::unique_ptr<LocalPostgres>, Error> start(const StartOptions &options);

    ~LocalPostgres();
    LocalPostgres(const LocalPostgres &) = delete;
    LocalPostgres &operator=(const LocalPostgres &) = delete;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString caFile() const; // PEM of the throwaway CA: sslrootcert for sslmode=verify-full
    QString socketDir() const; // Unix socket directory (-k), for psql as superuser
    QString dataDir() const;
    QString rootDir() const { return m_root; } // temp dir holding data, socket, TLS files, log
    QString logFile() const;
    QString superuser() const { return QStringLiteral("postgres"); }
    qint64 postmasterPid() const;
    Endpoint endpoint() const { return Endpoint {socketDir(), m_port, superuser()}; }

    // Stops the server (pg_ctl stop -m fast) and deletes the temp dir. Idempotent.
    Expected<void, Error> stop();
    // Stops the server and keeps its data; resume() starts it again on the same port (an outage in a test).
    Expected<void, Error> pause();
    Expected<void, Error> resume();
    // Leaves the server running when this object dies (the CTest fixture exits after start).
    void detach() { m_detached = true; }

    // Setup helpers through psql as superuser; the SQL goes through stdin, never argv.
    Expected<void, Error> runSql(const QString &database, const QString &sql) const;
    Expected<QString, Error> querySql(const QString &database, const QString &sql) const;
    Expected<void, Error> createDatabase(const QString &name, const QString &owner = {}) const;
    // The password is turned into a SCRAM-SHA-256 verifier here, so the clear text reaches neither
    // argv, the server nor its log.
    Expected<void, Error> createRole(const QString &name, const QByteArray &password) const;

    // The same helpers against any cluster (the fixture's env file gives the endpoint).
    static Expected<void, Error> runSql(const Endpoint &at, const QString &database, const QString &sql);
    // Unaligned, tuples-only output (psql -At), trailing newline removed.
    static Expected<QString, Error> querySql(const Endpoint &at, const QString &database, const QString &sql);
    // pg_ctl stop -m fast for a data dir left running by a detached instance, then removes rootDir.
    static Expected<void, Error> stopDataDir(const QString &dataDir, const QString &rootDirToRemove);

    static QString binDir(); // highest /usr/lib/postgresql/*/bin
    static QString quoteIdentifier(const QString &name); // "name" with " doubled
    static QString quoteLiteral(const QString &text); // 'text' with ' doubled
    static QByteArray scramVerifier(const QByteArray &password);

private:
    LocalPostgres() = default;

    QString m_root;
    int m_port = 0;
    bool m_running = false;
    bool m_detached = false;
};

} // namespace cockpit
