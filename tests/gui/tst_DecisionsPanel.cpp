#include "gui/ScriptedController.h"
#include "gui/dialogs/Confirmation.h"
#include "gui/panels/CommandButton.h"
#include "gui/panels/DecisionsPanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace cockpit;
using namespace cockpit::gui;

class tst_DecisionsPanel : public QObject
{
    Q_OBJECT

    static RunSnapshotPtr ptr(RunSnapshot s) { return std::make_shared<const RunSnapshot>(std::move(s)); }
    static void selectFirstDecision(DecisionsPanel &panel)
    {
        auto *view = panel.findChild<QTableView *>(QStringLiteral("pending"));
        view->setCurrentIndex(view->model()->index(0, 0));
    }

private Q_SLOTS:
    void aDisabledActionSaysWhyInItsTooltipAndALabel()
    {
        DecisionsPanel panel;
        panel.setPerson(QStringLiteral("alice"));
        panel.setSnapshot(ptr(test::stageTwoSnapshot()));
        CommandButton *promote = panel.action(QStringLiteral("promote"));
        QVERIFY(!promote->button()->isEnabled());
        QVERIFY(promote->button()->toolTip().contains(QStringLiteral("soak: 3h 12m left")));
        QVERIFY(promote->button()->toolTip().contains(QStringLiteral("gate success-rate failed")));
        QVERIFY(promote->button()->text().contains(QStringLiteral("100 %"))); // named by its target
        const QList<QLabel *> labels = promote->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [&](QLabel *l) { return l->text() == promote->button()->toolTip(); }));

        // Every disabled action of the panel carries a reason.
        for (CommandButton *b : panel.findChildren<CommandButton *>())
            QVERIFY2(b->button()->isEnabled() || !b->button()->toolTip().isEmpty(),
                     qPrintable(b->objectName()));
    }

    void decidingNeedsASelectionAndAReasonThenSendsTheCommand()
    {
        DecisionsPanel panel;
        panel.setPerson(QStringLiteral("alice"));
        panel.setSnapshot(ptr(test::stageTwoSnapshot()));
        QSignalSpy sent(&panel, &RunPanel::commandRequested);
        CommandButton *accept = panel.action(QStringLiteral("accept"));
        QVERIFY(accept->blockedBy().contains(QStringLiteral("select")));

        selectFirstDecision(panel);
        QVERIFY(accept->blockedBy().contains(QStringLiteral("reason")));
        panel.findChild<QLineEdit *>(QStringLiteral("reason"))
            ->setText(QStringLiteral("known blip, metrics lag"));
        QVERIFY(accept->isAvailable());

        // A new snapshot (every 100 ms) keeps the person's selection.
        panel.setSnapshot(ptr(test::stageTwoSnapshot()));
        QVERIFY(accept->isAvailable());

        QTest::mouseClick(accept->button(), Qt::LeftButton);
        QCOMPARE(sent.size(), 1);
        const auto cmd = sent.at(0).at(0).value<EngineCommand>();
        QCOMPARE(cmd.kind, EngineCommand::Kind::Decide);
        QCOMPARE(cmd.targetKind, QStringLiteral("gate"));
        QCOMPARE(cmd.target, QStringLiteral("success-rate"));
        QVERIFY(cmd.accept);
        QCOMPARE(cmd.reason, QStringLiteral("known blip, metrics lag"));
    }

    void theLeadIsRefusedAsTheirOwnSecondApprover()
    {
        DecisionsPanel panel;
        panel.setPerson(QStringLiteral("alice"));
        RunSnapshot s = test::stageTwoSnapshot();
        s.status.needsSecondApprover = true;
        panel.setSnapshot(ptr(s));
        CommandButton *approve = panel.action(QStringLiteral("approve"));
        auto *approver = panel.findChild<QLineEdit *>(QStringLiteral("approver"));
        approver->setText(QStringLiteral("alice"));
        QVERIFY(!approve->isAvailable());
        QVERIFY(approve->blockedBy().contains(QStringLiteral("second person")));
        approver->setText(QStringLiteral("bob"));
        QVERIFY(approve->isAvailable());
        QSignalSpy sent(&panel, &RunPanel::commandRequested);
        QTest::mouseClick(approve->button(), Qt::LeftButton);
        QCOMPARE(sent.size(), 1);
        const auto cmd = sent.at(0).at(0).value<EngineCommand>();
        QCOMPARE(cmd.kind, EngineCommand::Kind::Approve);
        QCOMPARE(cmd.who, QStringLiteral("bob"));
    }

    void rollBackAsksBeforeItActs()
    {
        DecisionsPanel panel;
        panel.setSnapshot(ptr(test::stageTwoSnapshot()));
        panel.findChild<QLineEdit *>(QStringLiteral("reason"))->setText(QStringLiteral("imports failing"));
        QSignalSpy sent(&panel, &RunPanel::commandRequested);
        QStringList asked;
        bool answer = false;
        Confirmation::setAnswerForTests([&](const QString &title, const QString &) {
            asked << title;
            return answer;
        });
        CommandButton *rollBack = panel.action(QStringLiteral("rollBack"));
        QVERIFY(rollBack->isAvailable());
        QTest::mouseClick(rollBack->button(), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(sent.size(), 0); // said no
        answer = true;
        QTest::mouseClick(rollBack->button(), Qt::LeftButton);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).at(0).value<EngineCommand>().kind, EngineCommand::Kind::RollBack);
        Confirmation::setAnswerForTests({});
    }

    void aViewerHasNoEnabledCommand()
    {
        DecisionsPanel panel;
        panel.setViewer(true);
        RunSnapshot s = test::stageTwoSnapshot();
        s.readOnly = true;
        panel.setSnapshot(ptr(s));
        const QList<CommandButton *> buttons = panel.findChildren<CommandButton *>();
        QVERIFY(buttons.size() >= 8);
        for (CommandButton *b : buttons) {
            QVERIFY(!b->button()->isEnabled());
            QCOMPARE(b->button()->toolTip(), QStringLiteral("read-only viewer"));
        }
    }
};

QTEST_MAIN(tst_DecisionsPanel)
#include "tst_DecisionsPanel.moc"
