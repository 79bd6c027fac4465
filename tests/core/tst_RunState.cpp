#include "support/RunHarness.h"

#include <QJsonArray>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;
using namespace cockpit::test::harness_time;
using namespace std::chrono_literals;

// The state of a run is a fold over its journal: replaying the stored events (through the same row format a
// store keeps) gives the state the live engine had, and a run resumed from a replay carries on as if it had
// never stopped.
class tst_RunState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replayOfAHalfFinishedRunEqualsTheLiveState();
    void resumingAfterACrashAtAnyEventContinuesTheSameRun();
    void resumingAfterDowntimeKeepsTheSoakWithinOneInterval();
    void rehearsalAndLiveRunsInOneJournalStayApart();
    void malformedEventsAreIgnored();
    void aDecisionInTheJournalStaysDecidedAcrossRestarts();
};

namespace {

// Canary as in plannerRunbookHead, with a stuck-imports gate and a manual gate.
const QByteArray kRunbook = plannerRunbookHead("replay test") + R"(
      - {id: no-stuck, expect: "stuck_imports == 0", recover_within: 2h}
      - {id: complaints, manual: Zero user complaints}
  - id: half
    soak: 48h
    gates:
      - {id: success, expect: "success_rate_pct >= 95", hold: 24h}
rollback:
  triggers:
    - {id: slow, when: "slow_imports_pct > 10", severity: medium, action: rollback_if_persists, persists: 6h}
  steps:
    - {id: set-0, manual: set rollout to 0}
)";

// A day with some weather: a breach at 5 h, a stuck import from 8 h to 9 h, no data from 11 h to 12 h
// (which stops the success gate for a decision), slow imports from 14 h (extends the soak).
std::optional<double> weather(const QString &m, qint64 now)
{
    const qint64 t = now - kStart;
    if (m == QLatin1String("success_rate_pct")) {
        if (t >= 11 * kHour && t < 12 * kHour)
            return std::nullopt;
        return t >= 5 * kHour && t < 5 * kHour + 10 * kMin ? 93.0 : 98.5;
    }
    if (m == QLatin1String("stuck_imports"))
        return t >= 8 * kHour && t < 9 * kHour ? 2.0 : 0.0;
    if (m == QLatin1String("slow_imports_pct"))
        return t >= 14 * kHour ? 12.0 : 1.0;
    return 0.0;
}

std::unique_ptr<RunHarness> harness()
{
    auto h = std::make_unique<RunHarness>(loadRunbook(kRunbook));
    h->metric = weather;
    h->startInStage(QStringLiteral("canary"));
    return h;
}

// Events as a store returns them: row -> event, no shared objects with the live run.
QList<JournalEvent> throughRows(const QList<JournalEvent> &events)
{
    QList<JournalEvent> out;
    for (const JournalEvent &e : events) {
        auto back = JournalEvent::fromRawRow(e.toRawRow());
        if (!back)
            qFatal("row does not parse back: %s", qPrintable(back.error()));
        out.append(*back);
    }
    return out;
}

// Everything a person or the driver can see of a run at `now`, as text for comparison.
QString describe(const RunState &s, qint64 now)
{
    const RunStatus st = RunPlanner::status(s, now);
    QStringList out;
    out << QStringLiteral("phase=%1 stage=%2 attempt=%3 soakStart=%4 soakEnd=%5 soakRemaining=%6")
               .arg(RunState::phaseName(st.phase), st.stage)
               .arg(st.attempt)
               .arg(st.soakStart.value_or(-1))
               .arg(st.soakEnd.value_or(-1))
               .arg(st.soakRemaining.count());
    for (const GateView &g : st.gates)
        out << QStringLiteral("gate %1 %2 %3 held=%4 remaining=%5 window=%6 reason=%7")
                   .arg(g.id, GateStatus::phaseName(g.status.phase), g.status.verdictKey())
                   .arg(g.status.held.count())
                   .arg(g.status.remaining.count())
                   .arg(g.status.windowStart.value_or(-1))
                   .arg(g.status.reason);
    for (const CheckpointView &c : st.checkpoints)
        out << QStringLiteral("checkpoint %1 due=%2 at=%3")
                   .arg(c.due.index)
                   .arg(c.due.dueAt)
                   .arg(c.recordedAt.value_or(-1));
    for (const PendingDecision &d : st.pending)
        out << QStringLiteral("pending %1 %2: %3").arg(d.kind, d.target, d.why);
    out << QStringLiteral("blockers: ") + st.blockers.join(QStringLiteral("; "));
    const RunPlan plan = RunPlanner::step(s, now);
    out << QStringLiteral("next: %1 events, %2 effects, wake %3")
               .arg(plan.events.size())
               .arg(plan.effects.size())
               .arg(plan.wakeAt.value_or(-1));
    for (const auto &f : s.fired())
        out << QStringLiteral("fired %1 %2 at %3").arg(f.trigger, triggerEffectName(f.effect)).arg(f.at);
    return out.join(QLatin1Char('\n'));
}

