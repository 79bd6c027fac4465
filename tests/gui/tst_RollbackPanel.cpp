// The Rollback tab: the one Roll back action asks before it acts (scripted controller), and the stopwatch
// and the checklist follow a real rollback on the fake clock (real SQLite journal and metrics, loopback
// rollout service).

#include "gui/RunView.h"
#include "gui/ScriptedController.h"
#include "gui/dialogs/Confirmation.h"
#include "gui/panels/CommandButton.h"
#include "gui/panels/RollbackPanel.h"
#include "store/JournalFactory.h"
#include "support/ControllerHarness.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::gui;

namespace {
constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kStart = 1'800'000'000'000;

RunSnapshot withProcedure(RunSnapshot s)
{
    s.rollbackSteps = {
        {QStringLiteral("set-0"),
         QStringLiteral("Route all traffic to v1"),
         QStringLiteral("pending"),
         0,
         {}},
        {QStringLiteral("verify-v1"), QStringLiteral("Verify v1 serves"), QStringLiteral("pending"), 0, {}}};
    return s;
}
} // namespace

class tst_RollbackPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rollBackAsksBeforeItActs()
    {
        test::ScriptedController controller;
        controller.answerImmediately(CommandResult {});
        RunView view;
        view.setController(&controller, {QStringLiteral("alice")});
        controller.push(withProcedure(test::stageTwoSnapshot()));
        auto *panel = view.findChild<RollbackPanel *>();
        QVERIFY(panel);
        QCOMPARE(panel->stopwatchText(), QStringLiteral("Not rolling back"));
        QCOMPARE(panel->checklist().size(), 2);
        QVERIFY(panel->checklist().at(0).startsWith(QStringLiteral("☐  Route all traffic to v1")));

        CommandButton *rollBack = panel->rollBackButton();
        QCOMPARE(rollBack->blockedBy(), QStringLiteral("write a reason first"));
        panel->reasonEdit()->setText(QStringLiteral("success rate below 95 % for an hour"));
        QVERIFY(rollBack->isAvailable());

        QString asked;
        Confirmation::setAnswerForTests([&asked](const QString &, const QString &text) {
            asked = text;
            return false;
        });
        QTest::mouseClick(rollBack->button(), Qt::LeftButton);
        QVERIFY2(asked.contains(QStringLiteral("1. Route all traffic to v1")), qPrintable(asked));
        QVERIFY2(asked.contains(QStringLiteral("2. Verify v1 serves")), qPrintable(asked));
        QVERIFY(controller.commands.isEmpty()); // declined: nothing sent

        Confirmation::setAnswerForTests([](const QString &, const QString &) { return true; });
        QTest::mouseClick(rollBack->button(), Qt::LeftButton);
        Confirmation::setAnswerForTests({});
        QCOMPARE(controller.commands.size(), 1);
        QCOMPARE(controller.commands.at(0).kind, EngineCommand::Kind::RollBack);
        QCOMPARE(controller.commands.at(0).reason, QStringLiteral("success rate below 95 % for an hour"));

        RunSnapshot rolling = withProcedure(test::stageTwoSnapshot());
        rolling.status.phase = RunState::Phase::RollingBack;
        rolling.status.rollback = RollbackClock {rolling.now - 17 * kMin, Milliseconds(15 * kMin),
                                                 Milliseconds(17 * kMin), Milliseconds(-2 * kMin), true};
        controller.push(rolling);
        QCOMPARE(rollBack->blockedBy(), QStringLiteral("a rollback is under way"));
        QVERIFY2(panel->stopwatchText().contains(QStringLiteral("00:17:00 — OVERDUE by 00:02:00")),
                 qPrintable(panel->stopwatchText()));
    }

    void theStopwatchAndTheChecklistFollowARollback()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString metrics = dir.filePath(QStringLiteral("metrics.db"));
        QVERIFY(test::execSqlite(metrics, QStringLiteral("CREATE TABLE metric_value (v double precision)")));
        QVERIFY(test::execSqlite(metrics, QStringLiteral("INSERT INTO metric_value VALUES (99)")));
        test::RolloutService svc;
        QVERIFY(svc.start());
        auto rb = test::controllerRunbook(metrics, svc, true);
        QVERIFY(rb);
        FakeClock clock(kStart);
        const QString journal = dir.filePath(QStringLiteral("run.journal"));
        ThreadedRunController c(
            test::controllerSetup(rb, &clock, [journal]() { return JournalFactory::open(journal); }));
        RunView view;
        view.setController(&c, {QStringLiteral("Dana Weber")});
        auto *panel = view.findChild<RollbackPanel *>();
        QVERIFY(test::awaitOrAbort(c.start(), 20000, "start").has_value());
        QVERIFY(test::sendCommand(c, EngineCommand::Kind::EnterStage, QStringLiteral("canary")));
        QVERIFY(test::settle(c));
        QVERIFY(test::sendCommand(c, EngineCommand::Kind::ConfirmWrite, QStringLiteral("set-10")));
        QVERIFY(test::runUntil(c, clock, kStart + 10 * kMin));
        QTRY_VERIFY_WITH_TIMEOUT(panel->checklist().size() == 1
                                     && panel->rollBackButton()->blockedBy()
                                         == QStringLiteral("write a reason first"),
                                 20000);

        // The lead rolls back from the tab (after saying yes), and the stopwatch starts against 15 min.
        panel->reasonEdit()->setText(QStringLiteral("rehearsing the rollback"));
        Confirmation::setAnswerForTests([](const QString &, const QString &) { return true; });
        QTest::mouseClick(panel->rollBackButton()->button(), Qt::LeftButton);
        Confirmation::setAnswerForTests({});
        QTRY_VERIFY_WITH_TIMEOUT(panel->stopwatchText().startsWith(QStringLiteral("◷ 00:00:00 of 15 m 00 s")),
                                 20000);
        QVERIFY(test::settle(c));
        QVERIFY(test::runUntil(c, clock, kStart + 13 * kMin));
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->stopwatchText().contains(QStringLiteral("00:03:00 of 15 m 00 s — 00:12:00 left")), 20000);
        QVERIFY2(panel->checklist().value(0).contains(QStringLiteral("set-0")),
                 qPrintable(panel->checklist().value(0)));

        // The step writes: once confirmed it runs, and the checklist ticks it off.
        QVERIFY(test::sendCommand(c, EngineCommand::Kind::ConfirmWrite, QStringLiteral("set-0")));
        QVERIFY(test::settle(c));
        QTRY_VERIFY_WITH_TIMEOUT(panel->checklist().value(0).startsWith(QStringLiteral("✔")), 20000);
        QCOMPARE(svc.percent.loadRelaxed(), 0);
        c.stop();
    }
};

QTEST_MAIN(tst_RollbackPanel)
#include "tst_RollbackPanel.moc"
