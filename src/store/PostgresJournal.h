#pragma once

#include "store/Outbox.h"
#include "store/PostgresJournalSpec.h"
#include "store/SqlJournal.h"

#include <QElapsedTimer>
#include <memory>

namespace cockpit {

// The shared journal: table cockpit.events in a PostgreSQL database. The owner (the lead's role) appends;
// viewers log in with a role that init() made SELECT-only, so read-only is enforced by the database.
// Triggers refuse UPDATE, DELETE and TRUNCATE for everybody, the owner included.
//
// Every append (or appendBatch) is one transaction: writers' lock row, read the tail, insert, NOTIFY
// cockpit_journal '<seq>'; viewers that subscribe() get eventsAppended(fromSeq) within milliseconds.
//
// Outbox (writers only, optional): when the server is unreachable, append() seals the event on the last
// known tail and keeps it in the outbox; the next append (or flushOutbox()) after the server is back
// inserts the waiting events in order in one transaction. A retried insert is recognised by seq + hash
// (ON CONFLICT DO NOTHING, then the stored hash must equal ours), so nothing is lost or duplicated; a
// different event at the same seq (someone else wrote meanwhile) is an error and the outbox is kept.
//
// Threading: as Journal. Notifications arrive through the owning thread's event loop.
class PostgresJournal : public SqlJournal
{
    Q_OBJECT
public:
    static constexpr const char *kChannel = "cockpit_journal";

    struct Options
    {
        QString outboxPath; // empty: no outbox, an unreachable server makes append() fail
        int retryIntervalMs = 1000; // while offline, reconnect attempts are at least this far apart
    };

    // Connects (the password comes from the keychain or PGPASSWORD, never from the URL). With an outbox
    // holding events from an earlier session, the server may be down: the journal starts offline.
    static Expected<std::unique_ptr<PostgresJournal>, Error>
    open(const PostgresJournalSpec &spec, const QByteArray &password, const Options &options);
    static Expected<std::unique_ptr<PostgresJournal>, Error> open(const PostgresJournalSpec &spec,
                                                                  const QByteArray &password)
    {
        return open(spec, password, Options {});
    }
    ~PostgresJournal() override;

    QString location() const override { return m_spec.toString(); }
    Expected<JournalEvent, Error> append(const JournalEventDraft &draft) override;
    // One transaction for all (lock, tail, inserts, one NOTIFY per event); with an outbox and the server
    // unreachable, the sealed events wait there together, in order.
    Expected<Events, Error> appendBatch(const QList<JournalEventDraft> &drafts) override;
    // Sends waiting outbox events first; fails with unreachableError() instead of queueing.
    Expected<Events, Error> appendShared(const QList<JournalEventDraft> &drafts) override;
    bool isReachable() const override { return m_online; }

    // Creates (idempotently) schema cockpit, table events, the append-only triggers, and a LOGIN role
    // viewerRole that may only SELECT from it (password stored as a SCRAM verifier computed here; empty:
    // no password, e.g. for certificate login). Needs a connection as a role allowed to CREATE ROLE.
    Expected<void, Error> init(const QString &viewerRole, const QByteArray &viewerPassword);
    // Creates (or resets to) a LOGIN role leadRole that may append and read, and nothing else: no UPDATE or
    // DELETE, no right on the head record. A lead logging in with it can't cut events off the tail
    // without `journal verify` noticing (docs/journal.md). Run after init(), as the schema owner.
    Expected<void, Error> initLeadRole(const QString &leadRole, const QByteArray &leadPassword);
    // cockpit.head (nullopt on a journal initialised before the head record existed).
    Expected<std::optional<JournalHead>, Error> recordedHead() override;
    QString recordedHeadSource() const override { return QStringLiteral("the head record cockpit.head"); }

    // LISTEN cockpit_journal: eventsAppended(fromSeq) for events appended by other connections.
    Expected<void, Error> subscribe();

    // Sends waiting outbox events now; returns how many were sent.
    Expected<qint64, Error> flushOutbox();
    qint64 pendingCount() const { return m_outbox ? m_outbox->count() : 0; }
    bool isOnline() const { return m_online; }
    static bool isValidRoleName(const QString &name);

Q_SIGNALS:
    void onlineChanged(bool online);
    void pendingCountChanged(qint64 pending);

private:
    PostgresJournal(const PostgresJournalSpec &spec, const QByteArray &password, const Options &options);
    Expected<void, Error> connect();
    bool reconnectDue();
    void setOnline(bool online);
    // After a failed statement: is the server gone (as opposed to the statement being refused)?
    bool connectionLost();
    Expected<void, Error> loadTail();
    struct Attempt
    {
        Events sealed; // what was (maybe) written; empty if it never got that far
        bool connectionLost = false;
        bool atCommit = false; // the failure was the COMMIT: the server may have stored the events
    };
    static Events sealOnTail(const QList<JournalEventDraft> &drafts, qint64 lastSeq, QByteArray lastHash);
    Expected<Events, Error> appendOnline(const QList<JournalEventDraft> &drafts, Attempt &attempt);
    Expected<Events, Error> appendToOutbox(const Events &events);
    Expected<void, Error> rollback(const QSqlError &error, const QString &what);
    // "journal … unreachable for N s (M events waiting in outbox …)": what appendShared() says.
    Error unreachableError() const;
    // A write the database refused for lack of rights, in words; nullopt for any other error.
    std::optional<Error> refusal(const QSqlError &error) const;

    PostgresJournalSpec m_spec;
    Options m_options;
    std::unique_ptr<Outbox> m_outbox;
    bool m_online = false;
    bool m_subscribed = false;
    QElapsedTimer m_sinceAttempt; // monotonic: reconnect pacing only, never event timestamps
    QElapsedTimer m_offlineFor; // monotonic: since when unreachable, for messages only
    // The tail as last seen by this writer, for sealing while offline.
    bool m_tailKnown = false;
    qint64 m_lastSeq = 0;
    QByteArray m_lastHash;
};

} // namespace cockpit
