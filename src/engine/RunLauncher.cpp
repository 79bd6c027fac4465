#include "engine/RunLauncher.h"

#include "core/base/AcceleratedClock.h"
#include "core/base/SystemClock.h"
#include "core/runbook/ParamFile.h"
#include "core/runbook/RunbookLoader.h"
#include "engine/Credentials.h"
#include "engine/ModeGuard.h"
#include "engine/NoGoOverride.h"
#include "engine/RunCommands.h"
#include "engine/RunHistory.h"
#include "engine/RunbookChanges.h"
#include "store/JournalFactory.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>
#include <algorithm>

namespace cockpit {

int LaunchError::exitCode() const
{
    switch (kind) {
    case Kind::Setup: return 2;
    case Kind::Finished: return outcome == QLatin1String("completed") ? 0 : 1;
    case Kind::NoGo: return 4;
    case Kind::LeaseHeld: return 5;
    case Kind::RunbookChanged: return 6;
    case Kind::MissingSecret: return 7;
    }
    return 2;
}

LaunchedRun::~LaunchedRun()
{
    driver.reset();
    if (lease)
        lease->release(QStringLiteral("the run's process stopped"));
    lease.reset();
}

struct RunLauncher::Job
{
    LaunchRequest request;
    Done done;
    LaunchedRun run;
    QByteArray text;
    QString sha256;
    std::unique_ptr<RunLease> lease;
    QList<JournalEvent> events;
    QString resumeId;
    std::optional<JournalEventDraft> acceptNote; // journaled once the run is open
    QPointer<Preflight> preflight;

