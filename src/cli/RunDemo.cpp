#include "cli/RunDemo.h"

#include "cli/CheckSession.h"
#include "cli/DemoCommand.h"
#include "cli/InterruptHandler.h"
#include "cli/SubcommandParser.h"
#include "core/base/AcceleratedClock.h"
#include "core/base/Console.h"
#include "core/base/LogCategories.h"
#include "demo/DemoClock.h"
#include "demo/DemoEnvironment.h"
#include "demo/ImportPipelineSimulator.h"
#include "engine/RunCommands.h"
#include "engine/RunDriver.h"
#include "engine/RunLauncher.h"
#include "engine/RunStatusView.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <limits>

namespace cockpit::cli {

namespace {

using namespace std::chrono_literals;

constexpr qint64 kMin = 60'000;
constexpr qint64 kHour = 60 * kMin;
constexpr double kRollbackFactor
    = 60; // a rollback plays at one minute per second: its stopwatch stays readable
// Comparison gates (quantiles and Mann-Whitney U over a stage's import durations) cost real time on each
// step once the stage's values are in: the demo slows down around a soak's end so sampling keeps up.
constexpr double kCompareFactor = 1000;

// Personas of the rehearsal: every decision they take is journaled under these names.
const QString kLead = QStringLiteral("Dana Weber (demo persona)");
const QString kDb = QStringLiteral("Ravi Patel (demo persona)");
const QString kApp = QStringLiteral("Lena Hoffmann (demo persona)");

// The personas: they answer what the run asks, after a plausible (simulated) while.
class Director : public QObject
{
public:
    RunDriver *driver = nullptr;
    DemoClock *clock = nullptr;
    ImportPipelineSimulator *pipeline = nullptr;
    bool rollbackScenario = false;
    bool rollbackWithinTarget = false;
    bool failureInjected = false;
    QString injectedAt;
    int exitCode = -1;
    double fastFactor = 1;
    qint64 sessionStart = 0;
    QElapsedTimer real;

    void begin()
    {
        real.start();
        connect(driver, &RunDriver::decisionNeeded, this,
                [this] { QTimer::singleShot(0, this, [this] { act(); }); });
        connect(driver, &RunDriver::stageChanged, this, [this](const QString &stage, int) {
            if (driver->state().phase() == RunState::Phase::InStage && clock->factor() != fastFactor)
                clock->setFactor(fastFactor);
            const RunStatus s = driver->status();
            Console::out(
                QStringLiteral("\n== %1  stage %2/%3 %4 — %5\n")
                    .arg(stamp(), QString::number(s.stageIndex + 1),
                         QString::number(driver->state().runbook().stages.size()), stage,
                         driver->state().currentStage() ? driver->state().currentStage()->title : QString()));
        });
        connect(driver, &RunDriver::eventApplied, this, [this](const JournalEvent &e) { narrate(e); });
        connect(driver, &RunDriver::finished, this, [this](const QString &outcome) {
            Console::out(QStringLiteral("\n== %1  run finished: %2\n").arg(stamp(), outcome));
            if (rollbackScenario)
                done(outcome == QLatin1String("rolled_back") && rollbackWithinTarget ? 0 : 1);
            else
                done(outcome == QLatin1String("completed") ? 0 : 1);
        });
        connect(driver, &RunDriver::failed, this, [this](const QString &error) {
            Console::err(QStringLiteral("demo: %1\n").arg(error));
            done(2);
        });
        connect(driver, &RunDriver::rollbackFinished, this, [this](const RollbackClock &c) {
            const bool within = c.elapsed <= c.target;
            Console::out(QStringLiteral("\n== %1  ROLLBACK %2 in %3 — target %4: %5\n")
                             .arg(stamp(), c.ok ? QStringLiteral("complete") : QStringLiteral("FAILED"),
                                  humanDuration(c.elapsed), humanDuration(c.target),
                                  within ? QStringLiteral("within target") : QStringLiteral("OVER TARGET")));
            if (!rollbackScenario) {
                QTimer::singleShot(0, this, [this] { done(1); });
                return;
            }
            // The lead ends the run after its rollback, so the journal (and the evidence report) has an
            // end and the outcome ROLLED BACK; a new attempt would be a new run once v2 is fixed.
            rollbackWithinTarget = c.ok && within;
            QTimer::singleShot(0, this, [this] {
                apply(RunPlanner::abort(driver->state(), driver->now(), kLead,
                                        QStringLiteral("rolled back in stage 2; v2 needs a fix before a new "
                                                       "attempt")));
            });
        });
        auto *progress = new QTimer(this);
        connect(progress, &QTimer::timeout, this, [this] {
            Console::out(
                QStringLiteral("   %1  %2 | imports %3 (v2 %4%)%5\n")
                    .arg(stamp(),
                         RunStatusView::progressLine(driver->state(), driver->status(), driver->now()))
                    .arg(pipeline->importsWritten())
                    .arg(pipeline->rolloutPercent())
                    .arg(latest()));
            act();
        });
        progress->start(1500);
        driver->start();
        QTimer::singleShot(0, this, [this] { act(); });
    }

