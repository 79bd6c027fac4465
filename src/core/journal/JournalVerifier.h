#pragma once

#include "core/journal/JournalHead.h"
#include "core/journal/JournalRawRow.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cockpit {

// The first thing wrong with a journal, as found by JournalVerifier.
struct JournalFault
{
    enum class Kind {
        Unparsable, // a field can't be read: seq/at not canonical decimal, bad UTF-8, unknown type,
                    // payload not a JSON object, hash not 64 lowercase hex digits
        SeqGap, // an event is missing (seq = the missing one)
        Reorder, // events are out of order or repeated (seq = the first one out of place)
        ChainBreak, // prev_hash is not the hash of the event before (an event removed, inserted or re-hashed)
        HashMismatch, // the event's own bytes don't hash to its stored hash (it was modified)
        Truncated, // the chain ends before an expected head: events were cut off the end
        HeadMismatch, // the event at an expected head's seq has another hash: history was rewritten
    };
    Kind kind = Kind::Unparsable;
    qint64 seq = 0; // the event named as the first bad one (0 when the seq itself is unreadable
                    // and no position can be inferred)
    qint64 rowIndex = 0; // 0-based position of the offending row in the order the rows were read
    QString detail;

    // "hash mismatch", "chain break", "seq gap", "reorder", "unparsable", "truncated", "head mismatch"
    static QString kindName(Kind kind);
    QString toString() const; // "event 5: hash mismatch: …"
};

struct JournalVerifyReport
{
    qint64 eventCount = 0; // rows looked at (all of them, also past a fault)
    qint64 verifiedCount = 0; // rows verified before the first fault
    QByteArray headHash; // hash of the last verified event (genesis hash for an empty journal)
    std::optional<JournalFault> fault;
    bool ok() const { return !fault.has_value(); }
};

// Checks a journal's rows, read in stored (seq) order, one at a time: constant memory, so 100 000 events
// stream through without being held. Never trusts a row: every field may be arbitrary bytes.
// Truncation at the tail can't be seen from the rows alone: expectHead() names a head recorded elsewhere
// (PostgreSQL's cockpit.head, an evidence report, `journal verify --head`) that the chain must contain.
class JournalVerifier
{
public:
    // The chain must contain this head (an event at head.seq with head.hash); checked by report().
    // `source` says where the head came from, for the message ("the head record cockpit.head").
    void expectHead(const JournalHead &head, const QString &source);
    // Feeds the next row. Returns false once a fault has been found (further rows are only scanned to
    // tell a gap from a reorder).
    bool add(const JournalRawRow &row);
    // The same with the raw stored fields; what the fuzzer calls.
    bool add(const QByteArray &seq, const QByteArray &runId, const QByteArray &at, const QByteArray &type,
             const QByteArray &actor, const QByteArray &payload, const QByteArray &prevHash,
             const QByteArray &hash);
    JournalVerifyReport report() const;

    static JournalVerifyReport verify(const QList<JournalRawRow> &rows);
    // For fuzzing: rows separated by '\n', fields by '\t' in JournalRawRow order (missing fields empty).
    static JournalVerifyReport verifySerialized(const QByteArray &data);

private:
    qint64 m_expectedSeq = 1;
    qint64 m_rowIndex = 0;
    qint64 m_verified = 0;
    QByteArray m_lastHash = QByteArray(64, '0');
    std::optional<JournalFault> m_fault;
    struct ExpectedHead
    {
        JournalHead head;
        QString source;
        bool seen = false; // the chain had head.seq with head.hash
        QByteArray found; // the hash the chain had at head.seq, when it differed
    };
    QList<ExpectedHead> m_heads;
    void checkHeads(qint64 seq, const QByteArray &hash);
    std::optional<JournalFault> headFault() const;
};

} // namespace cockpit
