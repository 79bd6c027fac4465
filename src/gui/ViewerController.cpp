#include "gui/ViewerController.h"

#include "engine/RunFollower.h"
#include "store/JournalFactory.h"

#include <QCoreApplication>
#include <QPromise>

namespace cockpit::gui {

ViewerController::ViewerController(const QString &journalSpec, QObject *parent, const QString &runId)
    : RunController(parent)
{
    RunFollower::Options o;
    o.runId = runId;
    o.openJournal = [journalSpec]() {
        JournalOpenOptions jo;
        jo.password = qgetenv("PGPASSWORD");
        jo.readOnly = !JournalFactory::isPostgres(journalSpec);
        return JournalFactory::open(journalSpec, jo);
    };
    m_follower = new RunFollower(o);
    m_follower->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_follower, &QObject::deleteLater);
    // Queued: the follower emits on its thread, the view renders on this one.
    connect(m_follower, &RunFollower::snapshotChanged, this, &RunController::snapshotChanged,
            Qt::QueuedConnection);
    connect(m_follower, &RunFollower::eventsAppended, this, &RunController::eventsAppended,
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("viewer"));
    m_thread.start();
}

ViewerController::~ViewerController()
{
    stop();
}

void ViewerController::start()
{
    RunFollower *follower = m_follower;
    QMetaObject::invokeMethod(follower, [this, follower] {
        auto started = follower->start();
        if (!started) {
            const Error error = started.error();
            QMetaObject::invokeMethod(
                this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        }
    });
}

RunSnapshotPtr ViewerController::snapshot() const
{
    // RunFollower::snapshot() is safe from any thread (a mutex-guarded slot).
    return m_follower && m_thread.isRunning() ? m_follower->snapshot()
                                              : std::make_shared<const RunSnapshot>();
}

QFuture<CommandResult> ViewerController::send(const EngineCommand &)
{
    QPromise<CommandResult> promise;
    promise.start();
    promise.addResult(CommandResult(unexpected(Error::plain(tr("read-only viewer: commands are refused")))));
    promise.finish();
    return promise.future();
}

void ViewerController::stop()
{
    if (!m_thread.isRunning())
        return;
    m_thread.quit();
    m_thread.wait(); // the follower's reads are short and bounded; it is deleted as the thread ends
    m_follower = nullptr;
}

} // namespace cockpit::gui
