#include "core/journal/JournalVerifier.h"

#include "core/journal/JournalEvent.h"
#include "core/journal/JournalRowCheck.h"

#include <QCryptographicHash>

namespace cockpit {

QString JournalFault::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Unparsable: return QStringLiteral("unparsable");
    case Kind::SeqGap: return QStringLiteral("seq gap");
    case Kind::Reorder: return QStringLiteral("reorder");
    case Kind::ChainBreak: return QStringLiteral("chain break");
    case Kind::HashMismatch: return QStringLiteral("hash mismatch");
    case Kind::Truncated: return QStringLiteral("truncated");
    case Kind::HeadMismatch: return QStringLiteral("head mismatch");
    }
    return QStringLiteral("unknown");
}

QString JournalFault::toString() const
{
    const QString where
        = seq > 0 ? QStringLiteral("event %1").arg(seq) : QStringLiteral("row %1").arg(rowIndex + 1);
    return QStringLiteral("%1: %2: %3").arg(where, kindName(kind), detail);
}

bool JournalVerifier::add(const QByteArray &seq, const QByteArray &runId, const QByteArray &at,
                          const QByteArray &type, const QByteArray &actor, const QByteArray &payload,
                          const QByteArray &prevHash, const QByteArray &hash)
{
    return add(JournalRawRow {seq, runId, at, type, actor, payload, prevHash, hash});
}

namespace {
// The three fields the chain checks need, from a row known to be well-formed.
struct Checked
{
    qint64 m_seq;
    const QByteArray &m_prev;
    const QByteArray &m_hash;
    qint64 seq() const { return m_seq; }
    const QByteArray &prevHash() const { return m_prev; }
    const QByteArray &hash() const { return m_hash; }
};
} // namespace

bool JournalVerifier::add(const JournalRawRow &row)
{
    const qint64 index = m_rowIndex++;
    if (m_fault) {
        // A provisional gap becomes a reorder when the "missing" event turns up later.
        if (m_fault->kind == JournalFault::Kind::SeqGap) {
            bool ok = false;
            const qint64 s = row.seq.toLongLong(&ok);
            if (ok && s == m_fault->seq) {
                m_fault->kind = JournalFault::Kind::Reorder;
                m_fault->detail
                    = QStringLiteral("stored after later events (found at row %1)").arg(index + 1);
            }
        }
        return false;
    }

    // Most rows are well-formed: checked without building an event. The rest go through fromRawRow,
    // which has the final word and says what is wrong.
    qint64 seq = 0;
    if (!JournalRowCheck::wellFormed(row, &seq)) {
        const auto parsed = JournalEvent::fromRawRow(row);
        if (!parsed) {
            // Name the event by its position when its own seq is what can't be read.
            bool ok = false;
            const qint64 s = row.seq.toLongLong(&ok);
            m_fault = JournalFault {JournalFault::Kind::Unparsable, ok && s > 0 ? s : m_expectedSeq, index,
                                    parsed.error()};
            return false;
        }
        seq = parsed->seq();
    }
    const Checked e {seq, row.prevHash, row.hash};
    if (e.seq() > m_expectedSeq) {
        m_fault = JournalFault {JournalFault::Kind::SeqGap, m_expectedSeq, index,
                                e.seq() == m_expectedSeq + 1
                                    ? QStringLiteral("missing (next stored event is %1)").arg(e.seq())
                                    : QStringLiteral("missing, with %1 more (next stored event is %2)")
                                          .arg(e.seq() - m_expectedSeq - 1)
                                          .arg(e.seq())};
        return false;
    }
    if (e.seq() < m_expectedSeq) {
        m_fault = JournalFault {JournalFault::Kind::Reorder, e.seq(), index,
                                QStringLiteral("stored after event %1").arg(m_expectedSeq - 1)};
        return false;
    }
    if (e.prevHash() != m_lastHash) {
        m_fault = JournalFault {
            JournalFault::Kind::ChainBreak, e.seq(), index,
            e.seq() == 1 ? QStringLiteral("the first event's previous hash is not the genesis hash")
                         : QStringLiteral("previous hash %1… is not the hash of event %2 (%3…)")
                               .arg(QString::fromLatin1(e.prevHash().left(12)))
                               .arg(e.seq() - 1)
                               .arg(QString::fromLatin1(m_lastHash.left(12)))};
        return false;
    }
    // Compared as raw digest against the stored hex, without making hex of it (the common, intact case).
    const QByteArray digest
        = QCryptographicHash::hash(JournalEvent::canonicalBytes(row), QCryptographicHash::Sha256);
    if (!JournalRowCheck::hexEquals(e.hash(), digest)) {
        const QByteArray actual = digest.toHex();
        m_fault = JournalFault {
            JournalFault::Kind::HashMismatch, e.seq(), index,
            QStringLiteral("content hashes to %1…, stored hash is %2… (the event was modified)")
                .arg(QString::fromLatin1(actual.left(12)), QString::fromLatin1(e.hash().left(12)))};
        return false;
    }
    m_lastHash = e.hash();
    ++m_expectedSeq;
    ++m_verified;
    if (!m_heads.isEmpty())
        checkHeads(e.seq(), e.hash());
    return true;
}

