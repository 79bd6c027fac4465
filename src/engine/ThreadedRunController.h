#pragma once

#include "engine/RunController.h"
#include "engine/RunEngine.h"

#include <QFuture>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace cockpit {

// The RunController of a run driven in this process: the driver, its journal and its clock's wake-ups
// live on one engine thread of their own. Commands are queued to it from any thread and answered through
// a QFuture; snapshots are built there and published here (signals arrive on this object's thread).
// Nothing here waits for the engine except the destructor, which joins its thread.
class ThreadedRunController final : public RunController
{
    Q_OBJECT

public:
    explicit ThreadedRunController(RunControllerSetup setup, QObject *parent = nullptr);
    ~ThreadedRunController() override;

    // Opens the journal and the run on the engine thread and starts stepping: true when it resumed an
    // unfinished run of this runbook and mode.
    QFuture<Expected<bool, Error>> start();

    RunSnapshotPtr snapshot() const override { return m_slot->get(); }
    QFuture<CommandResult> send(const EngineCommand &command) override;
    void stop() override;

    // Runs fn on the engine thread, for what must happen there: advancing a FakeClock in tests, reading
    // the driver (fn gets it; null before start() and after stop()).
    QFuture<void> onEngine(std::function<void(RunDriver *driver)> fn);

private:
    template<class T> QFuture<T> post(std::function<T()> fn, T whenStopped);

    std::shared_ptr<SnapshotSlot> m_slot = std::make_shared<SnapshotSlot>();
    QThread m_thread;
    RunEngine *m_engine = nullptr; // lives on m_thread; deleted there when it finishes
    std::atomic<bool> m_stopped = false; // send() may come from any thread; stop() from the owner's
};

} // namespace cockpit
