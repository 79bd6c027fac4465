// A T-minus milestone runs its actions in order, then its checks, through the pure planner: the journal is
// in memory, the clock is a FakeClock, and a small executor answers the planner's effects the way RunDriver
// does (a writing action runs only once confirmed; its started/ok/failed events go to the journal).

#include "core/journal/JournalEvent.h"
#include "core/run/RunPlanner.h"
#include "core/run/RunState.h"
#include "core/runbook/RunbookLoader.h"
#include "support/FakeClock.h"
#include "support/RunHarness.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

using namespace cockpit;
using cockpit::test::RunHarness;

class tst_MilestoneRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void actionsRunInOrderBeforeChecks();
    void writeWaitsForConfirmation();
    void manualActionWaitsForNamedConfirmation();
    void failedActionAsksForDecision();
    void replayGivesSameStateAndNoActionRunsTwice();
    void latenessIsRecorded();
    void dryRunMustPassTwiceBeforeT0();
    void failedChecksAskForAnotherRun();
    void waiverReleasesT0();
    void firstStageHeldUntilRunsPassed();
};

namespace {

constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kHour = 60 * kMin;
constexpr qint64 kDay = 24 * kHour;

// T-0 is 2027-01-22T08:00:00Z; T-7d is 2027-01-15T08:00:00Z.
const QByteArray kYaml = R"(runbook: 1
name: milestone test
connections:
  site: {http: {base_url: "http://127.0.0.1:8000"}}
schedule:
  t0: "2027-01-22T08:00:00Z"
  milestones:
    - id: t-7d
      at: T-7d
      title: announce and freeze writes
      actions:
        - id: announce
          manual: Send the announcement to all users
        - id: freeze-writes
          title: legacy site read-only
          http: {connection: site, method: PUT, path: /admin/read-only, json: {enabled: true}}
          expect: "[STATUS] == 200"
          writes: true
      checks:
        - id: writes-frozen
          http: {connection: site, method: POST, path: /records}
          expect: "[STATUS] == 423"
    - id: t-1d
      at: T-1d
      actions:
        - {id: export, http: {connection: site, method: GET, path: /export}}
        - {id: verify-export, http: {connection: site, method: GET, path: /export/verify}}
      checks:
        - {id: site-up, http: {connection: site, method: GET, path: /health}, expect: "[STATUS] == 200"}
    - id: t-0
      at: T-0
      actions:
        - {id: go, http: {connection: site, method: GET, path: /go}}
)";

// Seed B's dry run: at T-3d, "run at least twice before T-0"; the maintenance window opens at T-0.
const QByteArray kDryRunYaml = R"(runbook: 1
name: dry run test
connections:
  site: {http: {base_url: "http://127.0.0.1:8000"}}
schedule:
  t0: "2027-01-22T08:00:00Z"
  milestones:
    - id: dry-run
      at: T-3d
      title: dry run on staging (at least twice before T-0)
      min_runs: 2
      actions:
        - {id: staging-import, http: {connection: site, method: POST, path: /import}}
      checks:
        - {id: counts, http: {connection: site, method: GET, path: /counts}, expect: "[STATUS] == 200"}
    - {id: t-1d, at: T-1d, actions: [{id: export, http: {connection: site, method: GET, path: /export}}]}
  window:
    - {id: maintenance-on, start: "+0m", duration: 5m, manual: maintenance page on}
)";

// The same dry run ahead of stages instead of a window: the first stage is T-0.
const QByteArray kDryRunStagesYaml = R"(runbook: 1
name: dry run stages test
connections:
  site: {http: {base_url: "http://127.0.0.1:8000"}}
schedule:
  t0: "2027-01-22T08:00:00Z"
  milestones:
    - id: dry-run
      at: T-3d
      min_runs: 2
      actions:
        - {id: staging-import, http: {connection: site, method: POST, path: /import}}
stages:
  - id: launch
    soak: 1h
)";

qint64 t0()
{
    return *ScheduleTimeline::parseT0(QStringLiteral("2027-01-22T08:00:00Z"));
}

// RunHarness (journal, state, clock, pump) with an executor that checks what the planner asks of a
// milestone: only schedule actions and milestone checks, a write only once confirmed.
class MilestoneRun : public RunHarness
{
public:
    explicit MilestoneRun(qint64 startAt, const QByteArray &yaml = kYaml)
        : RunHarness(test::loadRunbook(yaml), RunMode::Rehearsal, startAt)
    {
        start();
    }

    QStringList awaitingConfirmation; // writing actions requested but not confirmed, at the last pump
    bool checksPass = true;
    bool crashAfterStart = false; // the cockpit stops after journaling `started` (the result is never seen)

    void stepStarted() override { awaitingConfirmation.clear(); }

