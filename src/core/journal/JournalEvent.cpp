#include "core/journal/JournalEvent.h"

#include "core/base/Redactor.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace cockpit {

namespace {

const QByteArray kTag = QByteArrayLiteral("cockpit-journal-v1");

void appendNetstring(QByteArray &out, const QByteArray &field)
{
    out += QByteArray::number(field.size());
    out += ':';
    out += field;
    out += ',';
}

QJsonValue redactValue(const QJsonValue &v);

QJsonObject redactObject(const QJsonObject &o)
{
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(Redactor::redact(it.key()), redactValue(it.value()));
    return out;
}

QJsonValue redactValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: return Redactor::redact(v.toString());
    case QJsonValue::Object: return redactObject(v.toObject());
    case QJsonValue::Array: {
        QJsonArray out;
        for (const QJsonValue e : v.toArray()) // by value: the iterator yields QJsonValueRef
            out.append(redactValue(e));
        return out;
    }
    default: return v;
    }
}

// Decimal text with no sign, no leading zeros, no spaces: exactly what QByteArray::number() produces,
// so a number has one stored form and the hash covers that form.
std::optional<qint64> parseCanonicalInt(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 19)
        return std::nullopt;
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 0 || QByteArray::number(v) != text)
        return std::nullopt;
    return v;
}

bool isHashHex(const QByteArray &h)
{
    if (h.size() != JournalEvent::kHashHexLength)
        return false;
    for (char c : h) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString s = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return s;
}

} // namespace

QByteArray JournalEvent::canonicalBytes(const JournalRawRow &row)
{
    QByteArray out;
    out.reserve(64 + row.runId.size() + row.type.size() + row.actor.size() + row.payload.size()
                + row.prevHash.size() + row.seq.size() + row.at.size());
    appendNetstring(out, kTag);
    appendNetstring(out, row.seq);
    appendNetstring(out, row.runId);
    appendNetstring(out, row.at);
    appendNetstring(out, row.type);
    appendNetstring(out, row.actor);
    appendNetstring(out, row.payload);
    appendNetstring(out, row.prevHash);
    return out;
}

QByteArray JournalEvent::computeHash(const JournalRawRow &row)
{
    return QCryptographicHash::hash(canonicalBytes(row), QCryptographicHash::Sha256).toHex();
}

JournalEvent JournalEvent::seal(const JournalEventDraft &draft, qint64 seq, const QByteArray &prevHash)
{
    JournalEvent e;
    e.m_seq = seq;
    e.m_runId = Redactor::redact(draft.runId);
    e.m_at = draft.at;
    e.m_type = draft.type;
    e.m_actor = Redactor::redact(draft.actor);
    e.m_payload = redactObject(draft.payload);
    // QJsonObject keeps its keys sorted, so the compact text is deterministic.
    e.m_payloadJson = QJsonDocument(e.m_payload).toJson(QJsonDocument::Compact);
    e.m_prevHash = prevHash;
    e.m_hash = computeHash(e.toRawRow());
    return e;
}

JournalRawRow JournalEvent::toRawRow() const
{
    return JournalRawRow {QByteArray::number(m_seq),
                          m_runId.toUtf8(),
                          QByteArray::number(m_at),
                          typeName().toUtf8(),
                          m_actor.toUtf8(),
                          m_payloadJson,
                          m_prevHash,
                          m_hash};
}

Expected<JournalEvent, QString> JournalEvent::fromRawRow(const JournalRawRow &row)
{
    JournalEvent e;
    const auto seq = parseCanonicalInt(row.seq);
    if (!seq || *seq == 0)
        return unexpected(QStringLiteral("seq is not a positive decimal number"));
    e.m_seq = *seq;
    const auto runId = decodeUtf8(row.runId);
    if (!runId)
        return unexpected(QStringLiteral("run id is not valid UTF-8"));
    e.m_runId = *runId;
    const auto at = parseCanonicalInt(row.at);
    if (!at)
        return unexpected(QStringLiteral("timestamp is not a decimal number of milliseconds"));
    e.m_at = *at;
    const auto typeText = decodeUtf8(row.type);
    const auto type = typeText ? journalEventTypeFromName(*typeText) : std::nullopt;
    if (!type)
        return unexpected(QStringLiteral("unknown event type"));
    e.m_type = *type;
    const auto actor = decodeUtf8(row.actor);
    if (!actor)
        return unexpected(QStringLiteral("actor is not valid UTF-8"));
    e.m_actor = *actor;
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(row.payload, &err);
    if (err.error != QJsonParseError::NoError)
        return unexpected(
            QStringLiteral("payload is not JSON (%1 at offset %2)").arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return unexpected(QStringLiteral("payload is not a JSON object"));
    e.m_payload = doc.object();
    e.m_payloadJson = row.payload;
    if (!isHashHex(row.prevHash))
        return unexpected(QStringLiteral("previous hash is not 64 lowercase hex digits"));
    e.m_prevHash = row.prevHash;
    if (!isHashHex(row.hash))
        return unexpected(QStringLiteral("hash is not 64 lowercase hex digits"));
    e.m_hash = row.hash;
    return e;
}

QJsonObject JournalEvent::toJson() const
{
    return QJsonObject {
        {QStringLiteral("seq"), m_seq},
        {QStringLiteral("run_id"), m_runId},
        {QStringLiteral("at"), m_at},
        {QStringLiteral("at_iso"), QDateTime::fromMSecsSinceEpoch(m_at, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("type"), typeName()},
        {QStringLiteral("actor"), m_actor},
        {QStringLiteral("payload"), m_payload},
        {QStringLiteral("prev_hash"), QString::fromLatin1(m_prevHash)},
        {QStringLiteral("hash"), QString::fromLatin1(m_hash)},
    };
}

} // namespace cockpit
