// RunDriver: the checks of verify steps, gates and milestones, with `reconcile: ID` run by the reconcile
// layer on the SQL threads (never on the driver's thread, so snapshots never wait for a reconciliation).
#include "core/base/Redactor.h"
#include "engine/RunDriver.h"
#include "engine/RunDriverSupport.h"
#include "probes/CheckRunner.h"
#include "probes/SqlConnectionPool.h"
#include "reconcile/ReconcileEvents.h"
#include "reconcile/Reconciler.h"

#include <QFutureWatcher>
#include <QMutex>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

using namespace driver;

namespace {

// Shared by a reconciliation on its SQL thread and the driver: progress milestones queued for the journal.
struct ReconcileShared
{
    QMutex mutex;
    QList<ReconcileProgress> queued;
    ReconcileProgress last;
};

QStringList connectionsOf(const Reconciliation &r)
{
    QStringList out {r.counts.source, r.counts.target};
    for (const Check &c : r.checks)
        if (const auto *q = std::get_if<SqlQuery>(&c.probe); q && !out.contains(q->connection))
            out << q->connection;
    return out;
}

CheckResult resultOf(const Check &check, const ReconciliationResult &r)
{
    CheckResult out;
    out.checkId = check.id;
    Observation &o = out.observation;
    o.kind = Observation::Kind::RowCount;
    o.target = r.id;
    o.at = r.startedAt;
    o.durationMs = r.startedAt.msecsTo(r.finishedAt);
    o.connected = true;
    QStringList errors;
    if (!r.error.isEmpty())
        errors << r.error;
    for (const TableResult &t : r.tables)
        if (!t.error.isEmpty())
            errors << QStringLiteral("%1: %2").arg(t.source, t.error);
    o.error = Redactor::redact(errors.join(QStringLiteral("; ")));
    o.rowCount = qint64(r.tables.size());
    // Cancelled: nothing was decided (NoData); an error or a difference beyond tolerance: Fail.
    out.verdict = r.cancelled ? Verdict::NoData : r.passed() ? Verdict::Pass : Verdict::Fail;
    out.summary = Redactor::redact(ReconcileEvents::summary(r));
    return out;
}

} // namespace

void RunDriver::runChecks(const QList<Check> &checks, const QJsonObject &context,
                          const std::function<void(const QList<CheckResult> &)> &done)
{
    struct Pending
    {
        QList<CheckResult> results;
        int left = 0;
    };
    auto pending = std::make_shared<Pending>();
    pending->results.resize(checks.size());
    QList<Check> plain;
    QList<int> plainAt;
    for (int i = 0; i < checks.size(); ++i)
        if (!std::holds_alternative<ReconcileRef>(checks[i].probe)) {
            plain << checks[i];
            plainAt << i;
        }
    pending->left = int(checks.size() - plain.size()) + (plain.isEmpty() ? 0 : 1);
    const quint64 gen = m_generation;
    auto finishOne = [this, pending, gen, done] {
        if (gen == m_generation && --pending->left == 0)
            done(pending->results);
    };
    if (pending->left == 0) {
        done({});
        return;
    }
    if (!plain.isEmpty()) {
        auto *runner = new CheckRunner(this);
        ++m_busy;
        for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
            if (!it.value().isEmpty())
                runner->provideSecret(it.key(), it.value());
        connect(runner, &CheckRunner::finished, this,
                [this, runner, pending, plainAt, finishOne](const QList<CheckResult> &results) {
                    runner->deleteLater();
                    --m_busy;
                    for (qsizetype i = 0; i < plainAt.size() && i < results.size(); ++i)
                        pending->results[plainAt[i]] = results[i];
                    finishOne();
                });
        runner->start(*m_runbook, plain);
    }
    for (int i = 0; i < checks.size(); ++i)
        if (std::holds_alternative<ReconcileRef>(checks[i].probe))
            runReconciliation(checks[i], context, [pending, i, finishOne](const CheckResult &r) {
                pending->results[i] = r;
                finishOne();
            });
}

