#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/runbook/Runbook.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QString>
#include <QStringList>
#include <functional>

class QObject;

namespace cockpit {

// Where credentials come from, in one place: the keychain first (SecretStore, the runbook's scope, then
// global), the environment only as the documented fallback.
//
//   PGPASSWORD               the password of a PostgreSQL journal (as libpq reads it)
//   COCKPIT_SECRET_<NAME>    a runbook secret when the keychain has none (NAME upper-cased, every
//                            character other than A-Z and 0-9 as _): for CI and throwaway environments
class Credentials
{
public:
    struct Resolved
    {
        QHash<QString, QByteArray> values; // found (registered with the Redactor)
        QHash<QString, QString> source; // name -> "keychain" | "environment" | "provided"
        QStringList missing; // required and found nowhere, with why, in words
    };

    // The journal's PostgreSQL password from the environment (empty when unset).
    static QByteArray postgresPassword();
    // The environment variable that may hold runbook secret `name`.
    static QString secretVariable(const QString &name);
    // The secrets a runbook's connections use (passwords and tokens), sorted.
    static QStringList secretsUsed(const Runbook &runbook);

    // Resolves `names` (provided values win, then the keychain unless useKeychain is false, then the
    // environment). A name counts as missing unless the runbook declares it `required: false`. `done`
    // is called once on `context`'s thread; never blocks.
    static void resolve(const Runbook &runbook, const QStringList &names,
                        const QHash<QString, QByteArray> &provided, bool useKeychain, QObject *context,
                        std::function<void(Resolved)> done);
};

} // namespace cockpit
