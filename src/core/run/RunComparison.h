#pragma once

#include "core/base/Duration.h"
#include "core/journal/JournalEvent.h"
#include "core/journal/RunEvents.h"
#include "core/runbook/Runbook.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace cockpit {

// Two runs of a runbook side by side (typically a rehearsal and the live run it prepares): per stage,
// action, schedule item and rollback, what happened in each and how far apart they are. Pure: journal
// events in, a typed comparison out; no clock (an unfinished run is measured to its last event) and no I/O.
// Every difference is B - A, so a positive delta means run B took longer or was later.
class RunComparison
{
public:
    struct GateOutcome
    {
        QString gate;
        QString verdict; // last journaled verdict (pass | fail | no_data | inconclusive | pending), or
                         // "confirmed" for a confirmed manual gate; empty when never reported
        QString phase; // last journaled GateStatus phase
        bool neededDecision = false; // stopped for a person (awaiting_decision, a decision or a manual gate)
        QStringList decidedBy; // "Lena Hoffmann (accept)", "Ravi Patel (confirmed)", in order
    };
    // The stage's last attempt (the one that counted), plus how many attempts there were.
    struct StageSummary
    {
        QString stage;
        int attempts = 0;
        qint64 enteredAt = 0;
        std::optional<qint64> rolloutStartedAt; // first rollout action started (entry when none)
        std::optional<qint64> soakStartedAt;
        std::optional<qint64> endedAt; // promoted, rolled back, aborted; empty while still running
        QString end; // promoted | rolled_back | aborted | running
        std::optional<Milliseconds> soak; // soak start to end (to the last event while running)
        std::optional<Milliseconds> plannedSoak; // the runbook's soak plus extensions by triggers
        std::optional<Milliseconds> rolloutToPromotion;
        QList<GateOutcome> gates;
    };
    struct ActionSummary
    {
        QString phase; // rollout | schedule | rollback
        QString stage; // rollout: the stage; rollback: the stage rolled back; schedule: ""
        QString action;
        QString status; // of the last execution: started | ok | failed | accepted
        int executions = 0;
        std::optional<qint64> startedAt; // of the last execution
        std::optional<Milliseconds> duration; // of the last execution; empty while it runs
    };
    struct ScheduleSummary
    {
        QString id;
        QString label; // T-7d, +5m
        QString kind; // milestone | window_step
        qint64 plannedStart = 0;
        std::optional<qint64> actualStart;
        std::optional<Milliseconds> lateness; // of the start; negative = early
        std::optional<Milliseconds> plannedDuration;
        std::optional<Milliseconds> duration;
        QString status; // ScheduleItem::statusName at the run's last event
    };
    struct RollbackSummary
    {
        QString stage;
        QString trigger; // "" when started by a person
        QString reason;
        QString startedBy;
        qint64 startedAt = 0;
        std::optional<qint64> finishedAt;
        std::optional<Milliseconds> duration;
        Milliseconds target {0};
        bool ok = false;
    };
    // One run, from its events.
    struct Summary
    {
        QString runId;
        RunMode mode = RunMode::Rehearsal;
        QString lead;
        QString runbook;
        QString runbookSha256;
        qint64 startedAt = 0;
        qint64 endedAt = 0; // run_finished, else the last event
        bool finished = false;
        QString outcome; // completed | aborted | "" while running
        qint64 events = 0;
        int decisions = 0; // decision_made events
        int approvals = 0; // promotion approvals and manual-gate confirmations
        QList<StageSummary> stages; // in order of first entry
        QList<ActionSummary> actions; // in order of first execution
        QList<ScheduleSummary> schedule; // in plan order
        QList<RollbackSummary> rollbacks;

        Milliseconds wallTime() const { return Milliseconds(endedAt - startedAt); }
        const StageSummary *stage(const QString &id) const;
        const ActionSummary *action(const QString &phase, const QString &stage, const QString &id) const;
    };

    struct StageRow
    {
        QString stage;
        std::optional<StageSummary> a, b;
        std::optional<Milliseconds> soakDelta; // only when both attempts ended the same way
        std::optional<Milliseconds> rolloutToPromotionDelta;
        std::optional<Milliseconds> enteredOffsetDelta; // entry measured from each run's start
    };
    struct GateRow
    {
        QString stage;
        QString gate;
        std::optional<GateOutcome> a, b;
    };
    struct ActionRow
    {
        QString phase;
        QString stage;
        QString action;
        std::optional<ActionSummary> a, b;
        std::optional<Milliseconds> durationDelta;
    };
    struct ScheduleRow
    {
        QString id;
        QString label;
        std::optional<ScheduleSummary> a, b;
        std::optional<Milliseconds> latenessDelta;
    };

    // The summary of `runId` (empty: the first run in `events`); `events` may hold other runs too.
    // `runbook` is the one the run loaded (RunCommands::runbookFromJournal); soak starts and schedule plans
    // come from it.
    static Summary summarize(const std::shared_ptr<const Runbook> &runbook, const QList<JournalEvent> &events,
                             const QString &runId = {});
    static RunComparison compare(const Summary &a, const Summary &b);

    const Summary &a() const { return m_a; }
    const Summary &b() const { return m_b; }
    // Why the comparison may mislead: different runbooks or runbook texts, unfinished runs.
    const QStringList &warnings() const { return m_warnings; }
    bool sameRunbook() const { return m_sameRunbook; }
    const QList<StageRow> &stages() const { return m_stages; }
    const QList<GateRow> &gates() const { return m_gates; }
    const QList<ActionRow> &actions() const { return m_actions; }
    const QList<ScheduleRow> &schedule() const { return m_schedule; }
    Milliseconds wallTimeDelta() const { return m_b.wallTime() - m_a.wallTime(); }

    // For `compare --json`: {a, b (run headers and totals), warnings, stages, gates, actions, schedule,
    // rollbacks, totals}; times in ms since the epoch, durations and deltas in ms.
    QJsonObject toJson() const;

private:
    Summary m_a;
    Summary m_b;
    QStringList m_warnings;
    bool m_sameRunbook = true;
    QList<StageRow> m_stages;
    QList<GateRow> m_gates;
    QList<ActionRow> m_actions;
    QList<ScheduleRow> m_schedule;
};

} // namespace cockpit
