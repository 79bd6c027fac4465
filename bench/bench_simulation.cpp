// Benchmark: how fast the pure engine gets through example A's 17 simulated days (stages, sustained
// gates, checkpoints, comparisons, ~20 000 journaled events) on a FakeClock, with no I/O. This is the
// planner + RunState fold cost a long run pays; the real driver adds probes and the store.
//   build/bench/bench_simulation [ROUNDS]   (default 5; a QTest executable, not run by CTest)
// Prints CPU and wall time per round and the median. See docs/benchmarks.md.

#include "support/ExampleASimulation.h"

#include <QElapsedTimer>
#include <QTest>
#include <algorithm>
#include <ctime>

using namespace cockpit;
using namespace cockpit::test;

namespace {

int g_rounds = 5;

// CPU time of this thread: on a shared machine wall time also measures the neighbours.
qint64 threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

} // namespace

class bench_simulation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exampleA17Days();
};

void bench_simulation::exampleA17Days()
{
    QList<qint64> cpu;
    QList<qint64> wall;
    qsizetype events = 0;
    for (int round = 0; round < g_rounds; ++round) {
        const auto h = healthyExampleA();
        QVERIFY(h);
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuStart = threadCpuMs();
        const SimulationOutcome outcome = driveToEnd(*h);
        cpu.append(threadCpuMs() - cpuStart);
        wall.append(timer.elapsed());
        QVERIFY2(outcome.unexpected.isEmpty(), qPrintable(outcome.unexpected));
        QCOMPARE(h->state.outcome(), QStringLiteral("completed"));
        events = h->journal.size();
        qInfo("round %d: %lld events, %d planner steps, %lld ms CPU, %lld ms wall", round + 1, qint64(events),
              outcome.steps, cpu.last(), wall.last());
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(wall.begin(), wall.end());
    qInfo(
        "example A, 17 simulated days, %lld events: median %lld ms CPU (min %lld, max %lld), median %lld ms "
        "wall over %d rounds",
        qint64(events), cpu[cpu.size() / 2], cpu.first(), cpu.last(), wall[wall.size() / 2], g_rounds);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    if (args.size() > 1 && args.at(1).toInt() > 0) {
        g_rounds = args.at(1).toInt();
        args.removeAt(1);
    }
    bench_simulation b;
    return QTest::qExec(&b, args);
}

#include "bench_simulation.moc"
