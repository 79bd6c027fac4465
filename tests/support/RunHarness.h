#pragma once

// Test driver for the run engine: an in-memory journal of sealed events, a FakeClock, and an executor that
// answers the planner's effects at once from plain functions. It does what the real driver will do, minus
// probes and the store: step, append + apply events, perform effects, append their results, wake at wakeAt.

#include "core/journal/JournalEvent.h"
#include "core/run/RunPlanner.h"
#include "core/run/RunState.h"
#include "core/runbook/RunbookLoader.h"
#include "support/FakeClock.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <functional>
#include <memory>

namespace cockpit::test {

// The harness's time units and start instant, for tests that `using namespace` it.
namespace harness_time {
inline constexpr qint64 kMin = 60 * 1000;
inline constexpr qint64 kHour = 60 * kMin;
inline constexpr qint64 kDay = 24 * kHour;
inline constexpr qint64 kStart = 1'800'000'000'000; // 2027-01-15, UTC
} // namespace harness_time

inline std::shared_ptr<const Runbook> loadRunbook(const QByteArray &yaml)
{
    auto r = RunbookLoader::loadText(yaml, QStringLiteral("engine-test.yaml"));
    if (!r) {
        for (const Error &e : r.error())
            qWarning("%s", qPrintable(e.toString()));
        return nullptr;
    }
    return std::make_shared<const Runbook>(std::move(*r));
}

// The beginning the planner tests' runbooks share: connections db and rlm, the metrics success_rate_pct,
// stuck_imports (every 5m) and slow_imports_pct (every 15m), and stage canary (rollout set-10, soak 24h,
// checkpoints 1h/6h/24h, gate success). It ends inside canary's gate list, without a line break: a test
// appends its own gates, further stages and rollback, starting with one.
inline QByteArray plannerRunbookHead(const QByteArray &name)
{
    return "runbook: 1\nname: " + name + R"(
connections:
  db: {postgres: {host: 127.0.0.1, database: app, user: ro}}
  rlm: {http: {base_url: "http://127.0.0.1:8000"}}
metrics:
  success_rate_pct: {connection: db, every: 5m, query: "SELECT 100"}
  stuck_imports: {connection: db, every: 5m, query: "SELECT 0"}
  slow_imports_pct: {connection: db, every: 15m, query: "SELECT 0"}
stages:
  - id: canary
    rollout:
      - {id: set-10, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: 10}}, writes: true}
    soak: 24h
    checkpoints: [1h, 6h, 24h]
    gates:
      - {id: success, expect: "success_rate_pct >= 95", hold: 24h, no_data_grace: 30m})";
}

// Two stages (canary: rollout set-10, 24 h soak, a sustained gate and a manual one; full: set-100, 12 h),
// one rollback trigger and two rollback steps: the runbook the run-comparison tests run twice.
inline QByteArray comparisonRunbook()
{
    return R"(runbook: 1
name: compare test
connections:
  db: {postgres: {host: 127.0.0.1, database: app, user: ro}}
  rlm: {http: {base_url: "http://127.0.0.1:8000"}}
metrics:
  success_rate_pct: {connection: db, every: 5m, query: "SELECT 100"}
stages:
  - id: canary
    rollout:
      - {id: set-10, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: 10}}, writes: true}
    soak: 24h
    gates:
      - {id: success, expect: "success_rate_pct >= 95", hold: 24h, no_data_grace: 30m}
      - {id: complaints, manual: Zero user complaints}
  - id: full
    rollout:
      - {id: set-100, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: 100}}, writes: true}
    soak: 12h
    gates:
      - {id: success, expect: "success_rate_pct >= 95", hold: 12h}
rollback:
  target: 15m
  restart_from: canary
  triggers:
    - {id: low-success, when: "success_rate_pct < 90", severity: critical, action: rollback}
  steps:
    - {id: set-0, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: 0}}, writes: true}
    - {id: drain, manual: wait until in-flight jobs are drained}
)";
}

class RunHarness
{
public:
    static constexpr qint64 kMin = harness_time::kMin;
    static constexpr qint64 kHour = harness_time::kHour;
    static constexpr qint64 kDay = harness_time::kDay;
    static constexpr qint64 kStart = harness_time::kStart;

