#include "probes/CheckRunner.h"

#include "core/base/Duration.h"
#include "core/base/LogCategories.h"
#include "core/base/Redactor.h"
#include "probes/CommandProbe.h"
#include "probes/HttpProbe.h"
#include "probes/RowCountProbe.h"
#include "probes/SecretProbe.h"
#include "probes/SecretStore.h"
#include "probes/SqlProbe.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QUrl>

namespace cockpit {

using namespace std::chrono_literals;

namespace {

Observation::Kind kindOf(const Probe &probe)
{
    if (std::holds_alternative<HttpRequest>(probe))
        return Observation::Kind::Http;
    if (std::holds_alternative<SqlQuery>(probe))
        return Observation::Kind::Sql;
    if (std::holds_alternative<CommandSpec>(probe))
        return Observation::Kind::Command;
    if (std::holds_alternative<SecretCheck>(probe))
        return Observation::Kind::Secret;
    if (std::holds_alternative<RowCountCheck>(probe))
        return Observation::Kind::RowCount;
    return Observation::Kind::Manual;
}

} // namespace

namespace {
// Asks a running probe to stop: an HTTP probe aborts its request, a SQL probe that has not started yet
// never runs. Results of a cancelled probe are not awaited.
void cancelProbe(QObject *watcher)
{
    auto *w = static_cast<QFutureWatcher<Observation> *>(watcher);
    if (!w->isFinished())
        w->future().cancel();
}
} // namespace

CheckRunner::CheckRunner(QObject *parent)
    : QObject(parent)
{
}

CheckRunner::~CheckRunner()
{
    // Watchers are children: deleting them drops pending callbacks; running SQL finishes on its pool.
    abandonAll();
}

void CheckRunner::provideSecret(const QString &name, const QByteArray &value)
{
    Redactor::add(value);
    m_provided.insert(name, value);
}

void CheckRunner::start(const Runbook &runbook, const QList<Check> &checks,
                        const QMap<QString, ManualConfirmation> &confirmations)
{
    if (m_running)
        abandonAll();
    ++m_generation;
    m_runbook = runbook;
    m_scope = SecretStore::scopeFor(runbook);
    m_confirmations = confirmations;
    m_jobs.clear();
    m_results.clear();
    m_slots.clear();
    m_secrets.clear();
    m_done = 0;
    m_running = true;

    for (auto it = m_runbook.connections.cbegin(); it != m_runbook.connections.cend(); ++it)
        m_slots.insert(it.key(), Slot {qMax(1, it->maxConcurrent), 0, 0});
    for (const Check &c : checks) {
        Job j;
        j.check = c;
        m_jobs.append(std::move(j));
        m_results.append(std::nullopt);
    }
    for (int i = 0; i < m_jobs.size(); ++i)
        prepare(i);

    // Everything observable happens from the event loop, after start() has returned.
    const quint64 gen = m_generation;
    QTimer::singleShot(0, this, [this, gen] {
        if (gen != m_generation)
            return;
        for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
            if (!it->resolved && !it->watcher)
                requestSecret(it.key());
        pump();
        finishIfDone();
    });
}

// Works out which connections a check occupies and which secrets it needs.
void CheckRunner::prepare(int index)
{
    Job &job = m_jobs[index];
    auto useConnection = [&](const QString &name, bool wantSql) -> bool {
        const auto it = m_runbook.connections.constFind(name);
        if (it == m_runbook.connections.cend())
            return false;
        if (it->isSql() != wantSql)
            return false;
        if (!job.connections.contains(name))
            job.connections.append(name);
        const SecretRef &ref = wantSql ? it->password : it->token;
        if (ref.isSet() && !job.secrets.contains(ref.name)) {
            job.secrets.append(ref.name);
            if (!m_secrets.contains(ref.name)) {
                SecretState s;
                if (m_provided.contains(ref.name)) {
                    s.resolved = true;
                    s.value = m_provided.value(ref.name);
                }
                m_secrets.insert(ref.name, s);
            }
        }
        return true;
    };

    QString problem;
    const Probe &p = job.check.probe;
    if (const auto *http = std::get_if<HttpRequest>(&p)) {
        if (!http->connection.isEmpty() && !useConnection(http->connection, false))
            problem = QStringLiteral("connection '%1' is not an HTTP connection of this runbook")
                          .arg(http->connection);
    } else if (const auto *sql = std::get_if<SqlQuery>(&p)) {
        if (!useConnection(sql->connection, true))
            problem = QStringLiteral("connection '%1' is not a SQL connection of this runbook")
                          .arg(sql->connection);
    } else if (const auto *rc = std::get_if<RowCountCheck>(&p)) {
        if (!useConnection(rc->source, true) || !useConnection(rc->target, true))
            problem
                = QStringLiteral("row counts need SQL connections '%1' and '%2'").arg(rc->source, rc->target);
    } else if (const auto *sc = std::get_if<SecretCheck>(&p)) {
        if (!m_runbook.secrets.contains(sc->secret))
            problem = QStringLiteral("secret '%1' is not declared under secrets:").arg(sc->secret);
    }

    if (!problem.isEmpty()) {
        // Reported from the event loop like any other result.
        job.state = State::Queued;
        job.secrets.clear();
        job.connections.clear();
        const quint64 gen = m_generation;
        QTimer::singleShot(0, this, [this, gen, index, problem] {
            if (gen == m_generation && m_jobs[index].state != State::Done)
                failJob(index, problem);
        });
        return;
    }
    bool resolved = true;
    for (const QString &n : std::as_const(job.secrets))
        resolved &= m_secrets.value(n).resolved; // provided in-process
    job.state = resolved ? State::Queued : State::WaitingForSecrets;
}

void CheckRunner::requestSecret(const QString &name)
{
    SecretState &s = m_secrets[name];
    auto *watcher = new QFutureWatcher<Expected<QByteArray, Error>>(this);
    s.watcher = watcher;
    auto *timer = new QTimer(watcher);
    timer->setSingleShot(true);
    const quint64 gen = m_generation;
    // A keychain that never answers (locked, prompting) must not hold the run.
    connect(timer, &QTimer::timeout, this, [this, gen, name] {
        if (gen == m_generation)
            secretResolved(
                name, std::nullopt,
                QStringLiteral("the keychain did not answer within %1").arg(formatDuration(m_secretTimeout)));
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, gen, name, watcher] {
        if (gen != m_generation)
            return;
        const auto future = watcher->future();
        if (future.isCanceled() || future.resultCount() == 0) {
            secretResolved(name, std::nullopt, QStringLiteral("the keychain read was cancelled"));
            return;
        }
        const Expected<QByteArray, Error> r = future.result();
        if (r.has_value())
            secretResolved(name, r.value(), {});
        else
            secretResolved(name, std::nullopt, r.error().message);
    });
    timer->start(m_secretTimeout);
    watcher->setFuture(SecretStore::read(m_scope, name));
}

void CheckRunner::secretResolved(const QString &name, std::optional<QByteArray> value, const QString &error)
{
    SecretState &s = m_secrets[name];
    if (s.resolved)
        return;
    // Names only: the value never reaches a log.
    if (!value)
        qCInfo(lcSecrets).noquote() << "secret" << name << "unavailable:" << error;
    s.resolved = true;
    s.value = std::move(value);
    s.error = error;
    if (s.watcher) {
        s.watcher->deleteLater();
        s.watcher = nullptr;
    }
    for (Job &j : m_jobs)
        if (j.state == State::WaitingForSecrets && j.secrets.contains(name)) {
            bool all = true;
            for (const QString &n : std::as_const(j.secrets))
                all &= m_secrets.value(n).resolved;
            if (all)
                j.state = State::Queued;
        }
    pump();
    finishIfDone();
}

QByteArray CheckRunner::secretValue(const QString &name) const
{
    return m_secrets.value(name).value.value_or(QByteArray());
}

// Starts every queued check whose connections have a free slot, in check order (FIFO per connection).
void CheckRunner::pump()
{
    if (!m_running)
        return;
    const quint64 gen = m_generation;
    for (int i = 0; i < m_jobs.size() && gen == m_generation && m_running; ++i) {
        Job &job = m_jobs[i];
        if (job.state != State::Queued)
            continue;
        QStringList missing;
        for (const QString &n : std::as_const(job.secrets)) {
            const SecretState s = m_secrets.value(n);
            // An optional secret (e.g. no password with trust auth) lets the probe try without it.
            const bool required = !m_runbook.secrets.contains(n) || m_runbook.secrets.value(n).required;
            if (!s.value && required)
                missing << QStringLiteral("secret %1 missing (%2)").arg(n, s.error);
        }
        if (!missing.isEmpty()) {
            failJob(i, missing.join(QStringLiteral("; ")));
            continue;
        }
        bool free = true;
        for (const QString &c : std::as_const(job.connections)) {
            const Slot &s = m_slots[c];
            free &= s.running < s.max;
        }
        if (free)
            launch(i);
    }
}

std::chrono::milliseconds CheckRunner::timeoutOf(const Check &check) const
{
    const Probe &p = check.probe;
    auto pg = [this](const QString &name) -> std::pair<std::chrono::milliseconds, std::chrono::milliseconds> {
        const Connection c = m_runbook.connections.value(name);
        if (const auto *pc = std::get_if<PostgresConnection>(&c.target))
            return {pc->connectTimeout, pc->statementTimeout};
        return {5000ms, 30000ms};
    };
    if (const auto *http = std::get_if<HttpRequest>(&p)) {
        const auto it = m_runbook.connections.constFind(http->connection);
        const HttpService *svc
            = it == m_runbook.connections.cend() ? nullptr : std::get_if<HttpService>(&it->target);
        return HttpProbe::timeoutFor(*http, svc);
    }
    if (const auto *sql = std::get_if<SqlQuery>(&p)) {
        const auto [connect, statement] = pg(sql->connection);
        return connect + sql->timeout.value_or(statement);
    }
    if (const auto *rc = std::get_if<RowCountCheck>(&p)) {
        const auto [c1, s1] = pg(rc->source);
        const auto [c2, s2] = pg(rc->target);
        return c1 + c2 + (s1 + s2) * qMax<qsizetype>(1, rc->tables.size());
    }
    if (const auto *cmd = std::get_if<CommandSpec>(&p))
        return cmd->timeout;
    return m_secretTimeout;
}

Observation CheckRunner::emptyObservation(const Check &check) const
{
    Observation o;
    o.kind = kindOf(check.probe);
    o.at = QDateTime::currentDateTimeUtc();
    if (const auto *http = std::get_if<HttpRequest>(&check.probe)) {
        o.method = http->method;
        const Connection c = m_runbook.connections.value(http->connection);
        QString url = http->url;
        if (const auto *svc = std::get_if<HttpService>(&c.target); svc && !http->connection.isEmpty())
            url = svc->baseUrl + url;
        o.target = QUrl(url).toString(QUrl::RemoveUserInfo);
    } else if (const auto *sql = std::get_if<SqlQuery>(&check.probe)) {
        o.target = sql->connection;
    } else if (const auto *cmd = std::get_if<CommandSpec>(&check.probe)) {
        o.target = cmd->argv.value(0);
    } else if (const auto *sc = std::get_if<SecretCheck>(&check.probe)) {
        o.target = sc->secret;
    } else if (const auto *rc = std::get_if<RowCountCheck>(&check.probe)) {
        o.target = rc->source + QStringLiteral(" → ") + rc->target;
    } else if (const auto *ref = std::get_if<ReconcileRef>(&check.probe)) {
        o.target = ref->reconciliation;
    }
    return o;
}

void CheckRunner::launch(int index)
{
    Job &job = m_jobs[index];
    job.state = State::Running;
    job.startedAt = QDateTime::currentDateTimeUtc();
    job.elapsed.start();
    for (const QString &c : std::as_const(job.connections)) {
        Slot &s = m_slots[c];
        ++s.running;
        s.peak = qMax(s.peak, s.running);
    }
    const quint64 gen = m_generation;
    qCDebug(lcRunner).noquote() << "check" << job.check.id << "started";
    Q_EMIT checkStarted(job.check.id);
    if (gen != m_generation || !m_running)
        return;

    const Check &check = m_jobs[index].check;
    const Probe &p = check.probe;

    if (const auto *ref = std::get_if<ReconcileRef>(&p)) {
        // The reconcile layer sits above the probes: the run engine runs these itself.
        failJob(index,
                QStringLiteral("reconciliation %1 runs in a run's verify step, gate or milestone, or with "
                               "`cutover-cockpit reconcile`")
                    .arg(ref->reconciliation),
                Verdict::NoData);
        return;
    }
    if (std::holds_alternative<ManualCheck>(p)) {
        Observation o = emptyObservation(check);
        o.connected = true;
        const auto it = m_confirmations.constFind(check.id);
        if (it != m_confirmations.cend()) {
            o.confirmedBy = it->name;
            o.comment = it->comment;
        }
        probeFinished(index, o);
        return;
    }

    QFuture<Observation> future;
    if (const auto *http = std::get_if<HttpRequest>(&p)) {
        const HttpService *service = nullptr;
        QByteArray token;
        if (!http->connection.isEmpty()) {
            const auto it = m_runbook.connections.constFind(http->connection);
            service = std::get_if<HttpService>(&it->target);
            if (it->token.isSet())
                token = secretValue(it->token.name);
        }
        future = HttpProbe::run(*http, service, token);
    } else if (const auto *sql = std::get_if<SqlQuery>(&p)) {
        const Connection &c = *m_runbook.connections.constFind(sql->connection);
        future = SqlProbe::run(c, *sql, c.password.isSet() ? secretValue(c.password.name) : QByteArray());
    } else if (const auto *rc = std::get_if<RowCountCheck>(&p)) {
        const Connection &src = *m_runbook.connections.constFind(rc->source);
        const Connection &dst = *m_runbook.connections.constFind(rc->target);
        future = RowCountProbe::run(*rc, src,
                                    src.password.isSet() ? secretValue(src.password.name) : QByteArray(), dst,
                                    dst.password.isSet() ? secretValue(dst.password.name) : QByteArray());
    } else if (const auto *cmd = std::get_if<CommandSpec>(&p)) {
        future = CommandProbe::run(*cmd);
    } else if (const auto *sc = std::get_if<SecretCheck>(&p)) {
        future = SecretProbe::run(m_runbook.secrets.value(sc->secret), m_scope);
    }

    auto *watcher = new QFutureWatcher<Observation>(this);
    auto *watchdog = new QTimer(watcher);
    watchdog->setSingleShot(true);
    m_jobs[index].watcher = watcher;
    m_jobs[index].watchdog = watchdog;
    const auto limit = timeoutOf(check);
    connect(watchdog, &QTimer::timeout, this, [this, gen, index, limit] {
        if (gen == m_generation && m_jobs[index].state == State::Running)
            failJob(index, QStringLiteral("no answer within %1 (timeout)").arg(formatDuration(limit)));
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, gen, index, watcher] {
        if (gen != m_generation || m_jobs[index].state != State::Running)
            return;
        const auto f = watcher->future();
        if (f.isCanceled() || f.resultCount() == 0) {
            failJob(index, QStringLiteral("the probe ended without an observation"));
            return;
        }
        probeFinished(index, f.result());
    });
    watchdog->start(limit + m_grace);
    watcher->setFuture(future);
}

void CheckRunner::probeFinished(int index, const Observation &observation)
{
    Job &job = m_jobs[index];
    Observation o = observation;
    if (!o.at.isValid())
        o.at = job.startedAt;
    complete(index, CheckResult::evaluate(job.check, std::move(o)));
}

// A check that could not be probed at all: the verdict is the error, no condition is evaluated.
void CheckRunner::failJob(int index, const QString &error, Verdict verdict)
{
    Job &job = m_jobs[index];
    Observation o = emptyObservation(job.check);
    if (job.startedAt.isValid()) {
        o.at = job.startedAt;
        o.durationMs = job.elapsed.elapsed();
    }
    o.error = Redactor::redact(error);
    CheckResult r;
    r.checkId = job.check.id;
    r.observation = std::move(o);
    r.verdict = verdict;
    r.summary = r.observation.error;
    complete(index, r);
}

void CheckRunner::complete(int index, const CheckResult &result)
{
    Job &job = m_jobs[index];
    const bool wasRunning = job.state == State::Running;
    job.state = State::Done;
    if (job.watcher) {
        cancelProbe(job.watcher); // the watchdog gave up on it: let it stop too
        job.watcher->deleteLater(); // may be inside its own finished() signal
        job.watcher->disconnect(this);
        job.watcher = nullptr;
        job.watchdog = nullptr;
    }
    if (wasRunning)
        for (const QString &c : std::as_const(job.connections))
            --m_slots[c].running;
    qCDebug(lcRunner).noquote() << "check" << job.check.id << verdictName(result.verdict) << result.summary;
    m_results[index] = result;
    ++m_done;

    const quint64 gen = m_generation;
    Q_EMIT checkFinished(result);
    if (gen != m_generation || !m_running)
        return; // cancelled or restarted by a receiver
    pump();
    finishIfDone();
}

void CheckRunner::finishIfDone()
{
    if (!m_running || m_done < m_jobs.size())
        return;
    m_running = false;
    QList<CheckResult> ordered;
    ordered.reserve(m_results.size());
    for (const auto &r : std::as_const(m_results))
        ordered.append(*r);
    Q_EMIT finished(ordered);
}

void CheckRunner::abandonAll()
{
    for (Job &j : m_jobs) {
        if (j.watcher) {
            cancelProbe(j.watcher);
            j.watcher->disconnect(this);
            j.watcher->deleteLater();
            j.watcher = nullptr;
            j.watchdog = nullptr;
        }
    }
    for (SecretState &s : m_secrets) {
        if (s.watcher) {
            s.watcher->disconnect(this);
            s.watcher->deleteLater();
            s.watcher = nullptr;
        }
    }
    ++m_generation;
    m_running = false;
}

void CheckRunner::cancel()
{
    if (!m_running)
        return;
    QList<CheckResult> ordered;
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_results[i]) {
            ordered.append(*m_results[i]);
            continue;
        }
        CheckResult r;
        r.checkId = m_jobs[i].check.id;
        r.observation = emptyObservation(m_jobs[i].check);
        if (m_jobs[i].startedAt.isValid()) {
            r.observation.at = m_jobs[i].startedAt;
            r.observation.durationMs = m_jobs[i].elapsed.elapsed();
        }
        r.observation.error = QStringLiteral("cancelled");
        r.verdict = Verdict::NoData;
        r.summary = QStringLiteral("cancelled");
        m_results[i] = r;
        ordered.append(r);
    }
    abandonAll();
    Q_EMIT finished(ordered);
}

} // namespace cockpit