    void perform(const RunEffect &e) override
    {
        const qint64 now = clock.now();
        switch (e.kind) {
        case RunEffect::Kind::StartScheduleItem:
            append(RunEvents::actionRun(info.id, now, info.lead, QStringLiteral("schedule"), QString(), e.id,
                                        QStringLiteral("started")));
            break;
        case RunEffect::Kind::RunAction: {
            QVERIFY2(e.purpose == QLatin1String("schedule"), qPrintable(e.purpose));
            const Action *a = RunPlanner::findMilestoneAction(*runbook, e.stage, e.id);
            QVERIFY2(a, qPrintable(e.id));
            if (a->writes && !confirmedWrites.contains(a->id)) {
                awaitingConfirmation << a->id;
                return;
            }
            performed << QStringLiteral("action:") + e.id;
            append(RunEvents::milestoneActionRun(info.id, now, info.lead, e.stage, e.id,
                                                 QStringLiteral("started")));
            if (crashAfterStart)
                return;
            const bool good = actionOk(e.id);
            append(RunEvents::milestoneActionRun(info.id, now, info.lead, e.stage, e.id,
                                                 good ? QStringLiteral("ok") : QStringLiteral("failed"),
                                                 {{QStringLiteral("status"), good ? 200 : 503}}));
            break;
        }
        case RunEffect::Kind::RunCheck:
            QVERIFY2(e.purpose == QLatin1String("milestone"), qPrintable(e.purpose));
            performed << QStringLiteral("checks:") + e.id;
            append(RunPlanner::milestoneFinished(
                state, now, info.lead, e.id, checksPass,
                {{QStringLiteral("checks"),
                  QJsonArray {
                      QJsonObject {{QStringLiteral("verdict"),
                                    checksPass ? QStringLiteral("pass") : QStringLiteral("fail")}}}}}));
            break;
        default: QFAIL("unexpected effect"); break;
        }
    }

    // action_run events of one milestone's actions, as "<action> <status>".
    QStringList actionEvents(const QString &milestone) const
    {
        QStringList out;
        for (const JournalEvent &e : journal) {
            const QJsonObject &p = e.payload();
            if (e.type() == JournalEventType::ActionRun
                && p.value(QLatin1String("milestone")).toString() == milestone) {
                if (p.value(QLatin1String("phase")).toString() != QLatin1String("schedule"))
                    return {QStringLiteral("wrong phase")};
                out << p.value(QLatin1String("action")).toString() + QLatin1Char(' ')
                        + p.value(QLatin1String("status")).toString();
            }
        }
        return out;
    }

    // Pending schedule decisions on the actions of one milestone.
    QList<PendingDecision> pendingOf(const QString &milestone) const
    {
        QList<PendingDecision> out;
        for (const PendingDecision &p : RunPlanner::status(state, clock.now()).pending)
            if (p.kind == QLatin1String("schedule") && p.stage == milestone)
                out.append(p);
        return out;
    }

    ScheduleItem item(const QString &id) const { return state.schedule().item(id).value_or(ScheduleItem {}); }

    // The pending decision on a milestone itself (its run ended), if any.
    std::optional<PendingDecision> milestonePending(const QString &milestone) const
    {
        for (const PendingDecision &p : RunPlanner::status(state, clock.now()).pending)
            if (p.kind == QLatin1String("schedule") && p.stage.isEmpty() && p.target == milestone)
                return p;
        return std::nullopt;
    }
};

bool requests(const RunPlan &plan, RunEffect::Kind kind, const QString &id)
{
    return std::any_of(plan.effects.cbegin(), plan.effects.cend(),
                       [&](const RunEffect &e) { return e.kind == kind && e.id == id; });
}

} // namespace