    void done(int code)
    {
        if (exitCode >= 0)
            return;
        exitCode = code;
        driver->stop();
        pipeline->stop();
        QCoreApplication::exit(code);
    }

private:
    QSet<QString> m_scheduled;

    QString stamp() const
    {
        const qint64 t = driver->now() - sessionStart;
        return QStringLiteral("[day %1 %2:%3]")
            .arg(t / (24 * kHour) + 1)
            .arg((t / kHour) % 24, 2, 10, QLatin1Char('0'))
            .arg((t / kMin) % 60, 2, 10, QLatin1Char('0'));
    }

    QString latest() const
    {
        const auto &samples = driver->state().latestSamples();
        const auto it = samples.constFind(QStringLiteral("success_rate_pct"));
        if (it == samples.constEnd() || !it->value)
            return QString();
        return QStringLiteral(" | v2 success %1%").arg(*it->value, 0, 'f', 1);
    }

    void narrate(const JournalEvent &e)
    {
        const QJsonObject &p = e.payload();
        auto v = [&p](const char *k) { return p.value(QLatin1String(k)).toString(); };
        slowDownForComparisons();
        switch (e.type()) {
        case JournalEventType::ActionRun:
            if (v("status") != QLatin1String("started"))
                Console::out(QStringLiteral("   %1  action %2: %3\n").arg(stamp(), v("action"), v("status")));
            break;
        case JournalEventType::CheckObserved:
            if (v("purpose") == QLatin1String("verify"))
                Console::out(QStringLiteral("   %1  verify %2: %3\n").arg(stamp(), v("check"), v("verdict")));
            break;
        case JournalEventType::GateChanged:
            if (v("to") == QLatin1String("fail") || v("phase") == QLatin1String("awaiting_decision"))
                Console::out(QStringLiteral("   %1  gate %2: %3 (%4)\n")
                                 .arg(stamp(), v("gate"), v("to"), v("reason")));
            break;
        case JournalEventType::Approval:
            Console::out(QStringLiteral("   %1  %2 %3 by %4\n")
                             .arg(stamp(),
                                  v("kind") == QLatin1String("promotion")
                                      ? QStringLiteral("promotion approved")
                                      : QStringLiteral("confirmed ") + v("gate"),
                                  QString(), e.actor()));
            break;
        case JournalEventType::DecisionMade:
            Console::out(QStringLiteral("   %1  %2 %3 %4ed by %5\n")
                             .arg(stamp(), v("target_kind"), v("target"), v("decision"), e.actor()));
            break;
        case JournalEventType::TriggerFired:
            Console::out(QStringLiteral("\n!! %1  trigger %2 fired (%3): %4\n")
                             .arg(stamp(), v("trigger"), v("severity"), v("explanation")));
            break;
        case JournalEventType::RollbackStarted:
            clock->setFactor(kRollbackFactor);
            Console::out(
                QStringLiteral(
                    "!! %1  ROLLBACK started, target %2; clock slowed to x%3 so the stopwatch is readable\n")
                    .arg(stamp(),
                         humanDuration(Milliseconds(qint64(p.value(QLatin1String("target_ms")).toDouble()))))
                    .arg(kRollbackFactor));
            break;
        case JournalEventType::RollbackStep:
            if (v("status") != QLatin1String("started"))
                Console::out(
                    QStringLiteral("   %1  rollback step %2: %3\n").arg(stamp(), v("step"), v("status")));
            break;
        case JournalEventType::PointOfNoReturn:
            Console::out(
                QStringLiteral("   %1  point of no return passed: %2\n").arg(stamp(), v("description")));
            break;
        case JournalEventType::Checkpoint:
            Console::out(QStringLiteral("   %1  checkpoint %2 of %3 recorded\n")
                             .arg(stamp())
                             .arg(p.value(QLatin1String("index")).toInt() + 1)
                             .arg(v("stage")));
            break;
        default: break;
        }
    }

