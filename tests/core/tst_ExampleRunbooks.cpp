// Examples B, C and D end to end on a FakeClock: the shipped runbook is loaded with T-0 relative to the
// clock, the run is started, and a lead answers every pending decision the way the cockpit's commands do
// (RunPlanner for gates, approvals and promotion; RunCommands::decide for manual and started items, as
// `decide` does; write confirmations as RunDriver::confirmWrite). Effects are performed the way RunDriver
// performs them (RunHarness::asDriver), with healthy metrics and passing checks, until the run finishes.

#include "core/journal/JournalVerifier.h"
#include "engine/RunCommands.h"
#include "support/RunHarness.h"
#include "support/TestEnv.h"

#include <QDateTime>
#include <QTest>
#include <functional>

using namespace cockpit;
using namespace cockpit::test;
using namespace cockpit::test::harness_time;

class tst_ExampleRunbooks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bSiteRewriteCutover();
    void cMaintenanceWindowSwitch();
    void dStagedMigration();
    void dRollbackWithinTarget();
};

namespace {

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

std::unique_ptr<RunHarness> load(const QString &file, const QMap<QString, QString> &params)
{
    auto rb = RunbookLoader::loadFile(sourcePath(QStringLiteral("resources/runbooks/") + file), params);
    if (!rb) {
        for (const Error &e : rb.error())
            qWarning("%s", qPrintable(e.toString()));
        return nullptr;
    }
    auto h = std::make_unique<RunHarness>(std::make_shared<const Runbook>(std::move(*rb)));
    h->asDriver = true;
    return h;
}

const QString kLead = QStringLiteral("Dana Weber");
const QString kOperator = QStringLiteral("Ole Hansen");
const QString kApprover = QStringLiteral("Ravi Patel");
const QString kSupport = QStringLiteral("Lena Hoffmann");
constexpr qint64 kManualMs = 5 * kMin; // how long a person takes over a manual item

// What the lead saw and did, in order ("confirm_write dns-flip", "schedule t-3d: run again", ...).
struct Drive
{
    QStringList answered;
    QString unexpected; // a pending decision the lead could not answer, or why the run got stuck
};

// Everything a lead is shown as pending, as RunDriver::status() puts it together.
QList<PendingDecision> pendingOf(const RunHarness &h, const RunPlan &plan)
{
    QList<PendingDecision> all = plan.pending;
    all += RunCommands::startedWithoutResult(h.state);
    all += h.confirmations;
    return all;
}

bool isWindowStep(const Runbook &rb, const QString &id)
{
    return RunCommands::findWindowStep(rb, id) != nullptr;
}

// The lead enters the first stage at T-0 once the schedule up to it is done (every window step, and every
// milestone planned up to T-0, ended and passed): the stage watches what the cutover changed.
bool scheduleDone(const RunHarness &h)
{
    const ScheduleTimeline &t = h.state.schedule();
    if (t.items().isEmpty())
        return true;
    if (h.clock.now() < t.t0())
        return false;
    for (const ScheduleItem &i : t.items()) {
        const bool before = i.kind == ScheduleItem::Kind::WindowStep || i.plannedStart <= t.t0();
        if (before && (!i.actualEnd || i.failed || !i.satisfied()))
            return false;
    }
    return true;
}

// Answers one decision; false when the lead has nothing to do with it right now.
bool answer(RunHarness &h, const PendingDecision &d, Drive &out, QHash<QString, qint64> &seen)
{
    const qint64 now = h.clock.now();
    const QString key = d.kind + QLatin1Char(':') + d.stage + QLatin1Char('/') + d.target;
    const qint64 since = seen.value(key, now);
    seen.insert(key, since);
    auto apply = [&](const RunCommand &c, const QString &what) {
        if (!c) {
            out.unexpected = QStringLiteral("%1 refused: %2 %3")
                                 .arg(what, c.error().message, c.error().reasons.join(QStringLiteral("; ")));
            return true;
        }
        h.append(*c);
        out.answered << what;
        return true;
    };
    const bool manualItem = (d.kind == QLatin1String("schedule") || d.kind == QLatin1String("rollback_step"))
        && d.why.contains(QLatin1String("manual: "));
    if (manualItem && now < since + kManualMs)
        return false; // the person is still at it
    if (d.kind == QLatin1String("confirm_write")) {
        h.confirmedWrites.insert(d.target);
        out.answered << QStringLiteral("confirm_write ") + d.target;
        return true;
    }
    if (d.kind == QLatin1String("schedule") && !d.stage.isEmpty())
        return apply(RunCommands::decide(h.state, now, d.kind, d.stage + QLatin1Char('/') + d.target, true,
                                         kOperator, QStringLiteral("done")),
                     QStringLiteral("done %1/%2").arg(d.stage, d.target));
    if (d.kind == QLatin1String("schedule") && isWindowStep(h.state.runbook(), d.target))
        return apply(
            RunCommands::decide(h.state, now, d.kind, d.target, true, kOperator, QStringLiteral("done")),
            QStringLiteral("done ") + d.target);
    if (d.kind == QLatin1String("schedule")) {
        const auto item = h.state.schedule().item(d.target);
        if (!item || item->failed) {
            out.unexpected = QStringLiteral("milestone %1 failed: %2").arg(d.target, d.why);
            return true;
        }
        return apply(
            RunCommands::decide(h.state, now, d.kind, d.target, false, kLead,
                                QStringLiteral("run %1 of %2").arg(item->runs + 1).arg(item->minRuns)),
            QStringLiteral("run again ") + d.target);
    }
    if (d.kind == QLatin1String("rollback_step"))
        return apply(
            RunCommands::decide(h.state, now, d.kind, d.target, true, kOperator, QStringLiteral("done")),
            QStringLiteral("done rollback ") + d.target);
    if (d.kind == QLatin1String("manual_gate"))
        return apply(
            RunPlanner::confirmManualGate(h.state, now, d.target, kSupport, QStringLiteral("checked")),
            QStringLiteral("confirm ") + d.target);
    if (d.kind == QLatin1String("second_approval"))
        return apply(RunPlanner::approvePromotion(h.state, now, kApprover),
                     QStringLiteral("approve ") + d.target);
    if (d.kind == QLatin1String("promote"))
        return apply(RunPlanner::promote(h.state, now, kLead), QStringLiteral("promote ") + d.target);
    if (d.kind == QLatin1String("enter_stage")) {
        if (!scheduleDone(h))
            return false;
        return apply(RunPlanner::enterStage(h.state, now, d.target, kLead),
                     QStringLiteral("enter ") + d.target);
    }
    out.unexpected
        = QStringLiteral("unexpected pending %1 %2 (%3): %4").arg(d.kind, d.target, d.stage, d.why);
    return true;
}

// What a test's own lead does with a decision before the default answers: nullopt = answer it as usual,
// false = leave it for now, true = handled.
using Override = std::function<std::optional<bool>(const PendingDecision &)>;

// Runs until the run finishes, `stop` holds or the clock reaches `until`, answering what the lead can.
Drive drive(RunHarness &h, qint64 until, const Override &lead = {}, const std::function<bool()> &stop = {})
{
    Drive out;
    QHash<QString, qint64> seen;
    for (int guard = 0; guard < 200000; ++guard) {
        if (h.state.phase() == RunState::Phase::Finished || h.clock.now() >= until || (stop && stop()))
            return out;
        const RunPlan plan = h.pump();
        if (h.state.phase() == RunState::Phase::Finished || (stop && stop()))
            return out;
        bool acted = false;
        std::optional<qint64> retry; // a manual item the person is still at
        for (const PendingDecision &d : pendingOf(h, plan)) {
            if (const auto o = lead ? lead(d) : std::nullopt) {
                acted = *o;
                if (acted)
                    break;
                continue;
            }
            if (answer(h, d, out, seen)) {
                acted = true;
                break;
            }
            const QString key = d.kind + QLatin1Char(':') + d.stage + QLatin1Char('/') + d.target;
            if (seen.contains(key) && seen.value(key) + kManualMs > h.clock.now())
                retry = retry ? std::min(*retry, seen.value(key) + kManualMs) : seen.value(key) + kManualMs;
        }
        if (!out.unexpected.isEmpty())
            return out;
        if (acted)
            continue;
        std::optional<qint64> next = plan.wakeAt;
        if (retry && (!next || *retry < *next))
            next = retry;
        // Nothing happens by itself before T-0 once the T-minus milestones are done: the lead waits for it.
        const qint64 t0 = h.state.schedule().t0();
        if (h.state.phase() == RunState::Phase::Ready && h.clock.now() < t0 && (!next || t0 < *next))
            next = t0;
        if (!next) {
            out.unexpected = QStringLiteral("nothing to wait for, but the run is not finished (%1)")
                                 .arg(RunState::phaseName(h.state.phase()));
            return out;
        }
        h.clock.advanceTo(std::max(*next, h.clock.now() + 1));
    }
    out.unexpected = QStringLiteral("no end after 200000 rounds");
    return out;
}

QStringList stagesEntered(const RunHarness &h)
{
    QStringList out;
    for (const auto &e : h.eventsOf(JournalEventType::StageEntered))
        out << e.payload().value(QStringLiteral("stage")).toString();
    return out;
}

// Schedule items in the order they were started (window steps and milestones, first starts only).
QStringList scheduleStarted(const RunHarness &h)
{
    QStringList out;
    for (const auto &e : h.eventsOf(JournalEventType::ActionRun)) {
        const QJsonObject &p = e.payload();
        const QString id = p.value(QStringLiteral("action")).toString();
        if (p.value(QStringLiteral("phase")).toString() == QLatin1String("schedule")
            && p.value(QStringLiteral("milestone")).toString().isEmpty()
            && p.value(QStringLiteral("status")).toString() == QLatin1String("started") && !out.contains(id))
            out << id;
    }
    return out;
}

// The end event of a schedule item's last run (milestone or window step): its detail has planned_at, late_ms.
QJsonObject endOf(const RunHarness &h, const QString &id)
{
    QJsonObject out;
    for (const auto &e : h.eventsOf(JournalEventType::ActionRun)) {
        const QJsonObject &p = e.payload();
        const QString st = p.value(QStringLiteral("status")).toString();
        if (p.value(QStringLiteral("action")).toString() == id
            && p.value(QStringLiteral("milestone")).toString().isEmpty()
            && (st == QLatin1String("ok") || st == QLatin1String("failed")))
            out = p;
    }
    return out;
}

ScheduleItem item(const RunHarness &h, const QString &id)
{
    return h.state.schedule().item(id).value_or(ScheduleItem {});
}

// Nothing is left for anyone: no pending decision, nothing started without a result.
bool nothingPending(const RunHarness &h)
{
    return RunPlanner::status(h.state, h.clock.now()).pending.isEmpty()
        && RunCommands::startedWithoutResult(h.state).isEmpty();
}

bool chainIntact(const RunHarness &h)
{
    QList<JournalRawRow> rows;
    for (const JournalEvent &e : h.journal)
        rows.append(e.toRawRow());
    const JournalVerifyReport r = JournalVerifier::verify(rows);
    if (!r.ok())
        qWarning("%s", qPrintable(r.fault->toString()));
    return r.ok() && r.verifiedCount == h.journal.size();
}

void dumpIfStuck(const RunHarness &h, const Drive &d)
{
    if (d.unexpected.isEmpty() && qEnvironmentVariableIsEmpty("COCKPIT_DUMP_RUN"))
        return;
    const RunStatus st = RunPlanner::status(h.state, h.clock.now());
    qWarning() << "stuck:" << d.unexpected << RunState::phaseName(h.state.phase()) << st.stage << "at +"
               << (h.clock.now() - kStart) / kMin << "min; blockers" << st.blockers << "t0" << st.t0Blockers;
    qWarning() << "answered" << d.answered.mid(0, 40);
    qWarning() << "performed" << h.performed.mid(0, 40);
    qWarning() << "stages" << stagesEntered(h).mid(0, 20) << "schedule" << scheduleStarted(h);
}

} // namespace

