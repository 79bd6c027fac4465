#include "cli/RunCommand.h"

#include "cli/InterruptHandler.h"
#include "cli/RunbookOptions.h"
#include "cli/SubcommandParser.h"
#include "core/base/AcceleratedClock.h"
#include "core/base/Console.h"
#include "core/base/SystemClock.h"
#include "engine/RunCommands.h"
#include "engine/RunDriver.h"
#include "engine/RunStatusView.h"
#include "store/JournalFactory.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTimer>
#include <unistd.h>

namespace cockpit::cli {

namespace {

// Kinds a run can wait on while the soak continues; everything else stops a non-interactive run.
bool blocksNow(const PendingDecision &p, const RunStatus &s)
{
    if (p.kind == QLatin1String("manual_gate"))
        return s.soakStart && s.soakRemaining.count() <= 0;
    return true;
}

class RunSession : public QObject
{
public:
    RunDriver *driver = nullptr;
    QString journalSpec;
    QString who;
    QString until;
    bool autoYes = false;
    bool interactive = false;
    int exitCode = -1;

    void begin()
    {
        connect(driver, &RunDriver::stageChanged, this, [this](const QString &stage, int attempt) {
            Console::out(
                QStringLiteral("\n== stage %1%2\n")
                    .arg(stage, attempt > 1 ? QStringLiteral(" (attempt %1)").arg(attempt) : QString()));
        });
        connect(driver, &RunDriver::gateChanged, this,
                [](const QString &, const QString &gate, const QString &to) {
                    Console::out(QStringLiteral("   gate %1 -> %2\n").arg(gate, to));
                });
        connect(driver, &RunDriver::eventApplied, this, [](const JournalEvent &e) {
            const QJsonObject &p = e.payload();
            switch (e.type()) {
            case JournalEventType::ActionRun:
                if (p.value(QLatin1String("status")).toString() != QLatin1String("started"))
                    Console::out(QStringLiteral("   action %1: %2\n")
                                     .arg(p.value(QLatin1String("action")).toString(),
                                          p.value(QLatin1String("status")).toString()));
                break;
            case JournalEventType::TriggerFired:
                Console::out(QStringLiteral("!! trigger %1 fired: %2\n")
                                 .arg(p.value(QLatin1String("trigger")).toString(),
                                      p.value(QLatin1String("explanation")).toString()));
                break;
            case JournalEventType::RollbackStarted:
                Console::out(QStringLiteral("!! rollback started: %1\n")
                                 .arg(p.value(QLatin1String("reason")).toString()));
                break;
            case JournalEventType::RollbackStep:
                if (p.value(QLatin1String("status")).toString() != QLatin1String("started"))
                    Console::out(QStringLiteral("   rollback step %1: %2\n")
                                     .arg(p.value(QLatin1String("step")).toString(),
                                          p.value(QLatin1String("status")).toString()));
                break;
            case JournalEventType::DecisionMade:
            case JournalEventType::Approval:
                Console::out(QStringLiteral("   %1 by %2\n").arg(e.typeName(), e.actor()));
                break;
            default: break;
            }
        });
        connect(driver, &RunDriver::rollbackFinished, this, [](const RollbackClock &c) {
            Console::out(QStringLiteral("!! rollback %1 in %2 (target %3): %4\n")
                             .arg(c.ok ? QStringLiteral("finished") : QStringLiteral("FAILED"),
                                  RunStatusView::duration(c.elapsed.count()),
                                  RunStatusView::duration(c.target.count()),
                                  c.elapsed <= c.target ? QStringLiteral("within target")
                                                        : QStringLiteral("OVER TARGET")));
        });
        connect(driver, &RunDriver::finished, this, [this](const QString &outcome) {
            Console::out(QStringLiteral("\nRun finished: %1\n").arg(outcome));
            done(outcome == QLatin1String("completed") ? 0 : 1);
        });
        connect(driver, &RunDriver::failed, this, [this](const QString &error) {
            Console::err(QStringLiteral("run: %1\n").arg(error));
            done(2);
        });
        connect(driver, &RunDriver::decisionNeeded, this,
                [this] { QTimer::singleShot(0, this, [this] { review(); }); });
        auto *progress = new QTimer(this);
        connect(progress, &QTimer::timeout, this, [this] {
            Console::out(
                QStringLiteral("   [%1] %2\n")
                    .arg(QDateTime::fromMSecsSinceEpoch(driver->now(), Qt::UTC).toString(Qt::ISODate),
                         RunStatusView::progressLine(driver->state(), driver->status(), driver->now())));
            review();
        });
        progress->start(2000);
        if (interactive) {
            auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
            connect(notifier, &QSocketNotifier::activated, this, [this] { readAnswer(); });
        }
        driver->start();
        QTimer::singleShot(0, this, [this] { review(); });
    }

