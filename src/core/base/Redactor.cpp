#include "core/base/Redactor.h"

#include <QList>
#include <QMutex>
#include <QMutexLocker>

namespace cockpit {

namespace {
QMutex &mutex()
{
    static QMutex m;
    return m;
}
QList<QByteArray> &values()
{
    static QList<QByteArray> v;
    return v;
}
const QByteArray kMask = QByteArrayLiteral("***");
} // namespace

void Redactor::add(const QByteArray &secretValue)
{
    // Very short values would mask ordinary text everywhere; they are still never logged by us.
    if (secretValue.size() < 4)
        return;
    QMutexLocker lock(&mutex());
    if (!values().contains(secretValue))
        values().append(secretValue);
}

QByteArray Redactor::redact(const QByteArray &text)
{
    QMutexLocker lock(&mutex());
    QByteArray out = text;
    for (const QByteArray &v : values())
        out.replace(v, kMask);
    return out;
}

QString Redactor::redact(const QString &text)
{
    {
        QMutexLocker lock(&mutex());
        if (values().isEmpty())
            return text;
    }
    return QString::fromUtf8(redact(text.toUtf8()));
}

void Redactor::clearForTests()
{
    QMutexLocker lock(&mutex());
    values().clear();
}

} // namespace cockpit
