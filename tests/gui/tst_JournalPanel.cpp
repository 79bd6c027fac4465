// The Journal tab: newest first, filters by kind, stage and person, the hash chain checked off the GUI
// thread ("verified, head …", or where it breaks), an event copied as JSON.

#include "gui/panels/JournalPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace cockpit;
using namespace cockpit::gui;

namespace {
QList<JournalEvent> chain(int n, bool breakLast = false)
{
    QList<JournalEvent> out;
    QByteArray prev = JournalEvent::genesisHash();
    for (int i = 1; i <= n; ++i) {
        JournalEventDraft d;
        d.runId = QStringLiteral("run-1");
        d.at = 1'770'000'000'000 + i * 1000;
        d.type = i % 2 ? JournalEventType::Note : JournalEventType::CheckObserved;
        d.actor = i % 3 ? QStringLiteral("Dana Weber") : QStringLiteral("engine");
        d.payload = {{QStringLiteral("stage"), i <= 2 ? QStringLiteral("canary") : QStringLiteral("full")},
                     {QStringLiteral("text"), QStringLiteral("event %1").arg(i)}};
        const JournalEvent e = JournalEvent::seal(
            d, i, breakLast && i == n ? QByteArray(JournalEvent::kHashHexLength, 'f') : prev);
        prev = e.hash();
        out << e;
    }
    return out;
}
} // namespace

class tst_JournalPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filtersAndVerifies()
    {
        JournalPanel panel;
        QSignalSpy checked(&panel, &JournalPanel::chainChecked);
        const QList<JournalEvent> events = chain(6);
        panel.appendEvents(events);
        QTRY_VERIFY_WITH_TIMEOUT(panel.chainStatus().contains(QStringLiteral("verified, head")), 20000);
        QVERIFY(panel.chainStatus().contains(QString::fromLatin1(events.last().hash().left(6))));
        QCOMPARE(panel.visibleRows(), 6);

        auto *view = panel.findChild<QTableView *>(QStringLiteral("journal"));
        QCOMPARE(view->model()->index(0, 0).data().toLongLong(), 6); // newest first

        auto *stage = panel.findChild<QComboBox *>(QStringLiteral("journalStage"));
        stage->setCurrentIndex(stage->findData(QStringLiteral("canary")));
        QCOMPARE(panel.visibleRows(), 2);
        auto *actor = panel.findChild<QComboBox *>(QStringLiteral("journalActor"));
        actor->setCurrentIndex(actor->findData(QStringLiteral("Dana Weber")));
        QCOMPARE(panel.visibleRows(), 2); // events 1 and 2
        auto *kind = panel.findChild<QComboBox *>(QStringLiteral("journalType"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("note")));
        QCOMPARE(panel.visibleRows(), 1);

        view->setCurrentIndex(view->model()->index(0, 0));
        panel.copySelected();
        QVERIFY2(QApplication::clipboard()->text().contains(QStringLiteral("\"event 1\"")),
                 qPrintable(QApplication::clipboard()->text()));
    }

    void aBrokenChainIsSaid()
    {
        JournalPanel panel;
        panel.appendEvents(chain(4, true));
        QTRY_VERIFY_WITH_TIMEOUT(panel.chainStatus().contains(QStringLiteral("CHAIN BROKEN")), 20000);
        QVERIFY2(panel.chainStatus().contains(QStringLiteral("event 4")), qPrintable(panel.chainStatus()));
    }
};

QTEST_MAIN(tst_JournalPanel)
#include "tst_JournalPanel.moc"
