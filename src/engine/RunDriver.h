#pragma once

#include "core/base/Clock.h"
#include "core/base/Expected.h"
#include "core/conditions/CheckResult.h"
#include "core/run/RunPlanner.h"
#include "core/run/RunState.h"
#include "store/Journal.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace cockpit {

struct RunDriverOptions
{
    RunMode mode = RunMode::Rehearsal;
    QString lead; // the person running it (actor of the engine's actions)
    QString runbookSha256; // evidence of what ran (run_started)
    bool confirmAllWrites = false; // --yes: every writing action is confirmed by the lead
    bool useKeychain = true; // read connection passwords/tokens from the keychain
    std::chrono::milliseconds pollInterval {1000}; // real time: pick up decisions appended by other processes
};

// Runs a run: the loop of RunPlanner::step over a journal, performing the planner's effects with the
// probes (metric samples and gate values via SqlProbe, actions via HttpProbe / SqlProbe::execute /
// CommandProbe / a person / wait_until polling, checks via CheckRunner) and appending their results.
//
// Threading: lives on the thread that owns the journal and the clock (GUI or CLI main thread) and never
// blocks it: probes are asynchronous, waits are clock wake-ups. Effects in flight are tracked so none
// runs twice; a writing action is journaled as started before it runs and is never re-run by the driver
// (after a restart it shows as a pending decision). Writing actions run only once confirmed (option
// confirmAllWrites or confirmWrite()). Everything journaled passes the journal's redaction.
class RunDriver : public QObject
{
    Q_OBJECT

public:
    RunDriver(std::shared_ptr<const Runbook> runbook, Journal *journal, Clock *clock,
              RunDriverOptions options, QObject *parent = nullptr);
    ~RunDriver() override;

    // Continues the newest unfinished run of this runbook and mode in the journal, or starts a new one
    // (run_started + the runbook note). Returns true when it resumed.
    Expected<bool, QString> open();
    // Starts stepping (returns at once); stop() cancels wake-ups and abandons probes in flight.
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    const RunState &state() const { return m_state; }
    const QString &runId() const { return m_state.runId(); }
    RunStatus status() const;
    // The same, computed now (no cache): snapshots must not lag behind the events they follow.
    RunStatus freshStatus() const;
    // The planner's pending decisions plus the driver's: started-without-result items and writing actions
    // waiting for confirmation (kind confirm_write).
    QList<PendingDecision> pending() const { return status().pending; }
    int effectsInFlight() const { return int(m_inFlight.size()); }
    // Probes or a step are under way right now (waits for the clock do not count): tests settle on this.
    bool isBusy() const { return m_busy > 0 || m_pumpQueued; }
    qint64 now() const { return m_clock->now(); }

    // A secret supplied in-process (wins over the keychain); registered with the Redactor.
    void provideSecret(const QString &name, const QByteArray &value);
    // Confirms one writing action for this session (target of a confirm_write pending decision).
    void confirmWrite(const QString &actionId);
    // Appends the drafts of a person's command (RunPlanner / RunCommands) and steps again.
    Expected<void, QString> apply(const RunCommand &command);
    // Reads events other processes appended (decide/approve from a second terminal) and steps again.
    void poll();
    // Hold: no new effect starts (probes, actions, rollback steps) until resumed; what runs finishes and
    // the planner's own events (gates, triggers) are still journaled.
    void setHeld(bool held);
    bool isHeld() const { return m_held; }
    qint64 lastSeq() const { return m_lastSeq; } // the journal head as this driver has seen it
    // Since when (real time, ms since the epoch) the shared journal is unreachable; nullopt while it is
    // reachable. Meanwhile no effect that writes starts (its `started` event must reach the shared journal
    // first), sampling goes on into the journal's local outbox, and the journal is retried with backoff.
    std::optional<qint64> journalUnreachableSince() const { return m_journalDownSince; }

Q_SIGNALS:
    void eventApplied(const cockpit::JournalEvent &event);
    void stageChanged(const QString &stage, int attempt);
    void gateChanged(const QString &stage, const QString &gate, const QString &to);
    void decisionNeeded(const QList<cockpit::PendingDecision> &pending); // whenever the pending set changes
    void rollbackFinished(const cockpit::RollbackClock &clock);
    void finished(const QString &outcome); // run_finished: completed | aborted
    void failed(const QString &error); // the journal refused an append; the driver stopped
    void journalUnreachable(qint64 since, const QString &error); // an outage began: writes are held
    void journalReachable(qint64 downForMs); // the outbox is flushed in order; the run goes on

private:
    struct ActionResult
    {
        bool ok = false;
        QJsonObject detail;
    };
    using ActionDone = std::function<void(const ActionResult &)>;

