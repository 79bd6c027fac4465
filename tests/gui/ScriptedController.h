#pragma once

#include "engine/RunController.h"

#include <QDateTime>
#include <QPromise>
#include <memory>

namespace cockpit::test {

// A test double of the RunController interface (not of the engine's rules): the test scripts the
// snapshots it emits and answers each command itself, now or later.
class ScriptedController : public RunController
{
    Q_OBJECT

public:
    using RunController::RunController;

    RunSnapshotPtr snapshot() const override { return m_snapshot; }

    // Emits `s` as the next snapshot (version and wall time filled in unless set).
    void push(RunSnapshot s)
    {
        s.version = ++m_version;
        if (s.wallTakenAt == 0)
            s.wallTakenAt = QDateTime::currentMSecsSinceEpoch();
        m_snapshot = std::make_shared<const RunSnapshot>(std::move(s));
        Q_EMIT snapshotChanged(m_snapshot);
    }

    // Commands stay unanswered until answer() unless an immediate answer is set.
    void answerImmediately(std::optional<CommandResult> result) { m_immediate = std::move(result); }

    QFuture<CommandResult> send(const EngineCommand &command) override
    {
        commands << command;
        auto promise = std::make_shared<QPromise<CommandResult>>();
        promise->start();
        QFuture<CommandResult> future = promise->future();
        if (m_immediate) {
            promise->addResult(*m_immediate);
            promise->finish();
        } else {
            m_open << promise;
        }
        return future;
    }

    void answer(const CommandResult &result)
    {
        auto promise = m_open.takeFirst();
        promise->addResult(result);
        promise->finish();
    }
    qsizetype unanswered() const { return m_open.size(); }

    void stop() override { stopped = true; }

    QList<EngineCommand> commands;
    bool stopped = false;

private:
    RunSnapshotPtr m_snapshot = std::make_shared<const RunSnapshot>();
    quint64 m_version = 0;
    std::optional<CommandResult> m_immediate;
    QList<std::shared_ptr<QPromise<CommandResult>>> m_open;
};

// A snapshot of a run in its second stage, soaking, with one gate failing and one holding.
inline RunSnapshot stageTwoSnapshot(RunMode mode = RunMode::Rehearsal)
{
    RunSnapshot s;
    s.now = QDateTime::currentMSecsSinceEpoch();
    s.runId = QStringLiteral("rehearsal-20261203-0800");
    s.runbookName = QStringLiteral("v2 full_pass pipeline rollout");
    s.mode = mode;
    s.lead = QStringLiteral("alice");
    s.startedAt = s.now - 3'600'000;
    s.headline = Headline::NoGo;
    s.topBlocker = QStringLiteral("gate success-rate: success_rate_pct (93.1) >= 95");
    s.lease = {QStringLiteral("alice"), QStringLiteral("ops-ws1"), 4242, s.now - 3'600'000, s.now, true};
    s.lastEventAt = s.now - 4000;
    s.headSeq = 193;
    s.headHash = QStringLiteral("93be37aa0c1d2e3f");
    s.status.phase = RunState::Phase::InStage;
    s.status.stage = QStringLiteral("half");
    s.status.stageIndex = 1;
    s.status.soakStart = s.now - 3'600'000;
    s.status.soakEnd = s.now + 11'520'000;
    s.status.soakRemaining = Milliseconds(11'520'000);
    s.status.blockers = {QStringLiteral("soak: 3h 12m left"), QStringLiteral("gate success-rate failed")};
    GateView failing;
    failing.id = QStringLiteral("success-rate");
    failing.title = QStringLiteral("Success rate");
    failing.status.phase = GateStatus::Phase::Failed;
    failing.status.verdict = Verdict::Fail;
    failing.status.explanation = QStringLiteral("success_rate_pct (93.1) >= 95");
    failing.status.reason = QStringLiteral("failed at 08:42");
    failing.status.remaining = Milliseconds(86'400'000);
    GateView holding;
    holding.id = QStringLiteral("slow-imports");
    holding.status.phase = GateStatus::Phase::Holding;
    holding.status.explanation = QStringLiteral("slow_imports_pct (2.0) <= 10");
    holding.status.held = Milliseconds(61'200'000);
    holding.status.remaining = Milliseconds(25'200'000);
    s.status.gates = {failing, holding};
    PendingDecision gate;
    gate.kind = QStringLiteral("gate");
    gate.target = QStringLiteral("success-rate");
    gate.stage = QStringLiteral("half");
    gate.why = QStringLiteral("gate success-rate failed: success_rate_pct (93.1) >= 95");
    gate.since = s.now - 60'000;
    s.status.pending = {gate};
    StageSnapshot canary {QStringLiteral("canary"), QStringLiteral("Canary"), 10, StageSnapshot::State::Done};
    StageSnapshot half {QStringLiteral("half"), QStringLiteral("Half"), 50, StageSnapshot::State::Current};
    StageSnapshot full {QStringLiteral("full"), QStringLiteral("Full"), 100, StageSnapshot::State::Future};
    s.stages = {canary, half, full};
    TriggerSnapshot trig;
    trig.id = QStringLiteral("success-collapse");
    trig.when = QStringLiteral("success_rate_pct < 90");
    trig.severity = QStringLiteral("critical");
    trig.action = QStringLiteral("rollback");
    trig.explanation = QStringLiteral("success_rate_pct (93.1) < 90");
    s.triggers = {trig};
    return s;
}

} // namespace cockpit::test
