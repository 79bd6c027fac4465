#pragma once

#include "core/base/Expected.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace cockpit {

// A Gatus-style path into a JSON document: `.data[0].id`, `[0].name`, `.matrix[1][2]`. Only keys and
// array indexes; no wildcards or filters. Parsed once, resolved on every observation.
class JsonPath
{
public:
    struct Segment
    {
        QString key; // object member; empty when this segment is an index
        int index = -1; // array index, or -1 for a key
    };
    struct SyntaxError
    {
        qsizetype offset = 0; // into the parsed text
        QString message;
    };

    // `text` starts with '.' or '['; parsing stops at whitespace, an operator character, ',' or ')'.
    // `consumed` receives how many characters belong to the path.
    static Expected<JsonPath, SyntaxError> parse(QStringView text, qsizetype *consumed = nullptr);

    // The value at the path, or nothing when a step is missing, has the wrong type or is null
    // (Gatus treats a null leaf as missing, so `has()` is false for it).
    std::optional<QJsonValue> resolve(const QJsonValue &root) const;

    const QList<Segment> &segments() const { return m_segments; }
    bool isEmpty() const { return m_segments.isEmpty(); }

    static bool isStopCharacter(QChar c);

private:
    QList<Segment> m_segments;
};

} // namespace cockpit
