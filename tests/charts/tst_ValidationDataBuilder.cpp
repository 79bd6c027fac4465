#include "charts/KnownRun.h"
#include "charts/ValidationDataBuilder.h"
#include "core/journal/RunEvents.h"

#include <QTest>
#include <cmath>

using namespace cockpit;
using namespace cockpit::charts;

using namespace cockpit::test::knownrun;

class tst_ValidationDataBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seriesHasAGapWhereNoDataWasAndOutcomesPerStage()
    {
        ValidationDataBuilder b;
        b.append(knownRun().events);
        const ValidationData d = b.data();
        QCOMPARE(d.runId, kRun);
        const MetricChart *m = d.metric(QStringLiteral("success_rate_pct"));
        QVERIFY(m);
        QCOMPARE(m->unit, QStringLiteral("%"));
        QCOMPARE(m->query, QStringLiteral("SELECT 97"));
        const ChartSeries &s = m->series;
        const QList<qint64> minutes {5, 10, 15, 20, 25, 30, 41, 46, 62};
        QCOMPARE(s.size(), minutes.size());
        for (qsizetype i = 0; i < minutes.size(); ++i)
            QCOMPARE(s.at.at(i), kT0 + minutes.at(i) * kMin);
        QCOMPARE(s.value.at(0), 97.0);
        QVERIFY(std::isnan(s.value.at(2))); // the NoData sample: a gap, not 0
        QCOMPARE(s.value.at(4), 93.0);
        QVERIFY(std::isnan(s.value.at(7))); // the hole: one interval after the last sample
        QCOMPARE(s.value.at(8), 99.0);
        const QList<PointOutcome> outcomes {
            PointOutcome::Pass, PointOutcome::Pass,   PointOutcome::NoData,
            PointOutcome::Pass, PointOutcome::Fail,   PointOutcome::Pass,
            PointOutcome::Fail, PointOutcome::NoData, PointOutcome::Pass}; // 95.5 fails the second stage's 96
        QCOMPARE(s.outcome, outcomes);
        QCOMPARE(m->minValue, 93.0);
        QCOMPARE(m->maxValue, 99.0);
        QCOMPARE(m->valueCount, 7);
    }

    void thresholdsAreTheGatesValues()
    {
        ValidationDataBuilder b;
        b.append(knownRun().events);
        const MetricChart *m = b.data().metric(QStringLiteral("success_rate_pct"));
        QVERIFY(m);
        QCOMPARE(m->thresholds.size(), 2);
        QCOMPARE(m->thresholds.at(0).stage, QStringLiteral("canary"));
        QCOMPARE(m->thresholds.at(0).gate, QStringLiteral("success-rate"));
        QCOMPARE(m->thresholds.at(0).op, QStringLiteral(">="));
        QCOMPARE(m->thresholds.at(0).value, 95.0);
        QCOMPARE(m->thresholds.at(0).failing, Threshold::FailingSide::Below);
        QCOMPARE(m->thresholds.at(1).stage, QStringLiteral("half"));
        QCOMPARE(m->thresholds.at(1).value, 96.0);

        const auto lt = ValidationDataBuilder::thresholdOf(QStringLiteral("slow_imports_pct < 10"));
        QVERIFY(lt);
        QCOMPARE(lt->first, QStringLiteral("slow_imports_pct"));
        QCOMPARE(lt->second.failing, Threshold::FailingSide::Above);
        QVERIFY(!ValidationDataBuilder::thresholdOf(QStringLiteral("a > 1 && b < 2")));
    }

    void stageBandsAtTheJournaledEntryTimes()
    {
        ValidationDataBuilder b;
        b.append(knownRun().events);
        const ValidationData d = b.data();
        QCOMPARE(d.stages.size(), 2);
        QCOMPARE(d.stages.at(0).stage, QStringLiteral("canary"));
        QCOMPARE(d.stages.at(0).title, QStringLiteral("ten percent"));
        QCOMPARE(d.stages.at(0).rolloutPercent, std::optional<int>(10));
        QCOMPARE(d.stages.at(0).start, kT0 + 1 * kMin);
        QCOMPARE(d.stages.at(0).end, std::optional<qint64>(kT0 + 40 * kMin));
        QVERIFY(!d.stages.at(0).rolledBack);
        QCOMPARE(d.stages.at(1).stage, QStringLiteral("half"));
        QCOMPARE(d.stages.at(1).rolloutPercent, std::optional<int>(50));
        QCOMPARE(d.stages.at(1).start, kT0 + 40 * kMin);
        QCOMPARE(d.stages.at(1).end, std::optional<qint64>(kT0 + 65 * kMin));
        QVERIFY(d.stages.at(1).rolledBack);
        QCOMPARE(d.stageAt(kT0 + 30 * kMin)->stage, QStringLiteral("canary"));
        QVERIFY(!d.stageAt(kT0 + 66 * kMin));
        QCOMPARE(d.lastAt, kT0 + 70 * kMin);
    }

    void gateLaneShowsTheResetAndAnnotationsTheDecisionAndRollback()
    {
        ValidationDataBuilder b;
        b.append(knownRun().events);
        const ValidationData d = b.data();
        QCOMPARE(d.gates.size(), 1);
        const GateLane &lane = d.gates.at(0);
        QCOMPARE(lane.segments.size(), 3);
        QCOMPARE(lane.resets, 1);
        QCOMPARE(lane.segments.at(1).outcome, QStringLiteral("fail"));
        QCOMPARE(lane.segments.at(1).start, kT0 + 25 * kMin);
        QCOMPARE(lane.segments.at(1).end, std::optional<qint64>(kT0 + 27 * kMin));
        QVERIFY(!lane.segments.at(2).end);

        QStringList kinds;
        for (const Annotation &a : d.annotations)
            kinds << QString::number(int(a.kind)) + QLatin1Char('@') + QString::number((a.at - kT0) / kMin);
        QCOMPARE(
            kinds,
            (QStringList {QString::number(int(Annotation::Kind::Decision)) + QStringLiteral("@27"),
                          QString::number(int(Annotation::Kind::RollbackStarted)) + QStringLiteral("@65"),
                          QString::number(int(Annotation::Kind::RollbackFinished)) + QStringLiteral("@70")}));
    }

    void incrementalAppendGivesTheSameAsOneBatch()
    {
        const EventLog j = knownRun();
        ValidationDataBuilder whole;
        whole.append(j.events);
        ValidationDataBuilder pieces;
        for (const JournalEvent &e : j.events)
            pieces.append(QList<JournalEvent> {e});
        const MetricChart *a = whole.data().metric(QStringLiteral("success_rate_pct"));
        const MetricChart *b = pieces.data().metric(QStringLiteral("success_rate_pct"));
        QCOMPARE(a->series.at, b->series.at);
        QCOMPARE(a->series.outcome, b->series.outcome);
        QCOMPARE(whole.data().stages.size(), pieces.data().stages.size());
    }

    void samplesFromTheSampleTableGiveTheSameSeriesAsTheEvents()
    {
        // What the journal's sample table holds for the run: the sample events' values, by metric.
        const EventLog j = knownRun();
        MetricSamples table {QStringLiteral("success_rate_pct"), {}, {}};
        qint64 upTo = 0;
        for (const JournalEvent &e : j.events) {
            if (e.type() != JournalEventType::SampleTaken)
                continue;
            const QJsonValue v = e.payload().value(QStringLiteral("value"));
            table.at.append(e.at());
            table.value.append(v.isDouble() ? v.toDouble() : std::nan(""));
            upTo = e.seq();
        }
        ValidationDataBuilder folded;
        folded.append(j.events);
        // The events up to the last sample without their samples, then the table, then the rest as events.
        ValidationDataBuilder fromTable;
        fromTable.skipSamplesUpTo(upTo);
        fromTable.append(j.events.mid(0, upTo));
        fromTable.addTableSamples({table});
        fromTable.append(j.events.mid(upTo));
        const MetricChart *a = folded.data().metric(QStringLiteral("success_rate_pct"));
        const MetricChart *b = fromTable.data().metric(QStringLiteral("success_rate_pct"));
        QVERIFY(a && b);
        QCOMPARE(b->series.at, a->series.at); // the sampling hole too
        QCOMPARE(b->series.outcome, a->series.outcome); // coloured by the stage each was taken in
        QCOMPARE(b->series.value.size(), a->series.value.size());
        for (qsizetype i = 0; i < a->series.value.size(); ++i)
            QCOMPARE(std::isnan(b->series.value.at(i)), std::isnan(a->series.value.at(i)));
        QCOMPARE(b->minValue, a->minValue);
        QCOMPARE(b->maxValue, a->maxValue);
        QCOMPARE(b->valueCount, a->valueCount);
        QCOMPARE(fromTable.data().stages.size(), folded.data().stages.size());

        // A sample appended after the table's last one folds from its event, after the table's points.
        EventLog more = j;
        more.sample(80, 97);
        fromTable.append(more.events.mid(j.events.size()));
        const MetricChart *c = fromTable.data().metric(QStringLiteral("success_rate_pct"));
        QCOMPARE(c->series.at.constLast(), kT0 + 80 * kMin);
        QCOMPARE(c->series.value.constLast(), 97.0);
    }

    void eventsOfOtherRunsAreIgnored()
    {
        EventLog j = knownRun();
        j.add(RunEvents::sampleTaken(QStringLiteral("other"), kT0 + 31 * kMin,
                                     QStringLiteral("success_rate_pct"), 1.0));
        ValidationDataBuilder b(kRun);
        b.append(j.events);
        QCOMPARE(b.data().metric(QStringLiteral("success_rate_pct"))->series.size(), 9);
    }
};

QTEST_GUILESS_MAIN(tst_ValidationDataBuilder)
#include "tst_ValidationDataBuilder.moc"