void tst_MilestoneRun::actionsRunInOrderBeforeChecks()
{
    MilestoneRun r(t0() - kDay - 2 * kHour);
    QVERIFY(r.runbook);
    RunPlan p = r.pump();
    QCOMPARE(p.wakeAt, std::optional<qint64>(t0() - kDay));
    QVERIFY(r.performed.isEmpty());

    // One step at the due time: only the start is requested, then only the first action.
    r.clock.advanceTo(t0() - kDay);
    p = RunPlanner::step(r.state, r.clock.now());
    QVERIFY(requests(p, RunEffect::Kind::StartScheduleItem, QStringLiteral("t-1d")));
    QVERIFY(!requests(p, RunEffect::Kind::RunAction, QStringLiteral("export")));
    r.perform(p.effects.first());
    p = RunPlanner::step(r.state, r.clock.now());
    QCOMPARE(p.effects.size(), 1);
    QCOMPARE(p.effects.first(),
             (RunEffect {RunEffect::Kind::RunAction, QStringLiteral("t-1d"), QStringLiteral("export"),
                         QStringLiteral("schedule")}));
    QCOMPARE(r.item(QStringLiteral("t-1d")).status(r.clock.now()), ScheduleItem::Status::Running);

    r.pump();
    QCOMPARE(r.performed,
             (QStringList {QStringLiteral("action:export"), QStringLiteral("action:verify-export"),
                           QStringLiteral("checks:t-1d")}));
    QCOMPARE(r.actionEvents(QStringLiteral("t-1d")),
             (QStringList {QStringLiteral("export started"), QStringLiteral("export ok"),
                           QStringLiteral("verify-export started"), QStringLiteral("verify-export ok")}));
    const ScheduleItem done = r.item(QStringLiteral("t-1d"));
    QCOMPARE(done.status(r.clock.now()), ScheduleItem::Status::Done);
    QCOMPARE(done.okRuns, 1);
    // The milestone's own end is the last schedule event, after its actions.
    const JournalEvent &last = r.journal.last();
    QCOMPARE(last.payload().value(QLatin1String("action")).toString(), QStringLiteral("t-1d"));
    QCOMPARE(last.payload().value(QLatin1String("status")).toString(), QStringLiteral("ok"));

    // A milestone with actions and no checks completes when its last action is done.
    r.runUntil(t0());
    QCOMPARE(r.performed.last(), QStringLiteral("action:go"));
    QCOMPARE(r.item(QStringLiteral("t-0")).status(r.clock.now()), ScheduleItem::Status::Done);
    QVERIFY(r.pendingOf(QStringLiteral("t-1d")).isEmpty());
    QVERIFY(r.pendingOf(QStringLiteral("t-0")).isEmpty());
    // t-7d was due when the run started; it waits for its manual announcement, on its own.
    QCOMPARE(r.pendingOf(QStringLiteral("t-7d")).size(), 1);
}

void tst_MilestoneRun::writeWaitsForConfirmation()
{
    MilestoneRun r(t0() - 7 * kDay);
    r.pump();
    // The announcement is confirmed; the next action writes.
    r.ok(RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("announce"),
                            true, QStringLiteral("Ole Hansen"), QStringLiteral("sent at 08:05")));
    r.runUntil(r.clock.now() + 2 * kHour);
    // Requested on every step, never run: no action_run for it, the checks are not asked for, the milestone
    // is still running.
    QCOMPARE(r.awaitingConfirmation, QStringList {QStringLiteral("freeze-writes")});
    QVERIFY(r.performed.isEmpty());
    QCOMPARE(r.actionEvents(QStringLiteral("t-7d")), QStringList {QStringLiteral("announce started")});
    QVERIFY(!requests(RunPlanner::step(r.state, r.clock.now()), RunEffect::Kind::RunCheck,
                      QStringLiteral("t-7d")));
    QCOMPARE(r.item(QStringLiteral("t-7d")).status(r.clock.now()), ScheduleItem::Status::Running);

    r.confirmedWrites.insert(QStringLiteral("freeze-writes"));
    r.pump();
    QCOMPARE(r.performed,
             (QStringList {QStringLiteral("action:freeze-writes"), QStringLiteral("checks:t-7d")}));
    QCOMPARE(r.actionEvents(QStringLiteral("t-7d")).last(), QStringLiteral("freeze-writes ok"));
    QCOMPARE(r.item(QStringLiteral("t-7d")).status(r.clock.now()), ScheduleItem::Status::Done);
}

void tst_MilestoneRun::manualActionWaitsForNamedConfirmation()
{
    MilestoneRun r(t0() - 7 * kDay);
    r.confirmedWrites.insert(QStringLiteral("freeze-writes"));
    r.runUntil(r.clock.now() + 30 * kMin);
    // Journaled as started by the planner itself, with the instruction; nothing else runs.
    QCOMPARE(r.actionEvents(QStringLiteral("t-7d")), QStringList {QStringLiteral("announce started")});
    QVERIFY(r.performed.isEmpty());
    const auto pending = r.pendingOf(QStringLiteral("t-7d"));
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().target, QStringLiteral("announce"));
    QCOMPARE(pending.first().stage, QStringLiteral("t-7d"));
    QVERIFY2(pending.first().why.contains(QLatin1String("Send the announcement")),
             qPrintable(pending.first().why));

    // A confirmation needs a name (and a reason); the wrong kind or target is refused.
    QVERIFY(!RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"),
                                QStringLiteral("announce"), true, QStringLiteral("  "),
                                QStringLiteral("done")));
    QVERIFY(!RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"),
                                QStringLiteral("freeze-writes"), true, QStringLiteral("Ole Hansen"),
                                QStringLiteral("done")));
    r.ok(RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"),
                            QStringLiteral("t-7d/announce"), true, QStringLiteral("Ole Hansen"),
                            QStringLiteral("mail sent to all users")));
    const JournalEvent decision = r.journal.last();
    QCOMPARE(decision.type(), JournalEventType::DecisionMade);
    QCOMPARE(decision.actor(), QStringLiteral("Ole Hansen"));
    QCOMPARE(decision.payload().value(QLatin1String("milestone")).toString(), QStringLiteral("t-7d"));
    QCOMPARE(decision.payload().value(QLatin1String("target")).toString(), QStringLiteral("announce"));
    QCOMPARE(
        r.state.milestones().value(QStringLiteral("t-7d")).actions.value(QStringLiteral("announce")).actor,
        QStringLiteral("Ole Hansen"));

    r.pump();
    QCOMPARE(r.performed,
             (QStringList {QStringLiteral("action:freeze-writes"), QStringLiteral("checks:t-7d")}));
    QVERIFY(r.pendingOf(QStringLiteral("t-7d")).isEmpty());
}