    void done(int code)
    {
        if (exitCode >= 0)
            return;
        exitCode = code;
        driver->stop();
        QCoreApplication::exit(code);
    }

private:
    std::optional<PendingDecision> m_asking;
    QString m_answer;
    bool m_wantReason = false;

    void apply(const RunCommand &c)
    {
        if (auto r = driver->apply(c); !r)
            Console::err(QStringLiteral("refused: %1\n").arg(r.error()));
    }

    void review()
    {
        if (exitCode >= 0 || !driver->isRunning())
            return;
        const RunState &st = driver->state();
        const RunStatus s = driver->status();
        const qint64 now = driver->now();
        if (st.phase() == RunState::Phase::RolledBack) {
            Console::out(RunStatusView::toText(st, s, now));
            Console::out(QStringLiteral("The run was rolled back; it restarts from %1 with `cutover-cockpit "
                                        "decide --journal %2 --enter %1 --as NAME`.\n")
                             .arg(s.pending.isEmpty() ? QString() : s.pending.first().target, journalSpec));
            done(1);
            return;
        }
        QList<PendingDecision> open;
        for (const PendingDecision &p : s.pending) {
            if (p.kind == QLatin1String("promote") && !until.isEmpty() && p.target == until) {
                Console::out(QStringLiteral("\nStage %1 may be promoted; stopping here as asked (--until).\n")
                                 .arg(until));
                Console::out(RunStatusView::toText(st, s, now));
                done(0);
                return;
            }
            if (autoYes && p.kind == QLatin1String("enter_stage") && st.phase() == RunState::Phase::Ready) {
                apply(RunPlanner::enterStage(st, now, p.target, who));
                return;
            }
            if (autoYes && p.kind == QLatin1String("promote")) {
                apply(RunPlanner::promote(st, now, who));
                return;
            }
            if (blocksNow(p, s))
                open << p;
        }
        if (open.isEmpty())
            return;
        if (!interactive) {
            Console::out(RunStatusView::toText(st, s, now));
            Console::err(QStringLiteral(
                "\nThe run needs a decision (stdin is not a terminal). Decide from any terminal, then "
                "run this command again to continue:\n"));
            for (const PendingDecision &p : open)
                Console::err(QStringLiteral("  - %1 %2: %3\n      %4\n")
                                 .arg(p.kind, p.target, p.why, RunStatusView::commandFor(p, journalSpec)));
            done(3);
            return;
        }
        if (m_asking)
            return;
        m_asking = open.first();
        const PendingDecision &p = *m_asking;
        QString q;
        if (p.kind == QLatin1String("gate"))
            q = QStringLiteral("gate %1: %2\n  pass or fail? [p/f] ").arg(p.target, p.why);
        else if (p.kind == QLatin1String("second_approval"))
            q = QStringLiteral("%1\n  A second person approves from another terminal:\n  %2\n  (waiting; "
                               "press Enter to re-check) ")
                    .arg(p.why, RunStatusView::commandFor(p, journalSpec));
        else if (p.kind == QLatin1String("point_of_no_return"))
            q = QStringLiteral("%1\n  (press Enter to re-check) ").arg(p.why);
        else
            q = QStringLiteral("%1 %2: %3\n  %4 as %5? [y/n] ")
                    .arg(p.kind, p.target, p.why,
                         p.kind == QLatin1String("action") || p.kind == QLatin1String("rollback_step")
                                 || p.kind == QLatin1String("schedule")
                             ? QStringLiteral("accept as done (n = run it again)")
                             : QStringLiteral("confirm"),
                         who);
        Console::out(QLatin1Char('\n') + q);
    }