void tst_ExampleRunbooks::bSiteRewriteCutover()
{
    const qint64 t0 = kStart + 8 * kDay; // the run starts at T-8d
    auto hp = load(QStringLiteral("b-site-rewrite-cutover.yaml"), {{QStringLiteral("t0"), iso(t0)}});
    QVERIFY(hp);
    RunHarness &h = *hp;
    h.metric = [](const QString &, qint64) { return std::optional<double>(0.0); }; // no failed logins, no 5xx
    h.start();
    h.pump();
    // The lead cannot enter the monitoring stage 8 days early: the stage watches a cutover that has not
    // happened. The refusal says when T-0 is and how to rehearse now.
    const auto early
        = RunPlanner::enterStage(h.state, h.clock.now(), QStringLiteral("monitoring-window"), kLead);
    QVERIFY(!early);
    QCOMPARE(early.error().message,
             QStringLiteral("T-0 is %1, in 8d; to rehearse now, set the t0 param to now").arg(iso(t0)));
    QVERIFY(RunPlanner::status(h.state, h.clock.now()).waitingFor.startsWith(QStringLiteral("T-0 is ")));

    // Up to the last stage's promotion: the run stays open for the T+ milestones (follow-up).
    Drive d = drive(h, t0 + 200 * kDay, {}, [&h] { return h.state.phase() == RunState::Phase::FollowUp; });
    dumpIfStuck(h, d);
    QVERIFY2(d.unexpected.isEmpty(), qPrintable(d.unexpected));
    QCOMPARE(h.state.phase(), RunState::Phase::FollowUp);
    QCOMPARE(h.clock.now(), t0 + kHour);
    QCOMPARE(h.eventsOf(JournalEventType::RunFinished).size(), 0);
    QCOMPARE(RunPlanner::status(h.state, h.clock.now()).waitingFor,
             QStringLiteral("follow-up: T+1d t-plus-1d due in 23h; 3 schedule item(s) left"));
    QVERIFY(!RunPlanner::startRollback(h.state, h.clock.now(), kLead, QStringLiteral("just because")));
    QVERIFY(!RunPlanner::enterStage(h.state, h.clock.now(), QStringLiteral("monitoring-window"), kLead));
    QVERIFY(!RunPlanner::promote(h.state, h.clock.now(), kLead));
    const QStringList upToPromotion = d.answered;

    // T+1d: the "launched" communication; then the run waits 89 days for the redirect window to close.
    d = drive(h, t0 + 200 * kDay, {},
              [&h] { return h.state.scheduleItemComplete(item(h, QStringLiteral("t-plus-1d"))); });
    QVERIFY2(d.unexpected.isEmpty(), qPrintable(d.unexpected));
    QCOMPARE(h.clock.now(), t0 + kDay + kManualMs);
    QCOMPARE(RunPlanner::status(h.state, h.clock.now()).waitingFor,
             QStringLiteral("follow-up: T+90d t-plus-90d (redirect window closes) due in 88d 23h; 2 schedule "
                            "item(s) left"));
    const QStringList followUp = d.answered;
    d = drive(h, t0 + 200 * kDay);
    dumpIfStuck(h, d);
    QVERIFY2(d.unexpected.isEmpty(), qPrintable(d.unexpected));
    QCOMPARE(h.state.outcome(), QStringLiteral("completed"));
    d.answered = upToPromotion + followUp + d.answered;

    // The plan in order, each milestone's actions before its checks; the dry run twice.
    QCOMPARE(scheduleStarted(h),
             (QStringList {QStringLiteral("t-7d"), QStringLiteral("t-3d"), QStringLiteral("t-1d"),
                           QStringLiteral("t0-cutover"), QStringLiteral("t-plus-1d"),
                           QStringLiteral("t-plus-90d"), QStringLiteral("t-plus-180d")}));
    QCOMPARE(h.performed,
             (QStringList {QStringLiteral("schedule:t-7d"),
                           QStringLiteral("milestone:t-7d/freeze-writes"),
                           QStringLiteral("checks:t-7d"),
                           QStringLiteral("schedule:t-3d"),
                           QStringLiteral("milestone:t-3d/staging-import"),
                           QStringLiteral("checks:t-3d"),
                           QStringLiteral("milestone:t-3d/staging-import"),
                           QStringLiteral("checks:t-3d"),
                           QStringLiteral("schedule:t-1d"),
                           QStringLiteral("milestone:t-1d/final-dump"),
                           QStringLiteral("milestone:t-1d/final-import"),
                           QStringLiteral("checks:t-1d"),
                           QStringLiteral("schedule:t0-cutover"),
                           QStringLiteral("milestone:t0-cutover/maintenance-page"),
                           QStringLiteral("milestone:t0-cutover/delta-import"),
                           QStringLiteral("milestone:t0-cutover/dns-flip"),
                           QStringLiteral("checks:t0-cutover"),
                           QStringLiteral("schedule:t-plus-1d"),
                           QStringLiteral("schedule:t-plus-90d"),
                           QStringLiteral("schedule:t-plus-180d"),
                           QStringLiteral("milestone:t-plus-180d/delete-unclaimed-credentials")}));
    // Every write was confirmed by the lead before it ran (once per action: the second dry run reuses it).
    QCOMPARE(
        d.answered.filter(QStringLiteral("confirm_write")),
        (QStringList {
            QStringLiteral("confirm_write freeze-writes"), QStringLiteral("confirm_write staging-import"),
            QStringLiteral("confirm_write final-import"), QStringLiteral("confirm_write maintenance-page"),
            QStringLiteral("confirm_write delta-import"), QStringLiteral("confirm_write dns-flip"),
            QStringLiteral("confirm_write delete-unclaimed-credentials")}));
    QVERIFY(d.answered.contains(QStringLiteral("done t-7d/announce")));

    // The dry run: two runs, both passed, both before T-0; the second started by the lead's decision.
    const ScheduleItem dry = item(h, QStringLiteral("t-3d"));
    QCOMPARE(dry.runs, 2);
    QCOMPARE(dry.okRuns, 2);
    QCOMPARE(dry.runsText(), QStringLiteral("passed 2 of 2 runs"));
    QVERIFY(dry.actualEnd && *dry.actualEnd < t0 - 3 * kDay + kHour);
    QCOMPARE(d.answered.count(QStringLiteral("run again t-3d")), 1);

    // Lateness: the announcement took the person 5 minutes, so T-7d completed 5 minutes after its time;
    // the rest started and ended on time.
    QCOMPARE(item(h, QStringLiteral("t-7d")).completionLateness(),
             std::optional<Milliseconds>(Milliseconds(kManualMs)));
    const QJsonObject t7 = endOf(h, QStringLiteral("t-7d")).value(QStringLiteral("detail")).toObject();
    QCOMPARE(qint64(t7.value(QStringLiteral("planned_at")).toDouble()), t0 - 7 * kDay);
    QCOMPARE(qint64(t7.value(QStringLiteral("late_ms")).toDouble()), kManualMs);
    const ScheduleItem cut = item(h, QStringLiteral("t0-cutover"));
    QCOMPARE(cut.actualStart, std::optional<qint64>(t0));
    QCOMPARE(cut.startLateness(), std::optional<Milliseconds>(Milliseconds(0)));
    QCOMPARE(cut.okRuns, 1);

    // T+1h monitoring: entered at T-0 once the cutover milestone was done, promoted after its hour with the
    // support confirmation; the point of no return is journaled when it ends (writes re-open on the new
    // side).
    QCOMPARE(stagesEntered(h), QStringList {QStringLiteral("monitoring-window")});
    const auto entered = h.eventsOf(JournalEventType::StageEntered);
    QCOMPARE(entered.first().at(), t0);
    QVERIFY(d.answered.contains(QStringLiteral("confirm user-flows")));
    const auto ponr = h.eventsOf(JournalEventType::PointOfNoReturn);
    QCOMPARE(ponr.size(), 1);
    QCOMPARE(ponr.first().payload().value(QStringLiteral("after")).toString(),
             QStringLiteral("monitoring-window"));
    QVERIFY(ponr.first().at() <= t0 + kHour); // by the promotion at the latest
    QCOMPARE(h.eventsOf(JournalEventType::TriggerFired).size(), 0);
    QCOMPARE(h.eventsOf(JournalEventType::Checkpoint).size(), 4); // every 15 min of the hour

    // The promotion put the run in follow-up (journaled by the lead who promoted), not to its end.
    const auto notes = h.eventsOf(JournalEventType::Note);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().at(), t0 + kHour);
    QCOMPARE(notes.first().actor(), kLead);
    QCOMPARE(notes.first().payload().value(QStringLiteral("kind")).toString(), QStringLiteral("follow_up"));

    // The T+ milestones ran at their planned times, each started on time; the two manual ones took their
    // person 5 minutes, the SQL clean-up at T+180d ran once its write was confirmed.
    for (const auto &[id, days] :
         {std::pair {QStringLiteral("t-plus-1d"), 1}, std::pair {QStringLiteral("t-plus-90d"), 90},
          std::pair {QStringLiteral("t-plus-180d"), 180}}) {
        const ScheduleItem m = item(h, id);
        QCOMPARE(m.actualStart, std::optional<qint64>(t0 + days * kDay));
        QCOMPARE(m.startLateness(), std::optional<Milliseconds>(Milliseconds(0)));
        QCOMPARE(m.okRuns, 1);
        QVERIFY2(h.state.scheduleItemComplete(m), qPrintable(id));
    }
    QCOMPARE(item(h, QStringLiteral("t-plus-90d")).actualEnd,
             std::optional<qint64>(t0 + 90 * kDay + kManualMs));
    QVERIFY(d.answered.contains(QStringLiteral("done t-plus-1d/announce-done")));
    QVERIFY(d.answered.contains(QStringLiteral("done t-plus-90d/remove-redirects")));
    QVERIFY(h.performed.contains(QStringLiteral("milestone:t-plus-180d/delete-unclaimed-credentials")));

    // The run finished (completed) by the engine when the last schedule item was complete, not before.
    const auto finished = h.eventsOf(JournalEventType::RunFinished);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(), *item(h, QStringLiteral("t-plus-180d")).actualEnd);
    QCOMPARE(finished.first().at(), t0 + 180 * kDay);
    QCOMPARE(finished.first().actor(), QString::fromLatin1(RunPlanner::kEngine));
    QCOMPARE(finished.first().payload().value(QStringLiteral("outcome")).toString(),
             QStringLiteral("completed"));
    QCOMPARE(h.state.phase(), RunState::Phase::Finished);

    QVERIFY(nothingPending(h));
    QVERIFY(chainIntact(h));
}

