// The Stages tab: rendered from a real controller's snapshots while a stage soaks on the fake clock (a real
// SQLite journal, metrics database and loopback rollout service; only the clock is fake), and its actions
// against a scripted controller.

#include "gui/RunView.h"
#include "gui/ScriptedController.h"
#include "gui/dialogs/Confirmation.h"
#include "gui/panels/CommandButton.h"
#include "gui/panels/StageCard.h"
#include "gui/panels/StagesPanel.h"
#include "store/JournalFactory.h"
#include "support/ControllerHarness.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::gui;

namespace {
constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kStart = 1'800'000'000'000;

RunSnapshotPtr ptr(RunSnapshot s)
{
    return std::make_shared<const RunSnapshot>(std::move(s));
}

// The running stage's card (the one with a soak line).
StageCard *currentCard(const StagesPanel &panel)
{
    for (StageCard *c : panel.cards())
        if (!c->soakText().isEmpty())
            return c;
    return nullptr;
}

QString gateLine(const StagesPanel &panel, const QString &gate)
{
    if (StageCard *c = currentCard(panel))
        for (const QString &l : c->gateLines())
            if (l.contains(QStringLiteral(" | %1 | ").arg(gate)))
                return l;
    return {};
}
} // namespace

class tst_StagesPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aStageSoaksOnTheFakeClock()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString metrics = dir.filePath(QStringLiteral("metrics.db"));
        QVERIFY(test::execSqlite(metrics, QStringLiteral("CREATE TABLE metric_value (v double precision)")));
        QVERIFY(test::execSqlite(metrics, QStringLiteral("INSERT INTO metric_value VALUES (99)")));
        test::RolloutService svc;
        QVERIFY(svc.start());
        auto rb = test::controllerRunbook(metrics, svc);
        QVERIFY(rb);
        FakeClock clock(kStart);
        const QString journal = dir.filePath(QStringLiteral("run.journal"));
        ThreadedRunController c(
            test::controllerSetup(rb, &clock, [journal]() { return JournalFactory::open(journal); }));
        RunView view;
        view.setController(&c, {QStringLiteral("Dana Weber")});
        auto *panel = view.findChild<StagesPanel *>();
        QVERIFY(panel);
        QVERIFY(test::awaitOrAbort(c.start(), 20000, "start").has_value());
        QTRY_COMPARE_WITH_TIMEOUT(panel->cards().size(), 2, 20000);

        // Before the first stage the action enters it (after a confirmation), named by its target.
        QTRY_COMPARE_WITH_TIMEOUT(panel->promoteButton()->button()->text(),
                                  QStringLiteral("Enter canary (10 %)"), 20000);
        QVERIFY(panel->promoteButton()->isAvailable());
        Confirmation::setAnswerForTests([](const QString &, const QString &) { return true; });
        QTest::mouseClick(panel->promoteButton()->button(), Qt::LeftButton);
        Confirmation::setAnswerForTests({});
        QTRY_VERIFY_WITH_TIMEOUT(
            test::hasPending(c.snapshot(), QStringLiteral("confirm_write"), QStringLiteral("set-10")), 20000);
        QVERIFY(test::settle(c));
        QVERIFY(test::sendCommand(c, EngineCommand::Kind::ConfirmWrite, QStringLiteral("set-10")));
        QVERIFY(test::runUntil(c, clock, kStart + 10 * kMin));
        // 10 minutes into the 1 h soak: the countdown, the ETA and the value gate's streak.
        QTRY_VERIFY_WITH_TIMEOUT(
            currentCard(*panel) && currentCard(*panel)->soakText().contains(QStringLiteral("00:50:00 left")),
            20000);
        StageCard *card = currentCard(*panel);
        QVERIFY2(card->soakText().contains(QStringLiteral("ETA")), qPrintable(card->soakText()));
        const QString holding = gateLine(*panel, QStringLiteral("value-ok"));
        const QList<QLabel *> outcomes = card->findChildren<QLabel *>(QStringLiteral("gateOutcome"));
        QVERIFY(!outcomes.isEmpty());
        QVERIFY2(holding.contains(QStringLiteral("holding")), qPrintable(holding));
        QVERIFY2(holding.contains(QStringLiteral("value (99) >= 95")), qPrintable(holding));
        const QString streak = holding.section(QStringLiteral(" | "), 3, 3);
        QVERIFY2(streak.endsWith(QStringLiteral(" / 30 m 00 s")) && !streak.startsWith(QStringLiteral("0 s")),
                 qPrintable(holding));
        QVERIFY2(holding.contains(QStringLiteral("| 0 resets")), qPrintable(holding));
        QCOMPARE(panel->promoteButton()->button()->text(), QStringLiteral("Promote to 100 %"));
        QVERIFY(!panel->promoteButton()->isAvailable()); // the soak and the gates are not done
        QVERIFY2(panel->promoteButton()->button()->toolTip().contains(QStringLiteral("soak")),
                 qPrintable(panel->promoteButton()->button()->toolTip()));

        // Five minutes on: the countdown went down and the streak grew.
        QVERIFY(test::runUntil(c, clock, kStart + 15 * kMin));
        QTRY_VERIFY_WITH_TIMEOUT(currentCard(*panel)->soakText().contains(QStringLiteral("00:45:00 left")),
                                 20000);
        const QString longer
            = gateLine(*panel, QStringLiteral("value-ok")).section(QStringLiteral(" | "), 3, 3);
        QVERIFY2(longer != streak && longer.endsWith(QStringLiteral(" / 30 m 00 s")), qPrintable(longer));
        // The gate rows were updated in place, not rebuilt (rebuilding stalled the window for seconds).
        QCOMPARE(currentCard(*panel)->findChildren<QLabel *>(QStringLiteral("gateOutcome")), outcomes);

        // The value drops: the gate fails, says what it saw, and its window was reset once.
        QVERIFY(test::execSqlite(metrics, QStringLiteral("UPDATE metric_value SET v = 80")));
        QVERIFY(test::runUntil(c, clock, kStart + 25 * kMin));
        QTRY_VERIFY_WITH_TIMEOUT(currentCard(*panel)->soakText().contains(QStringLiteral("00:35:00 left")),
                                 20000);
        const QString failing = gateLine(*panel, QStringLiteral("value-ok"));
        QVERIFY2(failing.contains(QStringLiteral("FAIL")), qPrintable(failing));
        QVERIFY2(failing.contains(QStringLiteral("value (80) >= 95")), qPrintable(failing));
        QVERIFY2(failing.contains(QStringLiteral("1 reset, last breach")), qPrintable(failing));
        c.stop();
    }

    void promoteIsNamedByItsTargetAndSaysWhatBlocksIt()
    {
        StagesPanel panel;
        panel.setPerson(QStringLiteral("alice"));
        panel.setSnapshot(ptr(test::stageTwoSnapshot()));
        QCOMPARE(panel.cards().size(), 3);
        CommandButton *promote = panel.promoteButton();
        QCOMPARE(promote->button()->text(), QStringLiteral("Promote to 100 %"));
        QVERIFY(!promote->button()->isEnabled());
        QVERIFY(promote->button()->toolTip().contains(QStringLiteral("soak: 3h 12m left")));
        QVERIFY(promote->button()->toolTip().contains(QStringLiteral("gate success-rate failed")));
        // Hold is always there while the run goes on.
        QVERIFY(panel.holdButton()->isAvailable());
        QCOMPARE(panel.holdButton()->button()->text(), QStringLiteral("Hold"));
        // A failing gate shows its sentence on the running stage's card.
        const QString line = gateLine(panel, QStringLiteral("success-rate"));
        QVERIFY2(line.contains(QStringLiteral("FAIL")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("success_rate_pct (93.1) >= 95")), qPrintable(line));
        QVERIFY2(gateLine(panel, QStringLiteral("slow-imports")).contains(QStringLiteral("17 h / 24 h")),
                 qPrintable(gateLine(panel, QStringLiteral("slow-imports"))));
    }

    void promotionNeedsASecondPersonAndRefusesTheLead()
    {
        test::ScriptedController controller;
        controller.answerImmediately(CommandResult {});
        RunView view;
        view.setController(&controller, {QStringLiteral("alice")});
        RunSnapshot s = test::stageTwoSnapshot();
        s.headline = Headline::Hold;
        s.status.gates.clear();
        s.status.needsSecondApprover = true;
        s.status.blockers
            = {QStringLiteral("second approver: entering full needs approval by a second person")};
        s.status.pending = {{QStringLiteral("second_approval"), QStringLiteral("half"),
                             QStringLiteral("half"), s.status.blockers.first(), s.now, std::nullopt}};
        controller.push(s);
        auto *panel = view.findChild<StagesPanel *>();
        QVERIFY(!panel->promoteButton()->isAvailable());
        QVERIFY(panel->promoteButton()->blockedBy().contains(QStringLiteral("second person")));

        CommandButton *approve = panel->approveButton();
        QCOMPARE(approve->blockedBy(), QStringLiteral("enter the second person's name"));
        panel->approverEdit()->setText(QStringLiteral("Alice")); // the lead, in another spelling
        QVERIFY(!approve->button()->isEnabled());
        QVERIFY2(approve->blockedBy().contains(QStringLiteral("cannot approve their own promotion")),
                 qPrintable(approve->blockedBy()));
        QTest::mouseClick(approve->button(), Qt::LeftButton);
        QVERIFY(controller.commands.isEmpty());

        panel->approverEdit()->setText(QStringLiteral("Ravi Patel"));
        QVERIFY(approve->isAvailable());
        QTest::mouseClick(approve->button(), Qt::LeftButton);
        QCOMPARE(controller.commands.size(), 1);
        QCOMPARE(controller.commands.at(0).kind, EngineCommand::Kind::Approve);
        QCOMPARE(controller.commands.at(0).who, QStringLiteral("Ravi Patel")); // not the lead's name

        // Approved: promote is offered, asks first, and only then sends.
        s.status.blockers.clear();
        s.status.pending = {{QStringLiteral("promote"), QStringLiteral("half"), QStringLiteral("half"),
                             QStringLiteral("every promotion condition holds"), s.now, std::nullopt}};
        controller.push(s);
        QVERIFY(panel->promoteButton()->isAvailable());
        QVERIFY(!approve->isAvailable());
        QString asked;
        Confirmation::setAnswerForTests([&asked](const QString &, const QString &text) {
            asked = text;
            return false;
        });
        QTest::mouseClick(panel->promoteButton()->button(), Qt::LeftButton);
        QVERIFY2(asked.contains(QStringLiteral("100 %")), qPrintable(asked));
        QCOMPARE(controller.commands.size(), 1);
        Confirmation::setAnswerForTests([](const QString &, const QString &) { return true; });
        QTest::mouseClick(panel->promoteButton()->button(), Qt::LeftButton);
        QCOMPARE(controller.commands.size(), 2);
        QCOMPARE(controller.commands.at(1).kind, EngineCommand::Kind::Promote);
        QCOMPARE(controller.commands.at(1).who, QStringLiteral("alice"));
        Confirmation::setAnswerForTests({});
    }

    void holdTurnsIntoResumeAndAViewerSeesNoAction()
    {
        test::ScriptedController controller;
        controller.answerImmediately(CommandResult {});
        RunView view;
        view.setController(&controller, {QStringLiteral("alice")});
        controller.push(test::stageTwoSnapshot());
        auto *panel = view.findChild<StagesPanel *>();
        QTest::mouseClick(panel->holdButton()->button(), Qt::LeftButton);
        QCOMPARE(controller.commands.last().kind, EngineCommand::Kind::Hold);
        RunSnapshot held = test::stageTwoSnapshot();
        held.held = true;
        controller.push(held);
        QCOMPARE(panel->holdButton()->button()->text(), QStringLiteral("Resume"));
        QTest::mouseClick(panel->holdButton()->button(), Qt::LeftButton);
        QCOMPARE(controller.commands.last().kind, EngineCommand::Kind::Resume);

        view.setController(&controller, {QStringLiteral("carol"), true});
        QCOMPARE(panel->promoteButton()->blockedBy(), QStringLiteral("read-only viewer"));
        QVERIFY(!panel->holdButton()->button()->isVisibleTo(panel));
    }
};

QTEST_MAIN(tst_StagesPanel)
#include "tst_StagesPanel.moc"
