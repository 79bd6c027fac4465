#include "core/gates/GateTracker.h"

#include <algorithm>
#include <array>
#include <utility>

namespace cockpit {

namespace {
constexpr std::array<std::pair<GateStatus::Phase, const char *>, 7> kPhases {{
    {GateStatus::Phase::Waiting, "waiting"},
    {GateStatus::Phase::Holding, "holding"},
    {GateStatus::Phase::Passed, "passed"},
    {GateStatus::Phase::Recovering, "recovering"},
    {GateStatus::Phase::Failed, "failed"},
    {GateStatus::Phase::NoData, "no_data"},
    {GateStatus::Phase::AwaitingDecision, "awaiting_decision"},
}};
} // namespace

QString GateStatus::phaseName(Phase p)
{
    for (const auto &[phase, name] : kPhases) {
        if (phase == p)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<GateStatus::Phase> GateStatus::phaseFromName(QStringView name)
{
    for (const auto &[phase, n] : kPhases) {
        if (name == QLatin1StringView(n))
            return phase;
    }
    return std::nullopt;
}

QString GateStatus::verdictKey() const
{
    if (!verdict)
        return QStringLiteral("pending");
    switch (*verdict) {
    case Verdict::Pass: return QStringLiteral("pass");
    case Verdict::Fail: return QStringLiteral("fail");
    case Verdict::NoData: return QStringLiteral("no_data");
    case Verdict::Inconclusive: return QStringLiteral("inconclusive");
    }
    return {};
}

GateTracker::GateTracker(Config config, qint64 startAt)
    : m_config(config)
    , m_start(startAt)
    , m_lastSampleAt(startAt)
    , m_graceFrom(startAt)
{
}

std::optional<qint64> GateTracker::gapStart(qint64 t) const
{
    std::optional<qint64> since;
    if (m_lastOutcome == ConditionResult::Outcome::NoData && m_noDataSince)
        since = m_noDataSince;
    const qint64 stale = m_config.staleAfter.count();
    if (stale > 0 && t - m_lastSampleAt > stale)
        since = since ? std::min(*since, m_lastSampleAt + stale) : m_lastSampleAt + stale;
    if (since)
        since = std::max(*since, m_graceFrom);
    return since;
}

void GateTracker::checkGap(qint64 at)
{
    // A gap longer than the grace is a stop even when data came back before anyone looked.
    const auto since = gapStart(at);
    if (since && at - *since > m_config.noDataGrace.count() && !m_stopped)
        stopForDecision(
            at,
            QStringLiteral("no data for %1 (grace %2)")
                .arg(humanDuration(Milliseconds(at - *since)), formatDuration(m_config.noDataGrace)));
}

void GateTracker::addSample(qint64 at, ConditionResult::Outcome outcome, const QString &explanation)
{
    m_explanation = explanation;
    if (outcome == ConditionResult::Outcome::NoData) {
        checkGap(at);
        if (m_lastOutcome != ConditionResult::Outcome::NoData || !m_noDataSince)
            m_noDataSince = gapStart(at).value_or(at);
        m_lastSampleAt = at;
        m_lastOutcome = outcome;
        return;
    }
    checkGap(at);
    m_noDataSince.reset();
    m_lastSampleAt = at;
    m_lastOutcome = outcome;

    const qint64 recover = m_config.recoverWithin.count();
    if (outcome == ConditionResult::Outcome::Pass) {
        if (m_failingSince && recover > 0 && at - *m_failingSince > recover && !m_failedLatched) {
            m_failedLatched = true;
            m_latchReason = QStringLiteral("failing since %1 ago, not recovered within %2")
                                .arg(humanDuration(Milliseconds(at - *m_failingSince)),
                                     formatDuration(m_config.recoverWithin));
        }
        m_failingSince.reset();
        if (!m_windowStart)
            m_windowStart = at;
        m_lastGoodAt = at;
        if (m_stopped && !m_goodSinceStop)
            m_goodSinceStop = at;
        return;
    }
    // Fail: the window breaks.
    m_windowStart.reset();
    m_lastGoodAt.reset();
    m_goodSinceStop.reset();
    if (!m_failingSince)
        m_failingSince = at;
    if (recover > 0 && at - *m_failingSince > recover && !m_failedLatched) {
        m_failedLatched = true;
        m_latchReason = QStringLiteral("failing for %1, not recovered within %2")
                            .arg(humanDuration(Milliseconds(at - *m_failingSince)),
                                 formatDuration(m_config.recoverWithin));
    }
}

void GateTracker::stopForDecision(qint64 at, const QString &reason)
{
    Q_UNUSED(at);
    if (m_stopped)
        return;
    m_stopped = true;
    m_latchReason = reason;
    m_goodSinceStop.reset();
    if (m_lastOutcome == ConditionResult::Outcome::Pass)
        m_goodSinceStop = m_lastGoodAt; // good data already back when the stop was recorded
}

void GateTracker::decide(qint64 at, bool accept)
{
    if (!accept && m_stopped) {
        m_windowStart = m_goodSinceStop;
        if (!m_windowStart)
            m_lastGoodAt.reset();
    }
    if (accept)
        m_failedLatched = false;
    m_stopped = false;
    m_goodSinceStop.reset();
    m_graceFrom = at;
    m_decidedAt = at;
    m_latchReason.clear();
}

void GateTracker::resumed(qint64 at)
{
    if (m_decidedAt && *m_decidedAt >= m_lastSampleAt && !m_stopped)
        m_graceFrom = std::max(m_graceFrom, at);
}

GateStatus GateTracker::status(qint64 now) const
{
    GateStatus s;
    s.explanation = m_explanation;
    s.windowStart = m_windowStart;
    s.failingSince = m_failingSince;
    const qint64 hold = m_config.hold.count();
    const qint64 held = (m_windowStart && m_lastGoodAt) ? *m_lastGoodAt - *m_windowStart : 0;
    s.held = Milliseconds(held);
    s.remaining = Milliseconds(std::max<qint64>(0, hold - held));

    const auto gap = gapStart(now);
    s.noDataSince = gap;
    if (m_stopped) {
        s.phase = GateStatus::Phase::AwaitingDecision;
        s.verdict = Verdict::Inconclusive;
        s.reason = m_latchReason;
        return s;
    }
    if (m_failedLatched) {
        s.phase = GateStatus::Phase::Failed;
        s.verdict = Verdict::Fail;
        s.reason = m_latchReason;
        return s;
    }
    if (gap && now - *gap > m_config.noDataGrace.count()) {
        s.phase = GateStatus::Phase::AwaitingDecision;
        s.verdict = Verdict::Inconclusive;
        s.reason = QStringLiteral("no data for %1 (grace %2)")
                       .arg(humanDuration(Milliseconds(now - *gap)), formatDuration(m_config.noDataGrace));
        return s;
    }
    if (!m_lastOutcome) {
        s.phase = GateStatus::Phase::Waiting;
        s.verdict = Verdict::NoData;
        s.reason = QStringLiteral("no sample yet");
        return s;
    }
    if (m_lastOutcome == ConditionResult::Outcome::NoData) {
        s.phase = GateStatus::Phase::NoData;
        s.verdict = Verdict::NoData;
        s.reason = QStringLiteral("no data since %1 ago (grace %2)")
                       .arg(humanDuration(Milliseconds(now - gap.value_or(now))),
                            formatDuration(m_config.noDataGrace));
        return s;
    }
    if (m_lastOutcome == ConditionResult::Outcome::Fail) {
        const qint64 recover = m_config.recoverWithin.count();
        if (recover > 0 && m_failingSince && now - *m_failingSince <= recover) {
            s.phase = GateStatus::Phase::Recovering;
            s.reason = QStringLiteral("failing for %1, may recover within %2")
                           .arg(humanDuration(Milliseconds(now - *m_failingSince)),
                                formatDuration(m_config.recoverWithin));
            return s;
        }
        s.phase = GateStatus::Phase::Failed;
        s.verdict = Verdict::Fail;
        s.reason = recover > 0
            ? QStringLiteral("not recovered within %1").arg(formatDuration(m_config.recoverWithin))
            : m_explanation;
        return s;
    }
    if (m_lastOutcome == ConditionResult::Outcome::Pass && held >= hold) {
        s.phase = GateStatus::Phase::Passed;
        s.verdict = Verdict::Pass;
        return s;
    }
    if (m_lastOutcome == ConditionResult::Outcome::Pass) {
        s.phase = GateStatus::Phase::Holding;
        s.reason = QStringLiteral("held %1 of %2")
                       .arg(humanDuration(Milliseconds(held)), formatDuration(m_config.hold));
        return s;
    }
    s.phase = GateStatus::Phase::Waiting;
    s.verdict = Verdict::NoData;
    s.reason = QStringLiteral("no sample yet");
    return s;
}

} // namespace cockpit
