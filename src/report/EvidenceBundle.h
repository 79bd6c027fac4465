#pragma once

#include "core/base/Expected.h"
#include "report/EvidenceModel.h"

#include <QByteArray>
#include <QJsonObject>

namespace cockpit::report {

// The evidence as JSON: what the PDF shows, as data, with the run's journal events (each with its hash).
// The PDF prints the SHA-256 of exactly these bytes, so the bundle beside it can be checked with sha256sum.
class EvidenceBundle
{
public:
    // Everything but the journal (bytes() adds it, streamed).
    static QJsonObject toJson(const EvidenceModel &model);
    // One journal event as a JSON object on one line, with its payload exactly as stored and hashed.
    static QByteArray eventLine(const JournalEvent &event);
    static QByteArray jsonString(const QString &s);
    // Indented UTF-8, passed through the Redactor (no secret value, even if one slipped into the journal).
    static QByteArray bytes(const EvidenceModel &model);
    static QString sha256(const QByteArray &bytes);
    static Expected<void, QString> write(const QString &path, const QByteArray &bytes);
};

} // namespace cockpit::report
