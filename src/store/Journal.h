#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/journal/JournalEvent.h"
#include "core/journal/JournalEventDraft.h"
#include "core/journal/JournalVerifier.h"
#include "core/journal/MetricSamples.h"

#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace cockpit {

// The append-only, hash-chained event store that is the truth of every run (see JournalEvent for the
// chain and the hashed bytes). Implementations: SqliteJournal (embedded default), PostgresJournal (shared).
// Open one with JournalFactory::open().
//
// Threading: a Journal owns one database connection, created on the thread that opened it; every call
// must come from that thread (calls from another thread fail with an error instead of corrupting the
// connection). Run it on the engine's store worker thread, not the GUI thread. Reads of the same journal
// from other threads open their own Journal.
class Journal : public QObject
{
    Q_OBJECT
public:
    using Events = QList<JournalEvent>;
    using RawRowSink = std::function<bool(const JournalRawRow &)>; // return false to stop

    ~Journal() override = default;

    // The journal's location for messages and logs, never with a password.
    virtual QString location() const = 0;

    // Seals the draft (redaction, seq, prev hash, hash) and stores it atomically; returns the stored event.
    virtual Expected<JournalEvent, Error> append(const JournalEventDraft &draft) = 0;
    // Group commit: seals the drafts in order onto the chain and stores them in one transaction (one
    // fsync), all or none; returns the stored events. For the events one engine step produces. An effect
    // that writes must still be journaled (its batch returned) before the effect starts.
    virtual Expected<Events, Error> appendBatch(const QList<JournalEventDraft> &drafts);
    // As appendBatch, but only into the journal everybody reads, never into a local outbox: for the events
    // an effect needs before it may start. While a shared journal is unreachable it fails and
    // isReachable() is false - the engine then holds the effect (samples may still go through
    // appendBatch into the outbox) and retries later.
    virtual Expected<Events, Error> appendShared(const QList<JournalEventDraft> &drafts)
    {
        return appendBatch(drafts);
    }
    // False while the store is known to be unreachable (PostgreSQL down or the network gone). A local file
    // is always reachable.
    virtual bool isReachable() const { return true; }

    // Events with seq >= fromSeq in seq order; at most `limit` when limit > 0. Parsed, not verified.
    virtual Expected<Events, Error> readFrom(qint64 fromSeq, qint64 limit = 0);
    Expected<Events, Error> readAll() { return readFrom(1); }
    // The events of one run, in seq order.
    virtual Expected<Events, Error> readRun(const QString &runId);
    // The newest event, or nullopt for an empty journal.
    virtual Expected<std::optional<JournalEvent>, Error> lastEvent();
    virtual Expected<qint64, Error> count();
    // The run's samples with seq <= upToSeq from the journal's sample table (SampleTable), by metric in
    // time order, without parsing the sample events; nullopt when the journal has none (read the events).
    virtual Expected<std::optional<QList<MetricSamples>>, Error> readSamples(const QString &runId,
                                                                             qint64 upToSeq)
    {
        Q_UNUSED(runId);
        Q_UNUSED(upToSeq);
        return std::optional<QList<MetricSamples>>();
    }

    // Streams stored rows, as bytes, in seq order from fromSeq.
    virtual Expected<void, Error> scanRaw(qint64 fromSeq, const RawRowSink &sink) = 0;
    // Re-hashes the whole chain; the report names the first bad event. The chain must also contain the
    // store's recordedHead() and, when given, `expectedHead` (else: Truncated / HeadMismatch). An error
    // only when the journal couldn't be read at all.
    Expected<JournalVerifyReport, Error> verify(const std::optional<JournalHead> &expectedHead
                                                = std::nullopt);

    // Where the chain ends now: the newest stored event's seq and hash (0 and the genesis hash when empty).
    // Not verified; print it, keep it elsewhere, and `journal verify --head` shows nothing was cut off.
    virtual Expected<JournalHead, Error> head();
    // The head as kept by the store where the appending role can't rewrite it (PostgreSQL: cockpit.head,
    // maintained by the schema owner's trigger); nullopt when the store keeps none (SQLite).
    virtual Expected<std::optional<JournalHead>, Error> recordedHead()
    {
        return std::optional<JournalHead>();
    }
    // Where recordedHead() lives, for messages.
    virtual QString recordedHeadSource() const { return QString(); }

Q_SIGNALS:
    // Events from fromSeq on were appended (by this object, or - for a subscribed PostgreSQL viewer -
    // by the writer). Read them with readFrom(fromSeq). A SQLite journal only reports its own appends:
    // live viewers share a journal through PostgreSQL.
    void eventsAppended(qint64 fromSeq);

protected:
    explicit Journal(QObject *parent = nullptr)
        : QObject(parent)
    {
    }
    // Events matching a run id (empty: all) from fromSeq; the base implementations build on this.
    virtual Expected<Events, Error> query(qint64 fromSeq, qint64 limit, const QString &runId, bool newestOnly)
        = 0;
};

} // namespace cockpit