QStringList journalText(const QList<JournalEvent> &events)
{
    QStringList out;
    for (const JournalEvent &e : events)
        out << QStringLiteral("%1 %2 %3 %4")
                   .arg(e.at())
                   .arg(e.typeName(), e.actor(), QString::fromUtf8(e.payloadJson()));
    return out;
}

std::unique_ptr<RunHarness> resumeFrom(const QList<JournalEvent> &prefix, qint64 now)
{
    auto h = std::make_unique<RunHarness>(loadRunbook(kRunbook));
    h->metric = weather;
    h->journal = throughRows(prefix);
    h->state = RunState::replay(h->state.runbookPtr(), h->journal, h->info.id);
    h->clock.advanceTo(now);
    return h;
}

} // namespace

void tst_RunState::replayOfAHalfFinishedRunEqualsTheLiveState()
{
    auto live = harness();
    live->runUntil(kStart + 13 * kHour + 17 * kMin); // mid-interval, a decision pending, soak extended
    const qint64 now = live->clock.now();
    const RunStatus st = RunPlanner::status(live->state, now);
    // The situation is interesting: a stopped gate, a fired trigger, a recovered stuck gate.
    QCOMPARE(live->gate(QStringLiteral("success")).status.phase, GateStatus::Phase::AwaitingDecision);
    QVERIFY(live->state.fired().isEmpty());
    QCOMPARE(st.checkpoints[1].recordedAt, std::optional<qint64>(kStart + 6 * kHour));

    const RunState replayed = RunState::replay(live->state.runbookPtr(), throughRows(live->journal));
    QCOMPARE(replayed.runId(), live->state.runId());
    QCOMPARE(replayed.eventCount(), live->state.eventCount());
    QCOMPARE(describe(replayed, now), describe(live->state, now));
    // Later on, time alone moves both the same way.
    QCOMPARE(describe(replayed, now + 3 * kHour), describe(live->state, now + 3 * kHour));

    // Decide, run on past the slow imports (extension) and compare again.
    live->ok(RunPlanner::decide(live->state, now, QStringLiteral("gate"), QStringLiteral("success"), true,
                                QStringLiteral("Dana Weber"),
                                QStringLiteral("metrics DB failover, imports were fine")));
    live->runUntil(kStart + 15 * kHour + 2 * kMin);
    QCOMPARE(live->state.fired().size(), 1); // slow imports: monitoring extended
    const qint64 later = live->clock.now();
    const RunState again = RunState::replay(live->state.runbookPtr(), throughRows(live->journal));
    QCOMPARE(describe(again, later), describe(live->state, later));
    QCOMPARE(again.soakEnd(), live->state.soakEnd());
    QCOMPARE(RunPlanner::status(again, later).gates[0].status.remaining,
             RunPlanner::status(live->state, later).gates[0].status.remaining);
}

void tst_RunState::resumingAfterACrashAtAnyEventContinuesTheSameRun()
{
    auto straight = harness();
    straight->runUntil(kStart + 16 * kHour);
    const QStringList expected = journalText(straight->journal);

    // Kill the process after event k (for many k, including between events of the same instant), restart at
    // the time of the last stored event, and carry on: the journal comes out the same.
    int resumed = 0;
    int midInstant = 0;
    const qint64 end = kStart + 16 * kHour;
    for (qsizetype k = 6; k < straight->journal.size(); k += 17) {
        const QList<JournalEvent> prefix = straight->journal.mid(0, k);
        auto h = resumeFrom(prefix, prefix.last().at());
        h->runUntil(end);
        QCOMPARE(describe(h->state, end), describe(straight->state, end));
        QStringList got = journalText(h->journal);
        if (k < straight->journal.size() && straight->journal[k].at() == prefix.last().at()) {
            // Cut between two events of the same instant: the same events at the same times, though the
            // resumed engine may journal a gate change before the rest of that instant's samples.
            QStringList want = expected;
            got.sort();
            want.sort();
            QCOMPARE(got, want);
            ++midInstant;
        } else {
            QCOMPARE(got, expected);
        }
        ++resumed;
    }
    QVERIFY(resumed > 20);
    QVERIFY(midInstant > 5 && midInstant < resumed);
}