    // A run of `runbook` that starts at `startAt` (runs compared with each other start at different times).
    explicit RunHarness(std::shared_ptr<const Runbook> rb, RunMode mode = RunMode::Rehearsal,
                        qint64 startAt = kStart)
        : runbook(std::move(rb))
        , clock(startAt)
    {
        info.mode = mode;
        info.id = RunEvents::makeRunId(mode, startAt);
        info.lead = QStringLiteral("Dana Weber");
        info.startedAt = startAt;
        info.runbook = runbook ? runbook->name : QString();
        state = RunState(runbook, info.id);
        journal.reserve(32768);
    }
    virtual ~RunHarness() = default;
    RunHarness(const RunHarness &) = delete;
    RunHarness &operator=(const RunHarness &) = delete;

    // Behaviour of the outside world, replaceable per test.
    std::function<std::optional<double>(const QString &metric, qint64 now)> metric
        = [](const QString &m, qint64) {
              if (m == QLatin1String("success_rate_pct"))
                  return std::optional<double>(99.0);
              return std::optional<double>(0.0);
          };
    std::function<bool(const QString &action)> actionOk = [](const QString &) { return true; };
    std::function<Verdict(const QString &check)> checkVerdict = [](const QString &) { return Verdict::Pass; };
    std::function<QJsonArray(const QString &gate, const QString &role)> gateValues
        = [](const QString &, const QString &) { return QJsonArray(); };
    qint64 rollbackStepMs = 4 * kMin; // how long each rollback step takes
    bool runRollbackSteps = true;

    // Perform effects the way RunDriver does (off by default; the planner tests rely on the short forms):
    // a milestone's start only journals `started` (with planned_at/late_ms), its actions are journaled
    // naming the milestone, its checks end it through RunPlanner::milestoneFinished; a window step runs as
    // an action; a manual action or rollback step is journaled `started` and waits for a person (the
    // engine's RunCommands lists it); a writing action runs only once its id is in confirmedWrites,
    // otherwise it is a confirm_write in `confirmations` (rebuilt on every step, as the driver does).
    bool asDriver = false;
    QSet<QString> confirmedWrites;
    QList<PendingDecision> confirmations;
    std::function<bool(const QString &milestone)> milestoneChecksOk = [](const QString &) { return true; };
    QStringList performed; // asDriver: what ran, in order ("schedule:<id>", "milestone:<m>/<a>", ...)

    void start() { append(RunPlanner::startRun(info)); }
    // Starts the run and enters `stage` as the lead, now.
    void startInStage(const QString &stage)
    {
        start();
        ok(RunPlanner::enterStage(state, clock.now(), stage, info.lead));
    }

    void append(const JournalEventDraft &d)
    {
        const QByteArray prev = journal.isEmpty() ? JournalEvent::genesisHash() : journal.last().hash();
        JournalEvent e = JournalEvent::seal(d, journal.size() + 1, prev);
        journal.append(e);
        state.apply(e);
    }
    void append(const QList<JournalEventDraft> &ds)
    {
        for (const auto &d : ds)
            append(d);
    }
    // A command that must succeed.
    void ok(const RunCommand &c)
    {
        if (!c)
            QFAIL(qPrintable(c.error().message + QStringLiteral(": ")
                             + c.error().reasons.join(QStringLiteral("; "))));
        else
            append(*c);
    }

    // Step until nothing more happens at this instant; returns the last plan.
    RunPlan pump()
    {
        RunPlan plan;
        for (int i = 0; i < 200; ++i) {
            plan = RunPlanner::step(state, clock.now());
            append(plan.events);
            const qsizetype before = journal.size();
            stepStarted();
            for (const RunEffect &e : std::as_const(plan.effects))
                perform(e);
            if (journal.size() == before && plan.events.isEmpty())
                return plan;
        }
        qFatal("RunHarness::pump: no fixpoint");
        return plan;
    }

    // Runs the engine until `until` (clock time), waking whenever the planner asks.
    RunPlan runUntil(qint64 until)
    {
        RunPlan plan = pump();
        while (clock.now() < until) {
            const qint64 next = plan.wakeAt ? std::min(*plan.wakeAt, until) : until;
            clock.advanceTo(std::max(next, clock.now() + 1));
            plan = pump();
        }
        return plan;
    }
    RunPlan runFor(qint64 ms) { return runUntil(clock.now() + ms); }

