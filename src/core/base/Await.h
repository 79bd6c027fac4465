#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <type_traits>

namespace cockpit {

// Waits for a future while the event loop runs (HTTP replies and keychain answers are delivered through
// it). Only for the CLI's top level, never from inside a slot: that would be a nested event loop.
template<class T> T await(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if constexpr (std::is_copy_constructible_v<T>)
        return future.result();
    else
        return future.takeResult();
}

} // namespace cockpit
