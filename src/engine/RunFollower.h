#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/run/RunState.h"
#include "engine/RunEngine.h"
#include "engine/SnapshotBuilder.h"
#include "store/Journal.h"

#include <QElapsedTimer>
#include <QObject>
#include <chrono>
#include <functional>
#include <memory>

class QFileSystemWatcher;
class QTimer;

namespace cockpit {

// The same snapshots as the lead's controller, for a read-only viewer (stakeholder window, `status
// --watch`): built from the journal alone (the runbook comes from the run's runbook note) and kept current
// through LISTEN/NOTIFY on PostgreSQL and file watching on SQLite, with a slow poll under both in case a
// notification is lost. Every snapshot is readOnly; lastUpdateWallAt and stale let a view say STALE.
//
// Threading: lives on the thread that calls start(); the journal is opened and read there (give it a
// worker thread in a window: moveToThread before start). snapshot() may be called from any thread.
class RunFollower : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        std::function<Expected<std::unique_ptr<Journal>, Error>()> openJournal;
        QString runId; // empty: the unfinished run, else the newest; follows a newer run when it starts
        std::chrono::milliseconds minInterval {100}; // snapshots at most this often
        std::chrono::milliseconds poll {2000}; // read anyway this often (a lost notification)
        // No new event for this long (wall clock) while the run is not finished: STALE. The engine writes
        // at least every metric interval, so a quiet journal means a lead that stopped.
        std::chrono::milliseconds staleAfter {std::chrono::minutes(10)};
    };

    explicit RunFollower(Options options, QObject *parent = nullptr);
    ~RunFollower() override;

    // Opens the journal, loads the run and publishes the first snapshot.
    Expected<void, Error> start();
    RunSnapshotPtr snapshot() const { return m_slot->get(); }
    // Reads what was appended since the last read (also called by notifications and the poll).
    void refresh();

Q_SIGNALS:
    void snapshotChanged(const cockpit::RunSnapshotPtr &snapshot);
    void eventsAppended(const QList<cockpit::JournalEvent> &events);

private:
    Expected<void, Error> load();
    void watchFile(const QString &path);
    void fileChanged();
    void markDirty();
    void publish();
    void checkStale();

    Options m_options;
    std::unique_ptr<Journal> m_journal;
    std::shared_ptr<SnapshotSlot> m_slot = std::make_shared<SnapshotSlot>();
    SnapshotBuilder m_builder;
    QString m_runId;
    RunState m_state;
    qint64 m_lastSeq = 0;
    qint64 m_lastUpdateWallAt = 0;
    QString m_problem;
    qint64 m_problemSince = 0;
    bool m_stale = false;
    QList<JournalEvent> m_unpublished;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_publishTimer = nullptr;
    QTimer *m_readTimer = nullptr;
    QTimer *m_lateReadTimer = nullptr;
    QTimer *m_staleTimer = nullptr;
    QElapsedTimer m_sincePublish;
};

} // namespace cockpit