    void fail(LaunchError::Kind kind, const QString &message, const QStringList &details = {})
    {
        LaunchError e;
        e.kind = kind;
        e.message = message;
        e.details = details;
        finish(unexpected(std::move(e)));
    }
    void finish(Result r)
    {
        if (!done)
            return;
        auto d = std::exchange(done, {});
        d(std::move(r));
    }
};

Expected<QMap<QString, QString>, Errors> RunLauncher::parameters(const QStringList &files,
                                                                 const QStringList &assignments)
{
    QMap<QString, QString> values;
    Errors errors;
    for (const QString &file : files) {
        auto loaded = ParamFile::load(file);
        if (!loaded) {
            errors << loaded.error();
            continue;
        }
        for (auto it = loaded->cbegin(); it != loaded->cend(); ++it)
            values.insert(it.key(), it.value());
    }
    for (const QString &assignment : assignments) {
        auto a = ParamFile::parseAssignment(assignment);
        if (!a) {
            Error e = a.error();
            if (e.file.isEmpty() && e.line == 0)
                e.message = QStringLiteral("--param %1: %2").arg(assignment, e.message);
            errors << e;
            continue;
        }
        values.insert(a->first, a->second);
    }
    if (!errors.isEmpty())
        return unexpected(errors);
    return values;
}

QString RunLauncher::outboxFor(const QString &journalSpec, const QString &runKey)
{
    QString dir = qEnvironmentVariable("COCKPIT_OUTBOX_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
            + QStringLiteral("/outbox");
    QDir().mkpath(dir);
    const QByteArray id = QCryptographicHash::hash((journalSpec + QLatin1Char('\n') + runKey).toUtf8(),
                                                   QCryptographicHash::Sha256)
                              .toHex()
                              .left(24);
    return dir + QLatin1Char('/') + QString::fromLatin1(id) + QStringLiteral(".outbox");
}

QString RunLauncher::defaultJournalFor(const QString &runbookPath)
{
    const QFileInfo fi(runbookPath);
    return fi.absolutePath() + QLatin1Char('/') + fi.completeBaseName() + QStringLiteral(".journal");
}

RunControllerSetup RunLauncher::controllerSetup(LaunchedRun &run)
{
    run.driver.reset();
    RunControllerSetup s;
    s.runbook = run.runbook;
    s.openJournal = [spec = run.journalSpec, password = run.journalPassword] {
        JournalOpenOptions o;
        o.password = password;
        return JournalFactory::open(spec, o);
    };
    s.clock = run.clock.get();
    s.options = run.driverOptions;
    s.secrets = run.secrets;
    s.runbookPath = run.runbook->file;
    if (run.lease) {
        const LeaseHolder &h = run.lease->lease().mine();
        s.lease = LeaseInfo {h.who, h.host, h.pid, h.since, h.heartbeat, true};
    }
    return s;
}

RunLauncher::Result RunLauncher::launchAndWait(LaunchRequest request)
{
    RunLauncher launcher;
    std::optional<Result> out;
    QEventLoop loop;
    launcher.launch(std::move(request), [&](Result r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out)
        loop.exec();
    return std::move(*out);
}

void RunLauncher::launch(LaunchRequest request, Done done)
{
    auto job = std::make_shared<Job>();
    job->request = std::move(request);
    job->done = std::move(done);
    const LaunchRequest &rq = job->request;
    LaunchedRun &run = job->run;

    // The runbook, as text (its sha256 is the evidence of what ran) and loaded with its parameters.
    job->text = rq.runbookText;
    if (job->text.isEmpty()) {
        QFile f(rq.runbookPath);
        if (!f.open(QIODevice::ReadOnly))
            return job->fail(
                LaunchError::Kind::Setup,
                QStringLiteral("cannot read the runbook %1: %2").arg(rq.runbookPath, f.errorString()));
        job->text = f.readAll();
    }
    job->sha256
        = QString::fromLatin1(QCryptographicHash::hash(job->text, QCryptographicHash::Sha256).toHex());
    if (rq.runbook) {
        run.runbook = rq.runbook;
    } else {
        auto params = parameters(rq.paramFiles, rq.paramAssignments);
        if (!params) {
            QStringList lines;
            for (const Error &e : params.error())
                lines << e.toString();
            return job->fail(LaunchError::Kind::Setup, QStringLiteral("the parameters are invalid"), lines);
        }
        auto loaded = RunbookLoader::loadText(job->text, rq.runbookPath, *params,
                                              rq.mode == RunMode::Rehearsal ? ParamSet::Rehearsal
                                                                            : ParamSet::Default);
        if (!loaded) {
            QStringList lines;
            for (const Error &e : loaded.error())
                lines << e.toString();
            return job->fail(LaunchError::Kind::Setup, QStringLiteral("the runbook is invalid"), lines);
        }
        run.runbook = std::make_shared<const Runbook>(std::move(*loaded));
    }
    const Runbook &rb = *run.runbook;
    if (rq.mode == RunMode::Rehearsal) {
        if (const QStringList writes = ModeGuard::productionWrites(rb); !writes.isEmpty())
            return job->fail(
                LaunchError::Kind::Setup,
                QStringLiteral("a rehearsal never writes to production, and this one would: give "
                               "the connections marked production their rehearsal parameters, or "
                               "run live"),
                writes);
        if (!rb.rehearsalParams.isEmpty())
            run.notes << QStringLiteral("rehearsal parameters: %1")
                             .arg(rb.rehearsalParams.join(QStringLiteral(", ")));
    }

    // The journal.
    run.journalSpec = rq.journalSpec.isEmpty() ? defaultJournalFor(rq.runbookPath) : rq.journalSpec;
    if (JournalFactory::isPostgres(run.journalSpec))
        run.journalPassword = Credentials::postgresPassword();
    JournalOpenOptions jo;
    jo.password = run.journalPassword;
    // A shared journal gets a local outbox: an outage holds the run's writes instead of ending the run,
    // and what is sampled meanwhile waits there, in order (one per journal and run key: one writer).
    if (JournalFactory::isPostgres(run.journalSpec))
        jo.outboxPath = outboxFor(run.journalSpec, RunLease::keyFor(rb.name, runModeName(rq.mode)));
    auto opened = JournalFactory::open(run.journalSpec, jo);
    if (!opened)
        return job->fail(LaunchError::Kind::Setup,
                         QStringLiteral("cannot open the journal: %1").arg(opened.error().message));
    run.journal = std::move(*opened);

    // The lease first, so finding (or starting) the run happens under it: of two processes starting the
    // same runbook at once, one waits out the other's refusal instead of both starting a run.
    RunLease::Request lr;
    lr.journalSpec = run.journalSpec;
    lr.password = run.journalPassword;
    lr.key = RunLease::keyFor(rb.name, runModeName(rq.mode));
    lr.who = rq.lead;
    lr.ttlMs = rq.leaseTtlMs;
    lr.takeOver = rq.takeOver;
    auto lease = RunLease::take(lr);
    if (!lease) {
        const bool held = lease.error().message.contains(QLatin1String("held by"))
            || lease.error().message.contains(QLatin1String("expired"));
        return job->fail(held ? LaunchError::Kind::LeaseHeld : LaunchError::Kind::Setup,
                         lease.error().message);
    }
    job->lease = std::move(*lease);
    if (job->lease->previous())
        run.notes << (job->lease->how() == RunLease::How::TakenOver
                          ? QStringLiteral("took over the expired lease of %1")
                          : QStringLiteral("reclaimed the lease of %1 (its process has ended)"))
                         .arg(job->lease->previous()->describe(job->lease->mine().since));

    // Which run: the unfinished one of this runbook and mode, or a new one.
    auto events = run.journal->readAll();
    if (!events)
        return job->fail(LaunchError::Kind::Setup,
                         QStringLiteral("cannot read the journal: %1").arg(events.error().message));
    job->events = std::move(*events);
    const QList<RunSummary> runs = RunHistory::list(job->events);
    job->resumeId = RunCommands::unfinishedRun(job->events, rb.name, rq.mode);
    if (job->resumeId.isEmpty()) {
        const auto last = RunHistory::latest(runs, rb.name, runModeName(rq.mode));
        if (last && !rq.newRun) {
            QStringList lines;
            for (const RunSummary &s : runs)
                if (s.runbook == rb.name)
                    lines << s.line();
            LaunchError e;
            e.kind = LaunchError::Kind::Finished;
            e.outcome = last->outcome;
            e.message = QStringLiteral(
                            "the last %1 run of \"%2\" (%3) has finished: %4. A new run needs --new-run.")
                            .arg(last->mode, rb.name, last->id, last->outcome);
            e.details = lines;
            return job->finish(unexpected(std::move(e)));
        }
    } else {
        const auto it = std::find_if(runs.cbegin(), runs.cend(),
                                     [&](const RunSummary &s) { return s.id == job->resumeId; });
        const QString was = it == runs.cend() ? QString() : it->runbookSha256;
        if (!was.isEmpty() && was != job->sha256) {
            QByteArray before;
            QMap<QString, QString> beforeParams;
            for (const JournalEvent &e : std::as_const(job->events)) {
                if (e.runId() != job->resumeId || !e.payload().contains(QLatin1String("runbook_yaml")))
                    continue;
                before = e.payload().value(QLatin1String("runbook_yaml")).toString().toUtf8();
                const QJsonObject p = e.payload().value(QLatin1String("params")).toObject();
                for (auto pi = p.constBegin(); pi != p.constEnd(); ++pi)
                    beforeParams.insert(pi.key(), pi.value().toString());
            }
            QStringList changes = RunbookChanges::between(before, beforeParams, job->text, rb.params);
            if (changes.isEmpty())
                changes << QStringLiteral("the file differs (formatting or comments only)");
            if (!rq.acceptChangedRunbook)
                return job->fail(
                    LaunchError::Kind::RunbookChanged,
                    QStringLiteral(
                        "run %1 started with a different runbook (sha256 %2, now %3). Resume "
                        "with it only as a decision: --accept-changed-runbook --reason TEXT --as NAME.")
                        .arg(job->resumeId, was.left(12), job->sha256.left(12)),
                    changes);
            JournalEventDraft d
                = RunEvents::note(job->resumeId, 0, rq.acceptChangedRunbook->who,
                                  QStringLiteral("resumed with a changed runbook, accepted by %1: %2")
                                      .arg(rq.acceptChangedRunbook->who, rq.acceptChangedRunbook->reason));
            d.payload.insert(QStringLiteral("kind"), QStringLiteral("runbook_change_accepted"));
            d.payload.insert(QStringLiteral("reason"), rq.acceptChangedRunbook->reason);
            d.payload.insert(QStringLiteral("previous_sha256"), was);
            d.payload.insert(QStringLiteral("runbook_sha256"), job->sha256);
            d.payload.insert(QStringLiteral("changes"), QJsonArray::fromStringList(changes));
            job->acceptNote = d;
            run.notes << QStringLiteral("the runbook changed since the run started; accepted by %1")
                             .arg(rq.acceptChangedRunbook->who);
        }
    }

    // The clock: an accelerated clock resumes from the run's own last event time, so a restart keeps its
    // place in simulated time.
    if (job->request.clock) {
        run.clock = std::move(job->request.clock);
    } else if (rq.clockFactor > 1.0) {
        qint64 origin = QDateTime::currentMSecsSinceEpoch();
        for (const JournalEvent &e : std::as_const(job->events))
            if (!job->resumeId.isEmpty() && e.runId() == job->resumeId)
                origin = std::max(origin, e.at());
        run.clock = std::make_unique<AcceleratedClock>(origin, rq.clockFactor);
    } else {
        run.clock = std::make_unique<SystemClock>();
    }
    resolveSecrets(job);
}

void RunLauncher::resolveSecrets(const std::shared_ptr<Job> &job)
{
    const Runbook &rb = *job->run.runbook;
    Q_EMIT progress(QStringLiteral("resolving secrets"));
    Credentials::resolve(rb, Credentials::secretsUsed(rb), job->request.secrets, job->request.useKeychain,
                         this, [this, job](const Credentials::Resolved &r) {
                             if (!r.missing.isEmpty())
                                 return job->fail(LaunchError::Kind::MissingSecret,
                                                  QStringLiteral("a required secret is missing; the run does "
                                                                 "not start without it"),
                                                  r.missing);
                             job->run.secrets = r.values;
                             openRun(job);
                         });
}

void RunLauncher::openRun(const std::shared_ptr<Job> &job)
{
    const LaunchRequest &rq = job->request;
    LaunchedRun &run = job->run;
    run.driverOptions.mode = rq.mode;
    run.driverOptions.lead = rq.lead;
    run.driverOptions.confirmAllWrites = rq.confirmAllWrites;
    run.driverOptions.useKeychain = false; // resolved here, once
    run.driverOptions.runbookSha256 = job->sha256;
    run.driver
        = std::make_unique<RunDriver>(run.runbook, run.journal.get(), run.clock.get(), run.driverOptions);
    for (auto it = run.secrets.cbegin(); it != run.secrets.cend(); ++it)
        run.driver->provideSecret(it.key(), it.value());
    auto resumed = run.driver->open();
    if (!resumed)
        return job->fail(LaunchError::Kind::Setup, resumed.error());
    run.resumed = *resumed;
    run.runId = run.driver->runId();
    run.lease = std::make_unique<LeaseKeeper>(std::move(job->lease), run.journal.get(), run.clock.get());
    if (auto ok = run.lease->taken(run.runId); !ok)
        return job->fail(LaunchError::Kind::Setup, ok.error().message);
    if (job->acceptNote) {
        job->acceptNote->at = run.clock->now();
        if (auto ok = run.driver->apply(RunCommand(QList<JournalEventDraft> {*job->acceptNote})); !ok)
            return job->fail(LaunchError::Kind::Setup, ok.error());
    }
    goNoGo(job);
}

void RunLauncher::goNoGo(const std::shared_ptr<Job> &job)
{
    LaunchedRun &run = job->run;
    // Decided already in this run (GO, or overridden), or past its first stage: no second Go/No-Go.
    if (run.resumed) {
        auto events = run.journal->readRun(run.runId);
        if (!events)
            return job->fail(LaunchError::Kind::Setup, events.error().message);
        for (const JournalEvent &e : std::as_const(*events)) {
            const QString decision = e.payload().value(QLatin1String("decision")).toString();
            if ((e.type() == JournalEventType::GoNoGo
                 && (decision == QLatin1String("go") || decision == QLatin1String("override")))
                || e.type() == JournalEventType::StageEntered || e.type() == JournalEventType::ActionRun)
                return job->finish(std::move(job->run));
        }
    }
    Q_EMIT progress(QStringLiteral("checking the prerequisites (Go/No-Go)"));
    auto *preflight = new Preflight(this);
    job->preflight = preflight;
    preflight->run(
        *run.runbook, job->request.confirmations, run.secrets, [job, preflight](PreflightResult r) {
            preflight->deleteLater();
            LaunchedRun &run = job->run;
            if (!r.decision.isGo() && job->request.overrideNoGo) {
                r.override = job->request.overrideNoGo;
                r.needsSecondApprover = run.runbook->noGoOverrideNeedsSecondApprover;
                if (r.needsSecondApprover) {
                    auto events = run.journal->readRun(run.runId);
                    if (!events)
                        return job->fail(LaunchError::Kind::Setup, events.error().message);
                    r.approvedBy = NoGoOverride::approvalOf(*events, *r.override);
                }
            }
            if (auto ok = run.driver->apply(RunCommand(
                    QList<JournalEventDraft> {r.event(run.runId, run.clock->now(), job->request.lead)}));
                !ok)
                return job->fail(LaunchError::Kind::Setup, ok.error());
            if (!r.mayStart()) {
                LaunchError e;
                e.kind = LaunchError::Kind::NoGo;
                if (r.override)
                    e.message
                        = QStringLiteral(
                              "NO-GO: the override by %1 needs a second approver (the runbook's "
                              "go_no_go.second_approver), journaled as pending. Another person approves it "
                              "with `cutover-cockpit approve --journal %2 --no-go-override --as NAME`; then "
                              "run this command again (%3).")
                              .arg(r.override->who, run.journalSpec, r.decision.headline());
                else
                    e.message = QStringLiteral(
                                    "NO-GO: the run does not start (%1). Fix the blockers and run again, or "
                                    "override: --override-no-go --reason TEXT --as NAME.")
                                    .arg(r.decision.headline());
                for (const Blocker &b : r.decision.blockers())
                    e.details << QStringLiteral("%1 [%2]: %3")
                                     .arg(b.checkId, RunEvents::verdictKey(b.verdict), b.reason);
                e.preflight = std::move(r);
                e.runbook = run.runbook;
                return job->finish(unexpected(std::move(e)));
            }
            run.preflight = std::move(r);
            job->finish(std::move(job->run));
        });
}

} // namespace cockpit
