#include "core/gates/CheckpointSchedule.h"

#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;

class tst_CheckpointSchedule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offsets();
    void everyTwelveHours();
    void daily();
    void combinedAndEmpty();
};

namespace {
constexpr qint64 kStart = 1'800'000'000'000;
constexpr qint64 kHour = 3600 * 1000;

QList<qint64> dueTimes(const QList<CheckpointDue> &due)
{
    QList<qint64> out;
    for (const auto &d : due)
        out.append(d.dueAt);
    return out;
}
} // namespace

void tst_CheckpointSchedule::offsets()
{
    Checkpoints c;
    c.at = {24h, 1h, 6h};
    const auto due = CheckpointSchedule::plan(c, kStart, 24h);
    QCOMPARE(dueTimes(due), (QList<qint64> {kStart + kHour, kStart + 6 * kHour, kStart + 24 * kHour}));
    QCOMPARE(due[1].index, 1);
    QCOMPARE(due[1].offset, Milliseconds(6h));
}

void tst_CheckpointSchedule::everyTwelveHours()
{
    Checkpoints c;
    c.every = 12h;
    const auto due = CheckpointSchedule::plan(c, kStart, 48h);
    QCOMPARE(
        dueTimes(due),
        (QList<qint64> {kStart + 12 * kHour, kStart + 24 * kHour, kStart + 36 * kHour, kStart + 48 * kHour}));
    // An extended soak gets more.
    QCOMPARE(CheckpointSchedule::plan(c, kStart, 60h).size(), 5);
}

void tst_CheckpointSchedule::daily()
{
    Checkpoints c;
    c.every = 24h;
    const auto due = CheckpointSchedule::plan(c, kStart, 7 * 24h);
    QCOMPARE(due.size(), 7);
    QCOMPARE(due.last().dueAt, kStart + 7 * 24 * kHour);
}

void tst_CheckpointSchedule::combinedAndEmpty()
{
    Checkpoints c;
    c.at = {1h, 12h};
    c.every = 12h;
    QCOMPARE(dueTimes(CheckpointSchedule::plan(c, 0, 24h)), (QList<qint64> {kHour, 12 * kHour, 24 * kHour}));
    QVERIFY(CheckpointSchedule::plan(Checkpoints {}, 0, 24h).isEmpty());
}

QTEST_GUILESS_MAIN(tst_CheckpointSchedule)
#include "tst_CheckpointSchedule.moc"
