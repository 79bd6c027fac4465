#pragma once

#include "core/base/Clock.h"
#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "engine/EngineCommand.h"
#include "engine/PrerequisiteChecks.h"
#include "engine/RunDriver.h"
#include "engine/RunSnapshot.h"
#include "engine/SnapshotBuilder.h"
#include "store/Journal.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <chrono>
#include <functional>
#include <memory>

class QTimer;

namespace cockpit {

// Everything a controller needs to drive a run. The journal is opened by `openJournal` on the engine's
// thread (a Journal belongs to the thread that opened it); the clock is borrowed and only ever called on
// the engine's thread (advance a FakeClock there, through ThreadedRunController::onEngine).
struct RunControllerSetup
{
    std::shared_ptr<const Runbook> runbook;
    std::function<Expected<std::unique_ptr<Journal>, Error>()> openJournal;
    Clock *clock = nullptr;
    RunDriverOptions options;
    QHash<QString, QByteArray> secrets; // supplied in-process; win over the keychain
    QString runbookPath;
    LeaseInfo lease; // as taken by the launcher (the controller only reports it)
    std::chrono::milliseconds minInterval {100}; // snapshots at most this often (real time)
    std::chrono::milliseconds refresh {1000}; // and at least this often while running: time moves
};

// The newest snapshot, shared between the engine thread (writer) and any reader.
class SnapshotSlot
{
public:
    RunSnapshotPtr get() const
    {
        QMutexLocker lock(&m_mutex);
        return m_latest;
    }
    void set(RunSnapshotPtr s)
    {
        QMutexLocker lock(&m_mutex);
        m_latest = std::move(s);
    }

private:
    mutable QMutex m_mutex;
    RunSnapshotPtr m_latest = std::make_shared<const RunSnapshot>();
};

// The engine side of ThreadedRunController: lives on the engine thread, owns the journal and the driver,
// turns person commands into driver calls and coalesces snapshots. Every method runs on that thread.
class RunEngine : public QObject
{
    Q_OBJECT

public:
    RunEngine(RunControllerSetup setup, std::shared_ptr<SnapshotSlot> slot, QObject *parent = nullptr);
    ~RunEngine() override;

    // Opens the journal and the run (resumed = true) and starts stepping.
    Expected<bool, Error> start();
    CommandResult apply(const EngineCommand &command);
    void shutdown(); // stops the driver, closes the journal; snapshots stop
    RunDriver *driver() const { return m_driver.get(); }

Q_SIGNALS:
    void published(const cockpit::RunSnapshotPtr &snapshot, const QList<cockpit::JournalEvent> &events);
    void finished(const QString &outcome);
    void failed(const cockpit::Error &error);

private:
    RunCommand plannerCommand(const EngineCommand &command, qint64 now) const;
    CommandResult confirmWrite(const EngineCommand &command);
    CommandResult note(const EngineCommand &command, const QString &text);
    CommandResult prerequisites(const EngineCommand &command);
    void markDirty();
    void takeHistory();
    void publish();

    RunControllerSetup m_setup;
    std::shared_ptr<SnapshotSlot> m_slot;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<RunDriver> m_driver;
    SnapshotBuilder m_builder;
    std::unique_ptr<PrerequisiteChecks> m_prerequisites; // checks a person asked for from a front end
    QList<JournalEvent> m_unpublished;
    QString m_journalProblem;
    QTimer *m_publishTimer = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QElapsedTimer m_sincePublish;
    bool m_stopped = false;
};

} // namespace cockpit
