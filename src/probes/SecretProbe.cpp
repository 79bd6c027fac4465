#include "probes/SecretProbe.h"

#include "core/runbook/Runbook.h"
#include "probes/SecretStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QPromise>
#include <QRegularExpression>
#include <memory>

namespace cockpit {

namespace {

Observation secretObservation(const QString &name, const QString &scope)
{
    Observation o;
    o.kind = Observation::Kind::Secret;
    o.at = QDateTime::currentDateTimeUtc();
    o.target = QStringLiteral("secret %1 (scope %2)").arg(name, scope);
    return o;
}

// Collects the places a runbook refers to secrets, keyed by name (QMap keeps the map sorted).
class ReferenceCollector
{
public:
    explicit ReferenceCollector(const Runbook &rb)
    {
        for (const SecretSpec &spec : rb.secrets) {
            SecretStatus &s = entry(spec.name);
            s.declared = true;
            s.description = spec.description;
            s.pattern = spec.pattern;
            s.required = spec.required;
            s.usedBy.append(QStringLiteral("secrets:"));
        }
        for (const Connection &c : rb.connections) {
            if (c.password.isSet())
                use(c.password.name, QStringLiteral("connection %1 (password)").arg(c.name));
            if (c.token.isSet())
                use(c.token.name, QStringLiteral("connection %1 (token)").arg(c.name));
        }
        checks(rb.prerequisites, QStringLiteral("prerequisites"));
        for (const Stage &stage : rb.stages) {
            const QString where = QStringLiteral("stage %1").arg(stage.id);
            checks(stage.verify, where);
            actions(stage.rollout, where);
            for (const Gate &g : stage.gates)
                if (g.check)
                    check(*g.check, where);
        }
        actions(rb.rollback.steps, QStringLiteral("rollback"));
        for (const Milestone &m : rb.schedule.milestones) {
            checks(m.checks, QStringLiteral("milestone %1").arg(m.id));
            actions(m.actions, QStringLiteral("milestone %1").arg(m.id));
        }
        actions(rb.schedule.window, QStringLiteral("window"));
        for (const Reconciliation &r : rb.reconciliations)
            checks(r.checks, QStringLiteral("reconciliation %1").arg(r.id));
    }

    QList<SecretStatus> result() const { return m_entries.values(); }

private:
    SecretStatus &entry(const QString &name)
    {
        auto it = m_entries.find(name);
        if (it == m_entries.end()) {
            it = m_entries.insert(name, SecretStatus {});
            it->name = name;
        }
        return *it;
    }
    void use(const QString &name, const QString &where)
    {
        SecretStatus &s = entry(name);
        if (!s.usedBy.contains(where))
            s.usedBy.append(where);
    }
    void probe(const Probe &p, const QString &where)
    {
        if (const auto *sc = std::get_if<SecretCheck>(&p); sc && !sc->secret.isEmpty())
            use(sc->secret, where);
    }
    void check(const Check &c, const QString &where)
    {
        probe(c.probe, QStringLiteral("check %1 (%2)").arg(c.id, where));
    }
    void checks(const QList<Check> &list, const QString &where)
    {
        for (const Check &c : list)
            check(c, where);
    }
    void actions(const QList<Action> &list, const QString &where)
    {
        for (const Action &a : list)
            if (const auto *w = std::get_if<WaitUntil>(&a.what))
                probe(w->probe, QStringLiteral("action %1 (%2)").arg(a.id, where));
            else if (const auto *c = std::get_if<CheckStep>(&a.what))
                probe(c->check.probe, QStringLiteral("check step %1 (%2)").arg(a.id, where));
    }

    QMap<QString, SecretStatus> m_entries;
};

} // namespace

std::optional<bool> SecretProbe::matchesPattern(const QByteArray &value, const QString &pattern)
{
    if (value.isEmpty())
        return false;
    if (pattern.isEmpty())
        return true;
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    if (!re.isValid())
        return std::nullopt;
    return re.match(QString::fromUtf8(value)).hasMatch();
}

QFuture<Observation> SecretProbe::run(const SecretSpec &spec, const QString &scope)
{
    Observation obs = secretObservation(spec.name, scope);
    QCoreApplication *app = QCoreApplication::instance();
    if (!app) {
        obs.error = QStringLiteral("the keychain needs a running Qt application");
        return QtFuture::makeReadyFuture(obs);
    }
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const QString pattern = spec.pattern;
    return SecretStore::lookup(scope, spec.name)
        .then(app, [obs, timer, pattern](const Expected<SecretLookup, Error> &r) mutable {
            obs.durationMs = timer->elapsed();
            if (r) {
                obs.connected = true;
                obs.secretPresent = true;
                obs.target = QStringLiteral("%1 found in scope %2").arg(obs.target, r->scope);
                obs.secretFormatValid = matchesPattern(r->value, pattern);
                if (!obs.secretFormatValid)
                    obs.error = QStringLiteral("the declared pattern is not a valid regular expression");
            } else if (SecretStore::isNotFound(r.error())) {
                // The keychain answered: absence is the observation, not a probe failure.
                obs.connected = true;
                obs.secretPresent = false;
            } else {
                obs.connected = false;
                obs.error = r.error().message;
            }
            return obs;
        });
}

QList<SecretStatus> SecretProbe::references(const Runbook &runbook)
{
    return ReferenceCollector(runbook).result();
}

QFuture<QList<SecretStatus>> SecretProbe::credentialsMap(const Runbook &runbook)
{
    const QList<SecretStatus> refs = references(runbook);
    QCoreApplication *app = QCoreApplication::instance();
    if (refs.isEmpty() || !app) {
        QList<SecretStatus> out = refs;
        for (SecretStatus &s : out)
            s.error = app ? QString() : QStringLiteral("the keychain needs a running Qt application");
        return QtFuture::makeReadyFuture(out);
    }

    // All lookups are started at once (QtKeychain queues them); the last one to answer fulfils the map.
    struct State
    {
        QPromise<QList<SecretStatus>> promise;
        QList<SecretStatus> items;
        qsizetype pending = 0;
    };
    auto state = std::make_shared<State>();
    state->items = refs;
    state->pending = refs.size();
    state->promise.start();
    QFuture<QList<SecretStatus>> result = state->promise.future();
    const QString scope = SecretStore::scopeFor(runbook);
    for (qsizetype i = 0; i < refs.size(); ++i) {
        SecretStore::lookup(scope, refs[i].name)
            .then(app, [state, i](const Expected<SecretLookup, Error> &r) {
                SecretStatus &s = state->items[i];
                if (r) {
                    s.present = true;
                    s.scope = r->scope;
                    s.valid = matchesPattern(r->value, s.pattern);
                    if (!s.valid)
                        s.error = QStringLiteral("pattern is not a valid regular expression");
                } else if (!SecretStore::isNotFound(r.error())) {
                    s.error = r.error().message;
                }
                if (--state->pending == 0) {
                    state->promise.addResult(state->items);
                    state->promise.finish();
                }
            });
    }
    return result;
}

} // namespace cockpit
