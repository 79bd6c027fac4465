#pragma once

#include "charts/Histogram.h"
#include "charts/ValidationData.h"
#include "core/journal/JournalEvent.h"
#include "core/journal/JournalHead.h"
#include "core/journal/RunEvents.h"
#include "core/run/RunComparison.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace cockpit::report {

struct PrerequisiteRow
{
    QString id;
    QString category;
    QString title;
    QString verdict; // pass | fail | no_data | inconclusive | not checked
    QString explanation;
    QString observed; // what the probe saw, in a line (status, rows, value, error)
    qint64 at = 0;
    bool manual = false;
    QString confirmedBy;
    QString comment;
};

struct CheckpointRow
{
    QString stage;
    int index = 0;
    qint64 offsetMs = 0;
    qint64 dueAt = 0;
    qint64 at = 0;
    QList<std::pair<QString, QString>> metrics; // name -> "97.2" or "no data (why)"
};

struct GateRow
{
    QString stage;
    QString gate;
    QString kind; // condition | manual | no_degradation | no_new_values | check
    QString rule; // the condition as written, or the manual statement
    qint64 requiredHoldMs = 0;
    QString verdict; // RunComparison's last journaled verdict
    QString phase;
    QString sustained; // "held 24h from 10:05 to 10:05 (next day)" or why not
    int resets = 0;
    QStringList decidedBy;
};

struct TriggerRow
{
    qint64 at = 0;
    QString stage;
    QString trigger;
    QString severity;
    QString effect;
    QString explanation;
    QString raisedBy; // empty when fired by a sample
};

struct RollbackRow
{
    RunComparison::RollbackSummary summary;
    QList<std::pair<QString, QString>> steps; // step id -> status (with who and when)
};

// A go/no-go, a gate decision, an approval or a confirmation: who decided what, when.
struct DecisionRow
{
    qint64 at = 0;
    QString who;
    QString kind; // go/no-go | decision | approval | confirmation | rollback | abort
    QString stage;
    QString target;
    QString decision; // accept | reject | GO | NO-GO | approved
    QString reason;
};

struct SignOffRow
{
    qint64 at = 0;
    QString who;
    QString result; // SUCCESS | ROLLBACK
    QString issues;
    QString notes;
    QList<std::pair<QString, QString>> fields; // the runbook's sign-off form, label -> value
};

struct HistogramChart
{
    QString stage;
    QString gate;
    charts::HistogramComparison comparison;
};

// This run beside the earlier rehearsals of the same runbook, and the live rollback forecast from them.
struct RehearsalComparison
{
    QList<RunComparison::Summary> earlier; // oldest first
    QList<std::optional<Milliseconds>> rollbackTimes; // per earlier rehearsal: its last finished rollback
    std::optional<Milliseconds> forecastMedian;
    std::optional<Milliseconds> forecastWorst;
    Milliseconds target {0};
    bool isEmpty() const { return earlier.isEmpty(); }
};

struct Integrity
{
    JournalHead head; // of the whole journal when the report was made
    qint64 journalEvents = 0;
    bool verified = false;
    QString verifyResult; // "verified: 1234 events" or the first fault
    qint64 firstBadSeq = 0; // 0: none
    QString firstBadEvent; // "event 57 (sample_taken, 2027-01-15 10:05:00Z): hash mismatch: …"
    QString bundleSha256; // of the JSON bundle; set when the bundle is written
};

// Everything the evidence report shows about one run, derived from its journal by the engine's and the
// charts' own derivations (EvidenceModelBuilder). An immutable value once built.
struct EvidenceModel
{
    QString runId;
    QString runbook;
    QString runbookFile;
    QString runbookSha256;
    RunMode mode = RunMode::Rehearsal;
    QString lead;
    qint64 startedAt = 0;
    std::optional<qint64> finishedAt;
    QString outcome; // as journaled: completed | completed_with_failures | rolled_back | aborted | ""
    QString outcomeLabel; // SUCCESS | ROLLED BACK | ABORTED | COMPLETED WITH FAILURES | UNFINISHED
    QString journalLocation;
    qint64 generatedAt = 0;

    RunComparison::Summary summary; // stages planned vs actual, actions, schedule, rollbacks
    QList<DecisionRow> decisions;
    QStringList deviations;
    QList<PrerequisiteRow> prerequisites;
    QList<CheckpointRow> checkpoints;
    QList<GateRow> gates;
    charts::ValidationData validation;
    QList<HistogramChart> histograms;
    QList<TriggerRow> triggers;
    QList<RollbackRow> rollbacks;
    QList<QJsonObject> reconciliations; // check_observed of reconciliation checks, as journaled
    QList<SignOffRow> signOffs;
    RehearsalComparison rehearsals;
    QList<JournalEvent> journal; // the run's events, in order
    Integrity integrity;

    bool rehearsalMark() const { return mode != RunMode::Live; }
    // REHEARSAL | DRY RUN | LIVE
    QString modeLabel() const;
};

} // namespace cockpit::report