    void readAnswer()
    {
        char buf[1024];
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n <= 0) {
            interactive = false;
            return;
        }
        const QString line = QString::fromLocal8Bit(buf, int(n)).trimmed();
        if (!m_asking)
            return;
        const PendingDecision p = *m_asking;
        const qint64 now = driver->now();
        const RunState &st = driver->state();
        if (m_wantReason) {
            m_wantReason = false;
            m_asking.reset();
            const bool yes = m_answer == QLatin1String("y") || m_answer == QLatin1String("p");
            apply(RunCommands::decide(st, now, p.kind, p.target, yes, who, line));
            return;
        }
        m_answer = line.left(1).toLower();
        const bool yes = m_answer == QLatin1String("y") || m_answer == QLatin1String("p");
        if (p.kind == QLatin1String("gate") || p.kind == QLatin1String("action")
            || p.kind == QLatin1String("rollback_step") || p.kind == QLatin1String("schedule")
            || p.kind == QLatin1String("trigger")) {
            if (m_answer.isEmpty()) {
                m_asking.reset();
                return;
            }
            m_wantReason = true;
            Console::out(QStringLiteral("  reason: "));
            return;
        }
        m_asking.reset();
        if (!yes)
            return;
        if (p.kind == QLatin1String("confirm_write"))
            driver->confirmWrite(p.target);
        else if (p.kind == QLatin1String("manual_gate"))
            apply(RunPlanner::confirmManualGate(st, now, p.target, who,
                                                QStringLiteral("confirmed at the run prompt")));
        else if (p.kind == QLatin1String("promote"))
            apply(RunPlanner::promote(st, now, who));
        else if (p.kind == QLatin1String("enter_stage"))
            apply(RunPlanner::enterStage(st, now, p.target, who));
        QTimer::singleShot(0, this, [this] { review(); });
    }
};

} // namespace

int runRunCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("run"), QStringLiteral("RUNBOOK"),
        QStringLiteral(
            "Runs a runbook headless: enters its stages, runs the rollout actions, samples the metrics, "
            "evaluates gates and triggers, rolls back when a trigger fires, and journals every step. "
            "Resumes the unfinished run of the same runbook and mode found in the journal.\n"
            "At a terminal it asks for each decision; otherwise it stops (exit 3) and prints the "
            "`decide`/`approve` commands to run.\n"
            "Exit: 0 completed or --until reached, 1 rolled back or aborted, 2 error, 3 decision "
            "needed, 130 interrupted."));
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("rehearsal or live (required)."),
                                  QStringLiteral("MODE"));
    const QCommandLineOption journal(
        QStringLiteral("journal"),
        QStringLiteral("Journal: a SQLite file or postgresql://user@host/db (default: RUNBOOK.journal "
                       "next to the runbook). PostgreSQL password from PGPASSWORD."),
        QStringLiteral("SPEC"));
    const QCommandLineOption until(QStringLiteral("until"),
                                   QStringLiteral("Stop once this stage may be promoted."),
                                   QStringLiteral("STAGE"));
    const QCommandLineOption yes(
        QStringLiteral("yes"),
        QStringLiteral("Confirm every writing action, enter the first stage and promote when every "
                       "condition holds, as the --as person."));
    const QCommandLineOption as(QStringLiteral("as"),
                                QStringLiteral("Your name, journaled with what you do (default: $USER)."),
                                QStringLiteral("NAME"));
    const QCommandLineOption factor(QStringLiteral("clock-factor"),
                                    QStringLiteral("Run time N times faster (rehearsals and demos only)."),
                                    QStringLiteral("N"));
    for (const auto &o : {mode, journal, until, yes, as, factor})
        sp.addOption(o);
    RunbookOptions runbookOptions(sp);
    if (auto done = sp.parse(args))
        return *done;
    const QStringList pos = sp.parser().positionalArguments();
    if (pos.size() != 1)
        return sp.usageError(QStringLiteral("expected one RUNBOOK"));
    const auto runMode = runModeFromName(sp.parser().value(mode));
    if (!runMode)
        return sp.usageError(QStringLiteral("--mode must be rehearsal or live"));
    double clockFactor = 1.0;
    if (sp.parser().isSet(factor)) {
        bool ok = false;
        clockFactor = sp.parser().value(factor).toDouble(&ok);
        if (!ok || clockFactor < 1.0)
            return sp.usageError(QStringLiteral("--clock-factor must be a number >= 1"));
        if (*runMode == RunMode::Live && clockFactor != 1.0)
            return sp.usageError(
                QStringLiteral("--clock-factor is for rehearsals; a live run uses real time"));
    }
    QString who = sp.parser().value(as).trimmed();
    if (who.isEmpty())
        who = qEnvironmentVariable("USER", QStringLiteral("lead"));

    auto loaded = runbookOptions.load(pos.first());
    if (!loaded) {
        RunbookOptions::printErrors(loaded.error());
        return 2;
    }
    auto runbook = std::make_shared<const Runbook>(std::move(*loaded));
    QString spec = sp.parser().value(journal);
    if (spec.isEmpty())
        spec = QFileInfo(pos.first()).absolutePath() + QLatin1Char('/')
            + QFileInfo(pos.first()).completeBaseName() + QStringLiteral(".journal");
    JournalOpenOptions jo;
    jo.password = qgetenv("PGPASSWORD");
    auto opened = JournalFactory::open(spec, jo);
    if (!opened) {
        Console::err(QStringLiteral("run: cannot open the journal: %1\n").arg(opened.error().message));
        return 2;
    }
    std::unique_ptr<Journal> store = std::move(*opened);

    // An accelerated clock resumes from the run's own last event time, so a restart keeps its place in
    // simulated time.
    std::unique_ptr<Clock> clock;
    if (clockFactor > 1.0) {
        qint64 origin = QDateTime::currentMSecsSinceEpoch();
        if (auto events = store->readAll()) {
            const QString id = RunCommands::unfinishedRun(*events, runbook->name, *runMode);
            for (const JournalEvent &e : std::as_const(*events))
                if (e.runId() == id)
                    origin = std::max(origin, e.at());
        }
        clock = std::make_unique<AcceleratedClock>(origin, clockFactor);
    } else {
        clock = std::make_unique<SystemClock>();
    }

    RunDriverOptions o;
    o.mode = *runMode;
    o.lead = who;
    o.confirmAllWrites = sp.parser().isSet(yes);
    QFile f(pos.first());
    if (f.open(QIODevice::ReadOnly))
        o.runbookSha256
            = QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
    RunDriver driver(runbook, store.get(), clock.get(), o);
    auto resumed = driver.open();
    if (!resumed) {
        Console::err(QStringLiteral("run: %1\n").arg(resumed.error()));
        return 2;
    }
    Console::out(QStringLiteral("%1 run %2 of \"%3\" (%4%5), journal %6\n")
                     .arg(*resumed ? QStringLiteral("Resumed") : QStringLiteral("Started"), driver.runId(),
                          runbook->name, runModeName(*runMode),
                          clockFactor > 1.0 ? QStringLiteral(", clock x%1").arg(clockFactor) : QString(),
                          store->location()));
    if (*resumed)
        Console::out(RunStatusView::toText(driver.state(), driver.status(), driver.now()));

    RunSession session;
    session.driver = &driver;
    session.journalSpec = spec;
    session.who = who;
    session.until = sp.parser().value(until);
    session.autoYes = sp.parser().isSet(yes);
    session.interactive = ::isatty(STDIN_FILENO) == 1;
    InterruptHandler *ih = InterruptHandler::install();
    QObject::connect(ih, &InterruptHandler::interrupted, &session, [&session] {
        Console::err(QStringLiteral(
            "\nInterrupted; the run continues from the journal when `run` is started again.\n"));
        session.done(130);
    });
    if (driver.state().phase() == RunState::Phase::Finished) {
        Console::out(QStringLiteral("The run has already finished (%1).\n").arg(driver.state().outcome()));
        return driver.state().outcome() == QLatin1String("completed") ? 0 : 1;
    }
    session.begin();
    const int code = QCoreApplication::exec();
    return session.exitCode >= 0 ? session.exitCode : code;
}

} // namespace cockpit::cli
