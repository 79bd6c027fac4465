#pragma once

#include "engine/RunController.h"

#include <QThread>

namespace cockpit {
class RunFollower;
}

namespace cockpit::gui {

// The stakeholder's handle on a run: a RunFollower on a worker thread of its own (it opens and reads the
// journal there, never on the GUI thread), seen through the RunController interface so the same view
// renders it. Every command is refused: "read-only viewer" (the database role refuses writes anyway).
class ViewerController final : public RunController
{
    Q_OBJECT

public:
    // runId empty: the unfinished run, else the newest (and a newer one when it starts).
    explicit ViewerController(const QString &journalSpec, QObject *parent = nullptr,
                              const QString &runId = {});
    ~ViewerController() override;

    // Opens the journal on the worker thread; failed() when it cannot, snapshots when it can.
    void start();

    RunSnapshotPtr snapshot() const override;
    QFuture<CommandResult> send(const EngineCommand &command) override;
    void stop() override;

private:
    QThread m_thread;
    RunFollower *m_follower = nullptr; // lives on m_thread; deleted there when it finishes
};

} // namespace cockpit::gui
