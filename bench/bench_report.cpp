// Benchmark input for the evidence report: a SQLite journal holding one rehearsal of 30 days (three stages
// of 10 days, three metrics sampled all along) with about N events, made by the real planner on a
// FakeClock (RunHarness) and stored as a driver stores it. Time the report and `journal verify` on it as
// whole processes, side by side (docs/benchmarks.md):
//   build/bench/bench_report --out /tmp/month.journal [--events 100000]
//   cutover-cockpit report --journal /tmp/month.journal -o /tmp/month.pdf --json
//   cutover-cockpit journal verify --journal /tmp/month.journal

#include "engine/RunCommands.h"
#include "store/SqliteJournal.h"
#include "support/ExampleASimulation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <cstdio>

using namespace cockpit;
using namespace cockpit::test;

namespace {

// Three 10-day stages; every metric sampled every `every` seconds.
QByteArray monthRunbook(int every)
{
    QByteArray y = "runbook: 1\nname: month of samples\n"
                   "connections:\n  db: {postgres: {host: 127.0.0.1, database: app, user: ro}}\n"
                   "  rlm: {http: {base_url: \"http://127.0.0.1:8000\"}}\n"
                   "metrics:\n";
    for (const char *m : {"success_rate_pct", "fast_imports_pct", "stuck_imports"})
        y += QByteArray("  ") + m + ": {connection: db, every: " + QByteArray::number(every)
            + "s, query: \"SELECT 1\"}\n";
    y += "stages:\n";
    int percent = 10;
    for (const char *s : {"canary", "half", "full"}) {
        y += QByteArray("  - id: ") + s + "\n    rollout:\n      - {id: set-" + QByteArray::number(percent)
            + ", http: {connection: rlm, method: PUT, path: /rollout, json: {percent: "
            + QByteArray::number(percent) + "}}, writes: true}\n"
            + "    soak: 10d\n    checkpoints: {every: 1d}\n    gates:\n"
              "      - {id: success, expect: \"success_rate_pct >= 95\", hold: 24h}\n"
              "      - {id: stuck, expect: \"stuck_imports == 0\", hold: 1h}\n";
        percent = percent == 10 ? 50 : 100;
    }
    y += "rollback:\n  target: 15m\n  triggers:\n"
         "    - {id: low-success, when: \"success_rate_pct < 90\", severity: critical, action: rollback}\n"
         "  steps:\n    - {id: set-0, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: "
         "0}}, "
         "writes: true}\n";
    return y;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The SQLite journal to write."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption events(QStringLiteral("events"), QStringLiteral("About this many events."),
                                    QStringLiteral("N"), QStringLiteral("100000"));
    p.addOption(out);
    p.addOption(events);
    p.process(app);
    if (!p.isSet(out)) {
        std::fprintf(stderr, "bench_report: --out FILE is required\n");
        return 2;
    }
    const qint64 wanted = std::max<qint64>(1000, p.value(events).toLongLong());
    const int every = int(std::max<qint64>(10, 30LL * 86400 * 3 / wanted));
    auto rb = loadRunbook(monthRunbook(every));
    if (!rb)
        return 2;
    RunHarness h(rb);
    h.metric = [](const QString &m, qint64 now) {
        if (m == QLatin1String("stuck_imports"))
            return std::optional<double>(0);
        return std::optional<double>(97.0 + double((now / 60000) % 23) / 10.0);
    };
    h.start();
    h.append(RunCommands::runbookNote(h.info.id, h.clock.now(), *rb));
    h.ok(RunPlanner::enterStage(h.state, h.clock.now(), QStringLiteral("canary"), h.info.lead));
    const SimulationOutcome o = answerUntilEnd(h, RunHarness::kStart + 40 * RunHarness::kDay);
    if (!o.unexpected.isEmpty()) {
        std::fprintf(stderr, "bench_report: %s\n", qPrintable(o.unexpected));
        return 1;
    }
    QFile::remove(p.value(out));
    auto journal = SqliteJournal::open(p.value(out));
    if (!journal) {
        std::fprintf(stderr, "bench_report: %s\n", qPrintable(journal.error().message));
        return 2;
    }
    QList<JournalEventDraft> batch;
    for (const JournalEvent &e : std::as_const(h.journal)) {
        batch.append(JournalEventDraft {e.runId(), e.at(), e.type(), e.actor(), e.payload()});
        if (batch.size() == 5000 || &e == &h.journal.last()) {
            if (auto r = (*journal)->appendBatch(batch); !r) {
                std::fprintf(stderr, "bench_report: %s\n", qPrintable(r.error().message));
                return 1;
            }
            batch.clear();
        }
    }
    std::printf("%s: run %s, %lld events over %lld days (every metric every %d s), outcome %s\n",
                qPrintable(p.value(out)), qPrintable(h.info.id), qint64(h.journal.size()),
                (h.journal.last().at() - h.journal.first().at()) / RunHarness::kDay, every,
                qPrintable(h.state.outcome()));
    return 0;
}
