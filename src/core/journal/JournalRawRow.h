#pragma once

#include <QByteArray>

namespace cockpit {

// One journal row exactly as a store holds it, every column as bytes (numbers as their decimal text).
// This is what the verifier checks, so it can be handed anything a damaged or forged file contains.
struct JournalRawRow
{
    QByteArray seq;
    QByteArray runId;
    QByteArray at;
    QByteArray type;
    QByteArray actor;
    QByteArray payload; // the JSON object text, byte for byte as hashed
    QByteArray prevHash; // 64 lowercase hex digits
    QByteArray hash; // 64 lowercase hex digits
};

} // namespace cockpit
