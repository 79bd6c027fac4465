#include "cli/RunCommand.h"

#include "cli/CheckReport.h"
#include "cli/InterruptHandler.h"
#include "cli/RunbookOptions.h"
#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "engine/ModeGuard.h"
#include "engine/RunCommands.h"
#include "engine/RunDriver.h"
#include "engine/RunLauncher.h"
#include "engine/RunStatusView.h"

#include <QCoreApplication>
#include <QElapsedTimer>
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

// What an action's result event says, with what a dry run would have sent or why a write was refused.
QString actionOutcome(const QJsonObject &payload)
{
    QString status = payload.value(QLatin1String("status")).toString();
    const QJsonObject detail = payload.value(QLatin1String("detail")).toObject();
    if (detail.value(QLatin1String("dry_run")).toBool()) {
        const QJsonObject would = detail.value(QLatin1String("would")).toObject();
        return would.isEmpty()
            ? detail.value(QLatin1String("summary")).toString()
            : QStringLiteral("not sent (dry run), would %1").arg(ModeGuard::wouldDoText(would));
    }
    if (detail.value(QLatin1String("refused")).toBool())
        return QStringLiteral("REFUSED, %1").arg(detail.value(QLatin1String("error")).toString());
    return status;
}

// The prefix of every output line: the mode is never out of sight.
QString modePrefix(RunMode mode)
{
    switch (mode) {
    case RunMode::Live: return QStringLiteral("[LIVE] ");
    case RunMode::DryRun: return QStringLiteral("[DRY RUN] ");
    case RunMode::Rehearsal: break;
    }
    return QStringLiteral("[REHEARSAL] ");
}