void tst_MilestoneRun::failedActionAsksForDecision()
{
    MilestoneRun r(t0() - kDay);
    int exports = 0;
    r.actionOk = [&exports](const QString &id) { return id != QLatin1String("export") || ++exports > 1; };
    r.runUntil(r.clock.now() + kHour);
    QCOMPARE(r.performed, QStringList {QStringLiteral("action:export")});
    QCOMPARE(r.actionEvents(QStringLiteral("t-1d")),
             (QStringList {QStringLiteral("export started"), QStringLiteral("export failed")}));
    auto pending = r.pendingOf(QStringLiteral("t-1d"));
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().target, QStringLiteral("export"));
    QVERIFY2(pending.first().why.contains(QLatin1String("failed")), qPrintable(pending.first().why));
    QCOMPARE(r.item(QStringLiteral("t-1d")).status(r.clock.now()), ScheduleItem::Status::Running);
    QVERIFY(!requests(RunPlanner::step(r.state, r.clock.now()), RunEffect::Kind::RunAction,
                      QStringLiteral("verify-export")));

    // Retry: the action runs again (and now succeeds), then the rest follows.
    QVERIFY(!RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("export"),
                                false, QStringLiteral("Dana Weber"), QString()));
    r.ok(RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("export"),
                            false, QStringLiteral("Dana Weber"), QStringLiteral("export server restarted")));
    r.pump();
    QCOMPARE(r.performed,
             (QStringList {QStringLiteral("action:export"), QStringLiteral("action:export"),
                           QStringLiteral("action:verify-export"), QStringLiteral("checks:t-1d")}));
    QCOMPARE(r.item(QStringLiteral("t-1d")).status(r.clock.now()), ScheduleItem::Status::Done);

    // Accept as done: the failure stays in the journal, the milestone goes on without running it again.
    MilestoneRun a(t0() - kDay);
    a.actionOk = [](const QString &id) { return id != QLatin1String("export"); };
    a.pump();
    a.ok(RunPlanner::decide(a.state, a.clock.now(), QStringLiteral("schedule"), QStringLiteral("export"),
                            true, QStringLiteral("Dana Weber"), QStringLiteral("exported by hand")));
    a.pump();
    QCOMPARE(a.performed,
             (QStringList {QStringLiteral("action:export"), QStringLiteral("action:verify-export"),
                           QStringLiteral("checks:t-1d")}));
    QCOMPARE(
        a.state.milestones().value(QStringLiteral("t-1d")).actions.value(QStringLiteral("export")).status,
        QStringLiteral("accepted"));
}