void JournalVerifier::expectHead(const JournalHead &head, const QString &source)
{
    // seq 0 is the empty chain, which every chain starts from.
    m_heads.append(ExpectedHead {head, source, head.seq == 0 && head.hash == JournalHead().hash, {}});
}

void JournalVerifier::checkHeads(qint64 seq, const QByteArray &hash)
{
    for (ExpectedHead &h : m_heads) {
        if (h.head.seq != seq)
            continue;
        if (h.head.hash == hash)
            h.seen = true;
        else
            h.found = hash;
    }
}

std::optional<JournalFault> JournalVerifier::headFault() const
{
    for (const ExpectedHead &h : m_heads) {
        if (h.seen)
            continue;
        const QString expected
            = QStringLiteral("%1:%2…").arg(h.head.seq).arg(QString::fromLatin1(h.head.hash.left(12)));
        if (!h.found.isEmpty() || h.head.seq == 0)
            return JournalFault {JournalFault::Kind::HeadMismatch, h.head.seq, m_rowIndex,
                                 QStringLiteral("%1 names head %2, but the chain's event %3 hashes to %4… "
                                                "(history was rewritten)")
                                     .arg(h.source, expected)
                                     .arg(h.head.seq)
                                     .arg(QString::fromLatin1(h.found.left(12)))};
        return JournalFault {JournalFault::Kind::Truncated, m_verified + 1, m_rowIndex,
                             QStringLiteral("the chain ends at event %1, but %2 names head %3: %4 event(s) "
                                            "were cut off the end")
                                 .arg(m_verified)
                                 .arg(h.source, expected)
                                 .arg(h.head.seq - m_verified)};
    }
    return std::nullopt;
}

JournalVerifyReport JournalVerifier::report() const
{
    // A fault inside the chain comes first: it makes any head beyond it unverifiable anyway.
    return JournalVerifyReport {m_rowIndex, m_verified, m_lastHash, m_fault ? m_fault : headFault()};
}

JournalVerifyReport JournalVerifier::verify(const QList<JournalRawRow> &rows)
{
    JournalVerifier v;
    for (const JournalRawRow &row : rows)
        v.add(row);
    return v.report();
}

JournalVerifyReport JournalVerifier::verifySerialized(const QByteArray &data)
{
    JournalVerifier v;
    if (data.isEmpty())
        return v.report();
    for (const QByteArray &line : data.split('\n')) {
        const QList<QByteArray> f = line.split('\t');
        auto field = [&f](qsizetype i) { return i < f.size() ? f.at(i) : QByteArray(); };
        v.add(field(0), field(1), field(2), field(3), field(4), field(5), field(6), field(7));
    }
    return v.report();
}

} // namespace cockpit