void tst_ExampleRunbooks::cMaintenanceWindowSwitch()
{
    const qint64 t0 = kStart + kHour; // the window opens an hour after the run starts
    auto hp = load(QStringLiteral("c-maintenance-window-db-switch.yaml"),
                   {{QStringLiteral("window_start"), iso(t0)}});
    QVERIFY(hp);
    RunHarness &h = *hp;
    h.metric = [](const QString &m, qint64) {
        return std::optional<double>(m == QLatin1String("vector_search_p95_ms") ? 42.0 : 0.0);
    };
    h.start();
    const Drive d = drive(h, t0 + 2 * kDay);
    dumpIfStuck(h, d);
    QVERIFY2(d.unexpected.isEmpty(), qPrintable(d.unexpected));
    QCOMPARE(h.state.outcome(), QStringLiteral("completed"));

    // The timed steps in order, each started at its planned time (no lateness), the writes confirmed.
    const QStringList steps {QStringLiteral("maintenance-on"),   QStringLiteral("final-sync"),
                             QStringLiteral("counts-match"),     QStringLiteral("switch-connection"),
                             QStringLiteral("restart-services"), QStringLiteral("smoke-health"),
                             QStringLiteral("smoke-isolation"),  QStringLiteral("smoke-vector-search"),
                             QStringLiteral("smoke-storage"),    QStringLiteral("watch-logs"),
                             QStringLiteral("maintenance-off")};
    QCOMPARE(scheduleStarted(h), steps);
    const QList<qint64> offsets {0, 5, 35, 40, 50, 60, 65, 70, 75, 80, 110};
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const ScheduleItem s = item(h, steps[i]);
        QCOMPARE(s.kind, ScheduleItem::Kind::WindowStep);
        QCOMPARE(s.actualStart, std::optional<qint64>(t0 + offsets[i] * kMin));
        QCOMPARE(s.startLateness(), std::optional<Milliseconds>(Milliseconds(0)));
        QVERIFY2(s.actualEnd && !s.failed, qPrintable(steps[i]));
    }
    QCOMPARE(d.answered.filter(QStringLiteral("confirm_write")),
             (QStringList {QStringLiteral("confirm_write maintenance-on"),
                           QStringLiteral("confirm_write switch-connection"),
                           QStringLiteral("confirm_write restart-services"),
                           QStringLiteral("confirm_write maintenance-off")}));
    // The manual log watch waits for a named person; it took 5 of its planned 30 minutes.
    QVERIFY(d.answered.contains(QStringLiteral("done watch-logs")));
    QCOMPARE(item(h, QStringLiteral("watch-logs")).actualDuration(),
             std::optional<Milliseconds>(Milliseconds(kManualMs)));
    const auto watched = endOf(h, QStringLiteral("watch-logs"));
    QCOMPARE(watched.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));

    // The point of no return once maintenance mode is off; then 4 h of post-cutover checks every 15 min.
    const auto ponr = h.eventsOf(JournalEventType::PointOfNoReturn);
    QCOMPARE(ponr.size(), 1);
    QCOMPARE(ponr.first().payload().value(QStringLiteral("after")).toString(),
             QStringLiteral("maintenance-off"));
    QCOMPARE(ponr.first().at(), t0 + 110 * kMin);
    QCOMPARE(stagesEntered(h), QStringList {QStringLiteral("post-cutover")});
    const auto entered = h.eventsOf(JournalEventType::StageEntered);
    QCOMPARE(entered.first().at(), t0 + 110 * kMin);
    QCOMPARE(h.eventsOf(JournalEventType::Checkpoint).size(), 16);
    QCOMPARE(h.eventsOf(JournalEventType::RunFinished).first().at(), t0 + 110 * kMin + 4 * kHour);
    QCOMPARE(h.eventsOf(JournalEventType::TriggerFired).size(), 0);

    QVERIFY(nothingPending(h));
    QVERIFY(chainIntact(h));
}

