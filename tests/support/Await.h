#pragma once

// Waiting for a QFuture in a test while the calling thread's event loop keeps running: probe results,
// keychain jobs and servers on this thread are delivered through it.

#include "core/conditions/Observation.h"

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

namespace cockpit::test {

// Runs a real event loop until `f` finishes or `timeoutMs` pass; true when it finished. Not
// QTest::qWaitFor: it sleeps 10 ms between rounds, which would show up in durations measured while a
// server runs on this thread.
template<class T> bool waitInEventLoop(const QFuture<T> &f, int timeoutMs = 15000)
{
    if (!f.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        watcher.setFuture(f);
        loop.exec();
    }
    return f.isFinished();
}

// The result of `f` after waitInEventLoop; one still running then is waited for without the loop.
template<class T> T await(QFuture<T> f, int timeoutMs = 15000)
{
    waitInEventLoop(f, timeoutMs);
    return f.result();
}

// The result of `f`, or `fallback` when it did not finish within `timeoutMs`.
template<class T> T awaitOr(const QFuture<T> &f, T fallback, int timeoutMs = 15000)
{
    return waitInEventLoop(f, timeoutMs) ? f.result() : std::move(fallback);
}

// The result of `f`; the test binary aborts (a hung future must not hang the suite) when it did not
// finish within `timeoutMs`.
template<class T> T awaitOrAbort(const QFuture<T> &f, int timeoutMs, const char *what)
{
    if (!waitInEventLoop(f, timeoutMs))
        qFatal("%s did not finish within %d ms", what, timeoutMs);
    return f.result();
}

// A probe's observation, or one whose error says it did not finish within `timeoutMs`.
inline Observation waitFor(const QFuture<Observation> &f, int timeoutMs = 60000)
{
    Observation timedOut;
    timedOut.error = QStringLiteral("test: probe did not finish in time");
    return awaitOr(f, timedOut, timeoutMs);
}

} // namespace cockpit::test
