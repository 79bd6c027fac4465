#include "core/run/ScheduleTimeline.h"

#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;

class tst_ScheduleTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plannedTimesAndLabels();
    void latenessAndOverrun();
    void dueAndStatus();
    void minRuns();
    void parseT0();
};

namespace {
constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kHour = 60 * kMin;
constexpr qint64 kDay = 24 * kHour;
const qint64 kT0 = 1'800'000'000'000;

Schedule schedule()
{
    Schedule s;
    s.windowLength = 6h;
    Milestone announce;
    announce.id = QStringLiteral("t-7d");
    announce.offset = -7 * 24h;
    Milestone dry;
    dry.id = QStringLiteral("t-3d");
    dry.offset = -3 * 24h;
    dry.minRuns = 2;
    Milestone monitor;
    monitor.id = QStringLiteral("t+1h");
    monitor.offset = 1h;
    s.milestones = {monitor, announce, dry};
    Action on;
    on.id = QStringLiteral("maintenance-on");
    on.plannedStart = 0min;
    on.plannedDuration = 5min;
    Action sync;
    sync.id = QStringLiteral("final-sync");
    sync.plannedStart = 5min;
    sync.plannedDuration = 30min;
    s.window = {on, sync};
    return s;
}
} // namespace

void tst_ScheduleTimeline::plannedTimesAndLabels()
{
    const ScheduleTimeline t(schedule(), kT0);
    QStringList ids;
    QStringList labels;
    for (const ScheduleItem &i : t.items()) {
        ids << i.id;
        labels << i.label;
    }
    QCOMPARE(ids,
             (QStringList {QStringLiteral("t-7d"), QStringLiteral("t-3d"), QStringLiteral("maintenance-on"),
                           QStringLiteral("final-sync"), QStringLiteral("t+1h")}));
    QCOMPARE(labels,
             (QStringList {QStringLiteral("T-7d"), QStringLiteral("T-3d"), QStringLiteral("+0s"),
                           QStringLiteral("+5m"), QStringLiteral("T+1h")}));
    QCOMPARE(t.item(QStringLiteral("t-7d"))->plannedStart, kT0 - 7 * kDay);
    QCOMPARE(t.item(QStringLiteral("final-sync"))->plannedEnd(), std::optional<qint64>(kT0 + 35 * kMin));
    QCOMPARE(t.windowPlannedEnd(), kT0 + 6 * kHour);
}

void tst_ScheduleTimeline::latenessAndOverrun()
{
    ScheduleTimeline t(schedule(), kT0);
    t.recordStart(QStringLiteral("maintenance-on"), kT0 + 2 * kMin);
    t.recordEnd(QStringLiteral("maintenance-on"), kT0 + 9 * kMin, true);
    const auto on = *t.item(QStringLiteral("maintenance-on"));
    QCOMPARE(on.startLateness(), std::optional<Milliseconds>(2min));
    QCOMPARE(on.actualDuration(), std::optional<Milliseconds>(7min));
    QCOMPARE(on.overrun(), std::optional<Milliseconds>(2min));
    QCOMPARE(on.endLateness(), std::optional<Milliseconds>(4min));
    QCOMPARE(on.status(kT0 + 10 * kMin), ScheduleItem::Status::Done);
    // Early start is negative lateness.
    t.recordStart(QStringLiteral("final-sync"), kT0 + 4 * kMin);
    QCOMPARE(t.item(QStringLiteral("final-sync"))->startLateness(), std::optional<Milliseconds>(-1min));
    QCOMPARE(t.slip(kT0 + 10 * kMin), Milliseconds(-1min));
}

void tst_ScheduleTimeline::dueAndStatus()
{
    ScheduleTimeline t(schedule(), kT0);
    QCOMPARE(t.due(kT0 - 8 * kDay).size(), 0);
    QCOMPARE(t.due(kT0 - 7 * kDay).size(), 1);
    QCOMPARE(t.due(kT0 + 6 * kMin).size(), 4);
    QCOMPARE(t.item(QStringLiteral("final-sync"))->lateSoFar(kT0 + 6 * kMin), Milliseconds(1min));
    QCOMPARE(t.slip(kT0 + 6 * kMin), Milliseconds(7 * 24h + 6min)); // the T-7d announcement never started
    t.recordStart(QStringLiteral("final-sync"), kT0 + 5 * kMin);
    QCOMPARE(t.item(QStringLiteral("final-sync"))->status(kT0 + 35 * kMin), ScheduleItem::Status::Running);
    QCOMPARE(t.item(QStringLiteral("final-sync"))->status(kT0 + 35 * kMin + 1),
             ScheduleItem::Status::Overrunning);
    t.recordEnd(QStringLiteral("final-sync"), kT0 + 50 * kMin, false);
    QCOMPARE(t.item(QStringLiteral("final-sync"))->status(kT0 + 50 * kMin), ScheduleItem::Status::Failed);
    QCOMPARE(ScheduleItem::statusName(ScheduleItem::Status::Overrunning), QStringLiteral("overrunning"));
}

void tst_ScheduleTimeline::minRuns()
{
    ScheduleTimeline t(schedule(), kT0);
    const QString dry = QStringLiteral("t-3d");
    t.recordStart(dry, kT0 - 3 * kDay);
    t.recordEnd(dry, kT0 - 3 * kDay + 2 * kHour, true);
    QVERIFY(!t.item(dry)->satisfied());
    t.recordStart(dry, kT0 - 2 * kDay);
    t.recordEnd(dry, kT0 - 2 * kDay + kHour, false);
    QVERIFY(!t.item(dry)->satisfied());
    t.recordStart(dry, kT0 - kDay - 12 * kHour);
    t.recordEnd(dry, kT0 - kDay - 11 * kHour, true);
    QVERIFY(t.item(dry)->satisfied());
    QCOMPARE(t.item(dry)->okRuns, 2);
}

void tst_ScheduleTimeline::parseT0()
{
    QCOMPARE(ScheduleTimeline::parseT0(QStringLiteral("2026-03-01T22:00:00Z")),
             std::optional<qint64>(1772402400000));
    QVERIFY(!ScheduleTimeline::parseT0(QString()));
    QVERIFY(!ScheduleTimeline::parseT0(QStringLiteral("soon")));
}

QTEST_GUILESS_MAIN(tst_ScheduleTimeline)
#include "tst_ScheduleTimeline.moc"