void tst_ExampleRunbooks::dStagedMigration()
{
    const qint64 t0 = kStart + 3 * kDay; // the run starts at T-3d
    auto hp = load(QStringLiteral("d-staged-db-migration.yaml"), {{QStringLiteral("t0"), iso(t0)}});
    QVERIFY(hp);
    RunHarness &h = *hp;
    h.metric = [](const QString &, qint64) { return std::optional<double>(0.5); }; // replication lag 0.5 s
    h.start();
    const Drive d = drive(h, t0 + 30 * kDay);
    dumpIfStuck(h, d);
    QVERIFY2(d.unexpected.isEmpty(), qPrintable(d.unexpected));
    QCOMPARE(h.state.outcome(), QStringLiteral("completed"));

    // The rollback rehearsal at T-2d, confirmed by the person who timed it.
    const ScheduleItem rehearsal = item(h, QStringLiteral("rollback-rehearsal"));
    QCOMPARE(rehearsal.actualStart, std::optional<qint64>(t0 - 2 * kDay));
    QCOMPARE(rehearsal.okRuns, 1);
    QCOMPARE(rehearsal.completionLateness(), std::optional<Milliseconds>(Milliseconds(kManualMs)));
    QVERIFY(d.answered.contains(QStringLiteral("done rollback-rehearsal/rehearse")));

    // The orchestrator's stages in order from T-0; the gate stage needs a second person's approval.
    QCOMPARE(stagesEntered(h),
             (QStringList {QStringLiteral("preflight"), QStringLiteral("schema"), QStringLiteral("backfill"),
                           QStringLiteral("verify"), QStringLiteral("gate")}));
    const auto entered = h.eventsOf(JournalEventType::StageEntered);
    QCOMPARE(entered.first().at(), t0);
    QCOMPARE(entered.last().payload().value(QStringLiteral("approved_by")).toString(), kApprover);
    // The backfill dry run before the backfill itself; the writes confirmed first.
    QCOMPARE(h.performed,
             (QStringList {QStringLiteral("schedule:rollback-rehearsal"),
                           QStringLiteral("rollout:schema/apply-schema"),
                           QStringLiteral("rollout:backfill/backfill-dry-run"),
                           QStringLiteral("rollout:backfill/backfill-run")}));
    QCOMPARE(d.answered.filter(QStringLiteral("confirm_write")),
             (QStringList {QStringLiteral("confirm_write apply-schema"),
                           QStringLiteral("confirm_write backfill-run")}));
    // The verify checks ran (and passed) in their stages; the gate held 15 min of low lag, then the Go call.
    QStringList verified;
    for (const auto &e : h.eventsOf(JournalEventType::CheckObserved))
        if (e.payload().value(QStringLiteral("purpose")).toString() == QLatin1String("verify"))
            verified << e.payload().value(QStringLiteral("check")).toString();
    QCOMPARE(verified,
             (QStringList {QStringLiteral("source-reachable"), QStringLiteral("target-reachable"),
                           QStringLiteral("target-version"), QStringLiteral("tables-exist"),
                           QStringLiteral("counts-fast"), QStringLiteral("counts-exact"),
                           QStringLiteral("orders-diff")}));
    QVERIFY(d.answered.contains(QStringLiteral("confirm go-no-go")));
    const auto finished = h.eventsOf(JournalEventType::RunFinished);
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().at() >= entered.last().at() + 15 * kMin);
    // The point of no return once the gate passed.
    const auto ponr = h.eventsOf(JournalEventType::PointOfNoReturn);
    QCOMPARE(ponr.size(), 1);
    QCOMPARE(ponr.first().payload().value(QStringLiteral("after")).toString(), QStringLiteral("gate"));
    QCOMPARE(h.eventsOf(JournalEventType::TriggerFired).size(), 0);

    QVERIFY(nothingPending(h));
    QVERIFY(chainIntact(h));
}

