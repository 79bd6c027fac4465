#include "engine/RunEngine.h"

#include "core/base/LogCategories.h"
#include "core/journal/RunEvents.h"
#include "engine/RunCommands.h"
#include "engine/SignOff.h"

#include <QDateTime>
#include <QTimer>
#include <limits>

namespace cockpit {

namespace {

Error refused(const QString &message)
{
    return Error::plain(message);
}

Error refusalError(const Refusal &r)
{
    return Error::plain(r.reasons.isEmpty()
                            ? r.message
                            : r.message + QStringLiteral(": ") + r.reasons.join(QStringLiteral("; ")));
}

} // namespace

RunEngine::RunEngine(RunControllerSetup setup, std::shared_ptr<SnapshotSlot> slot, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_slot(std::move(slot))
{
    m_publishTimer = new QTimer(this);
    m_publishTimer->setSingleShot(true);
    connect(m_publishTimer, &QTimer::timeout, this, &RunEngine::publish);
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(int(m_setup.refresh.count()));
    connect(m_refreshTimer, &QTimer::timeout, this, &RunEngine::markDirty);
}

RunEngine::~RunEngine()
{
    shutdown();
}

Expected<bool, Error> RunEngine::start()
{
    if (m_driver)
        return unexpected(refused(QStringLiteral("the run is already started")));
    if (!m_setup.runbook || !m_setup.clock || !m_setup.openJournal)
        return unexpected(refused(QStringLiteral("a run needs a runbook, a clock and a journal")));
    auto journal = m_setup.openJournal();
    if (!journal)
        return unexpected(journal.error());
    m_journal = std::move(*journal);
    m_driver = std::make_unique<RunDriver>(m_setup.runbook, m_journal.get(), m_setup.clock, m_setup.options);
    for (auto it = m_setup.secrets.cbegin(); it != m_setup.secrets.cend(); ++it)
        m_driver->provideSecret(it.key(), it.value());
    connect(m_driver.get(), &RunDriver::eventApplied, this, [this](const JournalEvent &e) {
        m_builder.observe(e);
        m_unpublished.append(e);
        markDirty();
    });
    connect(m_driver.get(), &RunDriver::decisionNeeded, this, &RunEngine::markDirty);
    // The final snapshot follows within one interval, like any other.
    connect(m_driver.get(), &RunDriver::finished, this, [this](const QString &outcome) {
        markDirty();
        Q_EMIT finished(outcome);
    });
    connect(m_driver.get(), &RunDriver::journalUnreachable, this, [this](qint64 since, const QString &error) {
        m_journalProblem
            = QStringLiteral("journal unreachable since %1 (%2): writes are held, retrying")
                  .arg(QDateTime::fromMSecsSinceEpoch(since, Qt::UTC).toString(Qt::ISODate), error);
        markDirty();
    });
    connect(m_driver.get(), &RunDriver::journalReachable, this, [this](qint64) {
        m_journalProblem.clear();
        markDirty();
    });
    connect(m_driver.get(), &RunDriver::failed, this, [this](const QString &error) {
        m_journalProblem = error;
        markDirty();
        Q_EMIT failed(Error::plain(error));
    });
    m_prerequisites = std::make_unique<PrerequisiteChecks>(m_setup.runbook);
    for (auto it = m_setup.secrets.cbegin(); it != m_setup.secrets.cend(); ++it)
        m_prerequisites->provideSecret(it.key(), it.value());
    connect(m_prerequisites.get(), &PrerequisiteChecks::resultReady, this,
            [this](const Check &check, const CheckResult &result) {
                if (!m_driver)
                    return;
                const auto applied = m_driver->apply(QList<JournalEventDraft> {
                    PrerequisiteChecks::event(m_driver->runId(), m_driver->now(),
                                              QString::fromLatin1(RunPlanner::kEngine), check, result)});
                if (!applied)
                    qCWarning(lcRunner) << "prerequisite" << check.id << "not journaled:" << applied.error();
            });
    connect(m_prerequisites.get(), &PrerequisiteChecks::progressed, this, &RunEngine::markDirty);
    connect(m_prerequisites.get(), &PrerequisiteChecks::finished, this, &RunEngine::markDirty);
    auto opened = m_driver->open();
    if (!opened)
        return unexpected(Error::plain(opened.error()));
    if (*opened)
        takeHistory();
    m_driver->start();
    m_refreshTimer->start();
    publish();
    return *opened;
}

void RunEngine::takeHistory()
{
    // A resumed run (the window's always is: the launcher started it) goes out with its whole history, as a
    // follower's does: the journal, the charts and the prerequisites start complete, not at the resume.
    auto all = m_journal->readAll();
    if (!all) {
        qCWarning(lcRunner) << "the run's history could not be read:" << all.error().message;
        return;
    }
    const qint64 firstNew
        = m_unpublished.isEmpty() ? std::numeric_limits<qint64>::max() : m_unpublished.constFirst().seq();
    m_builder.clearObserved(); // observed again below, in journal order, the new events included
    QList<JournalEvent> history;
    for (const JournalEvent &e : std::as_const(*all)) {
        m_builder.observe(e);
        if (e.seq() < firstNew && e.runId() == m_driver->runId())
            history.append(e);
    }
    m_unpublished = history + m_unpublished;
}

void RunEngine::shutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_publishTimer->stop();
    m_refreshTimer->stop();
    if (m_prerequisites)
        m_prerequisites->cancel();
    m_prerequisites.reset();
    if (m_driver)
        m_driver->stop();
    m_driver.reset();
    m_journal.reset();
}

RunCommand RunEngine::plannerCommand(const EngineCommand &c, qint64 now) const
{
    const RunState &state = m_driver->state();
    using K = EngineCommand::Kind;
    switch (c.kind) {
    case K::EnterStage: return RunPlanner::enterStage(state, now, c.target, c.who);
    case K::Promote: return RunPlanner::promote(state, now, c.who);
    case K::Approve: return RunPlanner::approvePromotion(state, now, c.who, c.statement);
    case K::ConfirmManualGate: return RunPlanner::confirmManualGate(state, now, c.target, c.who, c.statement);
    case K::Decide: return RunCommands::decide(state, now, c.targetKind, c.target, c.accept, c.who, c.reason);
    case K::RollBack: return RunPlanner::startRollback(state, now, c.who, c.reason);
    case K::FinishRollback: return RunPlanner::finishRollback(state, now, c.who, c.accept, c.reason);
    case K::RaiseTrigger: return RunPlanner::raiseTrigger(state, now, c.target, c.who, c.reason);
    case K::Abort: return RunPlanner::abort(state, now, c.who, c.reason);
    case K::SignOff: return SignOff::plan(state, now, c);
    case K::ConfirmWrite:
    case K::Hold:
    case K::Resume:
    case K::CheckPrerequisites:
    case K::CancelPrerequisites:
    case K::ConfirmPrerequisite: break;
    }
    return unexpected(Refusal {QStringLiteral("not a planner command"), {}});
}

CommandResult RunEngine::apply(const EngineCommand &c)
{
    if (!m_driver || m_stopped)
        return unexpected(refused(QStringLiteral("the run is not being driven by this controller")));
    if (c.who.trimmed().isEmpty())
        return unexpected(refused(QStringLiteral("a command needs the name of the person giving it")));
    using K = EngineCommand::Kind;
    CommandResult result;
    switch (c.kind) {
    case K::ConfirmWrite: result = confirmWrite(c); break;
    case K::CheckPrerequisites:
    case K::CancelPrerequisites:
    case K::ConfirmPrerequisite: result = prerequisites(c); break;
    case K::Hold:
        if (m_driver->isHeld())
            return unexpected(refused(QStringLiteral("the run is already on hold")));
        result = note(c, QStringLiteral("hold by %1: %2").arg(c.who, c.reason));
        if (result)
            m_driver->setHeld(true);
        break;
    case K::Resume:
        if (!m_driver->isHeld())
            return unexpected(refused(QStringLiteral("the run is not on hold")));
        result = note(c,
                      QStringLiteral("resumed by %1%2")
                          .arg(c.who, c.reason.isEmpty() ? QString() : QStringLiteral(": ") + c.reason));
        if (result)
            m_driver->setHeld(false);
        break;
    default: {
        const RunCommand command = plannerCommand(c, m_driver->now());
        if (!command)
            return unexpected(refusalError(command.error()));
        auto applied = m_driver->apply(command);
        if (!applied)
            result = unexpected(Error::plain(applied.error()));
        break;
    }
    }
    markDirty();
    return result;
}

CommandResult RunEngine::confirmWrite(const EngineCommand &c)
{
    for (const PendingDecision &p : m_driver->freshStatus().pending) {
        if (p.kind == QLatin1String("confirm_write") && p.target == c.target) {
            qCInfo(lcRunner) << "write" << c.target << "confirmed by" << c.who;
            m_driver->confirmWrite(c.target);
            return {};
        }
    }
    return unexpected(
        refused(QStringLiteral("nothing waits for confirmation under the name %1").arg(c.target)));
}

CommandResult RunEngine::prerequisites(const EngineCommand &c)
{
    using K = EngineCommand::Kind;
    if (c.kind == K::CheckPrerequisites) {
        qCInfo(lcRunner).noquote() << "prerequisites"
                                   << (c.target.isEmpty() ? QStringLiteral("(all)") : c.target)
                                   << "checked at the request of" << c.who;
        return m_prerequisites->start(c.targetKind, c.target);
    }
    if (c.kind == K::CancelPrerequisites) {
        if (!m_prerequisites->cancel())
            return unexpected(refused(QStringLiteral("no prerequisites are being checked")));
        return {};
    }
    const auto result = PrerequisiteChecks::confirmation(*m_setup.runbook, c.target, c.who, c.statement);
    if (!result)
        return unexpected(result.error());
    const Check check
        = PrerequisiteChecks::select(*m_setup.runbook, QStringLiteral("check"), c.target).value(0);
    auto r = m_driver->apply(QList<JournalEventDraft> {
        PrerequisiteChecks::event(m_driver->runId(), m_driver->now(), c.who, check, *result)});
    if (!r)
        return unexpected(Error::plain(r.error()));
    return {};
}

CommandResult RunEngine::note(const EngineCommand &c, const QString &text)
{
    const RunState &state = m_driver->state();
    if (state.phase() == RunState::Phase::NotStarted || state.phase() == RunState::Phase::Finished)
        return unexpected(refused(QStringLiteral("the run is not running")));
    auto r = m_driver->apply(
        QList<JournalEventDraft> {RunEvents::note(state.runId(), m_driver->now(), c.who, text)});
    if (!r)
        return unexpected(Error::plain(r.error()));
    return {};
}

void RunEngine::markDirty()
{
    if (m_stopped || m_publishTimer->isActive())
        return;
    const qint64 since = m_sincePublish.isValid() ? m_sincePublish.elapsed() : m_setup.minInterval.count();
    // Interval 0 still waits for the event loop: everything one step appends lands in one snapshot.
    m_publishTimer->start(int(std::max<qint64>(0, m_setup.minInterval.count() - since)));
}

void RunEngine::publish()
{
    if (!m_driver)
        return;
    m_publishTimer->stop();
    m_sincePublish.restart();
    SnapshotBuilder::Context ctx;
    ctx.runbookPath = m_setup.runbookPath;
    ctx.runbookSha256 = m_setup.options.runbookSha256;
    ctx.lease = m_setup.lease;
    ctx.journalProblem = m_journalProblem;
    ctx.held = m_driver->isHeld();
    if (m_prerequisites) {
        ctx.prerequisitesRunning = m_prerequisites->running();
        ctx.prerequisiteProgress
            = {m_prerequisites->isRunning(), m_prerequisites->total(), m_prerequisites->done()};
    }
    QSet<QString> available;
    for (auto it = m_setup.secrets.cbegin(); it != m_setup.secrets.cend(); ++it)
        if (!it.value().isEmpty())
            available.insert(it.key());
    ctx.secretsAvailable = available;
    RunSnapshotPtr s = m_builder.build(m_driver->state(), m_driver->freshStatus(), m_driver->now(), ctx);
    m_slot->set(s);
    Q_EMIT published(s, std::exchange(m_unpublished, {}));
}

} // namespace cockpit