    void slowDownForComparisons()
    {
        const RunState &st = driver->state();
        const Stage *stage = st.currentStage();
        if (!stage || st.phase() != RunState::Phase::InStage)
            return;
        const bool compares = std::any_of(stage->gates.cbegin(), stage->gates.cend(), [](const Gate &g) {
            return g.kind == Gate::Kind::NoDegradation || g.kind == Gate::Kind::NoNewValues;
        });
        const auto end = st.soakEnd();
        if (compares && end && *end - driver->now() < kHour) {
            if (clock->factor() > kCompareFactor) {
                clock->setFactor(kCompareFactor);
                Console::out(
                    QStringLiteral("   %1  soak ends within the hour: clock x%2 while the stage is compared "
                                   "with the previous one\n")
                        .arg(stamp())
                        .arg(kCompareFactor));
            }
            return;
        }
        // Keep up: when a metric's sample is overdue by half an interval the machine is not keeping pace with
        // the clock (a gate would see a gap that exists only in the demo), so the clock slows down; it
        // speeds up again once sampling has caught up.
        qint64 overdue = std::numeric_limits<qint64>::min();
        const auto &latest = st.latestSamples();
        for (auto it = st.runbook().metrics.cbegin(); it != st.runbook().metrics.cend(); ++it) {
            const auto l = latest.constFind(it.key());
            if (l != latest.constEnd())
                overdue
                    = std::max(overdue, driver->now() - (l->at + it->every.count()) - it->every.count() / 2);
        }
        if (overdue > 0 && clock->factor() > 500) {
            clock->setFactor(clock->factor() / 2);
            Console::out(QStringLiteral("   %1  sampling falls behind: clock slowed to x%2\n")
                             .arg(stamp())
                             .arg(clock->factor(), 0, 'f', 0));
        } else if (overdue < -kHour / 2 && clock->factor() < fastFactor) {
            clock->setFactor(std::min(fastFactor, clock->factor() * 2));
        }
    }

    void apply(const RunCommand &c)
    {
        if (auto r = driver->apply(c); !r)
            qCWarning(lcDemo) << "persona command refused:" << r.error();
    }

    // A persona does it after `delay` of simulated time (people take a while; the clock keeps running).
    void later(const QString &key, qint64 delay, const std::function<void()> &fn)
    {
        if (m_scheduled.contains(key))
            return;
        m_scheduled.insert(key);
        clock->wakeAt(driver->now() + delay, [this, key, fn] {
            m_scheduled.remove(key);
            if (exitCode < 0)
                fn();
        });
    }

