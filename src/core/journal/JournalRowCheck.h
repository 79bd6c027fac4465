#pragma once

#include "core/journal/JournalRawRow.h"

#include <QByteArray>
#include <QByteArrayView>

namespace cockpit {

// The verifier's fast path: says whether a stored row is well-formed (what JournalEvent::fromRawRow
// accepts) without building an event - no QString, no QJsonDocument, no allocation. It accepts a subset
// of what fromRawRow accepts (plain JSON numbers, no surrogate escapes, nesting up to 256); anything it
// doesn't accept goes to fromRawRow, which decides and words the problem. So verification answers exactly
// as before, at a fraction of the cost (docs/benchmarks.md).
class JournalRowCheck
{
public:
    // seq > 0 and at >= 0 canonical decimals, UTF-8 text fields, a known type, a JSON object payload,
    // two 64-digit lowercase hex hashes. On success *seq is the row's seq.
    static bool wellFormed(const JournalRawRow &row, qint64 *seq);

    static bool isUtf8(QByteArrayView bytes);
    static bool isJsonObject(QByteArrayView json);
    static bool isHashHex(QByteArrayView hex);
    // `hex` (lowercase) spells exactly the bytes of `digest`.
    static bool hexEquals(QByteArrayView hex, QByteArrayView digest);
};

} // namespace cockpit