void RunDriver::runReconciliation(const Check &check, QJsonObject context,
                                  const std::function<void(const CheckResult &)> &done)
{
    const QString id = std::get<ReconcileRef>(check.probe).reconciliation;
    const auto found = std::find_if(m_runbook->reconciliations.cbegin(), m_runbook->reconciliations.cend(),
                                    [&](const Reconciliation &r) { return r.id == id; });
    if (found == m_runbook->reconciliations.cend()) {
        CheckResult r;
        r.checkId = check.id;
        r.verdict = Verdict::NoData;
        r.summary = QStringLiteral("no reconciliation %1 in the runbook").arg(id);
        done(r);
        return;
    }
    const Reconciliation &rec = *found; // the lambdas below keep their own copies
    context.insert(QStringLiteral("check"), check.id);
    const QString actor = QString::fromLatin1(RunPlanner::kEngine);
    // Journaled before the first statement: a started without a finished never completed.
    if (!append(ReconcileEvents::started(m_state.runId(), m_clock->now(), actor, rec, context)))
        return;
    QStringList secretNames;
    for (const QString &c : connectionsOf(rec))
        secretNames += secretsOf(c);
    const quint64 gen = m_generation;
    withSecrets(secretNames, [this, rec, check, context, actor, gen, done] {
        if (gen != m_generation)
            return;
        QHash<QString, QByteArray> passwords;
        for (const QString &name : connectionsOf(rec)) {
            const Connection c = m_runbook->connections.value(name);
            if (c.password.isSet())
                passwords.insert(name, secret(c.password.name));
        }
        auto reconciler = std::make_shared<Reconciler>(*m_runbook, passwords, Reconciler::Options {});
        auto shared = std::make_shared<ReconcileShared>();
        const std::shared_ptr<std::atomic<bool>> cancel = m_reconcileCancel;
        // Progress milestones (a new table or phase) wake the driver through the watcher; the driver
        // journals them from the queue, and drains it again before the finished event.
        auto drain = [this, shared, context, actor] {
            QList<ReconcileProgress> queued;
            {
                QMutexLocker lock(&shared->mutex);
                queued.swap(shared->queued);
            }
            for (const ReconcileProgress &p : std::as_const(queued))
                append(ReconcileEvents::progress(m_state.runId(), m_clock->now(), actor, p, context));
        };
        auto *watcher = new QFutureWatcher<ReconciliationResult>(this);
        ++m_busy;
        connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, gen, drain] {
            if (gen == m_generation)
                drain();
        });
        connect(watcher, &QFutureWatcherBase::finished, this,
                [this, watcher, gen, drain, check, context, actor, done] {
                    watcher->deleteLater();
                    --m_busy;
                    if (gen != m_generation || watcher->future().resultCount() == 0)
                        return;
                    drain();
                    const ReconciliationResult result = watcher->result();
                    if (!append(ReconcileEvents::finished(m_state.runId(), m_clock->now(), actor, result,
                                                          context)))
                        return;
                    done(resultOf(check, result));
                });
        watcher->setFuture(
            QtConcurrent::run(SqlConnectionPool::threadPool(),
                              [reconciler, rec, shared, cancel](QPromise<ReconciliationResult> &promise) {
                                  int step = 0;
                                  reconciler->setProgress([&](const ReconcileProgress &p) {
                                      {
                                          QMutexLocker lock(&shared->mutex);
                                          if (!ReconcileEvents::isMilestone(shared->last, p))
                                              return;
                                          shared->last = p;
                                          shared->queued << p;
                                      }
                                      promise.setProgressValue(++step);
                                  });
                                  promise.addResult(reconciler->verify(rec, cancel.get()));
                                  reconciler->setProgress({});
                              }));
    });
}

} // namespace cockpit
