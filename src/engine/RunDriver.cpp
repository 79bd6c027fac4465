#include "engine/RunDriver.h"

#include "core/base/LogCategories.h"
#include "core/base/Redactor.h"
#include "core/conditions/CheckResult.h"
#include "core/journal/RunEvents.h"
#include "engine/RunCommands.h"
#include "probes/CheckRunner.h"
#include "probes/CommandProbe.h"
#include "probes/HttpProbe.h"
#include "probes/SecretStore.h"
#include "probes/SqlProbe.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QTimer>

namespace cockpit {

namespace {

constexpr int kOutputChars = 2000; // action output kept in the journal

// Calls fn(result) on ctx's thread when the future is done (never inline); *busy counts the futures out.
template<class T, class F> void whenDone(QObject *ctx, int *busy, QFuture<T> future, F fn)
{
    auto *w = new QFutureWatcher<T>(ctx);
    ++*busy;
    QObject::connect(w, &QFutureWatcherBase::finished, ctx, [w, fn, busy]() {
        w->deleteLater();
        --*busy;
        fn(w->result());
    });
    w->setFuture(future);
}

QString clip(const QByteArray &bytes)
{
    QString s = QString::fromUtf8(bytes.left(qsizetype(kOutputChars) * 4));
    if (s.size() > kOutputChars)
        s = s.left(kOutputChars) + QStringLiteral("…");
    return s;
}

QJsonObject detailOf(const CheckResult &r)
{
    const Observation &o = r.observation;
    QJsonObject d {{QStringLiteral("target"), o.target},
                   {QStringLiteral("summary"), r.summary},
                   {QStringLiteral("verdict"), RunEvents::verdictKey(r.verdict)},
                   {QStringLiteral("duration_ms"), double(o.durationMs)}};
    if (!o.error.isEmpty())
        d.insert(QStringLiteral("error"), o.error);
    switch (o.kind) {
    case Observation::Kind::Http:
        d.insert(QStringLiteral("method"), o.method);
        d.insert(QStringLiteral("status"), o.status);
        d.insert(QStringLiteral("output"), clip(o.body));
        break;
    case Observation::Kind::Command:
        d.insert(QStringLiteral("exit_code"), o.exitCode);
        d.insert(QStringLiteral("output"), clip(o.stdOut + o.stdErr));
        break;
    case Observation::Kind::Sql: d.insert(QStringLiteral("rows"), double(o.rowCount)); break;
    default: break;
    }
    return d;
}

QString effectKey(const RunEffect &e)
{
    switch (e.kind) {
    case RunEffect::Kind::SampleMetric: return QStringLiteral("sample::") + e.id;
    case RunEffect::Kind::RunAction: return RunCommands::actionKey(e.purpose, e.stage, e.id);
    case RunEffect::Kind::RunRollbackStep:
        return RunCommands::actionKey(QStringLiteral("rollback"), QString(), e.id);
    case RunEffect::Kind::StartScheduleItem:
        return RunCommands::actionKey(QStringLiteral("schedule"), QString(), e.id);
    case RunEffect::Kind::RunCheck: return QStringLiteral("check:%1:%2:%3").arg(e.stage, e.id, e.purpose);
    case RunEffect::Kind::CollectGateValues:
        return QStringLiteral("values:%1:%2:%3").arg(e.stage, e.id, e.purpose);
    }
    return {};
}

const Gate *findGate(const Runbook &rb, const QString &stage, const QString &id)
{
    for (const Stage &s : rb.stages) {
        if (s.id != stage)
            continue;
        for (const Gate &g : s.gates)
            if (g.id == id)
                return &g;
    }
    return nullptr;
}

bool sameItems(const QList<PendingDecision> &a, const QList<PendingDecision> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].kind != b[i].kind || a[i].target != b[i].target || a[i].stage != b[i].stage
            || a[i].why != b[i].why)
            return false;
    return true;
}

} // namespace

