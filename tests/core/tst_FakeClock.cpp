#include "support/FakeClock.h"

#include <QTest>

using namespace cockpit;

class tst_FakeClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void advanceFiresInOrderAtTheirTimes();
    void callbacksMayScheduleMore();
    void cancel();
    void pastWakeUpFiresOnNextAdvance();
};

void tst_FakeClock::advanceFiresInOrderAtTheirTimes()
{
    FakeClock clock(1000);
    QList<QPair<int, qint64>> fired;
    clock.wakeAt(5000, [&] { fired.append({2, clock.now()}); });
    clock.wakeAt(3000, [&] { fired.append({1, clock.now()}); });
    clock.wakeAt(5000, [&] { fired.append({3, clock.now()}); });
    clock.wakeAt(9000, [&] { fired.append({4, clock.now()}); });
    QCOMPARE(clock.nextWakeAt(), std::optional<qint64>(3000));
    clock.advance(2000); // now 3000
    QCOMPARE(fired, (QList<QPair<int, qint64>> {{1, 3000}}));
    clock.advanceTo(8000);
    QCOMPARE(fired, (QList<QPair<int, qint64>> {{1, 3000}, {2, 5000}, {3, 5000}}));
    QCOMPARE(clock.now(), 8000);
    QCOMPARE(clock.pendingWakeUps(), 1);
    clock.advanceTo(7000); // never backwards
    QCOMPARE(clock.now(), 8000);
}

void tst_FakeClock::callbacksMayScheduleMore()
{
    FakeClock clock(0);
    QList<qint64> ticks;
    std::function<void()> tick = [&] {
        ticks.append(clock.now());
        if (ticks.size() < 5)
            clock.wakeAt(clock.now() + 300000, tick);
    };
    clock.wakeAt(0, tick);
    clock.advance(7LL * 24 * 3600 * 1000);
    QCOMPARE(ticks, (QList<qint64> {0, 300000, 600000, 900000, 1200000}));
}

void tst_FakeClock::cancel()
{
    FakeClock clock(0);
    bool fired = false;
    const auto id = clock.wakeAt(10, [&] { fired = true; });
    QVERIFY(id != 0);
    clock.cancel(id);
    clock.advance(100);
    QVERIFY(!fired);
}

void tst_FakeClock::pastWakeUpFiresOnNextAdvance()
{
    FakeClock clock(500);
    qint64 seen = -1;
    clock.wakeAt(100, [&] { seen = clock.now(); });
    QCOMPARE(seen, -1); // never inline
    clock.advance(0);
    QCOMPARE(seen, 500);
}

QTEST_GUILESS_MAIN(tst_FakeClock)
#include "tst_FakeClock.moc"
