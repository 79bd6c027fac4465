// bench_controller: how long the controller's caller (a window's GUI thread) ever waits while the engine
// appends N events (default 10 000) to a SQLite journal at synchronous=FULL (one fsync per append). The
// engine thread appends notes one per event-loop turn, as a run does; meanwhile the caller sends a
// command (hold / resume, each one more event) every 5 ms, reads snapshot() on every tick of a 1 ms
// timer and receives snapshotChanged. Measured on the caller's thread: the time spent inside send() and
// snapshot(), the longest stall of its event loop, the longest gap between snapshots, and how long a
// command took to be answered (queued behind the engine's current append). Prints Markdown rows.
//   bench_controller [--events N] [--dir DIR]
#include "core/journal/RunEvents.h"
#include "core/runbook/RunbookLoader.h"
#include "engine/ThreadedRunController.h"
#include "store/JournalFactory.h"
#include "support/FakeClock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <atomic>

using namespace cockpit;

namespace {

const char *kRunbook = R"(runbook: 1
name: controller bench
stages:
  - id: canary
    soak: 1h
    gates:
      - {id: complaints, manual: Zero user complaints}
)";

struct Stats
{
    QList<qint64> values; // microseconds
    void add(qint64 us) { values.append(us); }
    qint64 max() const { return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend()); }
    qint64 percentile(double p) const
    {
        if (values.isEmpty())
            return 0;
        QList<qint64> v = values;
        std::sort(v.begin(), v.end());
        return v[qsizetype(double(v.size() - 1) * p)];
    }
};

QString ms(qint64 us)
{
    return QString::number(double(us) / 1000.0, 'f', 2) + QStringLiteral(" ms");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption eventsOpt(QStringLiteral("events"), QStringLiteral("Events to append."),
                                       QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("Directory for the journal."),
                                    QStringLiteral("DIR"));
    parser.addOption(eventsOpt);
    parser.addOption(dirOpt);
    parser.process(app);
    const int total = parser.value(eventsOpt).toInt();

    QTemporaryDir tmp(parser.isSet(dirOpt) ? parser.value(dirOpt) + QStringLiteral("/bench-XXXXXX")
                                           : QDir::tempPath() + QStringLiteral("/bench-XXXXXX"));
    const QString path = tmp.filePath(QStringLiteral("run.journal"));
    auto rb = RunbookLoader::loadText(kRunbook, QStringLiteral("bench.yaml"));
    if (!rb) {
        qCritical("runbook: %s", qPrintable(rb.error().first().toString()));
        return 2;
    }
    FakeClock clock(1'800'000'000'000);
    RunControllerSetup setup;
    setup.runbook = std::make_shared<const Runbook>(std::move(*rb));
    setup.openJournal = [path]() { return JournalFactory::open(path); };
    setup.clock = &clock;
    setup.options.lead = QStringLiteral("Dana Weber");
    setup.options.useKeychain = false;
    ThreadedRunController c(setup);
    QFutureWatcher<Expected<bool, Error>> startWatch;
    startWatch.setFuture(c.start());
    startWatch.waitForFinished();
    if (!startWatch.result()) {
        qCritical("start: %s", qPrintable(startWatch.result().error().message));
        return 2;
    }

    Stats inSend, inSnapshot, answered, loopStall, snapshotGap;
    std::atomic<int> appended = 0;
    int commands = 0, refused = 0, snapshots = 0;
    QElapsedTimer wall;
    wall.start();

    // The load: one note per turn of the engine's event loop until `total` are in the journal.
    std::function<void(RunDriver *)> appendOne;
    appendOne = [&](RunDriver *d) {
        if (!d || appended.load() >= total)
            return;
        const auto r = d->apply(QList<JournalEventDraft> {RunEvents::note(
            d->runId(), d->now(), QStringLiteral("bench"), QStringLiteral("event %1").arg(appended.load()))});
        if (!r)
            qFatal("append: %s", qPrintable(r.error()));
        ++appended;
        QTimer::singleShot(0, d, [d, &appendOne] { appendOne(d); });
    };
    c.onEngine(appendOne);

    QElapsedTimer sinceTick, sinceSnapshot;
    sinceTick.start();
    QObject::connect(&c, &RunController::snapshotChanged, &app, [&](const RunSnapshotPtr &) {
        if (sinceSnapshot.isValid())
            snapshotGap.add(sinceSnapshot.nsecsElapsed() / 1000);
        sinceSnapshot.restart();
        ++snapshots;
    });
    QTimer tick;
    tick.setInterval(1);
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        loopStall.add(std::max<qint64>(0, sinceTick.nsecsElapsed() / 1000 - 1000));
        sinceTick.restart();
        QElapsedTimer t;
        t.start();
        const RunSnapshotPtr s = c.snapshot();
        inSnapshot.add(t.nsecsElapsed() / 1000);
        Q_UNUSED(s);
    });
    QTimer commander;
    commander.setInterval(5);
    commander.setTimerType(Qt::PreciseTimer);
    bool hold = true;
    QObject::connect(&commander, &QTimer::timeout, &app, [&] {
        EngineCommand cmd;
        cmd.kind = hold ? EngineCommand::Kind::Hold : EngineCommand::Kind::Resume;
        cmd.who = QStringLiteral("Dana Weber");
        cmd.reason = QStringLiteral("bench");
        hold = !hold;
        QElapsedTimer t;
        t.start();
        QFuture<CommandResult> f = c.send(cmd);
        inSend.add(t.nsecsElapsed() / 1000);
        ++commands;
        auto *w = new QFutureWatcher<CommandResult>(&app);
        QObject::connect(w, &QFutureWatcherBase::finished, &app, [w, t, &answered, &refused]() {
            answered.add(t.nsecsElapsed() / 1000);
            if (!w->result())
                ++refused;
            w->deleteLater();
        });
        w->setFuture(f);
    });
    QTimer done;
    done.setInterval(50);
    QObject::connect(&done, &QTimer::timeout, &app, [&] {
        if (appended.load() >= total)
            app.quit();
    });
    tick.start();
    commander.start();
    done.start();
    app.exec();
    const qint64 elapsed = wall.elapsed();
    c.stop();

    QTextStream out(stdout);
    out << "events appended by the engine: " << appended.load() << " + " << commands << " commands ("
        << refused << " refused) in " << elapsed << " ms; " << snapshots << " snapshots\n\n";
    out << "| measured on the caller's thread | p50 | p99 | max |\n|---|---|---|---|\n";
    auto row = [&out](const char *what, const Stats &s) {
        out << "| " << what << " | " << ms(s.percentile(0.5)) << " | " << ms(s.percentile(0.99)) << " | "
            << ms(s.max()) << " |\n";
    };
    row("inside send()", inSend);
    row("inside snapshot()", inSnapshot);
    row("event-loop stall (1 ms timer, lateness)", loopStall);
    row("gap between snapshotChanged", snapshotGap);
    row("command answered (send to result)", answered);
    return 0;
}
