#include "gui/RunView.h"
#include "gui/ScriptedController.h"
#include "gui/panels/CommandButton.h"
#include "gui/panels/MessageBanner.h"
#include "gui/panels/VerdictBar.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace cockpit;
using namespace cockpit::gui;

class tst_RunView : public QObject
{
    Q_OBJECT

    static QString headline(const RunView &view)
    {
        return view.findChild<QLabel *>(QStringLiteral("headline"))->text();
    }

    // Selects the failing gate's decision and clicks Accept with a reason.
    static void acceptFirstDecision(RunView &view)
    {
        view.tabs()->setCurrentIndex(2);
        auto *pending = view.findChild<QTableView *>(QStringLiteral("pending"));
        pending->setCurrentIndex(pending->model()->index(0, 0));
        view.findChild<QLineEdit *>(QStringLiteral("reason"))->setText(QStringLiteral("known blip"));
        auto *accept = view.findChild<CommandButton *>(QStringLiteral("accept"));
        QVERIFY(accept->isAvailable());
        QTest::mouseClick(accept->button(), Qt::LeftButton);
    }

private Q_SLOTS:
    void rendersEachSnapshotTheControllerEmits()
    {
        test::ScriptedController controller;
        RunView view;
        view.setController(&controller, {QStringLiteral("alice")});
        controller.push(test::stageTwoSnapshot());
        QVERIFY(headline(view).contains(QStringLiteral("NO-GO")));
        QVERIFY(view.tabs()->tabText(2).contains(QStringLiteral("(1)"))); // one decision waiting

        RunSnapshot next = test::stageTwoSnapshot();
        next.headline = Headline::Hold;
        next.status.pending.clear();
        controller.push(next);
        QVERIFY(headline(view).contains(QStringLiteral("HOLD")));
        QVERIFY(!view.tabs()->tabText(2).contains(QLatin1Char('(')));
    }

    void aCommandGoesToTheControllerAndARefusalIsShown()
    {
        test::ScriptedController controller;
        RunView view;
        view.setController(&controller, {QStringLiteral("alice")});
        controller.push(test::stageTwoSnapshot());
        acceptFirstDecision(view);
        QCOMPARE(controller.commands.size(), 1);
        QCOMPARE(controller.commands.at(0).who, QStringLiteral("alice")); // the lead's name is filled in
        QCOMPARE(controller.commands.at(0).kind, EngineCommand::Kind::Decide);
        QCOMPARE(view.commandsInFlight(), 1);

        controller.answer(cockpit::unexpected(
            Error::plain(QStringLiteral("gate success-rate is not awaiting a decision"))));
        QTRY_COMPARE_WITH_TIMEOUT(view.commandsInFlight(), 0, 10000);
        QVERIFY(view.banner()->isVisible() || !view.isVisible());
        QVERIFY2(view.banner()->text().contains(QStringLiteral("not awaiting a decision")),
                 qPrintable(view.banner()->text()));
    }

    void theWindowStaysResponsiveWhileACommandIsUnanswered()
    {
        test::ScriptedController controller;
        RunView view;
        view.setController(&controller, {QStringLiteral("alice")});
        controller.push(test::stageTwoSnapshot());
        acceptFirstDecision(view);
        // The click returned with the command still unanswered: the GUI thread did not wait for it.
        QCOMPARE(controller.unanswered(), 1);
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, [&] { ++ticks; });
        timer.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 5, 10000); // events are processed while it is pending
        RunSnapshot next = test::stageTwoSnapshot();
        next.headline = Headline::Hold;
        controller.push(next); // and new snapshots are shown
        QVERIFY(headline(view).contains(QStringLiteral("HOLD")));
        controller.answer({});
        QTRY_COMPARE_WITH_TIMEOUT(view.commandsInFlight(), 0, 10000);
        QVERIFY(view.banner()->isHidden());
    }

    void aViewerHasNoEnabledCommandAndSendsNothing()
    {
        test::ScriptedController controller;
        RunView view;
        view.setController(&controller, {QStringLiteral("carol"), true});
        RunSnapshot s = test::stageTwoSnapshot();
        s.readOnly = true;
        controller.push(s);
        view.show();
        for (int tab = 0; tab < view.tabs()->count(); ++tab) {
            view.tabs()->setCurrentIndex(tab);
            for (QAbstractButton *b : view.findChildren<QAbstractButton *>()) {
                if (!b->property("cockpitCommand").toBool())
                    continue;
                QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
                QVERIFY2(!b->isVisibleTo(&view), qPrintable(b->text()));
                QCOMPARE(b->toolTip(), QStringLiteral("read-only viewer"));
            }
        }
        QVERIFY(view.verdictBar()
                    ->findChild<QLabel *>(QStringLiteral("modeBand"))
                    ->text()
                    .contains(QStringLiteral("READ-ONLY")));
        QVERIFY(controller.commands.isEmpty());
    }
};

QTEST_MAIN(tst_RunView)
#include "tst_RunView.moc"
