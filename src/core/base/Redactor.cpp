#include "core/base/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QUrl>
#include <algorithm>

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

// The part of `secret`'s base64 that does not depend on the bytes around it, when it starts `offset`
// bytes (0-2) into a 3-byte group: how it looks inside a longer encoded value (Basic user:token).
QByteArray base64Core(const QByteArray &secret, int offset, QByteArray::Base64Options options)
{
    const QByteArray aligned = QByteArray(offset, '\0') + secret;
    const QByteArray encoded = aligned.toBase64(options | QByteArray::OmitTrailingEquals);
    const qsizetype bytes = offset + secret.size();
    const qsizetype skip = offset == 0 ? 0 : offset + 1; // characters that mix in the bytes before
    const qsizetype rest = bytes % 3;
    // A last partial character mixes in the bytes after.
    const qsizetype end = 4 * (bytes / 3) + rest;
    return end > skip ? encoded.mid(skip, end - skip) : QByteArray();
}

// The forms a server commonly echoes a secret back in: base64 (standard and URL-safe, at each
// alignment), percent- and form-encoded, hex, and JSON-escaped.
QList<QByteArray> encodings(const QByteArray &secret)
{
    QList<QByteArray> out {secret, secret.toBase64(), secret.toBase64(QByteArray::Base64UrlEncoding)};
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding})
        for (int offset = 0; offset < 3; ++offset)
            out << base64Core(secret, offset, options);
    const QByteArray percent = QUrl::toPercentEncoding(QString::fromUtf8(secret));
    out << percent << QByteArray(percent).replace("%20", "+");
    out << secret.toHex() << secret.toHex().toUpper();
    const QByteArray json
        = QJsonDocument(QJsonArray {QString::fromUtf8(secret)}).toJson(QJsonDocument::Compact);
    const QByteArray escaped = json.mid(2, json.size() - 4); // inside ["..."]
    out << escaped << QByteArray(escaped).replace("/", "\\/");
    return out;
}

} // namespace

void Redactor::add(const QByteArray &secretValue)
{
    // Very short values would mask ordinary text everywhere; they are still never logged by us.
    if (secretValue.size() < 4)
        return;
    const QList<QByteArray> forms = encodings(secretValue);
    QMutexLocker lock(&mutex());
    for (const QByteArray &form : forms)
        if (form.size() >= 4 && !values().contains(form))
            values().append(form);
    // Longest first: a secret inside a longer form (its hex, its percent-encoding) must not break the
    // longer match by being masked first.
    std::stable_sort(values().begin(), values().end(),
                     [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
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