    // Called before the effects of each planner step are performed.
    virtual void stepStarted() { confirmations.clear(); }

    // The current stage's rollout as the driver journals it (by the lead), each action taking `ms`;
    // returns the time the last one ended, when the soak starts.
    qint64 rollOut(qint64 ms)
    {
        for (const Action &a : state.currentStage()->rollout) {
            append(RunEvents::actionRun(info.id, clock.now(), info.lead, QStringLiteral("rollout"),
                                        state.stage().id, a.id, QStringLiteral("started")));
            clock.advance(ms);
            append(RunEvents::actionRun(info.id, clock.now(), info.lead, QStringLiteral("rollout"),
                                        state.stage().id, a.id, QStringLiteral("ok")));
        }
        return clock.now();
    }

    virtual void perform(const RunEffect &e)
    {
        if (asDriver && performLikeDriver(e))
            return;
        const qint64 now = clock.now();
        switch (e.kind) {
        case RunEffect::Kind::SampleMetric: {
            const auto v = metric(e.id, now);
            append(RunEvents::sampleTaken(info.id, now, e.id, v, v ? QString() : QStringLiteral("no rows")));
            break;
        }
        case RunEffect::Kind::RunAction:
            append(RunEvents::actionRun(info.id, now, info.lead, QStringLiteral("rollout"), e.stage, e.id,
                                        QStringLiteral("started")));
            append(RunEvents::actionRun(info.id, now, info.lead, QStringLiteral("rollout"), e.stage, e.id,
                                        actionOk(e.id) ? QStringLiteral("ok") : QStringLiteral("failed")));
            break;
        case RunEffect::Kind::RunCheck:
            append(RunEvents::checkObserved(info.id, now, QStringLiteral("engine"), e.stage, e.id, e.purpose,
                                            checkVerdict(e.id), QStringLiteral("observed")));
            break;
        case RunEffect::Kind::CollectGateValues:
            append(
                RunEvents::gateValues(info.id, now, e.stage, e.id, e.purpose, gateValues(e.id, e.purpose)));
            break;
        case RunEffect::Kind::RunRollbackStep:
            if (!runRollbackSteps)
                break;
            clock.advance(rollbackStepMs);
            append(RunEvents::rollbackStep(info.id, clock.now(), info.lead, e.id, actionOk(e.id)));
            break;
        case RunEffect::Kind::StartScheduleItem:
            append(RunEvents::actionRun(info.id, now, info.lead, QStringLiteral("schedule"), QString(), e.id,
                                        QStringLiteral("started")));
            append(RunEvents::actionRun(info.id, now, info.lead, QStringLiteral("schedule"), QString(), e.id,
                                        QStringLiteral("ok")));
            break;
        }
    }

    static const Action *findIn(const QList<Action> &actions, const QString &id)
    {
        for (const Action &a : actions)
            if (a.id == id)
                return &a;
        return nullptr;
    }