void tst_MilestoneRun::replayGivesSameStateAndNoActionRunsTwice()
{
    MilestoneRun r(t0() - 7 * kDay);
    r.confirmedWrites.insert(QStringLiteral("freeze-writes"));
    r.pump();
    r.ok(RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("announce"),
                            true, QStringLiteral("Ole Hansen"), QStringLiteral("sent")));
    // The cockpit stops right after journaling the write as started.
    r.crashAfterStart = true;
    r.pump();
    QCOMPARE(r.actionEvents(QStringLiteral("t-7d")).last(), QStringLiteral("freeze-writes started"));

    // Replaying the journal gives the same state; the started write is never requested again, and the
    // milestone does not go on to its checks.
    const RunState replayed = RunState::replay(r.runbook, r.journal);
    const auto &m = replayed.milestones().value(QStringLiteral("t-7d"));
    const auto &live = r.state.milestones().value(QStringLiteral("t-7d"));
    QCOMPARE(m.startedAt, live.startedAt);
    QCOMPARE(m.actions.keys().size(), 2);
    for (const QString &id : {QStringLiteral("announce"), QStringLiteral("freeze-writes")}) {
        QCOMPARE(m.actions.value(id).status, live.actions.value(id).status);
        QCOMPARE(m.actions.value(id).at, live.actions.value(id).at);
        QCOMPARE(m.actions.value(id).actor, live.actions.value(id).actor);
    }
    QCOMPARE(m.actions.value(QStringLiteral("freeze-writes")).status, QStringLiteral("started"));
    QVERIFY(replayed.milestoneRunning(QStringLiteral("t-7d")));
    QCOMPARE(replayed.schedule().item(QStringLiteral("t-7d"))->actualStart,
             r.item(QStringLiteral("t-7d")).actualStart);
    r.clock.advance(kHour);
    const RunPlan after = RunPlanner::step(replayed, r.clock.now());
    QVERIFY(after.events.isEmpty());
    QVERIFY(!requests(after, RunEffect::Kind::RunAction, QStringLiteral("freeze-writes")));
    QVERIFY(!requests(after, RunEffect::Kind::RunCheck, QStringLiteral("t-7d")));

    // Whether it ran is for a person to find out: the engine (RunCommands::startedWithoutResult, which knows
    // what is in flight) lists it; the decision it journals names the milestone and folds like one on a
    // failed action. The planner alone has nothing to decide on it.
    r.state = replayed;
    r.crashAfterStart = false;
    QVERIFY(!RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"),
                                QStringLiteral("freeze-writes"), true, QStringLiteral("Dana Weber"),
                                QStringLiteral("site is read-only")));
    r.append(RunEvents::decision(r.info.id, r.clock.now(), QStringLiteral("Dana Weber"),
                                 QStringLiteral("t-7d"), QStringLiteral("schedule"),
                                 QStringLiteral("freeze-writes"), true, QStringLiteral("site is read-only"),
                                 QStringLiteral("t-7d")));
    QCOMPARE(r.state.milestones()
                 .value(QStringLiteral("t-7d"))
                 .actions.value(QStringLiteral("freeze-writes"))
                 .status,
             QStringLiteral("accepted"));
    r.pump();
    QCOMPARE(r.performed.count(QStringLiteral("action:freeze-writes")), 1);
    QCOMPARE(r.performed.last(), QStringLiteral("checks:t-7d"));
    const RunState again = RunState::replay(r.runbook, r.journal);
    const ScheduleItem a = *again.schedule().item(QStringLiteral("t-7d"));
    const ScheduleItem b = r.item(QStringLiteral("t-7d"));
    QCOMPARE(a.actualStart, b.actualStart);
    QCOMPARE(a.actualEnd, b.actualEnd);
    QCOMPARE(a.okRuns, b.okRuns);
    QCOMPARE(a.failed, b.failed);
    QCOMPARE(again.eventCount(), r.state.eventCount());
    QCOMPARE(RunPlanner::step(again, r.clock.now()).effects,
             RunPlanner::step(r.state, r.clock.now()).effects);
}

void tst_MilestoneRun::latenessIsRecorded()
{
    // The run starts 2 h after T-7d: the milestone starts 2 h late; the announcement takes another 90 min.
    const qint64 planned = t0() - 7 * kDay;
    MilestoneRun r(planned + 2 * kHour);
    r.confirmedWrites.insert(QStringLiteral("freeze-writes"));
    r.pump();
    ScheduleItem i = r.item(QStringLiteral("t-7d"));
    QCOMPARE(i.startLateness(), std::optional<Milliseconds>(Milliseconds(2 * kHour)));
    QCOMPARE(i.completionLateness(), std::nullopt);
    r.clock.advance(90 * kMin);
    QCOMPARE(i.lateSoFar(r.clock.now()), Milliseconds(2 * kHour));
    r.ok(RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("announce"),
                            true, QStringLiteral("Ole Hansen"), QStringLiteral("sent")));
    r.pump();
    i = r.item(QStringLiteral("t-7d"));
    QCOMPARE(i.status(r.clock.now()), ScheduleItem::Status::Done);
    QCOMPARE(i.actualEnd, std::optional<qint64>(planned + 3 * kHour + 30 * kMin));
    QCOMPARE(i.completionLateness(), std::optional<Milliseconds>(Milliseconds(3 * kHour + 30 * kMin)));
    QCOMPARE(i.actualDuration(), std::optional<Milliseconds>(Milliseconds(90 * kMin)));
    // The end event carries the plan and the lateness, as evidence.
    const QJsonObject detail = r.journal.last().payload().value(QLatin1String("detail")).toObject();
    QCOMPARE(qint64(detail.value(QLatin1String("planned_at")).toDouble()), planned);
    QCOMPARE(qint64(detail.value(QLatin1String("late_ms")).toDouble()), 3 * kHour + 30 * kMin);
    // A failed check run ends the milestone as failed, still with its lateness.
    MilestoneRun f(t0() - kDay + 10 * kMin);
    f.checksPass = false;
    f.pump();
    const ScheduleItem fi = f.item(QStringLiteral("t-1d"));
    QCOMPARE(fi.status(f.clock.now()), ScheduleItem::Status::Failed);
    QCOMPARE(fi.okRuns, 0);
    QCOMPARE(fi.completionLateness(), std::optional<Milliseconds>(Milliseconds(10 * kMin)));
}