    void act()
    {
        if (exitCode >= 0 || !driver->isRunning())
            return;
        const RunState &st = driver->state();
        if (rollbackScenario && !failureInjected && st.phase() == RunState::Phase::InStage
            && st.stage().index == 1 && st.stage().soakStart
            && driver->now() >= *st.stage().soakStart + 6 * kHour) {
            failureInjected = true;
            pipeline->setV2FailurePct(30);
            Console::out(
                QStringLiteral("\n!! %1  injected failure: the v2 pipeline now fails 30% of imports\n")
                    .arg(stamp()));
        }
        if (st.phase() == RunState::Phase::RolledBack || st.phase() == RunState::Phase::Finished)
            return;
        const qint64 now = driver->now();
        const RunStatus status = driver->status();
        for (const PendingDecision &p : status.pending) {
            const QString key = p.kind + QLatin1Char(':') + p.target;
            if (p.kind == QLatin1String("enter_stage") && st.phase() == RunState::Phase::Ready) {
                apply(RunPlanner::enterStage(st, now, p.target, kLead));
            } else if (p.kind == QLatin1String("manual_gate")) {
                const QString who = p.target == QLatin1String("no-crashes") ? kDb : kApp;
                later(key, 20 * kMin, [this, p, who] {
                    apply(RunPlanner::confirmManualGate(
                        driver->state(), driver->now(), p.target, who,
                        QStringLiteral("checked the support queue and the worker dashboards")));
                });
            } else if (p.kind == QLatin1String("action") || p.kind == QLatin1String("rollback_step")
                       || p.kind == QLatin1String("schedule")) {
                const bool rollback = p.kind == QLatin1String("rollback_step");
                const QString who = p.target == QLatin1String("announce-deprecation") ? kApp
                    : p.target == QLatin1String("investigate")                        ? kLead
                                                                                      : kDb;
                later(key, rollback ? 3 * kMin : 30 * kMin, [this, p, who] {
                    apply(RunCommands::decide(driver->state(), driver->now(), p.kind, p.target, true, who,
                                              QStringLiteral("done (demo persona)")));
                });
            } else if (p.kind == QLatin1String("second_approval")) {
                later(key, 15 * kMin, [this] {
                    apply(RunPlanner::approvePromotion(
                        driver->state(), driver->now(), kDb,
                        QStringLiteral("reviewed the gates and checkpoints; approved")));
                });
            } else if (p.kind == QLatin1String("promote")) {
                apply(RunPlanner::promote(st, now, kLead));
                return;
            } else if (p.kind == QLatin1String("gate")) {
                // A failed comparison/check gate is not "reviewed and fine": the lead overrides it, says so
                // in the journal and on screen, so the rehearsal finishes by itself.
                const bool failed
                    = std::any_of(status.gates.cbegin(), status.gates.cend(), [&p](const GateView &g) {
                          return g.id == p.target && g.status.phase == GateStatus::Phase::Failed;
                      });
                later(key, 10 * kMin, [this, p, failed] {
                    if (failed)
                        Console::out(QStringLiteral("!! %1  gate %2 FAILED; %3 overrides it so the rehearsal "
                                                    "can finish (on the day: roll back or investigate)\n")
                                         .arg(stamp(), p.target, kLead));
                    apply(RunPlanner::decide(
                        driver->state(), driver->now(), QStringLiteral("gate"), p.target, true, kLead,
                        failed
                            ? QStringLiteral("demo: overriding the failed gate so the rehearsal can finish; "
                                             "a real lead would roll back or investigate")
                            : QStringLiteral("demo: reviewed the samples by hand and accepted")));
                });
            } else if (p.kind == QLatin1String("confirm_write")) {
                driver->confirmWrite(p.target);
            }
        }
    }
};

} // namespace

int runRehearsalDemo(const QStringList &args)
{
    // The prerequisite-only demo: --prerequisites-only, --break or --json, in any order and combination.
    QStringList rest = args;
    bool prerequisitesOnly = rest.removeAll(QStringLiteral("--prerequisites-only")) > 0;
    for (const QString &a : std::as_const(rest))
        prerequisitesOnly = prerequisitesOnly || a == QLatin1String("--break")
            || a.startsWith(QLatin1String("--break=")) || a == QLatin1String("--json");
    if (prerequisitesOnly)
        return runDemoCommand(rest);
    SubcommandParser sp(
        QStringLiteral("demo"), QString(),
        QStringLiteral(
            "Rehearses example runbook A end to end against throwaway local services: a PostgreSQL whose "
            "imports "
            "table is fed live by a simulated v1/v2 import pipeline, and a stand-in for the rollout manager. "
            "After the prerequisite check, the whole rollout (10% → 50% → 100% → deprecate → remove v1) "
            "plays on "
            "an accelerated clock in about two minutes; demo personas confirm manual items and approve. "
            "Everything is journaled and torn down at the end.\n"
            "Exit: 0 the rehearsal ended as its scenario expects, 1 otherwise, 2 setup failed, 130 "
            "interrupted.\n"
            "--break WHAT / --prerequisites-only / --json: the prerequisite-only demo."));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QStringLiteral("normal (default) or rollback: v2 breaks in stage 2, the success-rate "
                       "trigger fires and the rollback runs against its 15 min target."),
        QStringLiteral("NAME"));
    const QCommandLineOption journal(
        QStringLiteral("journal"),
        QStringLiteral("Keep the journal here (SQLite file or postgresql://…; default: a new file "
                       "in the temp dir, printed)."),
        QStringLiteral("SPEC"));
    const QCommandLineOption factor(
        QStringLiteral("clock-factor"),
        QStringLiteral("Clock speed (default: the rollout's 17 days of soak in about two minutes)."),
        QStringLiteral("N"));
    const QCommandLineOption prereq(QStringLiteral("prerequisites-only"),
                                    QStringLiteral("Only the prerequisite check."));
    const QCommandLineOption brk(QStringLiteral("break"),
                                 QStringLiteral("Prerequisite demo with one thing broken."),
                                 QStringLiteral("WHAT"));
    for (const auto &o : {scenario, journal, factor, prereq, brk})
        sp.addOption(o);
    if (auto done = sp.parse(args))
        return *done;
    const QString scenarioName
        = sp.parser().value(scenario).isEmpty() ? QStringLiteral("normal") : sp.parser().value(scenario);
    if (scenarioName != QLatin1String("normal") && scenarioName != QLatin1String("rollback"))
        return sp.usageError(QStringLiteral("--scenario must be normal or rollback"));
    const bool rollbackScenario = scenarioName == QLatin1String("rollback");
    InterruptHandler::install();

