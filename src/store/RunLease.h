#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace cockpit {

// Who holds a run's lease, as stored next to the journal (SQLite: table `leases` in the journal file;
// PostgreSQL: cockpit.leases, writable by the journal's owner only, so a viewer can never hold or block it).
struct LeaseHolder
{
    QString key; // what is leased: "<runbook name>|<mode>" (one unfinished run per runbook and mode)
    QString runId; // the run, once known
    QString who;
    QString host;
    qint64 pid = 0;
    qint64 since = 0; // ms since the epoch (the database's clock on PostgreSQL)
    qint64 heartbeat = 0;
    qint64 ttlMs = 0; // the holder's promise: a heartbeat at least this often, or the lease has expired
    QString token; // identifies one taking of the lease

    bool expired(qint64 now) const { return now > heartbeat + ttlMs; }
    // "Dana Weber on host lead-laptop (pid 4242) since 2026-12-03 07:41:00 UTC, last heartbeat 3 s ago"
    QString describe(qint64 now) const;
};

// A run's lease: one writer per run. Taking it is atomic in the journal's own database (SQLite: BEGIN
// IMMEDIATE; PostgreSQL: INSERT … ON CONFLICT DO NOTHING, then a conditional UPDATE on the old token), so
// of two processes starting the same run at once exactly one gets it.
//
// A lease whose holder is silent for longer than its ttl has expired and may be taken over explicitly
// (takeOver). A holder on this host whose process is gone (killed, crashed) is certainly not writing: its
// lease is reclaimed without asking.
//
// Threading: every call opens its own short-lived connection on the calling thread, so a RunLease may
// be used from any one thread at a time.
class RunLease
{
public:
    enum class How {
        Fresh, // nobody held it
        Reclaimed, // the holder's process on this host is gone
        TakenOver, // an expired lease replaced on request
    };

    struct Request
    {
        QString journalSpec; // as JournalFactory::open takes it
        QByteArray password; // PostgreSQL
        QString key;
        QString who;
        QString runId;
        qint64 ttlMs = 60000;
        bool takeOver = false;
    };

    static Expected<std::unique_ptr<RunLease>, Error> take(const Request &request);
    // The current holder of `key`, if any.
    static Expected<std::optional<LeaseHolder>, Error> holder(const QString &journalSpec,
                                                              const QByteArray &password, const QString &key);
    static QString keyFor(const QString &runbookName, const QString &modeName);
    // PostgreSQL `journal init`: the lease table, readable by the viewer role (a view shows who leads),
    // writable by nobody but the owner and the lead role. A viewer cannot lock a row it may not update.
    static QStringList postgresStatements(const QString &viewerRole);
    static QStringList postgresLeadStatements(const QString &leadRole);

    ~RunLease(); // releases the lease when still held

    // Renews the heartbeat (and records the run id); fails when somebody took the lease over meanwhile.
    Expected<void, Error> heartbeat(const QString &runId = {});
    Expected<void, Error> release();

    const LeaseHolder &mine() const { return m_mine; }
    How how() const { return m_how; }
    // The lease this one replaced (Reclaimed, TakenOver).
    const std::optional<LeaseHolder> &previous() const { return m_previous; }
    bool isHeld() const { return m_held; }

private:
    RunLease() = default;

    QString m_spec;
    QByteArray m_password;
    LeaseHolder m_mine;
    std::optional<LeaseHolder> m_previous;
    How m_how = How::Fresh;
    bool m_held = false;
};

} // namespace cockpit
