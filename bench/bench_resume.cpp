// bench_resume: how long a restarted cockpit takes to resume a long run. Generates a run of N events
// (default 100 000) through RunPlanner/RunEvents — a stage with example A's eight metrics sampled every
// 5 minutes, gates, checkpoints — stores it in a SQLite journal, then times what `run` does on restart:
// open the journal, read it, RunState::replay, the first RunPlanner::step/status, and RunDriver::open()
// as a whole. Prints a Markdown table for docs/benchmarks.md.
//   bench_resume [--events N] [--dir DIR]
#include "core/run/RunPlanner.h"
#include "core/runbook/RunbookLoader.h"
#include "engine/RunCommands.h"
#include "engine/RunDriver.h"
#include "store/SqliteJournal.h"
#include "support/FakeClock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <cstdio>

using namespace cockpit;

namespace {

QTextStream out(stdout);

const char *kRunbook = R"(runbook: 1
name: resume bench
connections:
  app_db: {postgres: {host: 127.0.0.1, database: app, user: bench}}
metrics:
  success_rate_pct: {connection: app_db, every: 5m, query: "SELECT 1"}
  stuck_imports: {connection: app_db, every: 5m, query: "SELECT 1"}
  stuck_imports_per_hour: {connection: app_db, every: 5m, query: "SELECT 1"}
  slow_imports_pct: {connection: app_db, every: 5m, query: "SELECT 1"}
  fast_imports_pct: {connection: app_db, every: 5m, query: "SELECT 1"}
  top_error_share_pct: {connection: app_db, every: 5m, query: "SELECT 1"}
  hourly_import_drop_pct: {connection: app_db, every: 5m, query: "SELECT 1"}
  v1_imports_last_hour: {connection: app_db, every: 5m, query: "SELECT 1"}
stages:
  - id: long-soak
    soak: 400d
    checkpoints: {every: 1d}
    gates:
      - {id: success-rate, expect: "success_rate_pct >= 95", hold: 24h, no_data_grace: 30m}
      - {id: no-stuck-imports, expect: "stuck_imports == 0", recover_within: 2h}
      - {id: no-systemic-errors, expect: "top_error_share_pct < 50"}
      - {id: durations, expect: "slow_imports_pct < 10"}
      - {id: mostly-fast, expect: "fast_imports_pct > 50"}
      - {id: steady-timeline, expect: "hourly_import_drop_pct < 50"}
      - {id: no-complaints, manual: Zero user complaints}
  - id: next
    soak: 1d
rollback:
  target: 15m
  triggers:
    - {id: success-rate-low, when: "success_rate_pct < 95", severity: critical, action: rollback}
)";

void fail(const QString &what, const QString &e)
{
    std::fprintf(stderr, "bench_resume: %s: %s\n", qPrintable(what), qPrintable(e));
    std::exit(1);
}

