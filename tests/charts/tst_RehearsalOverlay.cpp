#include "charts/RehearsalOverlay.h"
#include "core/journal/RunEvents.h"

#include <QTest>

using namespace cockpit;
using namespace cockpit::charts;

namespace {

constexpr qint64 kMin = 60000;

StageBand band(const QString &stage, qint64 start, std::optional<qint64> end, int attempt = 1)
{
    StageBand b;
    b.stage = stage;
    b.start = start;
    b.end = end;
    b.attempt = attempt;
    return b;
}

// One sample a minute from `from` to `to` (minutes), value = minute.
MetricChart metric(qint64 t0, int from, int to)
{
    MetricChart m;
    m.metric = QStringLiteral("success_rate_pct");
    for (int i = from; i <= to; ++i)
        m.series.append(t0 + i * kMin, double(i), PointOutcome::Pass);
    return m;
}

} // namespace

class tst_RehearsalOverlay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachStageIsAlignedAtItsEntry()
    {
        // The rehearsal: canary minutes 0-30, half minutes 30-90.
        const qint64 r0 = 1'700'000'000'000;
        ValidationData earlier;
        earlier.runId = QStringLiteral("rehearsal");
        earlier.firstAt = r0;
        earlier.lastAt = r0 + 90 * kMin;
        earlier.stages = {band(QStringLiteral("canary"), r0, r0 + 30 * kMin),
                          band(QStringLiteral("half"), r0 + 30 * kMin, r0 + 90 * kMin)};
        earlier.metrics = {metric(r0, 0, 90)};

        // Today: canary took 50 minutes, half entered at minute 50 and is still on.
        const qint64 t0 = 1'800'000'000'000;
        ValidationData current;
        current.runId = QStringLiteral("production");
        current.stages = {band(QStringLiteral("canary"), t0, t0 + 50 * kMin),
                          band(QStringLiteral("half"), t0 + 50 * kMin, std::nullopt)};
        current.metrics = {metric(t0, 0, 55)};

        const RehearsalOverlay o = RehearsalOverlay::align(current, earlier);
        QCOMPARE(o.runId, QStringLiteral("rehearsal"));
        const ChartSeries line = o.lines.value(QStringLiteral("success_rate_pct"));
        QVERIFY(std::is_sorted(line.at.cbegin(), line.at.cend()));
        // The rehearsal's canary (values 0..30) lies on today's canary entry, minute for minute.
        QCOMPARE(line.at.first(), t0);
        QCOMPARE(line.value.first(), 0.0);
        // Its half stage starts at today's entry into half (minute 50) with the rehearsal's value there (30).
        const qsizetype halfStart = line.at.indexOf(t0 + 50 * kMin);
        QVERIFY(halfStart > 0);
        QCOMPARE(line.value.at(halfStart), 30.0);
        // A gap between the two stretches: the rehearsal's stages were not where today's are.
        QVERIFY(ChartSeries::isGap(line.value.at(halfStart - 1)));
        // The open stage shows the rehearsal ahead of now: the rest of its half stage (to value 90).
        QCOMPARE(line.value.at(line.size() - 2), 90.0);
        QCOMPARE(line.at.at(line.size() - 2), t0 + 110 * kMin);
    }

    void aClosedStageCutsTheRehearsalAtItsEnd()
    {
        const qint64 r0 = 1'700'000'000'000;
        ValidationData earlier;
        earlier.runId = QStringLiteral("rehearsal");
        earlier.lastAt = r0 + 60 * kMin;
        earlier.stages = {band(QStringLiteral("canary"), r0, r0 + 60 * kMin)};
        earlier.metrics = {metric(r0, 0, 60)};
        const qint64 t0 = 1'800'000'000'000;
        ValidationData current;
        current.stages = {band(QStringLiteral("canary"), t0, t0 + 10 * kMin, 1)};
        current.metrics = {metric(t0, 0, 10)};
        const ChartSeries line
            = RehearsalOverlay::align(current, earlier).lines.value(QStringLiteral("success_rate_pct"));
        QCOMPARE(line.value.at(line.size() - 2), 10.0); // nothing after today's canary ended
        QVERIFY(ChartSeries::isGap(line.value.last()));
    }

    void stagesOrMetricsTheRehearsalNeverHadAreLeftOut()
    {
        ValidationData earlier;
        earlier.stages = {band(QStringLiteral("canary"), 0, 1000)};
        earlier.metrics = {metric(0, 0, 10)};
        earlier.metrics.first().metric = QStringLiteral("other_metric");
        ValidationData current;
        current.stages = {band(QStringLiteral("half"), 5000, std::nullopt)};
        current.metrics = {metric(5000, 0, 10)};
        QVERIFY(RehearsalOverlay::align(current, earlier).isEmpty());
    }

    void theEarlierRunIsTheNewestOfTheSameRunbookBeforeThisOne()
    {
        QList<JournalEvent> events;
        const auto started = [&](const QString &run, const QString &runbook) {
            RunInfo info;
            info.id = run;
            info.runbook = runbook;
            info.startedAt = 1000 * (events.size() + 1);
            events.append(
                JournalEvent::seal(RunEvents::runStarted(info), events.size() + 1,
                                   events.isEmpty() ? JournalEvent::genesisHash() : events.last().hash()));
        };
        started(QStringLiteral("r1"), QStringLiteral("import pipeline"));
        started(QStringLiteral("r2"), QStringLiteral("site rewrite"));
        started(QStringLiteral("r3"), QStringLiteral("import pipeline"));
        started(QStringLiteral("r4"), QStringLiteral("import pipeline"));
        started(QStringLiteral("r5"), QStringLiteral("import pipeline"));
        const QString pipeline = QStringLiteral("import pipeline");
        QCOMPARE(RehearsalOverlay::earlierRun(events, pipeline, QStringLiteral("r4")), QStringLiteral("r3"));
        QCOMPARE(RehearsalOverlay::earlierRun(events, pipeline, QStringLiteral("r1")), QString());
        QCOMPARE(RehearsalOverlay::earlierRun(events, QStringLiteral("site rewrite"), QStringLiteral("r5")),
                 QStringLiteral("r2"));
    }
};

QTEST_GUILESS_MAIN(tst_RehearsalOverlay)
#include "tst_RehearsalOverlay.moc"
