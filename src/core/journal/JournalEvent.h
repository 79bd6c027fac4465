#pragma once

#include "core/base/Expected.h"
#include "core/journal/JournalEventDraft.h"
#include "core/journal/JournalEventType.h"
#include "core/journal/JournalRawRow.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace cockpit {

// One sealed journal event: immutable, at position seq (1-based, contiguous over the whole journal, not
// per run), carrying the SHA-256 of the previous event (64 zeros for the first) and its own.
//
// Hashed bytes (JournalEvent::canonicalBytes): netstrings `<decimal length>:<bytes>,` of, in order, the
// tag "cockpit-journal-v1", seq (decimal), run id (UTF-8), at (decimal ms), type name, actor (UTF-8),
// payload (compact JSON object text with sorted keys, exactly as stored), prev hash (hex). Netstrings make
// the encoding unambiguous without escaping; the payload is hashed as stored text, so verification never
// depends on how a Qt version re-serializes JSON.
class JournalEvent
{
public:
    static constexpr int kHashHexLength = 64;
    static QByteArray genesisHash() { return QByteArray(kHashHexLength, '0'); }

    JournalEvent() = default;

    // Redacts every string (run id, actor, payload keys and values) through Redactor, then fixes the
    // position and hashes. Secrets never reach a store: this is the only way to make an event to append.
    static JournalEvent seal(const JournalEventDraft &draft, qint64 seq, const QByteArray &prevHash);

    // Parses a stored row without checking hashes (JournalVerifier does that). Errors say which field is bad.
    static Expected<JournalEvent, QString> fromRawRow(const JournalRawRow &row);
    JournalRawRow toRawRow() const;

    // SHA-256 (lowercase hex) of canonicalBytes(row); only row.hash is ignored.
    static QByteArray computeHash(const JournalRawRow &row);
    static QByteArray canonicalBytes(const JournalRawRow &row);

    qint64 seq() const { return m_seq; }
    const QString &runId() const { return m_runId; }
    qint64 at() const { return m_at; } // UTC ms since the epoch
    JournalEventType type() const { return m_type; }
    QString typeName() const { return journalEventTypeName(m_type); }
    const QString &actor() const { return m_actor; }
    const QJsonObject &payload() const { return m_payload; }
    const QByteArray &payloadJson() const { return m_payloadJson; } // as stored and hashed
    const QByteArray &prevHash() const { return m_prevHash; }
    const QByteArray &hash() const { return m_hash; }
    bool isValid() const { return m_seq > 0; }

    // For `journal export --json`: seq, run_id, at (ms), at_iso, type, actor, payload, prev_hash, hash.
    QJsonObject toJson() const;

    bool operator==(const JournalEvent &other) const
    {
        return m_seq == other.m_seq && m_hash == other.m_hash && m_prevHash == other.m_prevHash
            && m_payloadJson == other.m_payloadJson && m_runId == other.m_runId && m_at == other.m_at
            && m_type == other.m_type && m_actor == other.m_actor;
    }

private:
    qint64 m_seq = 0;
    QString m_runId;
    qint64 m_at = 0;
    JournalEventType m_type = JournalEventType::Note;
    QString m_actor;
    QJsonObject m_payload;
    QByteArray m_payloadJson;
    QByteArray m_prevHash;
    QByteArray m_hash;
};

} // namespace cockpit
