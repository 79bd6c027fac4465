#include "engine/RunDriver.h"

#include "core/base/Duration.h"
#include "core/base/LogCategories.h"
#include "core/base/Redactor.h"
#include "core/conditions/CheckResult.h"
#include "core/journal/RunEvents.h"
#include "engine/RunCommands.h"
#include "engine/RunDriverSupport.h"
#include "probes/CheckRunner.h"
#include "probes/CommandProbe.h"
#include "probes/HttpProbe.h"
#include "probes/SecretStore.h"
#include "probes/SqlProbe.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QTimer>

namespace cockpit {

using namespace driver;

namespace {
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
    m_journalRetry = new QTimer(this);
    m_journalRetry->setSingleShot(true);
    connect(m_journalRetry, &QTimer::timeout, this, &RunDriver::retryJournal);
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
    m_reconcileCancel->store(true);
    m_reconcileCancel = std::make_shared<std::atomic<bool>>(false);
    m_pollTimer->stop();
    m_journalRetry->stop();
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
            // While the shared journal is away only sampling goes on (metrics, gate values, trigger
            // probes, into the outbox); everything else waits until it can be journaled where everybody
            // reads it.
            const bool reading = e.kind == RunEffect::Kind::SampleMetric
                || e.kind == RunEffect::Kind::CollectGateValues
                || (e.kind == RunEffect::Kind::RunCheck && e.purpose == QLatin1String("trigger"));
            if (m_journalDownSince && !reading) {
                if (!m_heldReported.contains(effectKey(e))) {
                    m_heldReported.insert(effectKey(e));
                    qCWarning(lcRunner).noquote() << "held while the journal is unreachable:" << effectKey(e)
                                                  << "(starts once it is back)";
                }
                continue;
            }
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

bool RunDriver::appendBeforeEffect(const JournalEventDraft &draft)
{
    auto r = m_journal->appendShared({draft});
    if (!r) {
        if (m_journal->isReachable())
            journalFailed(r.error());
        else
            journalOutage(r.error());
        return false;
    }
    return applyAppended(*r);
}

void RunDriver::journalOutage(const Error &e)
{
    if (!m_journalDownSince) {
        m_journalDownSince = QDateTime::currentMSecsSinceEpoch();
        m_retryDelayMs = 1000;
        qCWarning(lcRunner).noquote() << "journal" << m_journal->location() << "unreachable:" << e.message
                                      << "- effects that write are held, sampling goes on into the outbox";
        m_statusValid = false;
        Q_EMIT journalUnreachable(*m_journalDownSince, e.message);
    }
    if (m_running && !m_journalRetry->isActive())
        m_journalRetry->start(m_retryDelayMs);
}

void RunDriver::retryJournal()
{
    if (!m_journalDownSince || !m_running)
        return;
    const qint64 down = QDateTime::currentMSecsSinceEpoch() - *m_journalDownSince;
    // Through the shared journal only: it sends what waits in the outbox first, in order.
    auto r = m_journal->appendShared({RunEvents::note(
        m_state.runId(), std::max(m_clock->now(), m_state.lastEventAt()),
        QString::fromLatin1(RunPlanner::kEngine),
        QStringLiteral(
            "journal reachable again after %1; what was journaled locally meanwhile is in the journal, "
            "in order")
            .arg(humanDuration(Milliseconds(down))))});
    if (!r) {
        if (m_journal->isReachable()) {
            m_journalDownSince.reset();
            journalFailed(r.error());
            return;
        }
        m_retryDelayMs = std::min(m_retryDelayMs * 2, 30000);
        m_journalRetry->start(m_retryDelayMs);
        return;
    }
    m_journalDownSince.reset();
    m_heldReported.clear();
    m_statusValid = false;
    applyAppended(*r);
    qCInfo(lcRunner) << "journal reachable again after" << down << "ms";
    Q_EMIT journalReachable(down);
    queuePump();
}

void RunDriver::journalFailed(const Error &e)
{
    if (!m_journal->isReachable()) {
        journalOutage(e); // a passing outage, not the end of the run
        return;
    }
    const QString error = QStringLiteral("journal %1: %2").arg(m_journal->location(), e.message);
    qCCritical(lcRunner) << error;
    stop();
    Q_EMIT failed(error);
}

bool RunDriver::applyAppended(const QList<JournalEvent> &stored)
{
    if (!m_journal->isReachable() && !m_journalDownSince)
        journalOutage(Error::plain(QStringLiteral("the server went away; events wait in the local outbox")));
    else if (m_journal->isReachable() && m_journalDownSince && m_running)
        m_journalRetry->start(0); // an append got through (the outbox flushed): say so and go on at once
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
    case JournalEventType::Approval:
        if (p.value(QLatin1String("kind")).toString() == QLatin1String("confirm_write"))
            takeConfirmation(e);
        break;
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
        else if (e.purpose == QLatin1String("trigger"))
            runTriggerCheck(e, key);
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

} // namespace cockpit
