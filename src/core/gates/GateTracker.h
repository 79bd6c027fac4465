#pragma once

#include "core/base/Duration.h"
#include "core/conditions/Condition.h"
#include "core/conditions/Verdict.h"

#include <QString>
#include <optional>

namespace cockpit {

// Where a gate stands at a moment. `verdict` is empty while the outcome is still open (Holding, Recovering):
// neither a pass nor a fail yet.
struct GateStatus
{
    enum class Phase {
        Waiting, // no sample since the soak started (no data, within the grace)
        Holding, // the condition holds; the sustained window is not complete yet
        Passed,
        Recovering, // the condition fails, still within recover_within
        Failed,
        NoData, // the latest sample had no data, within no_data_grace
        AwaitingDecision, // no data beyond the grace, or inconclusive: stopped until a person decides
    };
    Phase phase = Phase::Waiting;
    std::optional<Verdict> verdict;
    Milliseconds held {0}; // length of the current window of good samples
    Milliseconds remaining {0}; // until the window is complete (hold - held), 0 when passed
    std::optional<qint64> windowStart; // first good sample of the current window
    std::optional<qint64> failingSince; // first failing sample of the current failure
    std::optional<qint64> noDataSince; // since when there is no data (sample, or stale since)
    QString explanation; // latest condition explanation, with observed values
    QString reason; // why it failed or waits for a decision

    bool passed() const { return phase == Phase::Passed; }
    // Stored names: waiting, holding, passed, recovering, failed, no_data, awaiting_decision.
    static QString phaseName(Phase p);
    static std::optional<Phase> phaseFromName(QStringView name);
    // pass | fail | no_data | inconclusive | pending (verdict still open)
    QString verdictKey() const;
};

// The sustained-window logic of one condition gate (`expect` + hold / no_data_grace / recover_within),
// fed with the condition's outcome on every sample of its metrics. Pure: time only enters as arguments.
//
// - Pass samples extend the window; the gate passes once the good samples span `hold` (first to latest
//   good sample), so a 24 h hold with 5-minute samples passes at the sample 24 h after the first good one.
// - A Fail sample resets the window (remaining back to `hold`). With recover_within the failure is
//   tolerated (Recovering) if a Pass sample follows within that time; otherwise the gate stays Failed for
//   the stage (also when it recovers too late) unless a person accepts it.
// - NoData samples (failed or empty sample) neither extend nor break the window. NoData lasting longer than
//   no_data_grace — also when samples stop arriving: `staleAfter` after the last sample, or after the
//   start when there was none — stops the gate for a decision (latched by stopForDecision()).
// - decide(accept): the gap is accepted and the window continues; decide(reject): the window restarts at
//   the first good sample after the stop.
class GateTracker
{
public:
    struct Config
    {
        Milliseconds hold {0};
        Milliseconds noDataGrace {0};
        Milliseconds recoverWithin {0};
        Milliseconds staleAfter {0}; // sampling interval of the gate's metrics; 0 = never stale
    };

    GateTracker() = default;
    GateTracker(Config config, qint64 startAt);

    void addSample(qint64 at, ConditionResult::Outcome outcome, const QString &explanation);
    void stopForDecision(qint64 at, const QString &reason);
    void decide(qint64 at, bool accept);
    // The engine samples again after a restart at `at`. A decision taken since the last sample covered the
    // gap as it stood; the engine's own downtime after it is the same gap, so the grace counts from here
    // (without such a decision the downtime counts like any gap: a restart grants no fresh grace).
    void resumed(qint64 at);

    GateStatus status(qint64 now) const;
    bool stopped() const { return m_stopped; }
    const Config &config() const { return m_config; }

private:
    std::optional<qint64> gapStart(qint64 t) const; // start of the current lack of data, if any
    void checkGap(qint64 at);

    Config m_config;
    qint64 m_start = 0;
    qint64 m_lastSampleAt = 0;
    qint64 m_graceFrom = 0; // grace restarts after a decision
    std::optional<qint64> m_decidedAt;
    std::optional<ConditionResult::Outcome> m_lastOutcome;
    std::optional<qint64> m_windowStart;
    std::optional<qint64> m_lastGoodAt;
    std::optional<qint64> m_failingSince;
    std::optional<qint64> m_noDataSince;
    std::optional<qint64> m_goodSinceStop;
    bool m_failedLatched = false;
    bool m_stopped = false;
    QString m_latchReason;
    QString m_explanation;
};

} // namespace cockpit
