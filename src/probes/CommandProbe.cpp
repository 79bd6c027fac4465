#include "probes/CommandProbe.h"

#include "core/base/Duration.h"
#include "core/base/LogCategories.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QPromise>
#include <QStandardPaths>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif

namespace cockpit {

namespace {

// One process run; deletes itself after fulfilling the promise.
class CommandCall : public QObject
{
public:
    explicit CommandCall(const CommandSpec &spec)
        : m_spec(spec)
    {
        m_obs.kind = Observation::Kind::Command;
        m_obs.at = QDateTime::currentDateTimeUtc();
        m_obs.target = spec.argv.value(0);
        m_clock.start();
        m_promise.start();
    }

    QFuture<Observation> future() { return m_promise.future(); }

    void start()
    {
        if (m_spec.argv.isEmpty() || m_spec.argv.first().isEmpty())
            return fail(QStringLiteral("no program given (argv is empty)"));
        if (!m_spec.workingDirectory.isEmpty() && !QFileInfo(m_spec.workingDirectory).isDir())
            return fail(QStringLiteral("working directory %1 does not exist").arg(m_spec.workingDirectory));

        m_process = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (auto it = m_spec.env.cbegin(); it != m_spec.env.cend(); ++it)
            env.insert(it.key(), it.value());
        m_process->setProcessEnvironment(env);
        if (!m_spec.workingDirectory.isEmpty())
            m_process->setWorkingDirectory(m_spec.workingDirectory);
        // stdin is closed so a command waiting for input ends instead of hanging until the timeout.
        m_process->setStandardInputFile(QProcess::nullDevice());
#ifdef Q_OS_UNIX
        // Own process group, so a timeout also kills what the command started (a script's children).
        m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
#endif

        connect(m_process, &QProcess::readyReadStandardOutput, this,
                [this] { drain(QProcess::StandardOutput, m_obs.stdOut); });
        connect(m_process, &QProcess::readyReadStandardError, this,
                [this] { drain(QProcess::StandardError, m_obs.stdErr); });
        connect(m_process, &QProcess::finished, this, &CommandCall::onFinished);
        connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                fail(startError());
        });
        m_deadline.setSingleShot(true);
        m_deadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5% early
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            m_timedOut = true;
#ifdef Q_OS_UNIX
            if (const qint64 pid = m_process->processId(); pid > 0)
                ::kill(-pid_t(pid), SIGKILL); // the whole group
#endif
            m_process->kill(); // SIGKILL: a probe must not outlive its timeout
        });

        QStringList args = m_spec.argv;
        const QString program = args.takeFirst();
        m_deadline.start(m_spec.timeout.count() > 0 ? m_spec.timeout : std::chrono::milliseconds(60000));
        m_process->start(program, args, QIODevice::ReadOnly); // argv as is: no shell, no expansion
    }

private:
    QString startError() const
    {
        const QString program = m_spec.argv.first();
        const bool found = program.contains(QLatin1Char('/'))
            ? QFileInfo(QDir(m_spec.workingDirectory).absoluteFilePath(program)).exists()
            : !QStandardPaths::findExecutable(program).isEmpty();
        if (!found)
            return QStringLiteral("program not found: %1").arg(program);
        return QStringLiteral("could not start %1: %2").arg(program, m_process->errorString());
    }

    void drain(QProcess::ProcessChannel channel, QByteArray &into)
    {
        m_process->setReadChannel(channel);
        const QByteArray data = m_process->readAll(); // always read, so the pipe never blocks the child
        const qsizetype room = CommandProbe::MaxOutputBytes - into.size();
        into.append(data.left(qMax<qsizetype>(room, 0)));
    }

    void onFinished(int exitCode, QProcess::ExitStatus status)
    {
        drain(QProcess::StandardOutput, m_obs.stdOut);
        drain(QProcess::StandardError, m_obs.stdErr);
        m_obs.connected = true; // the program ran
        if (m_timedOut) {
            m_obs.error = QStringLiteral("timed out after %1 (killed)").arg(formatDuration(m_spec.timeout));
        } else if (status == QProcess::CrashExit) {
            m_obs.error = QStringLiteral("%1 crashed").arg(m_spec.argv.first());
        } else {
            m_obs.exitCode = exitCode;
        }
        deliver();
    }

    void fail(const QString &error)
    {
        m_obs.connected = false;
        m_obs.error = error;
        deliver();
    }

    void deliver()
    {
        if (m_delivered)
            return;
        m_delivered = true;
        m_deadline.stop();
        m_obs.durationMs = m_clock.elapsed();
        qCDebug(lcCommand).noquote() << m_obs.target << "exit" << m_obs.exitCode << m_obs.durationMs << "ms"
                                     << m_obs.error;
        m_promise.addResult(m_obs);
        m_promise.finish();
        deleteLater(); // also ends the QProcess (a started one has finished by now)
    }

    CommandSpec m_spec;
    Observation m_obs;
    QElapsedTimer m_clock;
    QPromise<Observation> m_promise;
    QProcess *m_process = nullptr;
    QTimer m_deadline;
    bool m_timedOut = false;
    bool m_delivered = false;
};

} // namespace

QFuture<Observation> CommandProbe::run(const CommandSpec &spec)
{
    auto *call = new CommandCall(spec);
    QFuture<Observation> future = call->future();
    call->start();
    return future;
}

} // namespace cockpit