    // The effects RunDriver performs differently from the short forms above; false = not one of them.
    bool performLikeDriver(const RunEffect &e)
    {
        const qint64 now = clock.now();
        const Runbook &rb = *runbook;
        const bool milestoneAction
            = e.kind == RunEffect::Kind::RunAction && e.purpose == QLatin1String("schedule");
        if (e.kind == RunEffect::Kind::StartScheduleItem && !findIn(rb.schedule.window, e.id)) {
            QJsonObject detail;
            if (const auto item = state.schedule().item(e.id)) {
                detail.insert(QStringLiteral("planned_at"), double(item->plannedStart));
                detail.insert(QStringLiteral("late_ms"), double(now - item->plannedStart));
            }
            performed << QStringLiteral("schedule:") + e.id;
            append(RunEvents::actionRun(info.id, now, info.lead, QStringLiteral("schedule"), QString(), e.id,
                                        QStringLiteral("started"), detail));
            return true;
        }
        if (e.kind == RunEffect::Kind::RunCheck && e.purpose == QLatin1String("milestone")) {
            const Milestone *m = RunPlanner::findMilestone(rb, e.id);
            const bool good = m && milestoneChecksOk(e.id);
            QJsonArray checks;
            for (const Check &c : m ? m->checks : QList<Check>())
                checks.append(QJsonObject {
                    {QStringLiteral("check"), c.id},
                    {QStringLiteral("verdict"), good ? QStringLiteral("pass") : QStringLiteral("fail")}});
            performed << QStringLiteral("checks:") + e.id;
            append(RunPlanner::milestoneFinished(state, now, info.lead, e.id, good,
                                                 {{QStringLiteral("checks"), checks}}));
            return true;
        }
        const Action *a = nullptr;
        QString label;
        if (milestoneAction) {
            a = RunPlanner::findMilestoneAction(rb, e.stage, e.id);
            label = QStringLiteral("milestone:") + e.stage + QLatin1Char('/') + e.id;
        } else if (e.kind == RunEffect::Kind::StartScheduleItem) {
            a = findIn(rb.schedule.window, e.id);
            label = QStringLiteral("window:") + e.id;
        } else if (e.kind == RunEffect::Kind::RunRollbackStep) {
            if (!runRollbackSteps)
                return true;
            a = findIn(rb.rollback.steps, e.id);
            label = QStringLiteral("rollback:") + e.id;
        } else if (e.kind == RunEffect::Kind::RunAction) {
            for (const Stage &s : rb.stages)
                if (s.id == e.stage)
                    a = findIn(s.rollout, e.id);
            label = QStringLiteral("rollout:") + e.stage + QLatin1Char('/') + e.id;
        } else {
            return false;
        }
        if (!a)
            return false;
        const bool rollback = e.kind == RunEffect::Kind::RunRollbackStep;
        auto event = [&](qint64 at, const QString &status, const QJsonObject &detail) {
            if (milestoneAction)
                return RunEvents::milestoneActionRun(info.id, at, info.lead, e.stage, e.id, status, detail);
            if (rollback) {
                JournalEventDraft d = RunEvents::rollbackStep(info.id, at, info.lead, e.id,
                                                              status == QLatin1String("ok"), detail);
                d.payload.insert(QStringLiteral("status"), status);
                return d;
            }
            const bool rollout = e.kind == RunEffect::Kind::RunAction;
            return RunEvents::actionRun(info.id, at, info.lead,
                                        rollout ? QStringLiteral("rollout") : QStringLiteral("schedule"),
                                        rollout ? e.stage : QString(), e.id, status, detail);
        };
        if (std::holds_alternative<ManualCheck>(a->what)) {
            performed << label + QStringLiteral(" (manual)");
            append(event(now, QStringLiteral("started"),
                         {{QStringLiteral("manual"), true},
                          {QStringLiteral("instruction"), std::get<ManualCheck>(a->what).instruction}}));
            return true;
        }
        if ((a->writes || std::holds_alternative<SqlStatement>(a->what))
            && !confirmedWrites.contains(a->id)) {
            PendingDecision d;
            d.kind = QStringLiteral("confirm_write");
            d.target = a->id;
            d.stage = e.stage;
            d.why = QStringLiteral("%1 writes: confirm to run it").arg(a->id);
            d.since = now;
            confirmations.append(d);
            return true;
        }
        performed << label;
        append(event(now, QStringLiteral("started"), {}));
        if (rollback)
            clock.advance(rollbackStepMs);
        append(event(clock.now(), actionOk(e.id) ? QStringLiteral("ok") : QStringLiteral("failed"), {}));
        return true;
    }

    QList<JournalEvent> eventsOf(JournalEventType type) const
    {
        QList<JournalEvent> out;
        for (const JournalEvent &e : journal) {
            if (e.type() == type)
                out.append(e);
        }
        return out;
    }

    GateView gate(const QString &id) const
    {
        const RunStatus s = RunPlanner::status(state, clock.now());
        for (const GateView &g : s.gates) {
            if (g.id == id)
                return g;
        }
        return {};
    }

    std::shared_ptr<const Runbook> runbook;
    RunInfo info;
    FakeClock clock;
    QList<JournalEvent> journal;
    RunState state;
};

} // namespace cockpit::test
