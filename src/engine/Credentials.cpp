#include "engine/Credentials.h"

#include "core/base/Redactor.h"
#include "probes/SecretStore.h"

#include <QFutureWatcher>
#include <QObject>
#include <memory>

namespace cockpit {

QByteArray Credentials::postgresPassword()
{
    return qgetenv("PGPASSWORD");
}

QString Credentials::secretVariable(const QString &name)
{
    QString v = name.toUpper();
    for (QChar &c : v)
        if (!((c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
              || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))))
            c = QLatin1Char('_');
    return QStringLiteral("COCKPIT_SECRET_") + v;
}

QStringList Credentials::secretsUsed(const Runbook &runbook)
{
    QStringList names;
    for (const Connection &c : runbook.connections) {
        if (c.password.isSet() && !names.contains(c.password.name))
            names << c.password.name;
        if (c.token.isSet() && !names.contains(c.token.name))
            names << c.token.name;
    }
    names.sort();
    return names;
}

void Credentials::resolve(const Runbook &runbook, const QStringList &names,
                          const QHash<QString, QByteArray> &provided, bool useKeychain, QObject *context,
                          std::function<void(Resolved)> done)
{
    struct Pending
    {
        Resolved result;
        int open = 0;
        std::function<void(Resolved)> done;
    };
    auto state = std::make_shared<Pending>();
    state->done = std::move(done);
    const QString scope = SecretStore::scopeFor(runbook);
    const QMap<QString, SecretSpec> specs = runbook.secrets;

    // The keychain had nothing (or there is no keychain): the environment, else missing.
    auto fallback
        =
            [state, specs](const QString &name, const QString &why) {
                const QByteArray env = qgetenv(secretVariable(name).toLocal8Bit().constData());
                if (!env.isEmpty()) {
                    Redactor::add(env);
                    state->result.values.insert(name, env);
                    state->result.source.insert(name, QStringLiteral("environment"));
                    return;
                }
                if (specs.contains(name) && !specs.value(name).required)
                    return;
                state->result.missing
                    << QStringLiteral("%1 (%2; nor is %3 set)").arg(name, why, secretVariable(name));
            };
    auto finishOne = [state] {
        if (--state->open == 0) {
            state->result.missing.sort();
            state->done(std::move(state->result));
        }
    };

    state->open = 1; // held until every lookup is under way
    for (const QString &name : names) {
        if (provided.contains(name)) {
            Redactor::add(provided.value(name));
            state->result.values.insert(name, provided.value(name));
            state->result.source.insert(name, QStringLiteral("provided"));
            continue;
        }
        if (!useKeychain) {
            fallback(name, QStringLiteral("the keychain is not used"));
            continue;
        }
        ++state->open;
        auto *w = new QFutureWatcher<Expected<QByteArray, Error>>(context);
        QObject::connect(w, &QFutureWatcherBase::finished, context, [w, name, state, fallback, finishOne] {
            w->deleteLater();
            const auto r = w->result();
            if (r && !r->isEmpty()) {
                state->result.values.insert(name, *r);
                state->result.source.insert(name, QStringLiteral("keychain"));
            } else {
                fallback(name, r ? QStringLiteral("empty in the keychain") : r.error().message);
            }
            finishOne();
        });
        w->setFuture(SecretStore::read(scope, name));
    }
    finishOne();
}

} // namespace cockpit
