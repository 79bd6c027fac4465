#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <chrono>

namespace cockpit {

struct Runbook;

// A value found in the keychain and the scope it was found in (the runbook's scope or "global").
struct SecretLookup
{
    QByteArray value;
    QString scope;
};

// Passwords and tokens in the OS keychain (QtKeychain: Secret Service / KWallet), service
// "cutover-cockpit", key "<scope>/<name>". Insecure (plain-text) fallback is always off.
//
// Threading: callable from any thread. The keychain jobs always run on the QCoreApplication thread
// (libsecret/D-Bus answers arrive through its event loop) and the futures are fulfilled there, so a
// caller on that thread must continue with .then()/QFutureWatcher and never block on .result().
// A QCoreApplication must exist. No call can hang: each one resolves with an error after timeout().
class SecretStore
{
public:
    static constexpr const char *kService = "cutover-cockpit";
    static constexpr const char *kGlobalScope = "global";

    // The value of NAME in SCOPE, falling back to scope "global" when SCOPE has no entry. The value is
    // registered with Redactor::add() before the future is fulfilled.
    static QFuture<Expected<QByteArray, Error>> read(const QString &scope, const QString &name);
    // Like read(), and tells in which scope the value was found.
    static QFuture<Expected<SecretLookup, Error>> lookup(const QString &scope, const QString &name);
    static QFuture<Expected<void, Error>> write(const QString &scope, const QString &name,
                                                const QByteArray &value);
    // Deletes NAME in exactly SCOPE (no fallback); "not found" when there was nothing to delete.
    static QFuture<Expected<void, Error>> remove(const QString &scope, const QString &name);

    // Secret scope of a runbook: its name lowercased, every character other than [a-z0-9] as '-'.
    static QString scopeFor(const Runbook &runbook);
    static QString scopeFor(const QString &runbookName);

    // Whether an error from read/lookup/remove means "no such entry" (as opposed to no keychain).
    static bool isNotFound(const Error &error);
    // Secret names and scopes are restricted so a key "<scope>/<name>" is unambiguous.
    static bool isValidName(const QString &nameOrScope);

    // How long a keychain call may take before it resolves with a "did not answer" error (10 s).
    static void setTimeout(std::chrono::milliseconds timeout);
    static std::chrono::milliseconds timeout();
};

} // namespace cockpit