void tst_MilestoneRun::dryRunMustPassTwiceBeforeT0()
{
    MilestoneRun r(t0() - 3 * kDay, kDryRunYaml);
    QVERIFY(r.runbook);
    r.pump();
    // The first run passes: one of two required runs. A person is asked to run it again.
    QCOMPARE(r.performed,
             (QStringList {QStringLiteral("action:staging-import"), QStringLiteral("checks:dry-run")}));
    ScheduleItem dry = r.item(QStringLiteral("dry-run"));
    QCOMPARE(dry.status(r.clock.now()), ScheduleItem::Status::Done);
    QCOMPARE(dry.okRuns, 1);
    QCOMPARE(dry.runs, 1);
    QCOMPARE(dry.runsText(), QStringLiteral("passed 1 of 2 runs"));
    auto pending = r.milestonePending(QStringLiteral("dry-run"));
    QVERIFY(pending);
    QVERIFY2(pending->why.contains(QLatin1String("dry-run passed 1 of 2 required runs: run it again")),
             qPrintable(pending->why));
    const QStringList held {QStringLiteral("milestone dry-run: 1 of 2 required runs passed")};
    QCOMPARE(RunPlanner::t0Blockers(r.state), held);

    // T-0 comes: the window step is held (never requested, not started), the reason is in the status.
    RunPlan p = r.runUntil(t0() + 10 * kMin);
    QVERIFY(!requests(p, RunEffect::Kind::StartScheduleItem, QStringLiteral("maintenance-on")));
    QVERIFY(!r.item(QStringLiteral("maintenance-on")).actualStart);
    QCOMPARE(r.item(QStringLiteral("t-1d")).status(r.clock.now()), ScheduleItem::Status::Done); // not held
    QCOMPARE(RunPlanner::status(r.state, r.clock.now()).t0Blockers, held);
    QVERIFY(r.milestonePending(QStringLiteral("dry-run")));

    // Run it again: a name and a reason; the decision and the milestone's new start, by that person.
    QVERIFY(!RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("dry-run"),
                                false, QStringLiteral("Ole Hansen"), QStringLiteral(" ")));
    const qsizetype before = r.journal.size();
    r.ok(RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("dry-run"),
                            false, QStringLiteral("Ole Hansen"), QStringLiteral("second dry run")));
    QCOMPARE(r.journal.size(), before + 2);
    const JournalEvent decision = r.journal[before];
    QCOMPARE(decision.type(), JournalEventType::DecisionMade);
    QCOMPARE(decision.actor(), QStringLiteral("Ole Hansen"));
    QCOMPARE(decision.payload().value(QLatin1String("target")).toString(), QStringLiteral("dry-run"));
    QCOMPARE(decision.payload().value(QLatin1String("decision")).toString(), QStringLiteral("reject"));
    const JournalEvent start = r.journal.last();
    QCOMPARE(start.type(), JournalEventType::ActionRun);
    QCOMPARE(start.actor(), QStringLiteral("Ole Hansen"));
    QCOMPARE(start.payload().value(QLatin1String("action")).toString(), QStringLiteral("dry-run"));
    QCOMPARE(start.payload().value(QLatin1String("status")).toString(), QStringLiteral("started"));
    QCOMPARE(start.payload().value(QLatin1String("detail")).toObject().value(QLatin1String("run")).toInt(),
             2);
    QVERIFY(r.state.milestoneRunning(QStringLiteral("dry-run")));
    QVERIFY(!r.milestonePending(QStringLiteral("dry-run")));
    // While the second run is under way, T-0 stays held.
    QCOMPARE(RunPlanner::t0Blockers(r.state), held);

    // The second run runs the actions and checks again, journaled as a new run; then T-0 is released.
    r.performed.clear();
    r.pump();
    QCOMPARE(r.performed,
             (QStringList {
                 QStringLiteral("action:staging-import"),
                 QStringLiteral("checks:dry-run"),
             }));
    QCOMPARE(r.actionEvents(QStringLiteral("dry-run")),
             (QStringList {QStringLiteral("staging-import started"), QStringLiteral("staging-import ok"),
                           QStringLiteral("staging-import started"), QStringLiteral("staging-import ok")}));
    dry = r.item(QStringLiteral("dry-run"));
    QCOMPARE(dry.okRuns, 2);
    QCOMPARE(dry.runs, 2);
    QCOMPARE(dry.runsText(), QStringLiteral("passed 2 of 2 runs"));
    QCOMPARE(dry.status(r.clock.now()), ScheduleItem::Status::Done);
    QVERIFY(!r.milestonePending(QStringLiteral("dry-run")));
    QVERIFY(RunPlanner::t0Blockers(r.state).isEmpty());
    QVERIFY(RunPlanner::status(r.state, r.clock.now()).t0Blockers.isEmpty());
    const ScheduleItem on = r.item(QStringLiteral("maintenance-on"));
    QCOMPARE(on.actualStart, std::optional<qint64>(r.clock.now()));
    QCOMPARE(on.startLateness(), std::optional<Milliseconds>(Milliseconds(10 * kMin)));
    // A milestone with its required runs passed offers no further run.
    QVERIFY(!RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("dry-run"),
                                false, QStringLiteral("Ole Hansen"), QStringLiteral("a third one")));

    // Replay equality: the same runs, the same (empty) blockers and effects, the same pending decisions.
    const RunState replayed = RunState::replay(r.runbook, r.journal);
    const ScheduleItem a = *replayed.schedule().item(QStringLiteral("dry-run"));
    QCOMPARE(a.okRuns, dry.okRuns);
    QCOMPARE(a.runs, dry.runs);
    QCOMPARE(a.actualStart, dry.actualStart);
    QCOMPARE(a.actualEnd, dry.actualEnd);
    QCOMPARE(replayed.eventCount(), r.state.eventCount());
    QCOMPARE(RunPlanner::t0Blockers(replayed), RunPlanner::t0Blockers(r.state));
    QCOMPARE(RunPlanner::step(replayed, r.clock.now()).effects,
             RunPlanner::step(r.state, r.clock.now()).effects);
    QCOMPARE(RunPlanner::step(replayed, r.clock.now()).pending.size(),
             RunPlanner::step(r.state, r.clock.now()).pending.size());
}

