#include "store/ScramVerifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace cockpit {

namespace {
QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// PBKDF2-HMAC-SHA256 for one 32-byte block: all SCRAM-SHA-256 needs.
QByteArray pbkdf2(const QByteArray &password, const QByteArray &salt, int iterations)
{
    QByteArray first = salt;
    first.append("\x00\x00\x00\x01", 4);
    QByteArray u = hmac(password, first);
    QByteArray out = u;
    for (int i = 1; i < iterations; ++i) {
        u = hmac(password, u);
        for (qsizetype k = 0; k < out.size(); ++k)
            out[k] = char(out[k] ^ u[k]);
    }
    return out;
}
} // namespace

QByteArray ScramVerifier::make(const QByteArray &password, int iterations)
{
    QByteArray salt(16, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    return make(password, salt, iterations);
}

QByteArray ScramVerifier::make(const QByteArray &password, const QByteArray &salt, int iterations)
{
    const QByteArray salted = pbkdf2(password, salt, iterations);
    const QByteArray clientKey = hmac(salted, QByteArrayLiteral("Client Key"));
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray serverKey = hmac(salted, QByteArrayLiteral("Server Key"));
    QByteArray out("SCRAM-SHA-256$");
    out.append(QByteArray::number(iterations)).append(':').append(salt.toBase64()).append('$');
    out.append(storedKey.toBase64()).append(':').append(serverKey.toBase64());
    return out;
}

} // namespace cockpit
