#pragma once

// Example A (10% for 24 h, 50% for 48 h, 100% for 7 days, deprecation for 7 days, removal) driven to its
// end on the FakeClock with healthy metrics, every sample, checkpoint and decision journaled as the real
// driver would. tst_RunSimulation asserts what happens; bench_simulation measures how fast.

#include "support/RunHarness.h"
#include "support/TestEnv.h"

#include <QJsonArray>
#include <memory>

namespace cockpit::test {

inline QJsonArray simulatedDurations(double centre)
{
    QJsonArray out;
    for (int i = 0; i < 60; ++i)
        out.append(centre + double((i * 37) % 23) - 11.0 + double(i % 3) * 0.25);
    return out;
}

// Example A with every gate's metric on the good side; nullptr (and a warning) if it does not load.
inline std::unique_ptr<RunHarness> healthyExampleA()
{
    auto rb
        = RunbookLoader::loadFile(sourcePath(QStringLiteral("resources/runbooks/a-pipeline-rollout.yaml")));
    if (!rb)
        return nullptr;
    auto h = std::make_unique<RunHarness>(std::make_shared<const Runbook>(std::move(*rb)));
    const QHash<QString, double> healthy {{QStringLiteral("success_rate_pct"), 99.2},
                                          {QStringLiteral("fast_imports_pct"), 85},
                                          {QStringLiteral("top_error_share_pct"), 20},
                                          {QStringLiteral("slow_imports_pct"), 3}};
    h->metric = [healthy](const QString &m, qint64) { return std::optional<double>(healthy.value(m, 0.0)); };
    h->gateValues = [](const QString &gate, const QString &role) {
        if (gate == QLatin1String("no-duration-degradation"))
            return simulatedDurations(role == QLatin1String("baseline") ? 600 : 602);
        return QJsonArray {QStringLiteral("timeout talking to storage"), QStringLiteral("invalid file")};
    };
    return h;
}

struct SimulationOutcome
{
    int steps = 0; // planner steps driven
    QString unexpected; // a pending decision the personas do not answer, if one came up
};

// Answers what the run asks (manual gates, second approval, promotion) at once, until it finishes, rolls
// back, or the clock reaches `giveUp`. Manual gates are confirmed by Lena Hoffmann with `statement`.
inline SimulationOutcome answerUntilEnd(RunHarness &h, qint64 giveUp,
                                        const QString &statement = QStringLiteral("checked"))
{
    SimulationOutcome out;
    while (h.state.phase() != RunState::Phase::Finished && h.state.phase() != RunState::Phase::RolledBack
           && h.clock.now() < giveUp) {
        ++out.steps;
        const RunPlan plan = h.pump();
        bool acted = false;
        for (const PendingDecision &d : plan.pending) {
            const qint64 now = h.clock.now();
            if (d.kind == QLatin1String("manual_gate"))
                h.ok(RunPlanner::confirmManualGate(h.state, now, d.target, QStringLiteral("Lena Hoffmann"),
                                                   statement));
            else if (d.kind == QLatin1String("second_approval"))
                h.ok(RunPlanner::approvePromotion(h.state, now, QStringLiteral("Ravi Patel")));
            else if (d.kind == QLatin1String("promote"))
                h.ok(RunPlanner::promote(h.state, now, QStringLiteral("Dana Weber")));
            else {
                out.unexpected = QStringLiteral("unexpected pending %1 %2: %3").arg(d.kind, d.target, d.why);
                return out;
            }
            acted = true;
            break;
        }
        if (!acted) {
            if (!plan.wakeAt) {
                out.unexpected = QStringLiteral("nothing to wait for, but the run is not finished");
                return out;
            }
            h.clock.advanceTo(*plan.wakeAt);
        }
    }
    return out;
}

// Starts the run and answers what it asks (manual gates, second approval, promotion) at once, until it
// finishes or `days` of simulated time have passed.
inline SimulationOutcome driveToEnd(RunHarness &h, int days = 20)
{
    h.start();
    h.ok(RunPlanner::enterStage(h.state, h.clock.now(), QStringLiteral("canary-10"),
                                QStringLiteral("Dana Weber")));
    return answerUntilEnd(h, RunHarness::kStart + days * RunHarness::kDay);
}

} // namespace cockpit::test