void tst_MilestoneRun::failedChecksAskForAnotherRun()
{
    MilestoneRun r(t0() - 3 * kDay, kDryRunYaml);
    r.checksPass = false;
    r.pump();
    QCOMPARE(r.item(QStringLiteral("dry-run")).status(r.clock.now()), ScheduleItem::Status::Failed);
    QCOMPARE(r.item(QStringLiteral("dry-run")).okRuns, 0);
    auto pending = r.milestonePending(QStringLiteral("dry-run"));
    QVERIFY(pending);
    QVERIFY2(pending->why.contains(QLatin1String("checks failed")), qPrintable(pending->why));
    QVERIFY2(pending->why.contains(QLatin1String("run it again")), qPrintable(pending->why));
    QVERIFY2(pending->why.contains(QLatin1String("accept")), qPrintable(pending->why));
    QCOMPARE(RunPlanner::t0Blockers(r.state),
             QStringList {QStringLiteral("milestone dry-run: 0 of 2 required runs passed")});
    // Nothing runs by itself: the failed run waits for a person.
    r.performed.clear();
    r.runUntil(r.clock.now() + kHour);
    QVERIFY(r.performed.isEmpty());

    // Run again (now passing), then once more.
    r.checksPass = true;
    r.ok(RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("dry-run"),
                            false, QStringLiteral("Dana Weber"), QStringLiteral("staging DB was down")));
    r.pump();
    QCOMPARE(r.performed,
             (QStringList {QStringLiteral("action:staging-import"), QStringLiteral("checks:dry-run")}));
    QCOMPARE(r.item(QStringLiteral("dry-run")).okRuns, 1);
    QCOMPARE(r.item(QStringLiteral("dry-run")).runs, 2);
    pending = r.milestonePending(QStringLiteral("dry-run"));
    QVERIFY(pending);
    QVERIFY2(pending->why.contains(QLatin1String("passed 1 of 2 required runs")), qPrintable(pending->why));
    r.ok(RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("dry-run"),
                            false, QStringLiteral("Dana Weber"), QStringLiteral("second passing run")));
    r.pump();
    QCOMPARE(r.item(QStringLiteral("dry-run")).okRuns, 2);
    QCOMPARE(r.item(QStringLiteral("dry-run")).runs, 3);
    QVERIFY(!r.milestonePending(QStringLiteral("dry-run")));
    QVERIFY(RunPlanner::t0Blockers(r.state).isEmpty());

    // A milestone without min_runs (1) that failed also asks for another run, but never holds T-0.
    MilestoneRun f(t0() - kDay);
    f.checksPass = false;
    f.pump();
    QCOMPARE(f.item(QStringLiteral("t-1d")).status(f.clock.now()), ScheduleItem::Status::Failed);
    pending = f.milestonePending(QStringLiteral("t-1d"));
    QVERIFY(pending);
    QVERIFY2(!pending->why.contains(QLatin1String("required runs")), qPrintable(pending->why));
    QVERIFY(RunPlanner::t0Blockers(f.state).isEmpty());
}

