// The run's main actions on the keyboard: each shortcut does what its button does (through the button's
// confirmation), a disabled action says why in its tooltip, the buttons and the menu name the shortcut,
// and a viewer has none of them.
#include "gui/CockpitSettings.h"
#include "gui/MainWindow.h"
#include "gui/RunActions.h"
#include "gui/RunView.h"
#include "gui/ScriptedController.h"
#include "gui/dialogs/Confirmation.h"
#include "gui/panels/CommandButton.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::gui;

class tst_RunActions : public QObject
{
    Q_OBJECT

    static void activate(QWidget &w)
    {
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }

private Q_SLOTS:
    void init() { Confirmation::setAnswerForTests({}); }

    void holdPromoteAndTabsFromTheKeyboard()
    {
        test::ScriptedController controller;
        controller.answerImmediately(CommandResult {});
        RunView view;
        view.setController(&controller, {QStringLiteral("alice")});
        controller.push(test::stageTwoSnapshot());
        activate(view);
        RunActions *actions = view.actions();

        QTest::keyClick(&view, Qt::Key_H, Qt::ControlModifier);
        QTRY_COMPARE(controller.commands.size(), 1);
        QCOMPARE(controller.commands.first().kind, EngineCommand::Kind::Hold);
        QCOMPARE(controller.commands.first().who, QStringLiteral("alice"));

        // Promote is blocked by the soak and the failed gate: the action is disabled and says why.
        QVERIFY(!actions->promote()->isEnabled());
        QVERIFY2(actions->promote()->toolTip().contains(QStringLiteral("soak")),
                 qPrintable(actions->promote()->toolTip()));
        QTest::keyClick(&view, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(controller.commands.size(), 1);
        // The button names its shortcut next to its reason.
        auto *promote = view.findChild<CommandButton *>(QStringLiteral("stagePromote"));
        const QString shortcut = actions->promote()->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(promote->button()->toolTip().contains(shortcut), qPrintable(promote->button()->toolTip()));
        QVERIFY(promote->button()->toolTip().contains(QStringLiteral("soak")));

        // Once nothing blocks, the same key promotes, through the confirmation.
        RunSnapshot go = test::stageTwoSnapshot();
        go.headline = Headline::Go;
        go.status.blockers.clear();
        go.status.pending.clear();
        controller.push(go);
        QTRY_VERIFY(actions->promote()->isEnabled());
        QVERIFY(actions->promote()->text().contains(QStringLiteral("Promote")));
        QStringList asked;
        Confirmation::setAnswerForTests([&asked](const QString &title, const QString &) {
            asked << title;
            return false;
        });
        QTest::keyClick(&view, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(asked, QStringList {QStringLiteral("Promote")});
        QCOMPARE(controller.commands.size(), 1); // declined: nothing sent
        QCOMPARE(view.tabs()->currentWidget(), promote->parentWidget()->parentWidget());

        QTest::keyClick(&view, Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(view.tabs()->currentIndex(), 6);
        QTest::keyClick(&view, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(view.tabs()->currentIndex(), 0);
        QCOMPARE(actions->tabActions().size(), qMin(10, view.tabs()->count()));
    }

    void decideGoesToTheFirstDecision()
    {
        test::ScriptedController controller;
        RunView view;
        view.setController(&controller, {QStringLiteral("alice")});
        controller.push(test::stageTwoSnapshot()); // one failed gate waiting for a decision
        activate(view);
        QVERIFY(view.actions()->decide()->isEnabled());
        QTest::keyClick(&view, Qt::Key_D, Qt::ControlModifier);
        auto *reason = view.findChild<QLineEdit *>(QStringLiteral("reason"));
        QTRY_VERIFY(reason->hasFocus());
        QCOMPARE(view.tabs()->currentIndex(), 2);
        reason->setText(QStringLiteral("known blip"));
        auto *accept = view.findChild<CommandButton *>(QStringLiteral("accept"));
        QVERIFY2(accept->isAvailable(), qPrintable(accept->blockedBy())); // the decision is selected

        RunSnapshot none = test::stageTwoSnapshot();
        none.status.pending.clear();
        controller.push(none);
        QVERIFY(!view.actions()->decide()->isEnabled());
        QVERIFY(!view.actions()->decide()->toolTip().isEmpty());
    }

    void rollBackAsksFirst()
    {
        test::ScriptedController controller;
        controller.answerImmediately(CommandResult {});
        RunView view;
        view.setController(&controller, {QStringLiteral("alice")});
        controller.push(test::stageTwoSnapshot());
        activate(view);
        QAction *rollBack = view.actions()->rollBack();
        QVERIFY(!rollBack->isEnabled());
        QCOMPARE(rollBack->toolTip(), QStringLiteral("write a reason first"));
        view.findChild<QLineEdit *>(QStringLiteral("rollbackReason"))->setText(QStringLiteral("errors up"));
        QVERIFY(rollBack->isEnabled());
        bool answer = false;
        int asked = 0;
        Confirmation::setAnswerForTests([&](const QString &, const QString &) {
            ++asked;
            return answer;
        });
        QTest::keyClick(&view, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(asked, 1);
        QVERIFY(controller.commands.isEmpty());
        answer = true;
        QTest::keyClick(&view, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(asked, 2);
        QTRY_COMPARE(controller.commands.size(), 1);
        QCOMPARE(controller.commands.first().kind, EngineCommand::Kind::RollBack);
        QCOMPARE(controller.commands.first().reason, QStringLiteral("errors up"));
    }

    void theMenuListsTheActionsWithTheirShortcuts()
    {
        QTemporaryDir dir;
        CockpitSettings settings(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        MainWindow window(settings);
        auto *controller = new test::ScriptedController;
        window.showRun(controller, {QStringLiteral("alice")});
        controller->push(test::stageTwoSnapshot());
        QMenu *run = nullptr;
        for (QAction *a : window.menuBar()->actions())
            if (a->menu() && a->text() == QStringLiteral("&Run"))
                run = a->menu();
        QVERIFY(run);
        QVERIFY(run->menuAction()->isVisible());
        QVERIFY(run->toolTipsVisible());
        const QList<QAction *> entries = run->actions();
        for (QAction *a : window.runView()->actions()->commandActions()) {
            QVERIFY(entries.contains(a));
            QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->text()));
            QVERIFY2(a->isEnabled() || !a->toolTip().isEmpty(), qPrintable(a->text())); // disabled says why
        }

        // A viewer: no run menu, no command action reachable.
        auto *viewer = new test::ScriptedController;
        window.showRun(viewer, {QStringLiteral("carol"), true});
        RunSnapshot s = test::stageTwoSnapshot();
        s.readOnly = true;
        viewer->push(s);
        QVERIFY(!run->menuAction()->isVisible());
        for (QAction *a : window.runView()->actions()->commandActions()) {
            QVERIFY2(!a->isVisible(), qPrintable(a->objectName()));
            QVERIFY2(!a->isEnabled(), qPrintable(a->objectName()));
        }
        QVERIFY(viewer->commands.isEmpty());
    }
};

QTEST_MAIN(tst_RunActions)
#include "tst_RunActions.moc"
