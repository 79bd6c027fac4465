#pragma once

#include "core/conditions/Observation.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cockpit {

struct Runbook;
struct SecretSpec;

// One line of the "missing credentials map": a secret a runbook needs, where it is used, and whether
// the keychain has a valid value for it. Never the value.
struct SecretStatus
{
    QString name;
    QString description;
    QString pattern; // declared pattern; empty = any non-empty value
    QStringList usedBy; // "secrets:", "connection app_db (password)", "check rlm-token (prerequisites)"
    bool declared = false; // listed under `secrets:`
    bool required = true;
    bool present = false;
    std::optional<bool> valid; // empty = unknown (not present, keychain unavailable, or unusable pattern)
    QString scope; // where the value was found: the runbook's scope or "global"
    QString error; // why the keychain could not say (never set for a plain "not found")

    // A required secret that is missing, invalid or could not be checked blocks the runbook.
    bool isBlocking() const { return required && (!present || valid != true); }
};

// Checks a secret's presence and format without exposing the value.
class SecretProbe
{
public:
    // Fills secretPresent / secretFormatValid (full match of spec.pattern); looks in SCOPE, then "global".
    // Same threading as SecretStore: fulfilled on the application thread.
    static QFuture<Observation> run(const SecretSpec &spec, const QString &scope);

    // Every secret the runbook references (declared under `secrets:`, a connection's password/token, or
    // a secret check), each looked up in SecretStore::scopeFor(runbook) with fallback to "global".
    static QFuture<QList<SecretStatus>> credentialsMap(const Runbook &runbook);

    // The references alone, without asking the keychain (present=false, valid unknown). Sorted by name.
    static QList<SecretStatus> references(const Runbook &runbook);

    // Whether VALUE is acceptable: non-empty and, when PATTERN is set, fully matching it.
    // Empty when the pattern is not a valid regular expression.
    static std::optional<bool> matchesPattern(const QByteArray &value, const QString &pattern);
};

} // namespace cockpit
