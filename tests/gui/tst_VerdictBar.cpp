#include "gui/ScriptedController.h"
#include "gui/panels/ConnectionLights.h"
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

    void aLightPerConnectionWithItsLastErrorAndAge()
    {
        auto rb = std::make_shared<Runbook>();
        Metric fast;
        fast.name = QStringLiteral("success_rate_pct");
        fast.connection = QStringLiteral("app_db");
        fast.every = std::chrono::seconds(10);
        rb->metrics.insert(fast.name, fast);
        RunSnapshot s = test::stageTwoSnapshot();
        s.runbook = rb;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        s.now = now;
        s.wallTakenAt = now;
        s.connections = {
            {QStringLiteral("app_db"), QStringLiteral("postgres"), true, {}, now - 5000},
            {QStringLiteral("rlm"), QStringLiteral("http"), false, QStringLiteral("connection refused"),
             now - 12'000},
            {QStringLiteral("flags"), QStringLiteral("http"), true, QStringLiteral("slow answer"),
             now - 1000},
            {QStringLiteral("ledger"), QStringLiteral("mysql"), true, {}, 0},
        };
        VerdictBar bar;
        bar.setSnapshot(ptr(s));
        bar.refreshAge(now, 10'000);
        const QList<QLabel *> lights = bar.findChildren<QLabel *>(QStringLiteral("connectionLight"));
        QCOMPARE(lights.size(), 4);
        auto lightOf
            = [&](int i) { return ConnectionLights::Light(lights.at(i)->property("light").toInt()); };
        QCOMPARE(lightOf(0), ConnectionLights::Light::Ok);
        QCOMPARE(lightOf(1), ConnectionLights::Light::Down);
        QCOMPARE(lightOf(2), ConnectionLights::Light::Degraded);
        QCOMPARE(lightOf(3), ConnectionLights::Light::Unknown);
        QVERIFY(lights.at(1)->text().contains(QStringLiteral("rlm")));
        QVERIFY(lights.at(1)->text().contains(QStringLiteral("✖"))); // readable without colour
        const QString tip = lights.at(1)->toolTip();
        QVERIFY2(tip.contains(QStringLiteral("down")) && tip.contains(QStringLiteral("connection refused"))
                     && tip.contains(QStringLiteral("12 s ago")),
                 qPrintable(tip));
        QVERIFY(lights.at(0)->toolTip().contains(QStringLiteral("5 s ago")));

        // Nothing from app_db for three of its fastest metric's intervals: degraded, not a frozen ok.
        bar.refreshAge(now + 31'000, 10'000);
        QCOMPARE(lightOf(0), ConnectionLights::Light::Degraded);
        QVERIFY(lights.at(0)->toolTip().contains(QStringLiteral("36 s ago")));
    }
};

QTEST_MAIN(tst_VerdictBar)
#include "tst_VerdictBar.moc"
