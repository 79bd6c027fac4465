#include "engine/RunFollower.h"

#include "core/base/LogCategories.h"
#include "engine/RunCommands.h"
#include "store/PostgresJournal.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace cockpit {

namespace {

qint64 wallNow()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

RunFollower::RunFollower(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_publishTimer = new QTimer(this);
    m_publishTimer->setSingleShot(true);
    connect(m_publishTimer, &QTimer::timeout, this, &RunFollower::publish);
    // Notifications come in bursts (one per event): one read for all of them.
    m_readTimer = new QTimer(this);
    m_readTimer->setSingleShot(true);
    m_readTimer->setInterval(5);
    connect(m_readTimer, &QTimer::timeout, this, &RunFollower::refresh);
    // SQLite: the WAL file changes (and inotify fires) before the writer publishes the commit in the
    // shared-memory index, so a read right after may not see it yet; one more read once the burst is over.
    m_lateReadTimer = new QTimer(this);
    m_lateReadTimer->setSingleShot(true);
    m_lateReadTimer->setInterval(250);
    connect(m_lateReadTimer, &QTimer::timeout, this, &RunFollower::refresh);
    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(int(m_options.poll.count()));
    connect(m_pollTimer, &QTimer::timeout, this, &RunFollower::refresh);
    m_staleTimer = new QTimer(this);
    m_staleTimer->setInterval(int(std::clamp<qint64>(m_options.staleAfter.count() / 4, 50, 1000)));
    connect(m_staleTimer, &QTimer::timeout, this, &RunFollower::checkStale);
}

RunFollower::~RunFollower() = default;

Expected<void, Error> RunFollower::start()
{
    if (m_journal)
        return unexpected(Error::plain(QStringLiteral("the follower is already started")));
    if (!m_options.openJournal)
        return unexpected(Error::plain(QStringLiteral("a follower needs a journal")));
    auto journal = m_options.openJournal();
    if (!journal)
        return unexpected(journal.error());
    m_journal = std::move(*journal);
    if (auto *pg = qobject_cast<PostgresJournal *>(m_journal.get())) {
        if (auto subscribed = pg->subscribe(); !subscribed)
            qCWarning(lcRunner) << "follower: no notifications, polling only:" << subscribed.error().message;
        connect(pg, &Journal::eventsAppended, this, [this](qint64) { m_readTimer->start(); });
    } else if (QFileInfo(m_journal->location()).isFile()) {
        watchFile(m_journal->location());
    }
    auto loaded = load();
    if (!loaded)
        return loaded;
    m_pollTimer->start();
    m_staleTimer->start();
    publish();
    return {};
}

void RunFollower::watchFile(const QString &path)
{
    // WAL mode: appends change the -wal file (which appears with the first writer), the database file
    // only at checkpoints; the directory tells when the -wal file appears.
    m_watcher = new QFileSystemWatcher(this);
    const QString wal = path + QStringLiteral("-wal");
    m_watcher->addPath(path);
    m_watcher->addPath(QFileInfo(path).absolutePath());
    if (QFileInfo::exists(wal))
        m_watcher->addPath(wal);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &RunFollower::fileChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this, wal] {
        if (QFileInfo::exists(wal) && !m_watcher->files().contains(wal))
            m_watcher->addPath(wal);
        fileChanged();
    });
}

void RunFollower::fileChanged()
{
    m_readTimer->start();
    m_lateReadTimer->start();
}

Expected<void, Error> RunFollower::load()
{
    auto events = m_journal->readAll();
    if (!events)
        return unexpected(events.error());
    QString runId = m_options.runId;
    if (runId.isEmpty())
        runId = RunCommands::unfinishedRun(*events, QString());
    if (runId.isEmpty())
        runId = RunCommands::latestRun(*events);
    if (runId.isEmpty())
        return unexpected(
            Error::plain(QStringLiteral("the journal %1 holds no run").arg(m_journal->location())));
    auto runbook = RunCommands::runbookFromJournal(*events, runId);
    if (!runbook)
        return unexpected(Error::plain(runbook.error()));
    m_runId = runId;
    m_state = RunState::replay(*runbook, *events, runId);
    m_builder.clearObserved();
    // The run's history goes out with the first snapshot: a view (journal, charts) starts complete.
    m_unpublished.clear();
    for (const JournalEvent &e : std::as_const(*events)) {
        m_builder.observe(e);
        if (e.runId() == runId)
            m_unpublished.append(e);
    }
    m_lastSeq = events->isEmpty() ? 0 : events->last().seq();
    m_lastUpdateWallAt = wallNow();
    return {};
}

void RunFollower::refresh()
{
    if (!m_journal)
        return;
    auto events = m_journal->readFrom(m_lastSeq + 1);
    if (!events) {
        if (m_problem.isEmpty())
            m_problemSince = wallNow();
        m_problem
            = QStringLiteral("journal unreachable since %1: %2")
                  .arg(QDateTime::fromMSecsSinceEpoch(m_problemSince).toString(QStringLiteral("HH:mm:ss")),
                       events.error().message);
        checkStale();
        return;
    }
    const bool recovered = !m_problem.isEmpty();
    m_problem.clear();
    if (events->isEmpty()) {
        if (recovered)
            markDirty();
        checkStale();
        return;
    }
    for (const JournalEvent &e : std::as_const(*events)) {
        // A newer run of the journal: follow it, unless the viewer asked for one run.
        if (e.type() == JournalEventType::RunStarted && m_options.runId.isEmpty() && e.runId() != m_runId) {
            if (load()) {
                markDirty();
                return;
            }
        }
        m_lastSeq = std::max(m_lastSeq, e.seq());
        m_builder.observe(e);
        if (e.runId() == m_runId) {
            m_state.apply(e);
            m_unpublished.append(e);
        }
    }
    m_lastUpdateWallAt = wallNow();
    checkStale();
    markDirty();
}

void RunFollower::checkStale()
{
    const bool finished = m_state.phase() == RunState::Phase::Finished;
    const bool stale = !m_problem.isEmpty()
        || (!finished && wallNow() - m_lastUpdateWallAt > m_options.staleAfter.count());
    if (stale != m_stale) {
        m_stale = stale;
        markDirty();
    } else if (!m_problem.isEmpty()) {
        markDirty();
    }
}

void RunFollower::markDirty()
{
    if (!m_journal || m_publishTimer->isActive())
        return;
    const qint64 since = m_sincePublish.isValid() ? m_sincePublish.elapsed() : m_options.minInterval.count();
    m_publishTimer->start(int(std::max<qint64>(0, m_options.minInterval.count() - since)));
}

void RunFollower::publish()
{
    m_publishTimer->stop();
    m_sincePublish.restart();
    // Time of the run: never before its last event (an accelerated rehearsal runs ahead of the wall clock).
    const qint64 now = std::max(wallNow(), m_state.lastEventAt());
    RunStatus status = RunPlanner::status(m_state, now);
    status.pending += RunCommands::startedWithoutResult(m_state);
    SnapshotBuilder::Context ctx;
    ctx.readOnly = true;
    ctx.journalProblem = m_problem;
    ctx.lastUpdateWallAt = m_lastUpdateWallAt;
    ctx.stale = m_stale;
    const RunSnapshotPtr s = m_builder.build(m_state, status, now, ctx);
    m_slot->set(s);
    const QList<JournalEvent> events = std::exchange(m_unpublished, {});
    if (!events.isEmpty())
        Q_EMIT eventsAppended(events);
    Q_EMIT snapshotChanged(s);
}

} // namespace cockpit
