#pragma once

// Runs the real cutover-cockpit binary ($COCKPIT_BIN, set by CTest) for the CLI end-to-end tests.
// Header-only, shared by the tests in tests/cli. Blocks the calling thread: servers the binary talks to
// must run on their own thread (LoopbackHttpServer::startInThread).

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
    int exitCode = -1;
    bool crashed = false;
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

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

inline CliRun runCockpit(const QStringList &args, const QMap<QString, QString> &env = {},
                         int timeoutMs = 60000, const QStringList &unset = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &k : unset)
        e.remove(k);
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    QElapsedTimer t;
    t.start();
    p.start(cockpitBinary(), args);
    CliRun r;
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished(5000);
    }
    r.elapsedMs = t.elapsed();
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace cockpit::test
