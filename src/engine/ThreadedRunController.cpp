#include "engine/ThreadedRunController.h"

#include <QPromise>

namespace cockpit {

ThreadedRunController::ThreadedRunController(RunControllerSetup setup, QObject *parent)
    : RunController(parent)
{
    m_thread.setObjectName(QStringLiteral("cockpit-engine"));
    m_engine = new RunEngine(std::move(setup), m_slot);
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    // Queued: the engine emits on its thread, receivers here get them on ours.
    connect(m_engine, &RunEngine::published, this,
            [this](const RunSnapshotPtr &s, const QList<JournalEvent> &events) {
                if (!events.isEmpty())
                    Q_EMIT eventsAppended(events);
                Q_EMIT snapshotChanged(s);
            });
    connect(m_engine, &RunEngine::finished, this, &RunController::finished);
    connect(m_engine, &RunEngine::failed, this, &RunController::failed);
    m_thread.start();
}

ThreadedRunController::~ThreadedRunController()
{
    stop();
}

template<class T> QFuture<T> ThreadedRunController::post(std::function<T()> fn, T whenStopped)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    if (m_stopped) {
        promise->addResult(std::move(whenStopped));
        promise->finish();
        return future;
    }
    QMetaObject::invokeMethod(
        m_engine,
        [promise, fn = std::move(fn)]() {
            promise->addResult(fn());
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<Expected<bool, Error>> ThreadedRunController::start()
{
    RunEngine *engine = m_engine;
    return post<Expected<bool, Error>>([engine]() { return engine->start(); },
                                       unexpected(Error::plain(QStringLiteral("the controller is stopped"))));
}

QFuture<CommandResult> ThreadedRunController::send(const EngineCommand &command)
{
    RunEngine *engine = m_engine;
    return post<CommandResult>([engine, command]() { return engine->apply(command); },
                               unexpected(Error::plain(QStringLiteral("the controller is stopped"))));
}

QFuture<void> ThreadedRunController::onEngine(std::function<void(RunDriver *)> fn)
{
    auto promise = std::make_shared<QPromise<void>>();
    QFuture<void> future = promise->future();
    promise->start();
    if (m_stopped) {
        promise->finish();
        return future;
    }
    RunEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine,
        [promise, engine, fn = std::move(fn)]() {
            fn(engine->driver());
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

void ThreadedRunController::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    RunEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [engine]() { engine->shutdown(); }, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace cockpit