void tst_ExampleRunbooks::dRollbackWithinTarget()
{
    const qint64 t0 = kStart + 3 * kDay;
    auto hp = load(QStringLiteral("d-staged-db-migration.yaml"), {{QStringLiteral("t0"), iso(t0)}});
    QVERIFY(hp);
    RunHarness &h = *hp;
    // Dual-write lag climbs to 2 minutes once the verify stage is entered.
    h.metric = [&h](const QString &, qint64) {
        const bool verifying
            = h.state.phase() == RunState::Phase::InStage && h.state.stage().id == QLatin1String("verify");
        return std::optional<double>(verifying ? 120.0 : 0.5);
    };
    h.rollbackStepMs = kMin; // the flag PUT, the smoke wait and the reconcile take a minute each
    h.start();
    // The lead does not promote out of verify while the lag is high; when lag-high asks for a rollback
    // within 15 minutes, the lead rolls back at once.
    qint64 firedAt = 0;
    const Override lead = [&](const PendingDecision &p) -> std::optional<bool> {
        if (h.state.phase() == RunState::Phase::InStage && h.state.stage().id == QLatin1String("verify")
            && (p.kind == QLatin1String("promote") || p.kind == QLatin1String("second_approval")))
            return false;
        if (p.kind == QLatin1String("trigger") && p.target == QLatin1String("lag-high")) {
            firedAt = h.clock.now();
            h.ok(RunPlanner::decide(h.state, h.clock.now(), QStringLiteral("trigger"), p.target, false, kLead,
                                    QStringLiteral("lag above 60 s for 5 minutes")));
            return true;
        }
        return std::nullopt;
    };
    const Drive d
        = drive(h, t0 + 2 * kDay, lead, [&h] { return h.state.phase() == RunState::Phase::RolledBack; });
    dumpIfStuck(h, d);
    QVERIFY2(d.unexpected.isEmpty(), qPrintable(d.unexpected));
    QCOMPARE(h.state.phase(), RunState::Phase::RolledBack);

    const auto fired = h.eventsOf(JournalEventType::TriggerFired);
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.first().payload().value(QStringLiteral("trigger")).toString(), QStringLiteral("lag-high"));
    const auto started = h.eventsOf(JournalEventType::RollbackStarted);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().at(), firedAt);
    // The steps in order: the write confirmed first, the manual ones by a named person.
    QCOMPARE(
        h.performed.mid(h.performed.indexOf(QStringLiteral("rollback:reverse-reads"))),
        (QStringList {QStringLiteral("rollback:reverse-reads"),
                      QStringLiteral("rollback:dual-write-grace (manual)"),
                      QStringLiteral("rollback:smoke-critical-paths"), QStringLiteral("rollback:reconcile"),
                      QStringLiteral("rollback:exit-criteria (manual)")}));
    QVERIFY(d.answered.contains(QStringLiteral("confirm_write reverse-reads")));
    QVERIFY(d.answered.contains(QStringLiteral("done rollback dual-write-grace")));
    QVERIFY(d.answered.contains(QStringLiteral("done rollback exit-criteria")));
    // Timed against the 15 min target: 3 steps of 1 min and 2 manual ones of 5 min = 13 min.
    const auto done = h.eventsOf(JournalEventType::RollbackFinished);
    QCOMPARE(done.size(), 1);
    const QJsonObject p = done.first().payload();
    QCOMPARE(p.value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
    QCOMPARE(qint64(p.value(QStringLiteral("target_ms")).toDouble()), 15 * kMin);
    QCOMPARE(qint64(p.value(QStringLiteral("elapsed_ms")).toDouble()), 13 * kMin);
    QCOMPARE(p.value(QStringLiteral("within_target")).toBool(), true);
    const RunStatus st = RunPlanner::status(h.state, h.clock.now());
    QVERIFY(st.rollback && st.rollback->finished && !st.rollback->overdue);
    // Before the point of no return (the gate), so the run may restart from the first stage.
    QCOMPARE(h.eventsOf(JournalEventType::PointOfNoReturn).size(), 0);
    QCOMPARE(st.pending.size(), 1);
    QCOMPARE(st.pending.first().kind, QStringLiteral("enter_stage"));
    QCOMPARE(st.pending.first().target, QStringLiteral("preflight"));
    QVERIFY(chainIntact(h));
}

QTEST_GUILESS_MAIN(tst_ExampleRunbooks)
#include "tst_ExampleRunbooks.moc"
