#include "core/base/JsonPath.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cockpit {

bool JsonPath::isStopCharacter(QChar c)
{
    switch (c.unicode()) {
    case u'=':
    case u'!':
    case u'<':
    case u'>':
    case u')':
    case u'(':
    case u',':
    case u'"': return true;
    default: return c.isSpace();
    }
}

Expected<JsonPath, JsonPath::SyntaxError> JsonPath::parse(QStringView text, qsizetype *consumed)
{
    JsonPath path;
    qsizetype i = 0;
    // Indexes beyond this are certainly missing; the cap keeps the int conversion safe.
    constexpr int maxIndexDigits = 9;
    while (i < text.size() && !isStopCharacter(text[i])) {
        const QChar c = text[i];
        if (c == u'.') {
            const qsizetype start = ++i;
            while (i < text.size() && !isStopCharacter(text[i]) && text[i] != u'.' && text[i] != u'['
                   && text[i] != u']')
                ++i;
            if (i == start)
                return unexpected(SyntaxError {start, QStringLiteral("expected a key after '.'")});
            path.m_segments.append(Segment {text.mid(start, i - start).toString(), -1});
        } else if (c == u'[') {
            const qsizetype start = ++i;
            while (i < text.size() && text[i].isDigit())
                ++i;
            if (i == start)
                return unexpected(
                    SyntaxError {start, QStringLiteral("expected an array index (0, 1, ...) after '['")});
            if (i - start > maxIndexDigits)
                return unexpected(SyntaxError {start, QStringLiteral("array index is too large")});
            if (i >= text.size() || text[i] != u']')
                return unexpected(SyntaxError {i, QStringLiteral("expected ']' after the array index")});
            path.m_segments.append(Segment {{}, text.mid(start, i - start).toInt()});
            ++i;
        } else {
            return unexpected(SyntaxError {i, QStringLiteral("expected '.' or '[' in the JSON path")});
        }
    }
    if (consumed)
        *consumed = i;
    return path;
}

std::optional<QJsonValue> JsonPath::resolve(const QJsonValue &root) const
{
    QJsonValue v = root;
    for (const Segment &s : m_segments) {
        if (s.index >= 0) {
            if (!v.isArray())
                return std::nullopt;
            const QJsonArray a = v.toArray();
            if (s.index >= a.size())
                return std::nullopt;
            v = a.at(s.index);
        } else {
            if (!v.isObject())
                return std::nullopt;
            const QJsonObject o = v.toObject();
            const auto it = o.constFind(s.key);
            if (it == o.constEnd())
                return std::nullopt;
            v = it.value();
        }
    }
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    return v;
}

} // namespace cockpit