// The Go/No-Go as `check` prints it, and the override when there was one.
void printPreflight(const Runbook &runbook, const PreflightResult &r)
{
    if (r.checks.isEmpty()) {
        Console::out(QStringLiteral("Go/No-Go: GO (the runbook has no prerequisites)\n"));
        return;
    }
    const CheckReport report(runbook, r.checks, r.results, r.durationMs);
    Console::out(QStringLiteral("Go/No-Go before the first stage:\n") + report.table() + QLatin1Char('\n')
                 + report.recommendation());
    if (r.override && !r.decision.isGo() && !r.overrideApproved())
        Console::out(QStringLiteral("NO-GO override by %1 (%2) waits for a second approver (journaled)\n")
                         .arg(r.override->who, r.override->reason));
    else if (r.override && !r.decision.isGo())
        Console::out(
            QStringLiteral("NO-GO OVERRIDDEN by %1: %2%3 (journaled)\n")
                .arg(r.override->who, r.override->reason,
                     r.approvedBy ? QStringLiteral(", approved by %1").arg(r.approvedBy->who) : QString()));
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
    bool exitOnDecision = false; // --exit-on-decision: stop with exit 3 instead of waiting
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
                                     .arg(p.value(QLatin1String("action")).toString(), actionOutcome(p)));
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
                                     .arg(p.value(QLatin1String("step")).toString(), actionOutcome(p)));
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
                                  humanDuration(c.elapsed), humanDuration(c.target),
                                  c.elapsed <= c.target ? QStringLiteral("within target")
                                                        : QStringLiteral("OVER TARGET")));
        });
        connect(driver, &RunDriver::finished, this, [this](const QString &outcome) {
            Console::out(QStringLiteral("\nRun finished: %1\n").arg(outcome));
            done(outcome == QLatin1String("completed") ? 0 : 1);
        });
        connect(driver, &RunDriver::journalUnreachable, this, [](qint64 since, const QString &error) {
            Console::err(
                QStringLiteral("!! journal unreachable since %1 (%2): no write starts, sampling goes on "
                               "into the local outbox; retrying\n")
                    .arg(QDateTime::fromMSecsSinceEpoch(since, Qt::UTC).toString(Qt::ISODate), error));
        });
        connect(driver, &RunDriver::journalReachable, this, [](qint64 downForMs) {
            Console::err(
                QStringLiteral("!! journal reachable again after %1: the outbox is flushed in order, the "
                               "run goes on\n")
                    .arg(humanDuration(Milliseconds(downForMs))));
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
    QString m_announced; // the pending set last printed (a waiting run prints each set once)
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
            QString key;
            for (const PendingDecision &p : open)
                key += p.kind + QLatin1Char(':') + p.target + QLatin1Char(';');
            if (key == m_announced && !exitOnDecision)
                return;
            m_announced = key;
            Console::out(RunStatusView::toText(st, s, now));
            Console::err(
                exitOnDecision
                    ? QStringLiteral("\nThe run needs a decision (stdin is not a terminal). Decide from "
                                     "any terminal, then run this command again to continue:\n")
                    : QStringLiteral("\nThe run waits for a decision; sampling, gates and triggers go "
                                     "on meanwhile. Decide from any terminal:\n"));
            for (const PendingDecision &p : open)
                Console::err(QStringLiteral("  - %1 %2: %3\n      %4\n")
                                 .arg(p.kind, p.target, p.why, RunStatusView::commandFor(p, journalSpec)));
            if (exitOnDecision)
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
            "Resumes the unfinished run of the same runbook and mode found in the journal; a run whose "
            "last run finished is reported (a new one needs --new-run).\n"
            "One run, one writer: the run holds a lease in the journal; a second `run` of it refuses and "
            "names the holder. Before the first stage the prerequisites are checked (Go/No-Go, journaled); "
            "a NO-GO stops the run unless overridden by a named person (--override-no-go --reason --as). "
            "--yes never overrides a NO-GO.\n"
            "Secrets come from the keychain; when it has none, from the environment variable "
            "COCKPIT_SECRET_<NAME> (NAME upper-cased, other characters as _). A PostgreSQL journal's "
            "password "
            "comes from PGPASSWORD.\n"
            "At a terminal it asks for each decision; otherwise it prints the `decide`/`approve` commands "
            "and waits for them (sampling, gates and triggers go on), or stops with exit 3 when "
            "--exit-on-decision is given.\n"
            "Exit: 0 completed, --until reached, or the finished run completed; 1 rolled back or aborted; "
            "2 error (runbook, journal, usage); 3 decision needed; 4 NO-GO (the blockers are listed); "
            "5 another process holds the run (or its expired lease needs --take-over); 6 the runbook "
            "changed since the run started; 7 a required secret is missing; 130 interrupted."));
    const QCommandLineOption mode(
        QStringLiteral("mode"),
        QStringLiteral("rehearsal, dry-run or live (required). rehearsal: the runbook with its rehearsal "
                       "parameters, never writing to a connection marked production; dry-run: every read, "
                       "no write (each shown and journaled as what it would send); live: live."),
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
                       "condition holds, as the --as person. Never overrides a NO-GO."));
    const QCommandLineOption as(QStringLiteral("as"),
                                QStringLiteral("Your name, journaled with what you do (default: $USER)."),
                                QStringLiteral("NAME"));
    const QCommandLineOption factor(QStringLiteral("clock-factor"),
                                    QStringLiteral("Run time N times faster (rehearsals and demos only)."),
                                    QStringLiteral("N"));
    const QCommandLineOption newRun(
        QStringLiteral("new-run"),
        QStringLiteral("Start a new run although the last run of this runbook and mode has finished."));
    const QCommandLineOption takeOver(
        QStringLiteral("take-over"),
        QStringLiteral("Replace the expired lease of a lead whose process is gone (journaled)."));
    const QCommandLineOption acceptChanged(
        QStringLiteral("accept-changed-runbook"),
        QStringLiteral("Resume although the runbook changed since the run started (needs --reason; "
                       "journaled as your decision)."));
    const QCommandLineOption overrideNoGo(
        QStringLiteral("override-no-go"),
        QStringLiteral(
            "Start although the Go/No-Go says NO-GO (needs --reason; journaled as your decision)."));
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    QStringLiteral("Why, for --accept-changed-runbook or --override-no-go."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption confirm(
        QStringLiteral("confirm"),
        QStringLiteral("Confirm the manual prerequisite ID as the --as person (repeatable)."),
        QStringLiteral("ID"));
    const QCommandLineOption exitOnDecision(
        QStringLiteral("exit-on-decision"),
        QStringLiteral("Without a terminal: stop with exit 3 when a decision is needed instead of waiting "
                       "for it (the run resumes from the journal)."));
    const QCommandLineOption leaseTtl(
        QStringLiteral("lease-ttl"),
        QStringLiteral("Seconds without a heartbeat after which this run's lease counts as expired "
                       "(default 60)."),
        QStringLiteral("SECONDS"));
    for (const auto &o : {mode, journal, until, yes, as, factor, newRun, takeOver, acceptChanged,
                          overrideNoGo, reason, confirm, exitOnDecision, leaseTtl})
        sp.addOption(o);
    RunbookOptions runbookOptions(sp);
    if (auto done = sp.parse(args))
        return *done;
    const QStringList pos = sp.parser().positionalArguments();
    if (pos.size() != 1)
        return sp.usageError(QStringLiteral("expected one RUNBOOK"));
    const auto runMode = runModeFromName(sp.parser().value(mode));
    if (!runMode)
        return sp.usageError(QStringLiteral("--mode must be rehearsal, dry-run or live"));
    Console::setLinePrefix(modePrefix(*runMode));
    double clockFactor = 1.0;
    if (sp.parser().isSet(factor)) {
        bool ok = false;
        clockFactor = sp.parser().value(factor).toDouble(&ok);
        if (!ok || clockFactor < 1.0)
            return sp.usageError(QStringLiteral("--clock-factor must be a number >= 1"));
        if (*runMode == RunMode::Live && clockFactor != 1.0)
            return sp.usageError(
                QStringLiteral("--clock-factor is for rehearsals and dry runs; a live run uses real time"));
    }
    QString who = sp.parser().value(as).trimmed();
    if (who.isEmpty())
        who = qEnvironmentVariable("USER", QStringLiteral("lead"));
    const QString why = sp.parser().value(reason).trimmed();
    if ((sp.parser().isSet(acceptChanged) || sp.parser().isSet(overrideNoGo))
        && (why.isEmpty() || sp.parser().value(as).trimmed().isEmpty()))
        return sp.usageError(QStringLiteral(
            "--accept-changed-runbook and --override-no-go are decisions: give --reason TEXT and --as NAME"));

    LaunchRequest rq;
    rq.runbookPath = pos.first();
    rq.paramFiles = runbookOptions.paramFiles();
    rq.paramAssignments = runbookOptions.paramAssignments();
    rq.journalSpec = sp.parser().value(journal);
    rq.mode = *runMode;
    rq.lead = who;
    rq.clockFactor = clockFactor;
    rq.confirmAllWrites = sp.parser().isSet(yes);
    rq.newRun = sp.parser().isSet(newRun);
    rq.takeOver = sp.parser().isSet(takeOver);
    if (sp.parser().isSet(acceptChanged))
        rq.acceptChangedRunbook = PersonDecision {who, why};
    if (sp.parser().isSet(overrideNoGo))
        rq.overrideNoGo = PersonDecision {who, why};
    for (const QString &id : sp.parser().values(confirm))
        rq.confirmations.insert(id, ManualConfirmation {who, QStringLiteral("confirmed with run --confirm")});
    if (sp.parser().isSet(leaseTtl)) {
        bool ok = false;
        const double seconds = sp.parser().value(leaseTtl).toDouble(&ok);
        if (!ok || seconds <= 0)
            return sp.usageError(QStringLiteral("--lease-ttl must be a number of seconds > 0"));
        rq.leaseTtlMs = qint64(seconds * 1000);
    }

    auto launched = RunLauncher::launchAndWait(std::move(rq));
    if (!launched) {
        const LaunchError &e = launched.error();
        if (e.kind == LaunchError::Kind::Finished) {
            Console::out(QStringLiteral("%1\nRuns of this runbook in the journal:\n").arg(e.message));
            for (const QString &line : e.details)
                Console::out(QStringLiteral("  %1\n").arg(line));
        } else {
            if (e.preflight && e.runbook)
                printPreflight(*e.runbook, *e.preflight);
            Console::err(QStringLiteral("run: %1\n").arg(e.message));
            for (const QString &line : e.details)
                Console::err(QStringLiteral("  - %1\n").arg(line));
        }
        return e.exitCode();
    }
    LaunchedRun &run = *launched;
    RunDriver &driver = *run.driver;
    for (const QString &note : std::as_const(run.notes))
        Console::out(QStringLiteral("Note: %1\n").arg(note));
    if (run.preflight)
        printPreflight(*run.runbook, *run.preflight);
    Console::out(QStringLiteral("%1 run %2 of \"%3\" (%4%5), journal %6\n")
                     .arg(run.resumed ? QStringLiteral("Resumed") : QStringLiteral("Started"), driver.runId(),
                          run.runbook->name, runModeName(*runMode),
                          clockFactor > 1.0 ? QStringLiteral(", clock x%1").arg(clockFactor) : QString(),
                          run.journal->location()));
    if (run.resumed)
        Console::out(RunStatusView::toText(driver.state(), driver.status(), driver.now()));

    RunSession session;
    session.driver = &driver;
    session.journalSpec = run.journalSpec;
    session.who = who;
    session.until = sp.parser().value(until);
    session.autoYes = sp.parser().isSet(yes);
    session.interactive = ::isatty(STDIN_FILENO) == 1;
    session.exitOnDecision = sp.parser().isSet(exitOnDecision);
    InterruptHandler *ih = InterruptHandler::install();
    QObject::connect(ih, &InterruptHandler::interrupted, &session, [&session] {
        Console::err(QStringLiteral(
            "\nInterrupted; the run continues from the journal when `run` is started again.\n"));
        session.done(130);
    });
    QObject::connect(run.lease.get(), &LeaseKeeper::lost, &session, [&session](const Error &e) {
        Console::err(QStringLiteral("run: %1; this process stops writing.\n").arg(e.message));
        session.done(5);
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
