#include "charts/KnownRun.h"
#include "charts/ValidationDataBuilder.h"
#include "gui/RunView.h"
#include "gui/ScriptedController.h"
#include "gui/panels/DurationHistogramView.h"
#include "gui/panels/ErrorPatternsView.h"
#include "gui/panels/GateTimeline.h"
#include "gui/panels/HourlyVolumeView.h"
#include "gui/panels/MetricChartView.h"
#include "gui/panels/ValidationPanel.h"
#include "store/JournalFactory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QtCharts/QLineSeries>

using namespace cockpit;
using namespace cockpit::gui;
using namespace cockpit::test::knownrun;

namespace {

const QString kMetric = QStringLiteral("success_rate_pct");

// Feeds the known run and waits for the worker's frame.
bool showKnownRun(ValidationPanel &panel)
{
    QSignalSpy shown(&panel, &ValidationPanel::frameShown);
    panel.appendEvents(knownRun().events);
    while (panel.busy() || shown.isEmpty())
        if (!shown.wait(20000))
            return false;
    return panel.chart(kMetric) != nullptr;
}

bool waitIdle(ValidationPanel &panel, int framesBefore)
{
    QSignalSpy shown(&panel, &ValidationPanel::frameShown);
    while (panel.busy() || panel.framesShown() == framesBefore)
        if (!shown.wait(20000))
            return false;
    return true;
}

// The known run as an earlier rehearsal: a day before, every value 10 lower, under another run id.
charts::ValidationDataPtr earlierRehearsal()
{
    charts::ValidationDataBuilder builder;
    builder.append(knownRun().events);
    charts::ValidationData d = builder.data();
    constexpr qint64 kDay = 86400000;
    d.runId = QStringLiteral("rehearsal-0");
    d.firstAt -= kDay;
    d.lastAt -= kDay;
    for (charts::StageBand &b : d.stages) {
        b.start -= kDay;
        if (b.end)
            *b.end -= kDay;
    }
    for (charts::MetricChart &m : d.metrics) {
        for (qint64 &t : m.series.at)
            t -= kDay;
        for (double &v : m.series.value)
            v -= 10;
    }
    return std::make_shared<const charts::ValidationData>(d);
}

// The orange overlay's points on a chart.
QList<QPointF> rehearsalPoints(MetricChartView *chart)
{
    return chart->rehearsalLinePoints();
}

QList<JournalEventDraft> draftsOf(const QList<JournalEvent> &events, const QString &runId, qint64 shift)
{
    QList<JournalEventDraft> out;
    for (const JournalEvent &e : events) {
        QJsonObject p = e.payload();
        out.append(JournalEventDraft {runId, e.at() + shift, e.type(), e.actor(), p});
    }
    return out;
}

// A run without a runbook note: an hourly import count, steady at 100 but for one hour at 20.
QList<JournalEvent> hourlyImports()
{
    EventLog j;
    RunInfo info;
    info.id = kRun;
    info.startedAt = kT0;
    info.runbook = QStringLiteral("volume test");
    j.add(RunEvents::runStarted(info));
    for (int h = 0; h < 30; ++h)
        j.add(RunEvents::sampleTaken(kRun, kT0 + h * 3600000 + 60000, QStringLiteral("imports_last_hour"),
                                     h == 20 ? 20.0 : 100.0 + h % 3, {}));
    return j.events;
}

} // namespace

