#pragma once

#include "core/base/Clock.h"
#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/journal/RunEvents.h"
#include "core/runbook/Runbook.h"
#include "engine/LeaseKeeper.h"
#include "engine/Preflight.h"
#include "engine/RunDriver.h"
#include "engine/RunEngine.h"
#include "store/Journal.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace cockpit {

// What a front end asks for: a runbook, its parameters, where the journal is, the mode and the lead.
struct LaunchRequest
{
    QString runbookPath; // the YAML file
    QByteArray runbookText; // instead of reading runbookPath (the demo's own text); the path still names it
    std::shared_ptr<const Runbook> runbook; // already loaded from runbookText (the demo's environment): as is
    QStringList paramFiles; // --params FILE, in order
    QStringList paramAssignments; // --param NAME=VALUE, on top
    QString journalSpec; // empty: RUNBOOK.journal next to the runbook
    RunMode mode = RunMode::Rehearsal;
    QString lead; // a named person
    double clockFactor = 1.0; // rehearsals: an accelerated clock that resumes from the run's last event
    std::unique_ptr<Clock> clock; // instead of the system or accelerated clock (the demo's)
    bool confirmAllWrites = false; // --yes (never overrides a NO-GO)
    bool newRun = false; // start a new run although the last run of this runbook finished
    bool takeOver = false; // replace an expired lease
    std::optional<PersonDecision> acceptChangedRunbook;
    std::optional<PersonDecision> overrideNoGo;
    QMap<QString, ManualConfirmation> confirmations; // manual prerequisites confirmed by a person
    QHash<QString, QByteArray> secrets; // provided in-process (the demo's); win over the keychain
    bool useKeychain = true;
    qint64 leaseTtlMs = 60000;
};

// Why a run could not be launched. exitCode() is what `run` exits with (documented in `run --help`).
struct LaunchError
{
    enum class Kind {
        Setup, // the runbook, the journal or a parameter: exit 2
        Finished, // the last run of this runbook finished: exit 0 (completed) or 1
        NoGo, // the prerequisites say NO-GO: exit 4
        LeaseHeld, // another process holds the run: exit 5
        RunbookChanged, // resumed with a different runbook file: exit 6
        MissingSecret, // a required secret is nowhere: exit 7
    };
    Kind kind = Kind::Setup;
    QString message; // one sentence
    QStringList details; // the runbook's errors, the blockers, the changes, the earlier runs …
    QString outcome; // Finished: the run's outcome
    std::optional<PreflightResult> preflight; // NoGo
    std::shared_ptr<const Runbook> runbook; // NoGo

    int exitCode() const;
};

// A run ready to be driven: the runbook, the journal, the clock, the lease, the resolved secrets and the
// driver, opened (the run started or resumed) but not started. Destroying it releases the lease (journaled).
struct LaunchedRun
{
    std::shared_ptr<const Runbook> runbook;
    QString journalSpec;
    QByteArray journalPassword;
    std::unique_ptr<Journal> journal;
    std::unique_ptr<Clock> clock;
    RunDriverOptions driverOptions;
    QHash<QString, QByteArray> secrets; // resolved; already provided to the driver
    QString runId;
    bool resumed = false;
    QStringList notes; // what the launcher decided, in words (a reclaimed lease, an accepted change …)
    std::optional<PreflightResult> preflight; // when the Go/No-Go was evaluated now
    std::unique_ptr<LeaseKeeper> lease;
    std::unique_ptr<RunDriver> driver; // last: destroyed first

    LaunchedRun() = default;
    LaunchedRun(LaunchedRun &&) = default;
    LaunchedRun &operator=(LaunchedRun &&) = default;
    ~LaunchedRun();
};

// The one place a run is set up, for `run`, `demo`, the window and the tests: loads the runbook with its
// parameters, opens the journal (JournalFactory; the PostgreSQL password through Credentials), takes the
// run's lease, finds the run to resume (refusing a finished run without newRun and a changed runbook
// without acceptChangedRunbook), resolves the secrets (keychain first, the environment as fallback; a
// required one missing refuses), opens the driver and holds the Go/No-Go before the first stage.
//
// Threading: lives on the thread that will own the journal and the driver; launch() returns at once and
// calls `done` there.
class RunLauncher : public QObject
{
    Q_OBJECT
public:
    using Result = Expected<LaunchedRun, LaunchError>;
    using Done = std::function<void(Result)>;

    using QObject::QObject;

    void launch(LaunchRequest request, Done done);
    // launch() waiting for its result in a local event loop: for a command line's top level only.
    static Result launchAndWait(LaunchRequest request);

    // --params files, then each --param on top; errors carry file positions.
    static Expected<QMap<QString, QString>, Errors> parameters(const QStringList &files,
                                                               const QStringList &assignments);
    static QString defaultJournalFor(const QString &runbookPath);
    // Where a shared journal's local outbox lives for one run key ($COCKPIT_OUTBOX_DIR, else the
    // application's data directory, "outbox/").
    static QString outboxFor(const QString &journalSpec, const QString &runKey);

    // Hands a launched run to a ThreadedRunController: the launcher's driver is closed (the controller opens
    // its own on the engine thread and resumes the same run); the lease, the journal and the clock stay with
    // `run`, which must outlive the controller.
    static RunControllerSetup controllerSetup(LaunchedRun &run);

Q_SIGNALS:
    void progress(const QString &what); // "checking the prerequisites" …

private:
    struct Job;
    void resolveSecrets(const std::shared_ptr<Job> &job);
    void openRun(const std::shared_ptr<Job> &job);
    void goNoGo(const std::shared_ptr<Job> &job);
};

} // namespace cockpit
