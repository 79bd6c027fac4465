#include "core/base/AcceleratedClock.h"
#include "core/base/SystemClock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTest>

using namespace cockpit;

class tst_AcceleratedClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tenDaysInTwoMinutes();
    void runsFasterAndWakesScaled();
    void systemClockIsUtcNowAndWakes();
};

void tst_AcceleratedClock::tenDaysInTwoMinutes()
{
    const double f = AcceleratedClock::factorFor(10LL * 24 * 3600 * 1000, 120 * 1000);
    QCOMPARE(f, 7200.0);
}

void tst_AcceleratedClock::runsFasterAndWakesScaled()
{
    const qint64 origin = 1'800'000'000'000;
    AcceleratedClock clock(origin, 7200); // 1 real ms = 7.2 s
    QVERIFY(clock.now() >= origin);
    QCOMPARE(clock.factor(), 7200.0);
    QElapsedTimer real;
    real.start();
    qint64 firedAt = 0;
    clock.wakeAt(origin + 3600 * 1000, [&] { firedAt = clock.now(); }); // 1 h clock = 500 ms real
    QTRY_VERIFY_WITH_TIMEOUT(firedAt != 0, 60000);
    QVERIFY(firedAt >= origin + 3600 * 1000); // never early
    QVERIFY2(real.elapsed() >= 450, qPrintable(QString::number(real.elapsed())));
}

void tst_AcceleratedClock::systemClockIsUtcNowAndWakes()
{
    SystemClock clock;
    QVERIFY(qAbs(clock.now() - QDateTime::currentMSecsSinceEpoch()) < 1000);
    bool fired = false;
    bool cancelledFired = false;
    const auto id = clock.wakeAt(clock.now() + 30, [&] { cancelledFired = true; });
    clock.wakeAt(clock.now() + 50, [&] { fired = true; });
    clock.cancel(id);
    QTRY_VERIFY_WITH_TIMEOUT(fired, 2000);
    QVERIFY(!cancelledFired);
}

QTEST_GUILESS_MAIN(tst_AcceleratedClock)
#include "tst_AcceleratedClock.moc"