class tst_ValidationPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsTheKnownRunWithGapsThresholdsAndColouredPoints()
    {
        ValidationPanel panel;
        panel.resize(1100, 900);
        panel.show();
        QVERIFY(showKnownRun(panel));
        MetricChartView *chart = panel.chart(kMetric);
        QCOMPARE(chart->pointsShown(), 9);
        QCOMPARE(chart->segments(), 3); // the NoData sample and the sampling hole split the line

        int dashed = 0;
        int failing = 0;
        for (QAbstractSeries *s : chart->chart()->series()) {
            if (auto *l = qobject_cast<QLineSeries *>(s); l && l->pen().style() == Qt::DashLine) {
                ++dashed;
                QCOMPARE(l->at(0).y(), l->at(1).y());
                QVERIFY(l->at(0).y() == 95.0 || l->at(0).y() == 96.0);
            }
        }
        failing = int(chart->markedPoints(charts::PointOutcome::Fail).size());
        QVERIFY(
            chart->markedPoints(charts::PointOutcome::Fail).contains(QPointF(double(kT0 + 25 * kMin), 93.0)));
        QCOMPARE(dashed, 2); // one threshold per stage band
        QCOMPARE(failing, 2); // 93 in the canary, 95.5 under the second stage's 96

        // Drawn where Qt Charts maps the same point (a threshold's series shares the axes).
        QLineSeries *threshold = nullptr;
        for (QAbstractSeries *s : chart->chart()->series())
            if (auto *l = qobject_cast<QLineSeries *>(s); l && l->pen().style() == Qt::DashLine)
                threshold = l;
        QVERIFY(threshold);
        const QPointF breach(double(kT0 + 25 * kMin), 93);
        const QPoint pos = chart->viewPosition(kT0 + 25 * kMin, 93);
        const QPoint qtPos = chart->mapFromScene(
            chart->chart()->mapToScene(chart->chart()->mapToPosition(breach, threshold)));
        QVERIFY2(
            (pos - qtPos).manhattanLength() <= 1,
            qPrintable(
                QStringLiteral("%1,%2 vs %3,%4").arg(pos.x()).arg(pos.y()).arg(qtPos.x()).arg(qtPos.y())));
        QVERIFY(chart->linePoints().contains(breach));

        // Hover over the breach: value, time, age and outcome.
        const QString hover = chart->hoverText(pos);
        QVERIFY2(hover.contains(QStringLiteral("93 %")), qPrintable(hover));
        QVERIFY2(hover.contains(QStringLiteral("gate fails")), qPrintable(hover));
        QVERIFY2(hover.contains(QStringLiteral("ago")), qPrintable(hover));
    }

    void tableToggleAndQueryAreOneClickAway()
    {
        ValidationPanel panel;
        panel.resize(1100, 900);
        panel.show();
        QVERIFY(showKnownRun(panel));
        auto *toggle = panel.findChild<QToolButton *>(QStringLiteral("tableToggle"));
        auto *stack = panel.chart(kMetric)->parentWidget();
        QVERIFY(qobject_cast<QStackedWidget *>(stack));
        toggle->click();
        auto *table = qobject_cast<QTableView *>(qobject_cast<QStackedWidget *>(stack)->currentWidget());
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 9);
        QCOMPARE(table->model()->index(2, 1).data().toString(), QStringLiteral("no data"));
        QCOMPARE(table->model()->index(4, 2).data().toString(), QStringLiteral("fail"));

        auto *query = panel.findChild<QPlainTextEdit *>(QStringLiteral("query"));
        QVERIFY(query->isHidden());
        panel.findChild<QToolButton *>(QStringLiteral("queryToggle"))->click();
        QVERIFY(query->isVisible());
        QVERIFY(query->toPlainText().contains(QStringLiteral("SELECT 97")));
    }

    void keyboardZoomAndPanReachEveryChartAndHomeShowsAll()
    {
        ValidationPanel panel;
        panel.resize(1100, 900);
        panel.show();
        QVERIFY(showKnownRun(panel));
        const qint64 span = panel.rangeTo() - panel.rangeFrom();
        QCOMPARE(panel.rangeFrom(), kT0);
        MetricChartView *chart = panel.chart(kMetric);
        int frames = panel.framesShown();
        QTest::keyClick(chart, Qt::Key_Plus);
        QVERIFY(waitIdle(panel, frames));
        QVERIFY(!panel.following());
        QVERIFY(panel.rangeTo() - panel.rangeFrom() < span);
        const qint64 from = panel.rangeFrom();
        frames = panel.framesShown();
        QTest::keyClick(chart, Qt::Key_Right);
        QVERIFY(waitIdle(panel, frames));
        QVERIFY(panel.rangeFrom() > from);
        frames = panel.framesShown();
        QTest::keyClick(chart, Qt::Key_Home);
        QVERIFY(waitIdle(panel, frames));
        QVERIFY(panel.following());
        QCOMPARE(panel.rangeTo() - panel.rangeFrom(), span);
    }

    void histogramAndGateTimeline()
    {
        ValidationPanel panel;
        panel.resize(1100, 900);
        panel.show();
        QVERIFY(showKnownRun(panel));
        const QString summary = panel.findChild<DurationHistogramView *>()->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("p95")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Mann-Whitney")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Above 1800 s")), qPrintable(summary));
        QCOMPARE(panel.findChild<GateTimeline *>()->lanes(), 1);

        // Error patterns: the message the previous stage never saw first, marked NEW.
        QTableWidget *errors = panel.findChild<ErrorPatternsView *>()->table();
        QCOMPARE(errors->rowCount(), 3);
        QCOMPARE(errors->item(0, 1)->text(), QStringLiteral("disk full"));
        QCOMPARE(errors->item(0, 4)->text(), QStringLiteral("NEW"));
        QCOMPARE(errors->item(1, 4)->text(), QString());
    }

    void theRehearsalIsDrawnOverEveryChartAlignedAtStageEntry()
    {
        ValidationPanel panel;
        panel.resize(1100, 900);
        panel.show();
        QVERIFY(showKnownRun(panel));
        MetricChartView *chart = panel.chart(kMetric);
        QVERIFY(rehearsalPoints(chart).isEmpty());
        const int before = panel.framesShown();
        panel.setRehearsal(earlierRehearsal());
        QVERIFY(waitIdle(panel, before));
        const QList<QPointF> points = rehearsalPoints(chart);
        QVERIFY(!points.isEmpty());
        // The rehearsal's first canary sample (97 - 10, a day earlier) lies where today's is: minute 5.
        QVERIFY(points.contains(QPointF(double(kT0 + 5 * kMin), 87.0)));
        // Its half stage starts at today's entry: minute 41, 95.5 - 10.
        QVERIFY(points.contains(QPointF(double(kT0 + 41 * kMin), 85.5)));
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("validationStatus"))
                    ->text()
                    .contains(QStringLiteral("rehearsal-0")));

        // Hover over the earlier run's point: its value, named as the earlier run's.
        const QPoint earlierPos = chart->viewPosition(kT0 + 5 * kMin, 87.0);
        const QString hover = chart->hoverText(earlierPos);
        QVERIFY2(hover.contains(QStringLiteral("rehearsal-0")), qPrintable(hover));
        QVERIFY2(hover.contains(QStringLiteral("87 %")), qPrintable(hover));
        const QPoint todayPos = chart->viewPosition(kT0 + 5 * kMin, 97.0);
        QVERIFY2(chart->hoverText(todayPos).contains(QStringLiteral("97 %")),
                 qPrintable(chart->hoverText(todayPos)));
        QVERIFY(!chart->hoverText(todayPos).contains(QStringLiteral("rehearsal-0")));

        // The toggle hides it on every chart (and from the hover), and brings it back.
        auto *toggle = panel.findChild<QCheckBox *>(QStringLiteral("rehearsalToggle"));
        QVERIFY(toggle && toggle->isVisible() && toggle->isChecked());
        toggle->click();
        QVERIFY(rehearsalPoints(chart).isEmpty());
        QVERIFY(!chart->hoverText(earlierPos).contains(QStringLiteral("rehearsal-0")));
        toggle->click();
        QVERIFY(rehearsalPoints(chart).contains(QPointF(double(kT0 + 5 * kMin), 87.0)));

        panel.setRehearsal(nullptr);
        QVERIFY(waitIdle(panel, panel.framesShown()));
        QVERIFY(rehearsalPoints(chart).isEmpty());
        QVERIFY(toggle->isHidden());
    }

    void theFirstDisplayReadsTheSamplesFromTheJournalsSampleTable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("run.journal"));
        QList<JournalEvent> stored;
        {
            auto journal = JournalFactory::open(path);
            QVERIFY(journal.has_value());
            auto appended = (*journal)->appendBatch(draftsOf(knownRun().events, kRun, 0));
            QVERIFY(appended.has_value());
            stored = *appended;
        }
        ValidationPanel fromEvents;
        fromEvents.resize(1100, 900);
        fromEvents.show();
        QVERIFY(showKnownRun(fromEvents));
        QVERIFY(!fromEvents.samplesFromTable());

        ValidationPanel panel;
        panel.resize(1100, 900);
        panel.show();
        panel.setJournal([path] {
            JournalOpenOptions options;
            options.readOnly = true;
            return JournalFactory::open(path, options);
        });
        QSignalSpy shown(&panel, &ValidationPanel::frameShown);
        panel.appendEvents(stored);
        QVERIFY(waitIdle(panel, 0));
        QVERIFY(panel.samplesFromTable());
        const charts::MetricChart *a = fromEvents.data()->metric(kMetric);
        const charts::MetricChart *b = panel.data()->metric(kMetric);
        QVERIFY(a && b);
        QCOMPARE(b->series.at, a->series.at);
        QCOMPARE(b->series.outcome, a->series.outcome);
        QCOMPARE(panel.chart(kMetric)->pointsShown(), 9);
        QCOMPARE(panel.chart(kMetric)->segments(), 3); // the NoData sample and the hole, as from the events
        QCOMPARE(b->thresholds.size(), 2);

        // Events from elsewhere (not this journal's chain) are folded as they are.
        ValidationPanel other;
        other.setJournal([path] {
            JournalOpenOptions options;
            options.readOnly = true;
            return JournalFactory::open(path, options);
        });
        EventLog foreign; // the same run behind one more event: no seq and hash the journal has
        foreign.add(RunEvents::note(kRun, kT0, QStringLiteral("engine"), QStringLiteral("elsewhere")));
        for (const JournalEventDraft &d : draftsOf(knownRun().events, kRun, 0))
            foreign.add(d);
        other.appendEvents(foreign.events);
        QVERIFY(waitIdle(other, 0));
        QVERIFY(!other.samplesFromTable());
        QCOMPARE(other.data()->metric(kMetric)->series.size(), 9);
    }

    void theRehearsalComesFromAnEarlierRunOfTheSameRunbookInTheJournal()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("runs.journal"));
        const QList<JournalEvent> today = knownRun().events;
        {
            auto journal = JournalFactory::open(path);
            QVERIFY(journal.has_value());
            // Two days ago the same runbook; yesterday another one; then today's run.
            QVERIFY((*journal)->appendBatch(draftsOf(today, QStringLiteral("two-days-ago"), -2 * 86400000)));
            QList<JournalEventDraft> other = draftsOf(today, QStringLiteral("yesterday"), -86400000);
            other.first().payload.insert(QStringLiteral("runbook"), QStringLiteral("another runbook"));
            QVERIFY((*journal)->appendBatch(other));
            QVERIFY((*journal)->appendBatch(draftsOf(today, kRun, 0)));
        }
        ValidationPanel panel;
        panel.resize(1100, 900);
        panel.show();
        panel.setJournal([path] {
            JournalOpenOptions options;
            options.readOnly = true;
            return JournalFactory::open(path, options);
        });
        QVERIFY(showKnownRun(panel));
        QTRY_VERIFY_WITH_TIMEOUT(panel.rehearsal() != nullptr, 20000);
        QCOMPARE(panel.rehearsal()->runId, QStringLiteral("two-days-ago"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !panel.busy()
                && rehearsalPoints(panel.chart(kMetric)).contains(QPointF(double(kT0 + 5 * kMin), 97.0)),
            20000);
    }

    void hourlyVolumeMarksTheSuddenDrop()
    {
        ValidationPanel panel;
        panel.resize(1100, 900);
        panel.show();
        QSignalSpy shown(&panel, &ValidationPanel::frameShown);
        panel.appendEvents(hourlyImports());
        QVERIFY(waitIdle(panel, 0));
        HourlyVolumeView *volume = panel.hourlyVolume();
        QCOMPARE(panel.views()->tabText(panel.views()->indexOf(volume)), QStringLiteral("Hourly volume"));
        QCOMPARE(volume->metric(), QStringLiteral("imports_last_hour"));
        QCOMPARE(volume->volume().hours.size(), 30);
        QCOMPARE(volume->volume().drops, 1);
        QVERIFY(volume->volume().hours.at(20).drop);
        QVERIFY(volume->summary().contains(QStringLiteral("1 sudden drop")));
    }

    void theRunViewFeedsItTheControllersEvents()
    {
        test::ScriptedController controller;
        RunView view;
        view.resize(1100, 900);
        view.setController(&controller, {QStringLiteral("alice")});
        QSignalSpy shown(view.validation(), &ValidationPanel::frameShown);
        Q_EMIT controller.eventsAppended(knownRun().events);
        QTRY_VERIFY_WITH_TIMEOUT(view.validation()->chart(kMetric) != nullptr, 20000);
        QCOMPARE(view.tabs()->tabText(view.tabs()->indexOf(view.validation())),
                 QStringLiteral("&Validation"));
    }
};

QTEST_MAIN(tst_ValidationPanel)
#include "tst_ValidationPanel.moc"
