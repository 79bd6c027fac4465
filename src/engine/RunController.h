#pragma once

#include "engine/EngineCommand.h"
#include "engine/RunSnapshot.h"

#include <QFuture>
#include <QList>
#include <QObject>

namespace cockpit {

// The lead's handle on a run (window, `run`, `demo`, tests). Owns the driver on its own thread: commands
// go in from any thread, each answered with accepted or a reason; immutable snapshots come out, emitted
// when something changed and at most every 100 ms. Nothing here blocks the caller: a journal reconnect or
// a slow probe happens on the engine's threads.
//
// Interface only; the implementation is created by RunLauncher (the one place a run is set up).
class RunController : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~RunController() override = default;

    virtual RunSnapshotPtr snapshot() const = 0; // the latest, never null
    virtual QFuture<CommandResult> send(const EngineCommand &command) = 0;
    virtual void stop() = 0; // stops stepping, releases the lease; snapshots stop

Q_SIGNALS:
    void snapshotChanged(const cockpit::RunSnapshotPtr &snapshot);
    void eventsAppended(const QList<cockpit::JournalEvent> &events); // in journal order
    void finished(const QString &outcome);
    void failed(const cockpit::Error &error);
};

} // namespace cockpit
