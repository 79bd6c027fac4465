#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace cockpit {

// Reading journal payload fields by a C-string key: shared so no file keeps its own copy.
inline QString jsonText(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toString();
}

inline qint64 jsonMs(const QJsonObject &o, const char *key, qint64 fallback = 0)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    return v.isDouble() ? qint64(v.toDouble()) : fallback;
}

} // namespace cockpit
