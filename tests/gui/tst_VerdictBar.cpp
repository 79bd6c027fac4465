#include "gui/ScriptedController.h"
#include "gui/panels/VerdictBar.h"

#include <QDateTime>
#include <QLabel>
#include <QTest>

using namespace cockpit;
using namespace cockpit::gui;

class tst_VerdictBar : public QObject
{
    Q_OBJECT

    static QString text(const VerdictBar &bar, const char *name)
    {
        const QLabel *l = bar.findChild<QLabel *>(QLatin1String(name));
        return l ? l->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }
    static RunSnapshotPtr ptr(RunSnapshot s) { return std::make_shared<const RunSnapshot>(std::move(s)); }

private Q_SLOTS:
    void showsTheHeadlineAndTheTopBlocker()
    {
        VerdictBar bar;
        RunSnapshot s = test::stageTwoSnapshot();
        s.wallTakenAt = QDateTime::currentMSecsSinceEpoch();
        bar.setSnapshot(ptr(s));
        QVERIFY(text(bar, "headline").contains(QStringLiteral("NO-GO")));
        QVERIFY(text(bar, "headline").contains(QStringLiteral("✖"))); // readable without colour
        QCOMPARE(text(bar, "topBlocker"), s.topBlocker);
        QVERIFY(text(bar, "runName").contains(s.runbookName));
        QVERIFY(text(bar, "leaseHolder").contains(QStringLiteral("alice")));
        QVERIFY2(text(bar, "timeLeft").contains(QStringLiteral("03:12:00")),
                 qPrintable(text(bar, "timeLeft")));

        s.headline = Headline::Go;
        s.topBlocker.clear();
        bar.setSnapshot(ptr(s));
        QVERIFY(text(bar, "headline").contains(QStringLiteral("GO")));
        QVERIFY(!text(bar, "headline").contains(QStringLiteral("NO-GO")));
        QVERIFY(!text(bar, "topBlocker").isEmpty()); // says that nothing blocks, not blank
    }

    void everyHeadlineHasItsOwnWordAndSymbol()
    {
        VerdictBar bar;
        QSet<QString> seen;
        for (Headline h : {Headline::NotStarted, Headline::NoGo, Headline::Hold, Headline::Go,
                           Headline::RollingBack, Headline::RolledBack, Headline::Finished}) {
            RunSnapshot s = test::stageTwoSnapshot();
            s.headline = h;
            bar.setSnapshot(ptr(s));
            seen.insert(text(bar, "headline"));
        }
        QCOMPARE(seen.size(), 7);
    }

    void liveLooksUnmistakablyDifferentFromRehearsal()
    {
        VerdictBar rehearsal, live;
        rehearsal.setSnapshot(ptr(test::stageTwoSnapshot(RunMode::Rehearsal)));
        live.setSnapshot(ptr(test::stageTwoSnapshot(RunMode::Live)));
        QVERIFY(text(live, "modeBand").startsWith(QStringLiteral("LIVE")));
        QVERIFY(text(rehearsal, "modeBand").startsWith(QStringLiteral("REHEARSAL")));
        const QLabel *liveBand = live.findChild<QLabel *>(QStringLiteral("modeBand"));
        const QLabel *rehearsalBand = rehearsal.findChild<QLabel *>(QStringLiteral("modeBand"));
        QVERIFY(liveBand->styleSheet() != rehearsalBand->styleSheet());
        QVERIFY(liveBand->font().pointSizeF() > rehearsalBand->font().pointSizeF());
    }

    void aViewerSaysStaleWhenSnapshotsStop()
    {
        VerdictBar bar;
        bar.setViewer(true);
        RunSnapshot s = test::stageTwoSnapshot();
        s.headline = Headline::Go;
        s.readOnly = true;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        s.wallTakenAt = now;
        bar.setSnapshot(ptr(s));
        bar.refreshAge(now + 2000, 10'000);
        QVERIFY(!bar.isStale());
        QVERIFY(text(bar, "modeBand").contains(QStringLiteral("READ-ONLY")));
        QVERIFY(text(bar, "modeBand").contains(QStringLiteral("alice")));
        QVERIFY(text(bar, "dataAge").contains(QStringLiteral("2 s ago")));

        bar.refreshAge(now + 42'000, 10'000);
        QVERIFY(bar.isStale());
        QVERIFY(text(bar, "dataAge").contains(QStringLiteral("STALE")));
        QVERIFY(text(bar, "dataAge").contains(QStringLiteral("42 s")));
        QVERIFY(text(bar, "headline").contains(QStringLiteral("STALE"))); // never a frozen GO
    }
};

QTEST_MAIN(tst_VerdictBar)
#include "tst_VerdictBar.moc"
