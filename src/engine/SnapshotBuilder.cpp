#include "engine/SnapshotBuilder.h"

#include "core/base/Duration.h"
#include "core/journal/RunEvents.h"
#include "probes/SecretProbe.h"

#include <QDateTime>
#include <QJsonDocument>

namespace cockpit {

namespace {

QString severityName(Trigger::Severity s)
{
    switch (s) {
    case Trigger::Severity::Low: return QStringLiteral("low");
    case Trigger::Severity::Medium: return QStringLiteral("medium");
    case Trigger::Severity::High: return QStringLiteral("high");
    case Trigger::Severity::Critical: return QStringLiteral("critical");
    }
    return {};
}

QString responseName(Trigger::Response r)
{
    switch (r) {
    case Trigger::Response::Rollback: return QStringLiteral("rollback");
    case Trigger::Response::RollbackWithin: return QStringLiteral("rollback_within");
    case Trigger::Response::Extend: return QStringLiteral("extend");
    case Trigger::Response::RollbackIfPersists: return QStringLiteral("rollback_if_persists");
    case Trigger::Response::Incident: return QStringLiteral("incident");
    }
    return {};
}

QString scheduleStatus(const ScheduleItem &item, qint64 now)
{
    switch (item.status(now)) {
    case ScheduleItem::Status::Planned:
    case ScheduleItem::Status::Due: return QStringLiteral("planned");
    case ScheduleItem::Status::Running:
    case ScheduleItem::Status::Overrunning: return QStringLiteral("running");
    case ScheduleItem::Status::Done: return QStringLiteral("ok");
    case ScheduleItem::Status::Failed: return QStringLiteral("failed");
    }
    return {};
}

// The traffic share a stage's rollout states ({percent: 10} in its HTTP body), when it states one.
std::optional<int> trafficOf(const Stage &stage)
{
    for (const Action &a : stage.rollout) {
        const auto *http = std::get_if<HttpRequest>(&a.what);
        if (!http)
            continue;
        const QJsonObject body = QJsonDocument::fromJson(http->body).object();
        if (body.value(QLatin1String("percent")).isDouble())
            return body.value(QLatin1String("percent")).toInt();
    }
    return std::nullopt;
}

// The id: a condition gate's title defaults to its condition, which the sentence states anyway.
QString gateName(const GateView &g)
{
    return g.id;
}

const Gate *gateOf(const RunState &state, const QString &id)
{
    const Stage *stage = state.currentStage();
    if (!stage)
        return nullptr;
    for (const Gate &g : stage->gates)
        if (g.id == id)
            return &g;
    return nullptr;
}

bool gateFailed(const GateView &g)
{
    return g.status.phase == GateStatus::Phase::Failed
        || g.status.phase == GateStatus::Phase::AwaitingDecision
        || (g.status.verdict && *g.status.verdict == Verdict::Fail);
}

// "gate success failed: success_rate_pct (93.1) >= 95 does not hold": the value seen, the operator and
// the threshold, from the condition's own explanation.
QString failedGateSentence(const GateView &g)
{
    QString s = QStringLiteral("gate %1 ").arg(gateName(g));
    if (g.status.phase == GateStatus::Phase::AwaitingDecision)
        s += QStringLiteral("needs a decision");
    else
        s += QStringLiteral("failed");
    if (!g.status.explanation.isEmpty())
        s += QStringLiteral(": %1 does not hold").arg(g.status.explanation);
    if (!g.status.reason.isEmpty() && g.status.reason != g.status.explanation)
        s += QStringLiteral(" (%1)").arg(g.status.reason);
    return s;
}

bool isPersonWait(const PendingDecision &p)
{
    return p.kind != QLatin1String("promote") && p.kind != QLatin1String("enter_stage");
}

} // namespace

void SnapshotBuilder::observe(const JournalEvent &event)
{
    m_headSeq = std::max(m_headSeq, event.seq());
    if (event.seq() == m_headSeq)
        m_headHash = QString::fromLatin1(event.hash());
    if (event.type() == JournalEventType::RunStarted)
        m_runbookSha256.insert(event.runId(),
                               event.payload().value(QLatin1String("runbook_sha256")).toString());
    const QJsonObject &p = event.payload();
    const QString stageKey = event.runId() + QLatin1Char('/') + p.value(QLatin1String("stage")).toString();
    if (event.type() == JournalEventType::StageEntered)
        m_gateHistory.remove(stageKey); // a new attempt of the stage starts its gates afresh
    if (event.type() == JournalEventType::GateChanged) {
        // A reset: a failing sample ends a window that was holding (or had passed).
        const QString from = p.value(QLatin1String("from")).toString();
        const QString phase = p.value(QLatin1String("phase")).toString();
        const auto failing = [](const QString &ph) {
            return ph == QLatin1String("recovering") || ph == QLatin1String("failed");
        };
        if (failing(phase) && !failing(from)) {
            GateHistory &h = m_gateHistory[stageKey][p.value(QLatin1String("gate")).toString()];
            h.resets += from == QLatin1String("waiting") ? 0 : 1;
            h.lastBreachAt = event.at();
        }
    }
    if (event.type() != JournalEventType::CheckObserved)
        return;
    if (p.value(QLatin1String("purpose")).toString() != QLatin1String("prerequisite"))
        return;
    PrerequisiteSnapshot s;
    s.id = p.value(QLatin1String("check")).toString();
    s.verdict = RunEvents::verdictFromKey(p.value(QLatin1String("verdict")).toString());
    s.explanation = p.value(QLatin1String("explanation")).toString();
    s.at = event.at();
    s.durationMs = qint64(p.value(QLatin1String("duration_ms")).toDouble());
    s.result = p.value(QLatin1String("result")).toObject();
    if (event.actor() != QLatin1String(RunPlanner::kEngine)) {
        s.confirmedBy = event.actor();
        s.comment = s.result.value(QLatin1String("observation"))
                        .toObject()
                        .value(QLatin1String("comment"))
                        .toString();
    }
    m_prerequisites.insert(s.id, s);
}

void SnapshotBuilder::clearObserved()
{
    m_headSeq = 0;
    m_headHash.clear();
    m_prerequisites.clear();
    m_runbookSha256.clear();
    m_gateHistory.clear();
}

QStringList SnapshotBuilder::erroredMetrics(const RunState &state, const Gate &gate)
{
    QStringList out;
    if (!gate.expect)
        return out;
    for (const QString &m : gate.expect->metricNames()) {
        const auto it = state.latestSamples().constFind(m);
        if (it != state.latestSamples().constEnd() && !it->value)
            out << m;
    }
    return out;
}

HeadlineVerdict SnapshotBuilder::headline(const RunState &state, const RunStatus &status, qint64 now)
{
    switch (state.phase()) {
    case RunState::Phase::NotStarted: return {Headline::NotStarted, QStringLiteral("no run has started yet")};
    case RunState::Phase::Finished:
        return {Headline::Finished, QStringLiteral("the run finished: %1").arg(state.outcome())};
    case RunState::Phase::RollingBack: {
        QString s = QStringLiteral("rolling back");
        if (const auto &c = status.rollback) {
            if (!c->reason.isEmpty())
                s += QStringLiteral(" (%1)").arg(c->reason);
            s += QStringLiteral(": %1 of the %2 target")
                     .arg(formatDuration(c->elapsed), formatDuration(c->target));
            if (c->overdue)
                s += QStringLiteral(", overdue");
        }
        return {Headline::RollingBack, s};
    }
    case RunState::Phase::RolledBack: {
        QString s = QStringLiteral("rolled back");
        if (const auto &c = status.rollback) {
            if (!c->reason.isEmpty())
                s += QStringLiteral(": %1").arg(c->reason);
            s += QStringLiteral(" in %1 (target %2)")
                     .arg(formatDuration(c->elapsed), formatDuration(c->target));
        }
        return {Headline::RolledBack, s};
    }
    case RunState::Phase::Ready:
    case RunState::Phase::InStage:
    case RunState::Phase::FollowUp: break;
    }

    // NO-GO: something failed and a person must close or override it.
    for (const GateView &g : status.gates)
        if (gateFailed(g))
            return {Headline::NoGo, failedGateSentence(g)};
    for (auto it = state.triggers().cbegin(); it != state.triggers().cend(); ++it)
        if (it->active() && !it->explanation().isEmpty())
            for (const Trigger &t : state.runbook().rollback.triggers)
                if (t.id == it.key()
                    && (t.response == Trigger::Response::Rollback || t.response == Trigger::Response::Incident
                        || t.response == Trigger::Response::RollbackWithin))
                    return {Headline::NoGo,
                            QStringLiteral("trigger %1 fires: %2").arg(t.id, it->explanation())};
    for (auto it = state.stage().rollout.cbegin(); it != state.stage().rollout.cend(); ++it)
        if (it->status == QLatin1String("failed"))
            return {Headline::NoGo, QStringLiteral("rollout action %1 failed").arg(it.key())};
    for (auto it = state.stage().verify.cbegin(); it != state.stage().verify.cend(); ++it)
        if (it->verdict == Verdict::Fail && it->acceptedBy.isEmpty())
            return {Headline::NoGo,
                    QStringLiteral("verify check %1 failed: %2").arg(it.key(), it->explanation)};

    // HOLD: the data is missing, a person is needed, or the engine waits.
    // A gate reading a metric whose latest sample failed is never green, whatever its window says.
    for (const GateView &g : status.gates) {
        const Gate *gate = gateOf(state, g.id);
        if (!gate)
            continue;
        const QStringList errored = erroredMetrics(state, *gate);
        if (!errored.isEmpty()) {
            const QString &m = errored.first();
            const QString error = state.latestSamples().value(m).error;
            return {
                Headline::Hold,
                QStringLiteral("gate %1 has no data: the latest %2 sample failed%3")
                    .arg(gateName(g), m, error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(error))};
        }
    }
    for (const PendingDecision &p : status.pending)
        if (isPersonWait(p))
            return {Headline::Hold, QStringLiteral("waiting for a person: %1").arg(p.why)};
    for (const PendingDecision &p : status.pending) {
        if (p.kind == QLatin1String("promote") && status.blockers.isEmpty())
            return {Headline::Go, QStringLiteral("ready to promote: %1").arg(p.why)};
        if (p.kind == QLatin1String("enter_stage") && status.t0Blockers.isEmpty())
            return {Headline::Go, QStringLiteral("ready to enter stage %1").arg(p.target)};
    }
    if (!status.blockers.isEmpty())
        return {Headline::Hold, status.blockers.first()};
    if (!status.t0Blockers.isEmpty())
        return {Headline::Hold, status.t0Blockers.first()};
    if (!status.waitingFor.isEmpty())
        return {Headline::Hold, status.waitingFor};
    if (status.soakEnd && *status.soakEnd > now)
        return {Headline::Hold, QStringLiteral("soaking: %1 left").arg(formatDuration(status.soakRemaining))};
    return {Headline::Hold, QStringLiteral("the engine is working")};
}

RunSnapshotPtr SnapshotBuilder::build(const RunState &state, const RunStatus &status, qint64 now,
                                      const Context &context)
{
    auto s = std::make_shared<RunSnapshot>();
    s->version = ++m_version;
    s->now = now;
    s->wallTakenAt = QDateTime::currentMSecsSinceEpoch();
    s->runId = state.runId();
    const Runbook &rb = state.runbook();
    s->runbookName = rb.name;
    s->runbookPath = context.runbookPath.isEmpty() ? rb.file : context.runbookPath;
    s->runbookSha256
        = context.runbookSha256.isEmpty() ? m_runbookSha256.value(state.runId()) : context.runbookSha256;
    s->mode = state.mode();
    s->lead = state.lead();
    if (state.phase() != RunState::Phase::NotStarted)
        s->startedAt = state.startedAt();
    s->outcome = state.outcome();

    const HeadlineVerdict h = headline(state, status, now);
    s->headline = h.headline;
    s->topBlocker = h.topBlocker;
    s->status = status;

    const int current = state.stage().index;
    const bool inStage
        = state.phase() == RunState::Phase::InStage || state.phase() == RunState::Phase::RollingBack;
    const bool allDone
        = state.phase() == RunState::Phase::FollowUp || state.phase() == RunState::Phase::Finished;
    for (qsizetype i = 0; i < rb.stages.size(); ++i) {
        const Stage &st = rb.stages[i];
        StageSnapshot ss;
        ss.id = st.id;
        ss.title = st.title;
        ss.trafficPercent = trafficOf(st);
        ss.attempts = state.stageAttempts().value(st.id);
        ss.plannedSoak = st.soak;
        if (inStage && i == current) {
            ss.state = StageSnapshot::State::Current;
            ss.enteredAt = state.stage().enteredAt;
        } else if (state.phase() == RunState::Phase::RolledBack && i == current) {
            ss.state = StageSnapshot::State::RolledBack;
        } else if ((i < current && ss.attempts > 0) || (allDone && ss.attempts > 0)) {
            ss.state = StageSnapshot::State::Done;
        }
        s->stages.append(ss);
    }

    for (const Trigger &t : rb.rollback.triggers) {
        TriggerSnapshot ts;
        ts.id = t.id;
        ts.when = t.when ? t.when->text() : QString();
        ts.severity = severityName(t.severity);
        ts.action = responseName(t.response);
        const auto tracker = state.triggers().constFind(t.id);
        if (tracker != state.triggers().constEnd()) {
            ts.firing = tracker->active();
            ts.explanation = tracker->explanation();
        }
        for (const RunState::Fired &f : state.fired())
            if (f.trigger == t.id) {
                ts.firedAt = f.at;
                if (ts.explanation.isEmpty())
                    ts.explanation = f.explanation;
            }
        s->triggers.append(ts);
    }

    for (const ScheduleItem &item : state.schedule().items()) {
        ScheduleSnapshot ss;
        ss.id = item.id;
        ss.title = item.title;
        ss.kind = item.kind == ScheduleItem::Kind::Milestone ? QStringLiteral("milestone")
                                                             : QStringLiteral("window_step");
        ss.plannedAt = item.plannedStart;
        ss.startedAt = item.actualStart;
        ss.endedAt = item.actualEnd;
        ss.status = scheduleStatus(item, now);
        if (item.kind == ScheduleItem::Kind::Milestone && state.milestoneWaivers().contains(item.id))
            ss.status = QStringLiteral("waived");
        ss.lateMs = item.lateSoFar(now).count();
        ss.held = status.heldSteps.value(item.id);
        s->schedule.append(ss);
    }

    for (const Check &c : rb.prerequisites) {
        PrerequisiteSnapshot ps = m_prerequisites.value(c.id);
        ps.id = c.id;
        ps.category = c.category;
        ps.title = c.title;
        ps.manual = std::holds_alternative<ManualCheck>(c.probe);
        ps.running = context.prerequisitesRunning.contains(c.id);
        s->prerequisites.append(ps);
    }
    s->prerequisiteProgress = context.prerequisiteProgress;
    // Before the first stage the prerequisites are the Go/No-Go: one that fails when checked again is a
    // blocker, whatever the launch's evaluation said (a headline never contradicts a measurement).
    const bool beforeStages
        = state.phase() == RunState::Phase::Ready || state.phase() == RunState::Phase::NotStarted;
    if (beforeStages && s->headline != Headline::NoGo)
        for (const PrerequisiteSnapshot &p : std::as_const(s->prerequisites))
            if (p.verdict == Verdict::Fail && p.confirmedBy.isEmpty()) {
                s->headline = Headline::NoGo;
                s->topBlocker = QStringLiteral("prerequisite %1 failed: %2").arg(p.id, p.explanation);
                break;
            }
    s->runbook = state.runbookPtr();
    for (const SecretStatus &ref : SecretProbe::references(rb)) {
        SecretReadiness r;
        r.name = ref.name;
        r.description = ref.description;
        r.usedBy = ref.usedBy;
        r.required = ref.required;
        if (context.secretsAvailable)
            r.ready = context.secretsAvailable->contains(ref.name);
        s->secrets.append(r);
    }

    // Connection health as the engine last saw it: a metric sample that failed marks its connection.
    for (const Connection &c : rb.connections) {
        ConnectionHealth ch;
        ch.name = c.name;
        ch.kind = c.kindName();
        for (const Metric &m : rb.metrics) {
            if (m.connection != c.name)
                continue;
            const auto sample = state.latestSamples().constFind(m.name);
            if (sample == state.latestSamples().constEnd() || sample->at < ch.lastAt)
                continue;
            ch.lastAt = sample->at;
            ch.ok = sample->value.has_value() || sample->error.isEmpty();
            ch.lastError = sample->error;
        }
        s->connections.append(ch);
    }

    if (const Stage *stage = state.currentStage())
        s->gateHistory = m_gateHistory.value(state.runId() + QLatin1Char('/') + stage->id);

    const auto &rollback = state.rollback();
    for (const Action &a : rb.rollback.steps) {
        RollbackStepSnapshot step {a.id, a.title, QStringLiteral("pending"), 0, {}};
        if (rollback) {
            const auto it = rollback->steps.constFind(a.id);
            if (it != rollback->steps.constEnd()) {
                step.status = it->status;
                step.at = it->at;
                step.actor = it->actor;
            }
        }
        s->rollbackSteps.append(step);
    }
    if (rollback) {
        s->rollbackStartedBy = rollback->startedBy;
        s->rollbackTrigger = rollback->trigger;
    }

    s->lease = context.lease;
    s->headSeq = m_headSeq;
    s->headHash = m_headHash;
    s->lastEventAt = state.lastEventAt();
    s->journalProblem = context.journalProblem;
    s->readOnly = context.readOnly;
    s->held = context.held;
    s->journalWritesPending = context.journalWritesPending;
    s->lastUpdateWallAt = context.lastUpdateWallAt;
    s->stale = context.stale;
    return s;
}

} // namespace cockpit