    auto text = DemoEnvironment::exampleRunbookText();
    if (!text) {
        Console::err(QStringLiteral("demo: %1\n").arg(text.error().message));
        return 2;
    }
    // Demo param: metrics are sampled hourly instead of every 5-15 minutes, so 17 days of soak fit in two
    // minutes without outrunning a laptop's disk (every sample is a synced journal append). The journal keeps
    // the text as run.
    QByteArray runbookText = *text;
    runbookText.replace("every: 5m\n", "every: 1h\n").replace("every: 15m\n", "every: 1h\n");

    DemoEnvironment env;
    QElapsedTimer wall;
    wall.start();
    env.say(QStringLiteral("Cutover Cockpit demo: rehearsal of example runbook A (v2 full_pass pipeline "
                           "rollout), scenario %1\n\n")
                .arg(scenarioName));
    env.say(QStringLiteral("[1/5] Throwaway PostgreSQL … "));
    if (auto r = env.startPostgres(); !r) {
        Console::err(QStringLiteral("\ndemo: could not start PostgreSQL: %1\n").arg(r.error().message));
        return 2;
    }
    const qint64 origin = QDateTime::currentMSecsSinceEpoch();
    const QString dbUser = QString::fromLatin1(DemoEnvironment::kDbUser);
    if (auto r = env.setUpDatabase(true, ImportPipelineSimulator::schemaSql(origin, dbUser)); !r) {
        Console::err(QStringLiteral("\ndemo: database setup failed: %1\n").arg(r.error().message));
        return 2;
    }
    env.say(QStringLiteral(
                "127.0.0.1:%1 (TLS), database app with 25 h of import history, read-only role %2 (%3 ms)\n")
                .arg(env.postgres().port())
                .arg(dbUser)
                .arg(wall.elapsed()));
    if (InterruptHandler::wasInterrupted())
        return 130;