    void queuePump();
    void pump();
    bool appendAll(const QList<JournalEventDraft> &drafts);
    bool append(const JournalEventDraft &draft);
    void journalFailed(const Error &error);
    // An effect's `started` event, only into the journal everybody reads (never the local outbox): false
    // while that journal is unreachable, and the effect does not start.
    bool appendBeforeEffect(const JournalEventDraft &draft);
    void journalOutage(const Error &error);
    void retryJournal(); // backoff 1 s .. 30 s, real time
    bool applyAppended(const QList<JournalEvent> &stored); // in seq order, with what others appended between
    void applyEvent(const JournalEvent &event);
    void startEffect(const RunEffect &effect);
    void sampleMetric(const RunEffect &effect, const QString &key);
    void collectGateValues(const RunEffect &effect, const QString &key);
    void runTriggerCheck(const RunEffect &e, const QString &key);
    void runCheck(const RunEffect &effect, const QString &key);
    void runAction(const RunEffect &effect, const QString &key);
    // The confirm_write pending decision of a writing action, journaled once per session with what it
    // would send (masked), so a person can confirm it from another terminal (`confirm`).
    void askConfirmation(const Action &action, const QString &phase, const QString &stage, bool ofMilestone);
    // A confirmation appended by `confirm` (an approval of kind confirm_write naming a write_pending note).
    void takeConfirmation(const JournalEvent &event);
    void runMilestone(const RunEffect &effect, const QString &key);
    void runMilestoneChecks(const RunEffect &effect, const QString &key);
    // Runs checks on this thread's terms: `reconcile: ID` ones through the reconcile layer on the SQL
    // threads (RunDriverReconcile.cpp), the others through a CheckRunner; `done` gets them in order.
    // Not called back after stop().
    void runChecks(const QList<Check> &checks, const QJsonObject &context,
                   const std::function<void(const QList<CheckResult> &)> &done);
    void runReconciliation(const Check &check, QJsonObject context,
                           const std::function<void(const CheckResult &)> &done);
    void execute(const Action &action, const ActionDone &done);
    void waitUntil(const Action &action, qint64 deadline, const ActionDone &done);
    void effectDone(const QString &key);
    void updatePending(const QList<PendingDecision> &planned);
    void scheduleWake(std::optional<qint64> at);
    // Resolves secret names (provided, else keychain) and then calls `then` on this thread.
    void withSecrets(const QStringList &names, const std::function<void()> &then);
    QByteArray secret(const QString &name) const { return m_secrets.value(name); }
    QStringList secretsOf(const QString &connection) const;
    RunDriverOptions m_options;
    std::shared_ptr<const Runbook> m_runbook;
    Journal *m_journal;
    Clock *m_clock;
    RunState m_state;
    qint64 m_lastSeq = 0;
    bool m_running = false;
    bool m_held = false;
    bool m_pumpQueued = false;
    int m_busy = 0;
    quint64 m_generation = 0; // callbacks of probes started before stop() are ignored
    // Read by reconciliations on the SQL threads; stop() sets it and starts a fresh one.
    std::shared_ptr<std::atomic<bool>> m_reconcileCancel = std::make_shared<std::atomic<bool>>(false);
    QSet<QString> m_inFlight;
    QSet<QString> m_confirmed; // writing actions the lead confirmed in this session
    // Writing actions whose confirmation was asked for in the journal (a write_pending note: what exactly
    // would be sent) in this session -> that note's seq; a `confirm` from another terminal names it.
    QHash<QString, qint64> m_writeRequests;
    QHash<QString, QByteArray> m_secrets; // resolved (empty value: not available)
    QSet<QString> m_secretsAsked;
    QList<std::function<void()>> m_secretWaiters;
    QList<PendingDecision> m_pending;
    QList<PendingDecision> m_confirmations; // confirm_write items
    Clock::WakeId m_wake = 0;
    std::optional<qint64> m_wakeAt;
    QSet<Clock::WakeId> m_pollWakes; // wait_until polls
    QTimer *m_pollTimer = nullptr;
    QTimer *m_journalRetry = nullptr;
    std::optional<qint64> m_journalDownSince;
    QSet<QString> m_heldReported; // effects said to be held in this outage
    int m_retryDelayMs = 1000;
    mutable std::optional<RunStatus> m_statusCache;
    mutable bool m_statusValid = false;
    mutable QElapsedTimer m_statusAge;
};

} // namespace cockpit