RunDriver::RunDriver(std::shared_ptr<const Runbook> runbook, Journal *journal, Clock *clock,
                     RunDriverOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_runbook(std::move(runbook))
    , m_journal(journal)
    , m_clock(clock)
    , m_state(m_runbook)
{
    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(int(m_options.pollInterval.count()));
    connect(m_pollTimer, &QTimer::timeout, this, &RunDriver::poll);
}

RunDriver::~RunDriver()
{
    stop();
}

Expected<bool, QString> RunDriver::open()
{
    auto events = m_journal->readAll();
    if (!events)
        return unexpected(QStringLiteral("cannot read the journal %1: %2")
                              .arg(m_journal->location(), events.error().message));
    m_lastSeq = events->isEmpty() ? 0 : events->last().seq();
    const QString id = RunCommands::unfinishedRun(*events, m_runbook->name, m_options.mode);
    const qint64 now = m_clock->now();
    if (!id.isEmpty()) {
        m_state = RunState::replay(m_runbook, *events, id);
        QStringList unknown;
        for (const PendingDecision &p : RunCommands::startedWithoutResult(m_state))
            unknown << p.target;
        QString text = QStringLiteral("run resumed by %1 after a restart (%2 events replayed)")
                           .arg(m_options.lead, QString::number(m_state.eventCount()));
        if (!unknown.isEmpty())
            text += QStringLiteral("; started without a recorded result (never re-run automatically): %1")
                        .arg(unknown.join(QStringLiteral(", ")));
        if (!append(RunEvents::resumed(id, std::max(now, m_state.lastEventAt()),
                                       QString::fromLatin1(RunPlanner::kEngine), text)))
            return unexpected(QStringLiteral("cannot append to the journal"));
        return true;
    }
    RunInfo info;
    info.mode = m_options.mode;
    info.id = RunEvents::makeRunId(m_options.mode, now);
    info.lead = m_options.lead;
    info.startedAt = now;
    info.runbook = m_runbook->name;
    info.runbookSha256 = m_options.runbookSha256;
    m_state = RunState(m_runbook, info.id);
    if (!append(RunPlanner::startRun(info)) || !append(RunCommands::runbookNote(info.id, now, *m_runbook)))
        return unexpected(QStringLiteral("cannot append to the journal"));
    return false;
}

void RunDriver::start()
{
    if (m_running)
        return;
    m_running = true;
    m_pollTimer->start();
    queuePump();
}

void RunDriver::stop()
{
    m_running = false;
    ++m_generation;
    m_pollTimer->stop();
    if (m_wake)
        m_clock->cancel(m_wake);
    m_wake = 0;
    m_wakeAt.reset();
    for (Clock::WakeId id : std::as_const(m_pollWakes))
        m_clock->cancel(id);
    m_pollWakes.clear();
    m_inFlight.clear();
}

RunStatus RunDriver::status() const
{
    // Comparison gates make a status cost real time (quantiles and U over every value): callers polling it
    // (progress views, personas) get a snapshot at most 200 ms old; commands invalidate it.
    const qint64 now = m_clock->now();
    if (m_statusCache && m_statusValid && m_statusAge.isValid() && m_statusAge.elapsed() < 200
        && m_state.phase() == m_statusCache->phase) {
        RunStatus s = *m_statusCache;
        if (s.soakEnd)
            s.soakRemaining = Milliseconds(std::max<qint64>(0, *s.soakEnd - now));
        return s;
    }
    return freshStatus();
}

RunStatus RunDriver::freshStatus() const
{
    RunStatus s = RunPlanner::status(m_state, m_clock->now());
    s.pending += RunCommands::startedWithoutResult(m_state, m_inFlight);
    s.pending += m_confirmations;
    m_statusCache = s;
    m_statusValid = true;
    m_statusAge.start();
    return s;
}

void RunDriver::setHeld(bool held)
{
    if (held == m_held)
        return;
    m_held = held;
    m_statusValid = false;
    queuePump();
}

void RunDriver::provideSecret(const QString &name, const QByteArray &value)
{
    Redactor::add(value);
    m_secrets.insert(name, value);
    m_secretsAsked.insert(name);
}

void RunDriver::confirmWrite(const QString &actionId)
{
    m_confirmed.insert(actionId);
    m_statusValid = false;
    queuePump();
}

Expected<void, QString> RunDriver::apply(const RunCommand &command)
{
    if (!command)
        return unexpected(command.error().message
                          + (command.error().reasons.isEmpty() ? QString()
                                                               : QStringLiteral(": ")
                                     + command.error().reasons.join(QStringLiteral("; "))));
    m_statusValid = false;
    if (!appendAll(*command))
        return unexpected(QStringLiteral("the journal refused the events"));
    queuePump();
    return {};
}

void RunDriver::poll()
{
    auto events = m_journal->readFrom(m_lastSeq + 1);
    if (!events) {
        qCWarning(lcRunner) << "journal poll:" << events.error().message;
        return;
    }
    bool mine = false;
    for (const JournalEvent &e : std::as_const(*events)) {
        mine = mine || e.runId() == m_state.runId();
        applyEvent(e);
    }
    if (mine)
        queuePump();
}

void RunDriver::queuePump()
{
    if (m_pumpQueued || !m_running)
        return;
    m_pumpQueued = true;
    QTimer::singleShot(0, this, &RunDriver::pump);
}

void RunDriver::pump()
{
    m_pumpQueued = false;
    if (!m_running)
        return;
    if (m_state.phase() == RunState::Phase::Finished) {
        stop();
        return;
    }
    RunPlan plan;
    for (int round = 0; round < 64; ++round) {
        plan = RunPlanner::step(m_state, m_clock->now());
        if (plan.events.isEmpty())
            break;
        if (!appendAll(plan.events))
            return;
    }
    const qint64 before = m_lastSeq;
    if (!m_held) {
        m_confirmations.clear();
        for (const RunEffect &e : std::as_const(plan.effects)) {
            if (!m_running)
                return;
            if (!m_inFlight.contains(effectKey(e)))
                startEffect(e);
        }
    }
    updatePending(plan.pending);
    scheduleWake(plan.wakeAt);
    if (m_lastSeq != before)
        queuePump(); // effects journaled `started`: the plan changed
    if (m_state.phase() == RunState::Phase::Finished)
        stop();
}

bool RunDriver::appendAll(const QList<JournalEventDraft> &drafts)
{
    if (drafts.size() <= 1)
        return drafts.isEmpty() || append(drafts.first());
    // Group commit: a step's events in one transaction (one fsync), all or none.
    auto r = m_journal->appendBatch(drafts);
    if (!r) {
        journalFailed(r.error());
        return false;
    }
    return applyAppended(*r);
}

bool RunDriver::append(const JournalEventDraft &draft)
{
    auto r = m_journal->append(draft);
    if (!r) {
        journalFailed(r.error());
        return false;
    }
    return applyAppended({*r});
}

void RunDriver::journalFailed(const Error &e)
{
    const QString error = QStringLiteral("journal %1: %2").arg(m_journal->location(), e.message);
    qCCritical(lcRunner) << error;
    stop();
    Q_EMIT failed(error);
}

bool RunDriver::applyAppended(const QList<JournalEvent> &stored)
{
    if (stored.isEmpty())
        return true;
    if (stored.first().seq() == m_lastSeq + 1) {
        for (const JournalEvent &e : stored)
            applyEvent(e);
        return true;
    }
    // Another process appended in between (a decision from a second terminal): fold in seq order.
    auto events = m_journal->readFrom(m_lastSeq + 1);
    if (!events) {
        for (const JournalEvent &e : stored)
            applyEvent(e);
        return true;
    }
    for (const JournalEvent &e : std::as_const(*events))
        applyEvent(e);
    return true;
}

void RunDriver::applyEvent(const JournalEvent &e)
{
    m_lastSeq = std::max(m_lastSeq, e.seq());
    if (e.runId() != m_state.runId())
        return;
    m_state.apply(e);
    Q_EMIT eventApplied(e);
    const QJsonObject &p = e.payload();
    switch (e.type()) {
    case JournalEventType::StageEntered:
        Q_EMIT stageChanged(p.value(QLatin1String("stage")).toString(),
                            p.value(QLatin1String("attempt")).toInt());
        break;
    case JournalEventType::GateChanged:
        Q_EMIT gateChanged(p.value(QLatin1String("stage")).toString(),
                           p.value(QLatin1String("gate")).toString(),
                           p.value(QLatin1String("to")).toString());
        break;
    case JournalEventType::RollbackFinished:
        if (auto rb = RunPlanner::status(m_state, e.at()).rollback)
            Q_EMIT rollbackFinished(*rb);
        break;
    case JournalEventType::RunFinished: Q_EMIT finished(p.value(QLatin1String("outcome")).toString()); break;
    default: break;
    }
}

void RunDriver::updatePending(const QList<PendingDecision> &planned)
{
    QList<PendingDecision> all = planned;
    all += RunCommands::startedWithoutResult(m_state, m_inFlight);
    all += m_confirmations;
    if (sameItems(all, m_pending))
        return;
    m_pending = all;
    m_statusValid = false;
    Q_EMIT decisionNeeded(m_pending);
}

void RunDriver::scheduleWake(std::optional<qint64> at)
{
    if (at == m_wakeAt && m_wake)
        return;
    if (m_wake)
        m_clock->cancel(m_wake);
    m_wake = 0;
    m_wakeAt = at;
    if (!at)
        return;
    m_wake = m_clock->wakeAt(*at, [this] {
        m_wake = 0;
        m_wakeAt.reset();
        queuePump();
    });
}

QStringList RunDriver::secretsOf(const QString &connection) const
{
    QStringList names;
    const auto it = m_runbook->connections.constFind(connection);
    if (it == m_runbook->connections.constEnd())
        return names;
    if (it->password.isSet())
        names << it->password.name;
    if (it->token.isSet())
        names << it->token.name;
    return names;
}

void RunDriver::withSecrets(const QStringList &names, const std::function<void()> &then)
{
    QStringList missing;
    for (const QString &n : names)
        if (!m_secrets.contains(n))
            missing << n;
    if (missing.isEmpty()) {
        then();
        return;
    }
    m_secretWaiters.append([this, names, then]() { withSecrets(names, then); });
    const quint64 gen = m_generation;
    for (const QString &n : std::as_const(missing)) {
        if (m_secretsAsked.contains(n))
            continue;
        m_secretsAsked.insert(n);
        auto resolved = [this, n, gen](const QByteArray &value) {
            if (gen != m_generation)
                return;
            m_secrets.insert(n, value);
            const auto waiters = std::exchange(m_secretWaiters, {});
            for (const auto &w : waiters)
                w();
        };
        if (!m_options.useKeychain) {
            QTimer::singleShot(0, this, [resolved] { resolved(QByteArray()); });
            continue;
        }
        whenDone(this, &m_busy, SecretStore::read(SecretStore::scopeFor(*m_runbook), n),
                 [resolved, n](const Expected<QByteArray, Error> &r) {
                     if (!r)
                         qCWarning(lcRunner) << "secret" << n << "not available:" << r.error().message;
                     resolved(r ? *r : QByteArray());
                 });
    }
}

void RunDriver::startEffect(const RunEffect &e)
{
    const QString key = effectKey(e);
    switch (e.kind) {
    case RunEffect::Kind::SampleMetric: sampleMetric(e, key); break;
    case RunEffect::Kind::CollectGateValues: collectGateValues(e, key); break;
    case RunEffect::Kind::RunCheck:
        if (e.purpose == QLatin1String("milestone"))
            runMilestoneChecks(e, key);
        else
            runCheck(e, key);
        break;
    case RunEffect::Kind::RunAction:
    case RunEffect::Kind::RunRollbackStep: runAction(e, key); break;
    case RunEffect::Kind::StartScheduleItem:
        if (RunCommands::findWindowStep(*m_runbook, e.id))
            runAction(e, key);
        else
            runMilestone(e, key);
        break;
    }
}

void RunDriver::effectDone(const QString &key)
{
    m_inFlight.remove(key);
    queuePump();
}

void RunDriver::sampleMetric(const RunEffect &e, const QString &key)
{
    const Metric metric = m_runbook->metrics.value(e.id);
    const Connection conn = m_runbook->connections.value(metric.connection);
    m_inFlight.insert(key);
    const quint64 gen = m_generation;
    withSecrets(secretsOf(conn.name), [this, metric, conn, key, gen] {
        if (gen != m_generation)
            return;
        SqlQuery q;
        q.connection = conn.name;
        q.query = metric.query;
        q.maxRows = 1;
        whenDone(this, &m_busy, SqlProbe::run(conn, q, secret(conn.password.name)),
                 [this, metric, key, gen](const Observation &o) {
                     if (gen != m_generation)
                         return;
                     std::optional<double> value;
                     QString error = o.error;
                     if (error.isEmpty()) {
                         if (o.rows.isEmpty() || o.rows.first().isEmpty())
                             error = QStringLiteral("no rows");
                         else if (o.rows.first().first().isNull())
                             error = QStringLiteral("NULL");
                         else {
                             bool ok = false;
                             const double v = o.rows.first().first().toDouble(&ok);
                             if (ok)
                                 value = v;
                             else
                                 error = QStringLiteral("not a number: %1")
                                             .arg(o.rows.first().first().toString().left(80));
                         }
                     }
                     append(
                         RunEvents::sampleTaken(m_state.runId(), m_clock->now(), metric.name, value, error));
                     effectDone(key);
                 });
    });
}

void RunDriver::collectGateValues(const RunEffect &e, const QString &key)
{
    const Gate *gate = findGate(*m_runbook, e.stage, e.id);
    m_inFlight.insert(key);
    if (!gate || !gate->query) {
        append(RunEvents::gateValues(m_state.runId(), m_clock->now(), e.stage, e.id, e.purpose, {},
                                     QStringLiteral("the gate has no query")));
        effectDone(key);
        return;
    }
    SqlQuery q = *gate->query;
    q.maxRows = 1000000;
    const Connection conn = m_runbook->connections.value(q.connection);
    const quint64 gen = m_generation;
    withSecrets(secretsOf(conn.name), [this, e, q, conn, key, gen] {
        if (gen != m_generation)
            return;
        whenDone(this, &m_busy, SqlProbe::run(conn, q, secret(conn.password.name)),
                 [this, e, key, gen](const Observation &o) {
                     if (gen != m_generation)
                         return;
                     QJsonArray values;
                     for (const QVariantList &row : o.rows) {
                         if (row.isEmpty() || row.first().isNull())
                             continue;
                         const QVariant &v = row.first();
                         bool ok = false;
                         const double d = v.toDouble(&ok);
                         if (ok && v.typeId() != QMetaType::QString)
                             values.append(d);
                         else
                             values.append(v.toString());
                     }
                     append(RunEvents::gateValues(m_state.runId(), m_clock->now(), e.stage, e.id, e.purpose,
                                                  values, o.error));
                     effectDone(key);
                 });
    });
}

void RunDriver::runCheck(const RunEffect &e, const QString &key)
{
    std::optional<Check> check;
    for (const Stage &s : m_runbook->stages) {
        if (s.id != e.stage)
            continue;
        if (e.purpose == QLatin1String("verify")) {
            for (const Check &c : s.verify)
                if (c.id == e.id)
                    check = c;
        } else if (const Gate *g = findGate(*m_runbook, e.stage, e.id); g && g->check) {
            check = *g->check;
        }
    }
    m_inFlight.insert(key);
    if (!check) {
        append(RunEvents::checkObserved(m_state.runId(), m_clock->now(),
                                        QString::fromLatin1(RunPlanner::kEngine), e.stage, e.id, e.purpose,
                                        Verdict::NoData, QStringLiteral("no such check")));
        effectDone(key);
        return;
    }
    auto *runner = new CheckRunner(this);
    ++m_busy;
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
        if (!it.value().isEmpty())
            runner->provideSecret(it.key(), it.value());
    const quint64 gen = m_generation;
    connect(runner, &CheckRunner::finished, this,
            [this, runner, e, key, gen](const QList<CheckResult> &results) {
                runner->deleteLater();
                --m_busy;
                if (gen != m_generation)
                    return;
                const CheckResult r = results.value(0);
                append(RunEvents::checkObserved(m_state.runId(), m_clock->now(),
                                                QString::fromLatin1(RunPlanner::kEngine), e.stage, e.id,
                                                e.purpose, r.verdict, r.summary));
                effectDone(key);
            });
    runner->start(*m_runbook, {*check});
}

void RunDriver::runMilestone(const RunEffect &e, const QString &key)
{
    // Only the start: the planner then asks for the milestone's actions in order and for its checks.
    QJsonObject detail;
    if (const auto item = m_state.schedule().item(e.id)) {
        detail.insert(QStringLiteral("planned_at"), double(item->plannedStart));
        detail.insert(QStringLiteral("late_ms"), double(m_clock->now() - item->plannedStart));
    }
    m_inFlight.insert(key);
    append(RunEvents::actionRun(m_state.runId(), m_clock->now(), m_options.lead, QStringLiteral("schedule"),
                                QString(), e.id, QStringLiteral("started"), detail));
    effectDone(key);
}

void RunDriver::runMilestoneChecks(const RunEffect &e, const QString &key)
{
    const Milestone *milestone = RunPlanner::findMilestone(*m_runbook, e.id);
    m_inFlight.insert(key);
    if (!milestone || milestone->checks.isEmpty()) {
        append(RunPlanner::milestoneFinished(
            m_state, m_clock->now(), m_options.lead, e.id, milestone != nullptr,
            {{QStringLiteral("summary"),
              milestone ? QStringLiteral("no checks") : QStringLiteral("no such milestone")}}));
        effectDone(key);
        return;
    }
    auto *runner = new CheckRunner(this);
    ++m_busy;
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
        if (!it.value().isEmpty())
            runner->provideSecret(it.key(), it.value());
    const quint64 gen = m_generation;
    connect(runner, &CheckRunner::finished, this,
            [this, runner, e, key, gen](const QList<CheckResult> &results) {
                runner->deleteLater();
                --m_busy;
                if (gen != m_generation)
                    return;
                bool ok = true;
                QJsonArray checks;
                for (const CheckResult &r : results) {
                    ok = ok && r.verdict == Verdict::Pass;
                    checks.append(QJsonObject {{QStringLiteral("check"), r.checkId},
                                               {QStringLiteral("verdict"), RunEvents::verdictKey(r.verdict)},
                                               {QStringLiteral("summary"), r.summary}});
                }
                append(RunPlanner::milestoneFinished(m_state, m_clock->now(), m_options.lead, e.id, ok,
                                                     {{QStringLiteral("checks"), checks}}));
                effectDone(key);
            });
    runner->start(*m_runbook, milestone->checks);
}

void RunDriver::runAction(const RunEffect &e, const QString &key)
{
    QString phase;
    const Action *found = nullptr;
    // An action of a milestone (purpose schedule, stage = the milestone): journaled naming the milestone.
    const bool ofMilestone = e.kind == RunEffect::Kind::RunAction && e.purpose == QLatin1String("schedule");
    if (ofMilestone) {
        phase = QStringLiteral("schedule");
        found = RunCommands::findMilestoneAction(*m_runbook, e.stage, e.id);
    } else if (e.kind == RunEffect::Kind::RunAction) {
        phase = QStringLiteral("rollout");
        found = RunCommands::findRolloutAction(*m_runbook, e.stage, e.id);
    } else if (e.kind == RunEffect::Kind::RunRollbackStep) {
        phase = QStringLiteral("rollback");
        found = RunCommands::findRollbackStep(*m_runbook, e.id);
    } else {
        phase = QStringLiteral("schedule");
        found = RunCommands::findWindowStep(*m_runbook, e.id);
    }
    const QString runId = m_state.runId();
    const QString stage = e.stage;
    const QString lead = m_options.lead;
    auto event = [runId, phase, stage, ofMilestone, id = e.id](
                     qint64 at, const QString &actor, const QString &status, const QJsonObject &detail) {
        if (ofMilestone)
            return RunEvents::milestoneActionRun(runId, at, actor, stage, id, status, detail);
        if (phase == QLatin1String("rollback")) {
            JournalEventDraft d
                = RunEvents::rollbackStep(runId, at, actor, id, status == QLatin1String("ok"), detail);
            d.payload.insert(QStringLiteral("status"), status);
            return d;
        }
        return RunEvents::actionRun(runId, at, actor, phase,
                                    phase == QLatin1String("rollout") ? stage : QString(), id, status,
                                    detail);
    };
    if (!found) {
        append(event(m_clock->now(), QString::fromLatin1(RunPlanner::kEngine), QStringLiteral("failed"),
                     {{QStringLiteral("error"), QStringLiteral("no such action in the runbook")}}));
        return;
    }
    const Action action = *found;
    if (RunCommands::isManual(action)) {
        // A person does it; the started event makes it a pending decision (accept = done).
        append(event(m_clock->now(), lead, QStringLiteral("started"),
                     {{QStringLiteral("manual"), true},
                      {QStringLiteral("instruction"), std::get<ManualCheck>(action.what).instruction}}));
        return;
    }
    if (RunCommands::writes(action) && !m_options.confirmAllWrites && !m_confirmed.contains(action.id)) {
        PendingDecision d;
        d.kind = QStringLiteral("confirm_write");
        d.target = action.id;
        d.stage = stage;
        d.why
            = QStringLiteral("%1 writes (%2): confirm to run it")
                  .arg(action.id, action.title.isEmpty() ? phase + QStringLiteral(" action") : action.title);
        if (ofMilestone)
            d.why = QStringLiteral("milestone %1: %2").arg(stage, d.why);
        d.since = m_clock->now();
        m_confirmations.append(d);
        return;
    }
    m_inFlight.insert(key);
    if (!append(event(m_clock->now(), lead, QStringLiteral("started"), {})))
        return;
    const quint64 gen = m_generation;
    execute(action, [this, event, lead, key, gen](const ActionResult &r) {
        if (gen != m_generation)
            return;
        append(event(m_clock->now(), lead, r.ok ? QStringLiteral("ok") : QStringLiteral("failed"), r.detail));
        effectDone(key);
    });
}

void RunDriver::execute(const Action &action, const ActionDone &done)
{
    const quint64 gen = m_generation;
    auto finish = [this, action, done, gen](const Probe &probe, const Observation &o) {
        if (gen != m_generation)
            return;
        Check c;
        c.id = action.id;
        c.probe = probe;
        c.expect = action.expect;
        const CheckResult r = CheckResult::evaluate(c, o);
        bool ok = r.verdict == Verdict::Pass;
        if (o.kind == Observation::Kind::Command && action.expect.isEmpty())
            ok = ok && o.exitCode == 0;
        done({ok, detailOf(r)});
    };
    if (const auto *w = std::get_if<WaitUntil>(&action.what)) {
        waitUntil(action, m_clock->now() + w->timeout.count(), done);
        return;
    }
    if (const auto *http = std::get_if<HttpRequest>(&action.what)) {
        const Connection conn = m_runbook->connections.value(http->connection);
        withSecrets(secretsOf(conn.name), [this, conn, req = *http, finish] {
            auto service = std::make_shared<HttpService>();
            if (const auto *s = std::get_if<HttpService>(&conn.target))
                *service = *s;
            const bool hasService = std::holds_alternative<HttpService>(conn.target);
            whenDone(this, &m_busy,
                     HttpProbe::run(req, hasService ? service.get() : nullptr, secret(conn.token.name)),
                     [finish, req, service](const Observation &o) { finish(req, o); });
        });
        return;
    }
    if (const auto *sql = std::get_if<SqlStatement>(&action.what)) {
        const Connection conn = m_runbook->connections.value(sql->connection);
        withSecrets(secretsOf(conn.name), [this, conn, st = *sql, finish] {
            SqlQuery q;
            q.connection = st.connection;
            q.query = st.statement;
            whenDone(this, &m_busy, SqlProbe::execute(conn, st, secret(conn.password.name)),
                     [finish, q](const Observation &o) { finish(q, o); });
        });
        return;
    }
    if (const auto *cmd = std::get_if<CommandSpec>(&action.what)) {
        whenDone(this, &m_busy, CommandProbe::run(*cmd),
                 [finish, c = *cmd](const Observation &o) { finish(c, o); });
        return;
    }
    done(
        {false, {{QStringLiteral("error"), QStringLiteral("this kind of action cannot run automatically")}}});
}

void RunDriver::waitUntil(const Action &action, qint64 deadline, const ActionDone &done)
{
    const WaitUntil w = std::get<WaitUntil>(action.what);
    const quint64 gen = m_generation;
    auto evaluate = [this, action, w, deadline, done, gen](const Observation &o) {
        if (gen != m_generation)
            return;
        Check c;
        c.id = action.id;
        c.probe = w.probe;
        c.expect = w.expect;
        const CheckResult r = CheckResult::evaluate(c, o);
        if (r.verdict == Verdict::Pass) {
            done({true, detailOf(r)});
            return;
        }
        const qint64 now = m_clock->now();
        if (now >= deadline) {
            QJsonObject d = detailOf(r);
            d.insert(QStringLiteral("error"), QStringLiteral("timed out waiting: %1").arg(r.summary));
            done({false, d});
            return;
        }
        const qint64 next = std::min(deadline, now + std::max<qint64>(w.every.count(), 1));
        auto id = std::make_shared<Clock::WakeId>(0);
        *id = m_clock->wakeAt(next, [this, action, deadline, done, id, gen] {
            m_pollWakes.remove(*id);
            if (gen == m_generation)
                waitUntil(action, deadline, done);
        });
        m_pollWakes.insert(*id);
    };
    if (const auto *http = std::get_if<HttpRequest>(&w.probe)) {
        const Connection conn = m_runbook->connections.value(http->connection);
        withSecrets(secretsOf(conn.name), [this, conn, req = *http, evaluate] {
            auto service = std::make_shared<HttpService>();
            if (const auto *s = std::get_if<HttpService>(&conn.target))
                *service = *s;
            const bool hasService = std::holds_alternative<HttpService>(conn.target);
            whenDone(this, &m_busy,
                     HttpProbe::run(req, hasService ? service.get() : nullptr, secret(conn.token.name)),
                     [evaluate, service](const Observation &o) { evaluate(o); });
        });
    } else if (const auto *sql = std::get_if<SqlQuery>(&w.probe)) {
        const Connection conn = m_runbook->connections.value(sql->connection);
        withSecrets(secretsOf(conn.name), [this, conn, q = *sql, evaluate] {
            whenDone(this, &m_busy, SqlProbe::run(conn, q, secret(conn.password.name)), evaluate);
        });
    } else if (const auto *cmd = std::get_if<CommandSpec>(&w.probe)) {
        whenDone(this, &m_busy, CommandProbe::run(*cmd), evaluate);
    } else {
        done({false,
              {{QStringLiteral("error"),
                QStringLiteral("wait_until supports http, sql and command probes")}}});
    }
}

} // namespace cockpit