void tst_MilestoneRun::waiverReleasesT0()
{
    MilestoneRun r(t0() - 3 * kDay, kDryRunYaml);
    r.pump();
    r.runUntil(t0() + kMin);
    QVERIFY(!r.item(QStringLiteral("maintenance-on")).actualStart);
    // A waiver needs a name and a reason; it is journaled as an accepted decision on the milestone.
    QVERIFY(!RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("dry-run"),
                                true, QString(), QStringLiteral("one run is enough")));
    r.ok(RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("dry-run"),
                            true, QStringLiteral("Ole Hansen"),
                            QStringLiteral("staging is gone; one run is enough")));
    QCOMPARE(r.journal.last().type(), JournalEventType::DecisionMade);
    QCOMPARE(r.journal.last().payload().value(QLatin1String("decision")).toString(),
             QStringLiteral("accept"));
    const auto waiver = r.state.milestoneWaivers().value(QStringLiteral("dry-run"));
    QCOMPARE(waiver.who, QStringLiteral("Ole Hansen"));
    QCOMPARE(waiver.reason, QStringLiteral("staging is gone; one run is enough"));
    QVERIFY(RunPlanner::t0Blockers(r.state).isEmpty());
    QVERIFY(!r.milestonePending(QStringLiteral("dry-run")));
    QCOMPARE(r.item(QStringLiteral("dry-run")).okRuns, 1); // the waiver is not a passed run
    r.pump();
    QCOMPARE(r.item(QStringLiteral("maintenance-on")).actualStart, std::optional<qint64>(r.clock.now()));
    // The waiver survives a replay.
    const RunState replayed = RunState::replay(r.runbook, r.journal);
    QCOMPARE(replayed.milestoneWaivers().value(QStringLiteral("dry-run")).who, QStringLiteral("Ole Hansen"));
    QVERIFY(RunPlanner::t0Blockers(replayed).isEmpty());
}

void tst_MilestoneRun::firstStageHeldUntilRunsPassed()
{
    MilestoneRun r(t0() - 3 * kDay, kDryRunStagesYaml);
    QVERIFY(r.runbook);
    r.pump();
    QCOMPARE(r.item(QStringLiteral("dry-run")).okRuns, 1); // no checks: done when its action is
    auto enterStageOffered = [&r] {
        const auto pending = RunPlanner::status(r.state, r.clock.now()).pending;
        return std::any_of(pending.cbegin(), pending.cend(),
                           [](const PendingDecision &p) { return p.kind == QLatin1String("enter_stage"); });
    };

    // Three days before T-0: entering is refused with when T-0 is and how to rehearse now (and what else
    // holds T-0); no enter_stage is offered, the status says when it will be.
    QCOMPARE(r.clock.now(), t0() - 3 * kDay);
    const auto early = RunPlanner::enterStage(r.state, r.clock.now(), QStringLiteral("launch"),
                                              QStringLiteral("Dana Weber"));
    QVERIFY(!early);
    QCOMPARE(early.error().message,
             QStringLiteral("T-0 is 2027-01-22T08:00:00Z, in 3d; to rehearse now, set the t0 param to now"));
    QCOMPARE(early.error().reasons,
             (QStringList {QStringLiteral("launch cannot be entered before T-0"),
                           QStringLiteral("milestone dry-run: 1 of 2 required runs passed")}));
    QVERIFY(!enterStageOffered());
    QVERIFY(r.milestonePending(QStringLiteral("dry-run"))); // the milestone's own decision is
    QCOMPARE(RunPlanner::status(r.state, r.clock.now()).waitingFor,
             QStringLiteral("T-0 is 2027-01-22T08:00:00Z, in 3d: launch can be entered from then"));
    r.clock.advanceTo(t0() - 2 * kHour - 10 * kMin);
    QCOMPARE(RunPlanner::status(r.state, r.clock.now()).waitingFor,
             QStringLiteral("T-0 is 2027-01-22T08:00:00Z, in 2h 10m: launch can be entered from then"));
    // The planner wakes the driver at T-0.
    QCOMPARE(RunPlanner::step(r.state, r.clock.now()).wakeAt, std::optional<qint64>(t0()));
    QVERIFY(
        !RunPlanner::enterStage(r.state, t0() - 1, QStringLiteral("launch"), QStringLiteral("Dana Weber")));

    // At T-0 the dry run still holds it: one of its two runs passed.
    r.clock.advanceTo(t0());
    QVERIFY(RunPlanner::status(r.state, r.clock.now()).waitingFor.isEmpty());
    const auto refused = RunPlanner::enterStage(r.state, r.clock.now(), QStringLiteral("launch"),
                                                QStringLiteral("Dana Weber"));
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("T-0 is held")),
             qPrintable(refused.error().message));
    QCOMPARE(refused.error().reasons,
             QStringList {QStringLiteral("milestone dry-run: 1 of 2 required runs passed")});
    // No enter_stage is offered while held; the milestone's own decision is.
    QVERIFY(!enterStageOffered());
    QVERIFY(r.milestonePending(QStringLiteral("dry-run")));

    r.ok(RunPlanner::decide(r.state, r.clock.now(), QStringLiteral("schedule"), QStringLiteral("dry-run"),
                            false, QStringLiteral("Dana Weber"), QStringLiteral("second run")));
    r.pump();
    QCOMPARE(r.item(QStringLiteral("dry-run")).okRuns, 2);
    QVERIFY(enterStageOffered());
    r.ok(RunPlanner::enterStage(r.state, r.clock.now(), QStringLiteral("launch"),
                                QStringLiteral("Dana Weber")));
    QCOMPARE(r.state.phase(), RunState::Phase::InStage);
}

QTEST_GUILESS_MAIN(tst_MilestoneRun)
#include "tst_MilestoneRun.moc"
