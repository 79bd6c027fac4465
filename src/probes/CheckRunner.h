#pragma once

#include "core/conditions/CheckResult.h"
#include "core/runbook/Runbook.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <chrono>
#include <optional>

class QTimer;

namespace cockpit {

// Who confirmed a manual check, and what they noted.
struct ManualConfirmation
{
    QString name;
    QString comment;
};

// Runs a list of checks of a runbook concurrently and evaluates each observation.
//
// Threading: lives on a thread with a running event loop (the GUI/main thread) and never blocks it; SQL
// runs on the probes' worker threads, HTTP and commands are asynchronous. Concurrency is bounded per
// connection (Connection::maxConcurrent) with a FIFO per connection; checks without a connection (secrets,
// commands, absolute URLs, manual items) are not bounded. Secrets a check needs (a connection's password or
// token) are read from the keychain once per run, with the runbook's scope; a secret that cannot be read
// fails the checks that need it, never the others. Each running check has a watchdog at its own timeout
// plus a grace period, so a probe that never answers cannot hold the run.
class CheckRunner : public QObject
{
    Q_OBJECT

public:
    explicit CheckRunner(QObject *parent = nullptr);
    ~CheckRunner() override;

    // A secret supplied in-process (e.g. the demo's generated DB password when no keychain is available).
    // Takes precedence over the keychain for connection passwords/tokens; `secrets:` checks still ask the
    // keychain, since they assert that the secret is ready there. Registered with the Redactor.
    void provideSecret(const QString &name, const QByteArray &value);
    // How long a keychain read may take before the secret counts as unavailable (default 10 s).
    void setSecretTimeout(std::chrono::milliseconds timeout) { m_secretTimeout = timeout; }
    // Added to each check's own timeout before the runner gives up on a probe (default 1.5 s).
    void setWatchdogGrace(std::chrono::milliseconds grace) { m_grace = grace; }

    // Starts the checks (all of them in runbook order; `checks` is usually runbook.prerequisites or a
    // subset). Returns at once; checkFinished() follows for each check, then finished(). Restarting cancels a
    // run.
    void start(const Runbook &runbook, const QList<Check> &checks,
               const QMap<QString, ManualConfirmation> &confirmations = {});
    // Stops dispatching, abandons running probes and emits finished() with the results so far; checks that
    // did not finish are NoData "cancelled".
    void cancel();

    bool isRunning() const { return m_running; }
    // Highest number of checks that ran at once on a connection during the last run.
    int peakConcurrency(const QString &connection) const { return m_slots.value(connection).peak; }

Q_SIGNALS:
    void checkStarted(const QString &checkId);
    void checkFinished(const cockpit::CheckResult &result);
    void finished(const QList<cockpit::CheckResult> &results); // in the order of the checks given to start()

private:
    enum class State { WaitingForSecrets, Queued, Running, Done };
    struct Job
    {
        Check check;
        QStringList connections; // bounded slots this check occupies while it runs
        QStringList secrets; // secret names to resolve before it can start
        State state = State::WaitingForSecrets;
        QDateTime startedAt;
        QElapsedTimer elapsed;
        QObject *watcher = nullptr; // QFutureWatcher of the running probe; owned by this
        QTimer *watchdog = nullptr;
    };
    struct Slot
    {
        int max = 4;
        int running = 0;
        int peak = 0;
    };
    struct SecretState
    {
        bool resolved = false;
        std::optional<QByteArray> value;
        QString error;
        QObject *watcher = nullptr;
    };

    void prepare(int index);
    void requestSecret(const QString &name);
    void secretResolved(const QString &name, std::optional<QByteArray> value, const QString &error);
    void pump();
    void launch(int index);
    void probeFinished(int index, const Observation &observation);
    void failJob(int index, const QString &error, Verdict verdict = Verdict::Fail);
    void complete(int index, const CheckResult &result);
    void finishIfDone();
    void abandonAll();
    QByteArray secretValue(const QString &name) const;
    std::chrono::milliseconds timeoutOf(const Check &check) const;
    Observation emptyObservation(const Check &check) const;

    Runbook m_runbook;
    QString m_scope;
    QList<Job> m_jobs;
    QList<std::optional<CheckResult>> m_results;
    QMap<QString, ManualConfirmation> m_confirmations;
    QHash<QString, Slot> m_slots;
    QHash<QString, SecretState> m_secrets;
    QHash<QString, QByteArray> m_provided;
    std::chrono::milliseconds m_secretTimeout {10000};
    std::chrono::milliseconds m_grace {1500};
    int m_done = 0;
    bool m_running = false;
    bool m_pumpQueued = false;
    quint64 m_generation = 0; // guards queued callbacks of a previous run
};

} // namespace cockpit