void tst_RunState::resumingAfterDowntimeKeepsTheSoakWithinOneInterval()
{
    auto straight = harness();
    straight->runUntil(kStart + 2 * kHour);
    const GateStatus before = straight->gate(QStringLiteral("success")).status;
    QCOMPARE(before.phase, GateStatus::Phase::Holding);

    // The process dies at 2 h and comes back 3 minutes later.
    auto h = resumeFrom(straight->journal, kStart + 2 * kHour + 3 * kMin);
    const GateStatus after = h->gate(QStringLiteral("success")).status;
    QCOMPARE(after.remaining, before.remaining); // the soak timer is where it was
    QCOMPARE(after.windowStart, before.windowStart);
    h->runUntil(kStart + 2 * kHour + 5 * kMin); // sampling keeps its 5-minute grid
    QCOMPARE(h->state.latestSamples().value(QStringLiteral("success_rate_pct")).at,
             kStart + 2 * kHour + 5 * kMin);
    QCOMPARE(h->gate(QStringLiteral("success")).status.remaining, before.remaining - Milliseconds(5min));
    // Both reach the end of the 24 h window within one sampling interval of each other.
    auto reference = harness();
    reference->metric = [](const QString &m, qint64) {
        return std::optional<double>(m == QLatin1String("success_rate_pct") ? 99.0 : 0.0);
    };
    h->metric = reference->metric;
    straight->metric = reference->metric;
    straight->runUntil(kStart + 25 * kHour);
    h->runUntil(kStart + 25 * kHour);
    auto passedAt = [](const RunHarness &x) {
        for (const auto &e : x.eventsOf(JournalEventType::GateChanged)) {
            if (e.payload().value(QStringLiteral("gate")).toString() == QLatin1String("success")
                && e.payload().value(QStringLiteral("phase")).toString() == QLatin1String("passed"))
                return e.at();
        }
        return qint64(-1);
    };
    QVERIFY(passedAt(*straight) > 0);
    QVERIFY(passedAt(*h) > 0);
    QVERIFY2(qAbs(passedAt(*h) - passedAt(*straight)) < 5 * kMin,
             qPrintable(QStringLiteral("%1 vs %2").arg(passedAt(*h)).arg(passedAt(*straight))));
}

void tst_RunState::rehearsalAndLiveRunsInOneJournalStayApart()
{
    auto rehearsal = harness();
    RunHarness live(loadRunbook(kRunbook), RunMode::Live);
    live.metric = [](const QString &m, qint64) {
        return std::optional<double>(m == QLatin1String("success_rate_pct") ? 50.0 : 0.0);
    };
    live.start();
    live.ok(
        RunPlanner::enterStage(live.state, kStart, QStringLiteral("canary"), QStringLiteral("Ravi Patel")));
    rehearsal->runUntil(kStart + 3 * kHour);
    live.runUntil(kStart + 3 * kHour);
    // One shared journal with both runs interleaved by time.
    QList<JournalEvent> mixed = rehearsal->journal + live.journal;
    std::stable_sort(mixed.begin(), mixed.end(),
                     [](const JournalEvent &a, const JournalEvent &b) { return a.at() < b.at(); });
    const RunState r = RunState::replay(rehearsal->state.runbookPtr(), mixed, rehearsal->info.id);
    const RunState l = RunState::replay(rehearsal->state.runbookPtr(), mixed, live.info.id);
    QCOMPARE(r.mode(), RunMode::Rehearsal);
    QCOMPARE(l.mode(), RunMode::Live);
    QCOMPARE(l.lead(), QStringLiteral("Dana Weber"));
    const qint64 now = kStart + 3 * kHour;
    QCOMPARE(describe(r, now), describe(rehearsal->state, now));
    QCOMPARE(describe(l, now), describe(live.state, now));
    QVERIFY(describe(r, now) != describe(l, now));
}

void tst_RunState::malformedEventsAreIgnored()
{
    auto h = harness();
    h->runUntil(kStart + kHour);
    const QString before = describe(h->state, h->clock.now());
    const QString id = h->info.id;
    const qint64 at = h->clock.now();
    h->state.apply(JournalEventDraft {id,
                                      at,
                                      JournalEventType::StageEntered,
                                      QStringLiteral("x"),
                                      {{QStringLiteral("stage"), QStringLiteral("nope")}}});
    h->state.apply(JournalEventDraft {id, at, JournalEventType::SampleTaken, QStringLiteral("x"), {}});
    h->state.apply(JournalEventDraft {id,
                                      at,
                                      JournalEventType::GateChanged,
                                      QStringLiteral("x"),
                                      {{QStringLiteral("stage"), QStringLiteral("other")}}});
    h->state.apply(JournalEventDraft {id,
                                      at,
                                      JournalEventType::RollbackStep,
                                      QStringLiteral("x"),
                                      {{QStringLiteral("step"), QStringLiteral("set-0")}}});
    h->state.apply(JournalEventDraft {id,
                                      at,
                                      JournalEventType::RunStarted,
                                      QStringLiteral("x"),
                                      {{QStringLiteral("mode"), QStringLiteral("live")}}});
    QCOMPARE(describe(h->state, h->clock.now()), before);
    QCOMPARE(h->state.mode(), RunMode::Rehearsal);
}

