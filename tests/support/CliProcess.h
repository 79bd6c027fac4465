#pragma once

// Runs the real cutover-cockpit binary ($COCKPIT_BIN, set by CTest) for the CLI end-to-end tests.
// Header-only (COCKPIT_BINARY_DIR is defined per test). Blocks the calling thread: servers the binary
// talks to must run on their own thread (LoopbackHttpServer::startInThread).

#include <QByteArray>
#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace cockpit::test {

struct CliRun
{
    bool started = false;
    int exitCode = -1; // -1 when it did not start, crashed or was killed after the timeout
    bool crashed = false;
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }

    QString describe() const
    {
        return QStringLiteral("exit %1%2\n--- stdout\n%3\n--- stderr\n%4")
            .arg(exitCode)
            .arg(crashed        ? QStringLiteral(" (crashed)")
                     : timedOut ? QStringLiteral(" (timed out)")
                                : QString())
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

inline QString cockpitBinary()
{
    const QString fromEnv = qEnvironmentVariable("COCKPIT_BIN");
    return fromEnv.isEmpty() ? QStringLiteral(COCKPIT_BINARY_DIR "/src/app/cutover-cockpit") : fromEnv;
}

// Starts the binary in `p` with this process's environment, `env` added and `unset` removed.
inline void startCockpit(QProcess &p, const QStringList &args, const QMap<QString, QString> &env = {},
                         const QStringList &unset = {})
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &k : unset)
        e.remove(k);
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(cockpitBinary(), args);
}

// How the finished process `p` ended and what it printed.
inline CliRun finishedRun(QProcess &p)
{
    CliRun r;
    r.started = true;
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Runs the binary to its end: `input` on stdin (then closed), killed after `timeoutMs`.
inline CliRun runCockpit(const QStringList &args, const QMap<QString, QString> &env = {},
                         int timeoutMs = 60000, const QStringList &unset = {}, const QByteArray &input = {})
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    startCockpit(p, args, env, unset);
    if (!p.waitForStarted(10000)) {
        CliRun r;
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.write(input); // stdin is a pipe, never a terminal
    p.closeWriteChannel();
    bool timedOut = false;
    if (!p.waitForFinished(timeoutMs)) {
        timedOut = true;
        p.kill();
        p.waitForFinished(5000);
    }
    CliRun r = finishedRun(p);
    r.timedOut = timedOut;
    r.elapsedMs = t.elapsed();
    return r;
}

} // namespace cockpit::test
