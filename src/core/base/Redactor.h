#pragma once

#include <QByteArray>
#include <QString>

namespace cockpit {

// Process-wide list of secret values that must never be written anywhere. Every secret read from the
// keychain is registered here before use; log sinks, the journal and reports pass text through redact().
// Thread-safe.
class Redactor
{
public:
    static void add(const QByteArray &secretValue);
    static QString redact(const QString &text);
    static QByteArray redact(const QByteArray &text);
    static void clearForTests();
};

} // namespace cockpit
