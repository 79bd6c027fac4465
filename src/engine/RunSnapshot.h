#pragma once

#include "core/journal/JournalEvent.h"
#include "core/journal/RunEvents.h"
#include "core/run/RunPlanner.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace cockpit {

// The one word a person reads first. Derived by the engine, never by a view.
enum class Headline {
    NotStarted, // no run yet (prerequisites may have been checked)
    NoGo, // prerequisites failed, or a gate failed: a blocker must be closed or overridden
    Hold, // waiting: for a soak, a person, T-0, a checkpoint
    Go, // the next step may be taken now (promote, enter the next stage)
    RollingBack,
    RolledBack,
    Finished, // completed (see outcome for "with failures" / aborted)
};
QString headlineName(Headline h); // GO | HOLD | NO-GO | ROLLING BACK | ROLLED BACK | FINISHED | NOT STARTED

// Who drives the run: the process holding its lease.
struct LeaseInfo
{
    QString holder; // person
    QString host;
    qint64 pid = 0;
    qint64 since = 0; // ms since epoch (wall clock)
    qint64 heartbeat = 0; // ms since epoch (wall clock)
    bool mine = false; // held by this process
};

struct ConnectionHealth
{
    QString name;
    QString kind; // postgres | mysql | sqlite | http | command
    bool ok = true;
    QString lastError; // in words
    qint64 lastAt = 0; // engine clock
};

struct StageSnapshot
{
    QString id;
    QString title;
    std::optional<int> trafficPercent; // the rollout's percent when the runbook states one
    enum class State { Future, Current, Done, RolledBack } state = State::Future;
    int attempts = 0;
    std::optional<qint64> enteredAt;
    Milliseconds plannedSoak {0};
};

// A condition gate's history in the current stage attempt (the tracker keeps only its current window).
struct GateHistory
{
    int resets = 0; // failing samples that broke a window already under way
    std::optional<qint64> lastBreachAt; // engine clock
};

// One step of the rollback procedure, as the latest rollback left it.
struct RollbackStepSnapshot
{
    QString id;
    QString title;
    QString status; // pending | started | ok | failed | accepted (a failure a person accepted as done)
    qint64 at = 0; // engine clock of its latest event
    QString actor;
};

struct TriggerSnapshot
{
    QString id;
    QString when; // the condition as written
    QString severity;
    QString action; // rollback | extend | incident | rollback_within | notify
    bool firing = false; // its condition holds right now
    std::optional<qint64> firedAt; // last time it fired in this run
    QString explanation; // with the values seen
};

struct ScheduleSnapshot
{
    QString id;
    QString title;
    QString kind; // milestone | window_step
    std::optional<qint64> plannedAt;
    std::optional<qint64> startedAt;
    std::optional<qint64> endedAt;
    QString status; // planned | running | ok | failed | waived | skipped
    qint64 lateMs = 0;
    QString held; // a window step not started because of `after:`: "waiting for X", "held: X failed"
};

struct PrerequisiteSnapshot
{
    QString id;
    QString category;
    QString title;
    std::optional<Verdict> verdict; // empty: not checked yet
    QString explanation; // "[STATUS] (503) == 200"
    qint64 at = 0;
    QString confirmedBy; // manual items
    QString comment; // a sign-off's comment
    bool manual = false;
    bool running = false; // being checked right now
    qint64 durationMs = 0;
    QJsonObject result; // CheckResult::toJson of the last observation: everything that was seen
};

// Progress of the prerequisites a person asked to check (one, a category or all).
struct PrerequisiteProgress
{
    bool running = false;
    int total = 0;
    int done = 0;
};

// One line of the missing-credentials map: a secret the runbook uses, where, and whether the run has it.
// Never the value.
struct SecretReadiness
{
    QString name;
    QString description;
    QStringList usedBy;
    bool required = true;
    std::optional<bool> ready; // empty: this process cannot tell (a viewer)
};

// An immutable value of everything a view shows about one run. Cheap to copy (implicitly shared Qt
// containers) and safe to read from any thread: it owns no pointer into the engine. `version` strictly
// increases for one controller or follower.
struct RunSnapshot
{
    quint64 version = 0;
    qint64 now = 0; // engine clock when taken (ms since epoch)
    qint64 wallTakenAt = 0; // wall clock when taken (a viewer shows its age from this)

    QString runId;
    QString runbookName;
    QString runbookPath;
    QString runbookSha256;
    RunMode mode = RunMode::Rehearsal;
    bool dryRun = false;
    QString lead;
    std::optional<qint64> startedAt;
    QString outcome; // empty while running; completed | completed_with_failures | aborted | rolled_back

    Headline headline = Headline::NotStarted;
    QString topBlocker; // the one sentence under the headline ("success rate 93.1 % < 95 %")

    RunStatus status; // phase, stage, soak, gates, checkpoints, blockers, pending, rollback clock
    QList<StageSnapshot> stages;
    QList<TriggerSnapshot> triggers;
    QList<ScheduleSnapshot> schedule;
    QList<PrerequisiteSnapshot> prerequisites;
    PrerequisiteProgress prerequisiteProgress;
    QList<SecretReadiness> secrets;
    // The runbook as loaded (immutable, shared): sign-off fields, communications, connections for views.
    std::shared_ptr<const Runbook> runbook;
    QList<ConnectionHealth> connections;
    QHash<QString, GateHistory> gateHistory; // gate id -> resets and last breach (current stage)
    QList<RollbackStepSnapshot> rollbackSteps; // the runbook's procedure, in order
    QString rollbackStartedBy; // the latest rollback: who started it, and the trigger that asked for it
    QString rollbackTrigger;

    LeaseInfo lease;
    qint64 headSeq = 0; // journal head
    QString headHash;
    qint64 lastEventAt = 0; // engine clock of the last event (data age)
    QString journalProblem; // "journal unreachable since 10:42:07, retrying" (empty when fine)
    bool readOnly = false; // a follower's snapshot: commands are refused
    bool held = false; // the lead put the run on hold: no new effect starts until resumed
    // Follower: wall clock when the journal last showed something new (or was first read); stale when
    // nothing new came for too long while the run is not finished, or the journal cannot be read.
    qint64 lastUpdateWallAt = 0;
    bool stale = false;
    qint64 journalWritesPending = 0; // events handed to the journal writer, not yet durable
};
using RunSnapshotPtr = std::shared_ptr<const RunSnapshot>;

} // namespace cockpit

Q_DECLARE_METATYPE(cockpit::RunSnapshotPtr)