    if (auto r = env.startService(); !r) {
        Console::err(
            QStringLiteral("demo: the local HTTP service could not listen: %1\n").arg(r.error().message));
        return 2;
    }
    env.say(QStringLiteral("[2/5] Rollout manager stand-in on %1 (health, rollout percent, routing split, "
                           "deprecation headers)\n")
                .arg(env.service().baseUrl()));

    auto loaded = env.loadRunbook(runbookText);
    if (!loaded) {
        for (const Error &e : loaded.error())
            Console::err(e.toString() + QLatin1Char('\n'));
        return 2;
    }
    auto runbook = std::make_shared<const Runbook>(std::move(*loaded));
    const QString dbSecret = DemoEnvironment::dbSecretName(*runbook);
    const QByteArray dbPassword = env.dbPassword();

    // The secrets go into the keychain under the demo's own scope, so the secret checks ask a real secret
    // service; they are removed at the end. Without a keychain the check reports that, as it would on the
    // day.
    if (auto r = env.storeSecrets(*runbook); !r)
        env.say(QStringLiteral("      no keychain: %1\n").arg(r.error().message));

    // 3. The journal and the clock; 4. the Go/No-Go as every run has it (RunLauncher): the manual item is
    // confirmed by a persona, and a NO-GO is overridden by the lead persona, journaled, since this is a
    // rehearsal. The DB password is handed over in-process.
    QString spec = sp.parser().value(journal);
    if (spec.isEmpty())
        spec = QDir(QDir::tempPath())
                   .filePath(
                       QStringLiteral("cutover-demo-%1.journal")
                           .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    qint64 span = 0;
    for (const Stage &s : runbook->stages)
        span += s.soak.count();
    double clockFactor = AcceleratedClock::factorFor(span, 120000);
    if (sp.parser().isSet(factor)) {
        bool ok = false;
        clockFactor = sp.parser().value(factor).toDouble(&ok);
        if (!ok || clockFactor < 1)
            return sp.usageError(QStringLiteral("--clock-factor must be a number >= 1"));
    }
    auto ownClock = std::make_unique<DemoClock>(origin, clockFactor);
    DemoClock &clock = *ownClock;

    LaunchRequest rq;
    rq.runbookPath = QStringLiteral("a-pipeline-rollout.yaml");
    // Evidence of what was rehearsed (`compare` tells a changed runbook apart): the text as the demo ran it.
    rq.runbookText = runbookText;
    rq.runbook = runbook;
    rq.journalSpec = spec;
    rq.mode = RunMode::Rehearsal;
    rq.lead = kLead;
    rq.clock = std::move(ownClock);
    rq.confirmAllWrites = true;
    rq.newRun = true;
    rq.useKeychain = false;
    if (!dbSecret.isEmpty())
        rq.secrets.insert(dbSecret, dbPassword);
    for (const Check &c : std::as_const(runbook->prerequisites))
        if (std::holds_alternative<ManualCheck>(c.probe))
            rq.confirmations.insert(
                c.id, ManualConfirmation {kLead, QStringLiteral("confirmed by the demo persona")});
    rq.overrideNoGo = PersonDecision {kLead,
                                      QStringLiteral("demo: the rehearsal continues whatever the check "
                                                     "says; on the day a NO-GO stops the run")};
    Console::out(QStringLiteral("[3/5] Prerequisite check (Go/No-Go; a NO-GO is overridden by the lead "
                                "persona and journaled: this is "
                                "a rehearsal)\n"));
    auto launched = RunLauncher::launchAndWait(std::move(rq));
    if (!launched) {
        Console::err(QStringLiteral("demo: %1\n").arg(launched.error().message));
        for (const QString &line : launched.error().details)
            Console::err(QStringLiteral("  - %1\n").arg(line));
        return 2;
    }
    LaunchedRun &run = *launched;
    if (run.preflight) {
        CheckSession::Outcome outcome;
        outcome.results = run.preflight->results;
        outcome.durationMs = run.preflight->durationMs;
        CheckSession::report(*runbook, runbook->prerequisites, outcome, false);
        if (run.preflight->override && !run.preflight->decision.isGo())
            Console::out(QStringLiteral("      NO-GO overridden by %1 (journaled)\n").arg(kLead));
    }
    if (InterruptHandler::wasInterrupted())
        return 130;
    Journal *store = run.journal.get();
    RunDriver &driver = *run.driver;
    Console::out(
        QStringLiteral("\n[4/5] Journal %1\n      clock x%2: %3 of soak in about %4; metrics sampled hourly "
                       "(demo param)\n")
            .arg(store->location())
            .arg(clockFactor, 0, 'f', 0)
            .arg(humanDuration(Milliseconds(span)),
                 humanDuration(Milliseconds(qint64(double(span) / clockFactor)))));

    ImportPipelineSimulator::Options so;
    PostgresConnection writer;
    writer.host = QStringLiteral("127.0.0.1");
    writer.port = env.postgres().port();
    writer.database = QStringLiteral("app");
    writer.user = env.postgres().superuser();
    writer.caFile = env.postgres().caFile();
    so.database.name = QStringLiteral("demo_writer");
    so.database.target = writer;
    so.database.writable = true;
    so.rolloutUrl = env.service().baseUrl() + QStringLiteral("/config/rollout-percent");
    ImportPipelineSimulator pipeline(&clock, so);
    pipeline.start();

    Console::out(QStringLiteral("[5/5] Rehearsal %1: personas %2 (lead), %3, %4\n")
                     .arg(driver.runId(), kLead, kDb, kApp));
    Director director;
    director.driver = &driver;
    director.clock = &clock;
    director.pipeline = &pipeline;
    director.rollbackScenario = rollbackScenario;
    director.sessionStart = origin;
    director.fastFactor = clockFactor;
    QObject::connect(InterruptHandler::install(), &InterruptHandler::interrupted, &director, [&director] {
        Console::err(QStringLiteral("\ninterrupted\n"));
        director.done(130);
    });
    QObject::connect(run.lease.get(), &LeaseKeeper::lost, &director, [&director](const Error &e) {
        Console::err(QStringLiteral("demo: %1\n").arg(e.message));
        director.done(2);
    });
    director.begin();
    QCoreApplication::exec();
    const int code = director.exitCode >= 0 ? director.exitCode : 1;

    pipeline.stop();
    const RunStatus s = driver.status();
    Console::out(QStringLiteral("\n") + RunStatusView::toText(driver.state(), s, driver.now()));
    const auto verified = store->verify();
    Console::out(QStringLiteral("\nJournal %1: %2 events, %3\n")
                     .arg(store->location())
                     .arg(verified ? verified->eventCount : 0)
                     .arg(verified && verified->ok() ? QStringLiteral("hash chain verified")
                                                     : QStringLiteral("VERIFY FAILED")));
    Console::out(QStringLiteral("Imports simulated: %1; real time %2\n")
                     .arg(pipeline.importsWritten())
                     .arg(humanDuration(Milliseconds(wall.elapsed()))));
    if (!pipeline.lastError().isEmpty())
        qCWarning(lcDemo) << "pipeline:" << pipeline.lastError();
    return code; // env tears the throwaway services down last, after everything that uses them
}

} // namespace cockpit::cli
