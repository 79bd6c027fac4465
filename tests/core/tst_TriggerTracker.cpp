#include "core/gates/TriggerTracker.h"

#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;
using Outcome = ConditionResult::Outcome;

class tst_TriggerTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void immediateFiresOnFirstTrueSampleWithValues();
    void rearmsAfterTheConditionClears();
    void forDuration();
    void noDataNeitherFiresNorResets();
    void rollbackIfPersists();
    void extend();
    void rollbackWithin();
    void effectNames();
};

namespace {
constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kHour = 60 * kMin;

Trigger trigger(Trigger::Response response, Milliseconds forDuration = 0ms, Milliseconds persists = 0ms,
                Milliseconds within = 0ms)
{
    Trigger t;
    t.id = QStringLiteral("t");
    t.response = response;
    t.forDuration = forDuration;
    t.persists = persists;
    t.within = within;
    return t;
}

QJsonObject v(double x)
{
    return QJsonObject {{QStringLiteral("success_rate_pct"), x}};
}
} // namespace

void tst_TriggerTracker::immediateFiresOnFirstTrueSampleWithValues()
{
    TriggerTracker t(trigger(Trigger::Response::Rollback));
    t.addSample(0, Outcome::Fail, QStringLiteral("success_rate_pct (97) < 95"), v(97));
    QVERIFY(t.due().isEmpty());
    t.addSample(5 * kMin, Outcome::Pass, QStringLiteral("success_rate_pct (91.2) < 95"), v(91.2));
    const auto due = t.due();
    QCOMPARE(due.size(), 1);
    QCOMPARE(due[0].effect, TriggerEffect::Rollback);
    QCOMPARE(due[0].values, v(91.2));
    QCOMPARE(due[0].explanation, QStringLiteral("success_rate_pct (91.2) < 95"));
    QCOMPARE(due[0].heldFor, Milliseconds(0));
    t.markFired(TriggerEffect::Rollback);
    t.addSample(10 * kMin, Outcome::Pass, {}, v(90));
    QVERIFY(t.due().isEmpty()); // once per activation
}

void tst_TriggerTracker::rearmsAfterTheConditionClears()
{
    TriggerTracker t(trigger(Trigger::Response::Incident));
    t.addSample(0, Outcome::Pass, {}, v(1));
    t.markFired(TriggerEffect::Incident);
    t.addSample(kMin, Outcome::Fail, {}, v(99));
    QVERIFY(!t.active());
    t.addSample(2 * kMin, Outcome::Pass, {}, v(2));
    QCOMPARE(t.due().size(), 1);
    QCOMPARE(t.due()[0].effect, TriggerEffect::Incident);
}

void tst_TriggerTracker::forDuration()
{
    TriggerTracker t(trigger(Trigger::Response::Rollback, 10min));
    t.addSample(0, Outcome::Pass, {}, v(90));
    t.addSample(5 * kMin, Outcome::Pass, {}, v(89));
    QVERIFY(t.due().isEmpty());
    t.addSample(10 * kMin - 1, Outcome::Pass, {}, v(88));
    QVERIFY(t.due().isEmpty());
    t.addSample(10 * kMin, Outcome::Pass, {}, v(87));
    QCOMPARE(t.due().size(), 1);
    QCOMPARE(t.due()[0].heldFor, Milliseconds(10min));
    QCOMPARE(t.due()[0].values, v(87));
    // A false sample in between restarts the `for` clock.
    TriggerTracker u(trigger(Trigger::Response::Rollback, 10min));
    u.addSample(0, Outcome::Pass, {}, v(90));
    u.addSample(5 * kMin, Outcome::Fail, {}, v(99));
    u.addSample(10 * kMin, Outcome::Pass, {}, v(90));
    QVERIFY(u.due().isEmpty());
    QCOMPARE(u.activeSince(), std::optional<qint64>(10 * kMin));
}

void tst_TriggerTracker::noDataNeitherFiresNorResets()
{
    TriggerTracker t(trigger(Trigger::Response::Rollback, 10min));
    t.addSample(0, Outcome::Pass, {}, v(90));
    t.addSample(10 * kMin, Outcome::NoData, {}, {});
    QVERIFY(t.due().isEmpty()); // no firing on a sample without data
    QVERIFY(t.active());
    t.addSample(15 * kMin, Outcome::Pass, {}, v(80));
    QCOMPARE(t.due().size(), 1);
    QCOMPARE(t.due()[0].heldFor, Milliseconds(15min));
}

void tst_TriggerTracker::rollbackIfPersists()
{
    // imports > 30 min: extend monitoring, roll back if it persists 6 h.
    TriggerTracker t(trigger(Trigger::Response::RollbackIfPersists, 0ms, 6h));
    t.addSample(0, Outcome::Pass, {}, v(12));
    auto due = t.due();
    QCOMPARE(due.size(), 1);
    QCOMPARE(due[0].effect, TriggerEffect::Extend);
    QCOMPARE(due[0].extension, Milliseconds(6h));
    t.markFired(TriggerEffect::Extend);
    for (qint64 at = 15 * kMin; at < 6 * kHour; at += 15 * kMin) {
        t.addSample(at, Outcome::Pass, {}, v(12));
        QVERIFY(t.due().isEmpty());
    }
    t.addSample(6 * kHour, Outcome::Pass, {}, v(14));
    due = t.due();
    QCOMPARE(due.size(), 1);
    QCOMPARE(due[0].effect, TriggerEffect::Rollback);
    QCOMPARE(due[0].heldFor, Milliseconds(6h));
    QCOMPARE(due[0].values, v(14));
}

void tst_TriggerTracker::extend()
{
    TriggerTracker t(trigger(Trigger::Response::Extend, 6h));
    t.addSample(0, Outcome::Pass, {}, v(11));
    t.addSample(5 * kHour, Outcome::Pass, {}, v(11));
    QVERIFY(t.due().isEmpty());
    t.addSample(6 * kHour, Outcome::Pass, {}, v(11));
    QCOMPARE(t.due().size(), 1);
    QCOMPARE(t.due()[0].effect, TriggerEffect::Extend);
    QCOMPARE(t.due()[0].extension, Milliseconds(6h));
    QCOMPARE(TriggerTracker(trigger(Trigger::Response::Extend)).extension(), Milliseconds(1h));
}

void tst_TriggerTracker::rollbackWithin()
{
    TriggerTracker t(trigger(Trigger::Response::RollbackWithin, 0ms, 0ms, 1h));
    t.addSample(0, Outcome::Pass, {}, v(1));
    QCOMPARE(t.due().size(), 1);
    QCOMPARE(t.due()[0].effect, TriggerEffect::RollbackWithin);
    QCOMPARE(t.due()[0].within, std::optional<Milliseconds>(1h));
}

void tst_TriggerTracker::effectNames()
{
    for (auto e : {TriggerEffect::Rollback, TriggerEffect::RollbackWithin, TriggerEffect::Extend,
                   TriggerEffect::Incident})
        QCOMPARE(triggerEffectFromName(triggerEffectName(e)), std::optional(e));
}

QTEST_GUILESS_MAIN(tst_TriggerTracker)
#include "tst_TriggerTracker.moc"