// A non-interactive run stops when a gate waits for a decision; a person decides from another terminal
// (journaled), and the run is started again. The decision is honoured: the resumed run does not ask it
// again, whatever the time between the stop, the decision and the restart; and the no-data grace is
// derived from the journal, so a restart neither grants a fresh grace nor eats into it.
void tst_RunState::aDecisionInTheJournalStaysDecidedAcrossRestarts()
{
    auto first = harness();
    first->metric = [](const QString &m, qint64 now) -> std::optional<double> {
        if (m == QLatin1String("success_rate_pct") && now >= kStart + 2 * kHour && now < kStart + 3 * kHour)
            return std::nullopt;
        return m == QLatin1String("success_rate_pct") ? 99.0 : 0.0;
    };
    RunPlan p = first->runUntil(kStart + 2 * kHour + 40 * kMin);
    auto pendingGate = [](const RunPlan &plan) {
        for (const PendingDecision &d : plan.pending)
            if (d.kind == QLatin1String("gate") && d.target == QLatin1String("success"))
                return true;
        return false;
    };
    QVERIFY(pendingGate(p)); // the run exits here (exit 3)

    for (const qint64 downtime : {2 * kMin, 50 * kMin, 5 * kHour}) {
        // `decide` from another terminal, on the journal as it stands.
        const qint64 decidedAt = kStart + 2 * kHour + 40 * kMin + downtime / 2;
        auto h = resumeFrom(first->journal, decidedAt);
        h->metric = first->metric;
        h->ok(RunPlanner::decide(h->state, decidedAt, QStringLiteral("gate"), QStringLiteral("success"), true,
                                 QStringLiteral("Dana Weber"), QStringLiteral("metrics DB failover")));
        // The run is started again later.
        auto resumed = resumeFrom(h->journal, kStart + 2 * kHour + 40 * kMin + downtime);
        resumed->append(RunEvents::resumed(resumed->info.id, resumed->clock.now(), QStringLiteral("engine"),
                                           QStringLiteral("run resumed after a restart")));
        resumed->metric = [](const QString &m, qint64) -> std::optional<double> {
            return m == QLatin1String("success_rate_pct") ? 99.0 : 0.0;
        };
        p = resumed->pump();
        QVERIFY2(!pendingGate(p), qPrintable(QStringLiteral("asked again after %1 ms").arg(downtime)));
        QVERIFY(resumed->gate(QStringLiteral("success")).status.phase != GateStatus::Phase::AwaitingDecision);
        p = resumed->runFor(kHour);
        QVERIFY2(!pendingGate(p), qPrintable(QStringLiteral("asked again after %1 ms").arg(downtime)));
    }

    // No decision: a restart within the grace keeps the grace where it was (the first sample without data
    // is in the journal): the stop comes when it came in the run that never stopped.
    auto stopAt = [](const RunHarness &x) {
        for (const auto &e : x.eventsOf(JournalEventType::GateChanged))
            if (e.payload().value(QStringLiteral("phase")).toString() == QLatin1String("awaiting_decision"))
                return e.at();
        return qint64(-1);
    };
    QList<JournalEvent> prefix;
    for (const JournalEvent &e : std::as_const(first->journal))
        if (e.at() <= kStart + 2 * kHour + 20 * kMin)
            prefix.append(e);
    auto crashed = resumeFrom(prefix, kStart + 2 * kHour + 23 * kMin);
    crashed->metric = first->metric;
    crashed->append(RunEvents::resumed(crashed->info.id, crashed->clock.now(), QStringLiteral("engine"),
                                       QStringLiteral("run resumed after a restart")));
    crashed->runUntil(kStart + 2 * kHour + 40 * kMin);
    QCOMPARE(stopAt(*crashed), stopAt(*first));
    QCOMPARE(stopAt(*first), kStart + 2 * kHour + 30 * kMin + 1);
    // A restart after the grace ran out (no sampling while down) asks at once: the gap is real.
    auto late = resumeFrom(prefix, kStart + 2 * kHour + 50 * kMin);
    late->metric = first->metric;
    late->append(RunEvents::resumed(late->info.id, late->clock.now(), QStringLiteral("engine"),
                                    QStringLiteral("run resumed after a restart")));
    QVERIFY(pendingGate(late->pump()));
}

QTEST_GUILESS_MAIN(tst_RunState)
#include "tst_RunState.moc"