void row(const QString &what, qint64 ms, const QString &note = {})
{
    out << "| " << what << " | " << ms << " ms | " << note << " |\n";
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption events(QStringLiteral("events"), QStringLiteral("Events in the run."),
                                    QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("Where the journal goes."),
                                    QStringLiteral("DIR"));
    p.addOption(events);
    p.addOption(dirOpt);
    p.process(app);
    const qint64 nEvents = p.value(events).toLongLong();
    QTemporaryDir tmp;
    const QString dir = p.isSet(dirOpt) ? p.value(dirOpt) : tmp.path();
    const QString path = dir + QStringLiteral("/resume-bench.journal");
    QFile::remove(path);

    auto loaded = RunbookLoader::loadText(QByteArray(kRunbook), QStringLiteral("bench.yaml"));
    if (!loaded)
        fail(QStringLiteral("runbook"), loaded.error().first().toString());
    auto runbook = std::make_shared<const Runbook>(std::move(*loaded));

    // 1. Generate the run in memory, exactly as the driver would journal it (samples answer at once).
    QElapsedTimer t;
    t.start();
    constexpr qint64 kStart = 1'800'000'000'000;
    RunInfo info;
    info.id = RunEvents::makeRunId(RunMode::Rehearsal, kStart);
    info.lead = QStringLiteral("Dana Weber");
    info.startedAt = kStart;
    info.runbook = runbook->name;
    RunState state(runbook, info.id);
    QList<JournalEventDraft> drafts;
    auto add = [&](const JournalEventDraft &d) {
        drafts.append(d);
        state.apply(d);
    };
    add(RunPlanner::startRun(info));
    add(RunCommands::runbookNote(info.id, kStart, *runbook));
    const RunCommand entered = RunPlanner::enterStage(state, kStart, QStringLiteral("long-soak"), info.lead);
    for (const auto &d : entered.value())
        add(d);
    const RunCommand confirmed
        = RunPlanner::confirmManualGate(state, kStart, QStringLiteral("no-complaints"), info.lead);
    for (const auto &d : confirmed.value())
        add(d);
    qint64 now = kStart;
    quint32 x = 12345;
    while (drafts.size() < nEvents) {
        RunPlan plan = RunPlanner::step(state, now);
        for (const auto &d : std::as_const(plan.events))
            add(d);
        for (const RunEffect &e : std::as_const(plan.effects)) {
            if (e.kind != RunEffect::Kind::SampleMetric)
                continue;
            x = x * 1103515245u + 12345u;
            double v = e.id == QLatin1String("success_rate_pct") ? 97.0 + double(x % 300) / 100.0
                : e.id == QLatin1String("fast_imports_pct")      ? 90.0
                                                                 : double(x % 3);
            add(RunEvents::sampleTaken(info.id, now, e.id, v));
            if (drafts.size() >= nEvents)
                break;
        }
        if (plan.effects.isEmpty() && plan.events.isEmpty())
            now = plan.wakeAt.value_or(now + 60000);
    }
    const qint64 genMs = t.elapsed();

    // 2. Store it: sealed and chained like appends, bulk-inserted in one transaction.
    auto journal = SqliteJournal::open(path);
    if (!journal)
        fail(QStringLiteral("open"), journal.error().message);
    {
        QSqlDatabase db = QSqlDatabase::database((*journal)->connectionName());
        QSqlQuery q(db);
        q.exec(QStringLiteral("BEGIN"));
        q.prepare(QStringLiteral("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        QByteArray prev = JournalEvent::genesisHash();
        qint64 seq = 0;
        for (const JournalEventDraft &d : std::as_const(drafts)) {
            const JournalEvent e = JournalEvent::seal(d, ++seq, prev);
            const JournalRawRow r = e.toRawRow();
            q.bindValue(0, e.seq());
            q.bindValue(1, e.runId());
            q.bindValue(2, e.at());
            q.bindValue(3, e.typeName());
            q.bindValue(4, e.actor());
            q.bindValue(5, QString::fromUtf8(r.payload));
            q.bindValue(6, QString::fromLatin1(r.prevHash));
            q.bindValue(7, QString::fromLatin1(r.hash));
            if (!q.exec())
                fail(QStringLiteral("insert"), q.lastError().text());
            prev = e.hash();
        }
        QSqlQuery(db).exec(QStringLiteral("COMMIT"));
    }
    journal->reset();
    const qint64 simDays = (now - kStart) / 86400000;

    out << "Run of " << drafts.size() << " events (" << simDays
        << " simulated days of 8 metrics every 5 min), journal " << QFileInfo(path).size() / 1024
        << " KiB; generated in " << genMs << " ms\n\n";
    out << "| step | time | |\n|---|---|---|\n";

    // 3. What a restart does, step by step.
    t.restart();
    auto reopened = SqliteJournal::open(path);
    if (!reopened)
        fail(QStringLiteral("reopen"), reopened.error().message);
    row(QStringLiteral("open the SQLite journal"), t.elapsed());
    t.restart();
    auto all = (*reopened)->readAll();
    if (!all)
        fail(QStringLiteral("read"), all.error().message);
    row(QStringLiteral("read all events (parse JSON)"), t.elapsed(),
        QStringLiteral("%1 events").arg(all->size()));
    t.restart();
    const RunState replayed = RunState::replay(runbook, *all, info.id);
    row(QStringLiteral("RunState::replay"), t.elapsed(),
        QStringLiteral("%1 events folded").arg(replayed.eventCount()));
    t.restart();
    const RunPlan plan = RunPlanner::step(replayed, now);
    const RunStatus status = RunPlanner::status(replayed, now);
    row(QStringLiteral("first RunPlanner::step + status"), t.elapsed(),
        QStringLiteral("soak remaining %1 h").arg(status.soakRemaining.count() / 3600000));
    Q_UNUSED(plan);

    // 4. The driver's whole resume path (find the unfinished run, replay, journal the resume note).
    t.restart();
    FakeClock clock(now);
    RunDriverOptions o;
    o.lead = info.lead;
    o.useKeychain = false;
    RunDriver driver(runbook, reopened->get(), &clock, o);
    auto resumed = driver.open();
    const qint64 driverMs = t.elapsed();
    if (!resumed || !*resumed)
        fail(QStringLiteral("driver"), resumed ? QStringLiteral("did not resume") : resumed.error());
    row(QStringLiteral("RunDriver::open() total (read + replay + resume note)"), driverMs);
    return 0;
}
