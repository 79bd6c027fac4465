// The stakeholder's window: a run led by another process (`cutover-cockpit run`), watched read-only through
// its SQLite journal. The lead's decision, appended by a third process (`cutover-cockpit decide`), shows up
// in the viewer; at no point does the viewer offer an enabled control that changes anything. Real binary,
// real journal, nothing faked.

#include "gui/CockpitSettings.h"
#include "gui/MainWindow.h"
#include "gui/RunOpening.h"
#include "gui/RunView.h"
#include "support/CliProcess.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::gui;

namespace {

const char kRunbook[] = "runbook: 1\n"
                        "name: viewer window test\n"
                        "stages:\n"
                        "  - id: only\n"
                        "    soak: 1h\n"
                        "    gates:\n"
                        "      - {id: complaints, manual: Zero user complaints}\n";

// Menu entries a viewer may use: none of them changes the run.
const QStringList kHarmlessActions {QStringLiteral("&Start page"), QStringLiteral("&Export evidence report…"),
                                    QStringLiteral("&Quit")};

bool hasPending(const RunSnapshotPtr &s, const QString &kind)
{
    if (!s)
        return false;
    for (const PendingDecision &d : s->status.pending)
        if (d.kind == kind)
            return true;
    return false;
}

} // namespace

class tst_ViewerWindow : public QObject
{
    Q_OBJECT

    // Every control of the window that changes something is disabled and hidden, on every tab.
    static void changesNothing(MainWindow &window)
    {
        QTabWidget *tabs = window.runView()->tabs();
        for (int tab = 0; tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            for (QAbstractButton *b : window.findChildren<QAbstractButton *>()) {
                if (!b->property("cockpitCommand").toBool())
                    continue;
                QVERIFY2(!b->isEnabled(), qPrintable(b->objectName() + QLatin1Char(' ') + b->text()));
                QVERIFY2(!b->isVisibleTo(&window),
                         qPrintable(b->objectName() + QLatin1Char(' ') + b->text()));
            }
        }
        for (QAction *menu : window.menuBar()->actions()) {
            if (!menu->menu() || !menu->isVisible())
                continue;
            for (QAction *a : menu->menu()->actions()) {
                if (a->isSeparator() || !a->isVisible() || !a->isEnabled())
                    continue;
                const bool tab = a->objectName().startsWith(QLatin1String("actionTab"));
                QVERIFY2(tab || kHarmlessActions.contains(a->text()), qPrintable(a->text()));
            }
        }
    }

private Q_SLOTS:
    void followsALeadsDecisionFromAnotherProcessAndChangesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString runbook = dir.filePath(QStringLiteral("viewer.yaml"));
        const QString journal = dir.filePath(QStringLiteral("viewer.journal"));
        QFile f(runbook);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kRunbook);
        f.close();

        QProcess lead;
        lead.setProcessChannelMode(QProcess::MergedChannels);
        test::startCockpit(lead,
                           {QStringLiteral("run"), runbook, QStringLiteral("--mode"),
                            QStringLiteral("rehearsal"), QStringLiteral("--journal"), journal,
                            QStringLiteral("--as"), QStringLiteral("Dana Weber")});
        QVERIFY(lead.waitForStarted(30000));
        QByteArray leadOut;
        QTRY_VERIFY_WITH_TIMEOUT((leadOut += lead.readAll()).contains("enter the first stage"), 60000);

        CockpitSettings settings(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        MainWindow window(settings);
        RunOpening opening(window, settings);
        window.show();
        opening.watchJournal(journal);
        RunView *view = window.runView();
        QTRY_VERIFY_WITH_TIMEOUT(hasPending(view->snapshot(), QStringLiteral("enter_stage")), 30000);
        QVERIFY(view->snapshot()->readOnly);
        QVERIFY(view->findChild<QLabel *>(QStringLiteral("modeBand"))
                    ->text()
                    .contains(QStringLiteral("Dana Weber")));
        changesNothing(window);

        // The lead enters the stage from another terminal: the viewer follows.
        const test::CliRun decide = test::runCockpit(
            {QStringLiteral("decide"), QStringLiteral("--journal"), journal, QStringLiteral("--enter"),
             QStringLiteral("only"), QStringLiteral("--as"), QStringLiteral("Dana Weber")});
        QVERIFY2(decide.exitCode == 0, qPrintable(decide.describe()));
        QTRY_VERIFY_WITH_TIMEOUT(
            view->snapshot() && view->snapshot()->status.phase == RunState::Phase::InStage, 60000);
        QCOMPARE(view->snapshot()->stages.first().state, StageSnapshot::State::Current);
        QVERIFY(
            !view->findChild<QLabel *>(QStringLiteral("headline"))->text().contains(QStringLiteral("STALE")));
        changesNothing(window);

        lead.terminate();
        if (!lead.waitForFinished(30000))
            lead.kill();
    }
};

QTEST_MAIN(tst_ViewerWindow)
#include "tst_ViewerWindow.moc"
