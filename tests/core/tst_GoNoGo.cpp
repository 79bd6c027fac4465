#include "core/conditions/GoNoGo.h"
#include "core/runbook/Check.h"

#include <QJsonArray>
#include <QTest>

using namespace cockpit;

namespace {

Check check(const QString &id, bool required = true)
{
    Check c;
    c.id = id;
    c.title = id + QStringLiteral(" title");
    c.category = QStringLiteral("data");
    c.required = required;
    return c;
}

CheckResult result(const QString &id, Verdict v, const QString &summary = {})
{
    CheckResult r;
    r.checkId = id;
    r.verdict = v;
    r.summary = summary;
    return r;
}

} // namespace

class tst_GoNoGo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allPassIsGo()
    {
        const QList<Check> checks {check(QStringLiteral("a")), check(QStringLiteral("b"))};
        const GoNoGo g = GoNoGo::decide(
            checks, {result(QStringLiteral("b"), Verdict::Pass), result(QStringLiteral("a"), Verdict::Pass)});
        QVERIFY(g.isGo());
        QCOMPARE(g.passed(), 2);
        QCOMPARE(g.headline(), QStringLiteral("GO — 2 of 2 checks passed"));
        QCOMPARE(g.toJson().value(QStringLiteral("recommendation")).toString(), QStringLiteral("GO"));
    }

    void everyKindOfNotPassIsABlocker()
    {
        const QList<Check> checks {check(QStringLiteral("fail")), check(QStringLiteral("nodata")),
                                   check(QStringLiteral("manual")), check(QStringLiteral("notrun")),
                                   check(QStringLiteral("ok"))};
        const GoNoGo g = GoNoGo::decide(
            checks,
            {result(QStringLiteral("fail"), Verdict::Fail, QStringLiteral("[ROWS] (3) == 4")),
             result(QStringLiteral("nodata"), Verdict::NoData, QStringLiteral("no samples")),
             result(QStringLiteral("manual"), Verdict::Inconclusive),
             result(QStringLiteral("ok"), Verdict::Pass)});
        QVERIFY(!g.isGo());
        QCOMPARE(g.blockers().size(), 4);
        // In check order, each with its id and why.
        QCOMPARE(g.blockers()[0].checkId, QStringLiteral("fail"));
        QCOMPARE(g.blockers()[0].reason, QStringLiteral("[ROWS] (3) == 4"));
        QCOMPARE(g.blockers()[0].verdict, Verdict::Fail);
        QCOMPARE(g.blockers()[1].reason, QStringLiteral("no data: no samples"));
        QCOMPARE(g.blockers()[2].verdict, Verdict::Inconclusive);
        QCOMPARE(g.blockers()[2].reason, QStringLiteral("awaiting manual confirmation"));
        QCOMPARE(g.blockers()[3].checkId, QStringLiteral("notrun"));
        QCOMPARE(g.blockers()[3].reason, QStringLiteral("not run"));
        QCOMPARE(g.headline(), QStringLiteral("NO-GO — 4 blockers, 1 of 5 checks passed"));
        const QJsonObject j = g.toJson();
        QCOMPARE(j.value(QStringLiteral("recommendation")).toString(), QStringLiteral("NO-GO"));
        QCOMPARE(j.value(QStringLiteral("blockers")).toArray().size(), 4);
        QCOMPARE(j.value(QStringLiteral("blockers"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 QStringLiteral("fail"));
    }

    void optionalChecksWarnButNeverBlock()
    {
        const QList<Check> checks {check(QStringLiteral("req")), check(QStringLiteral("opt"), false)};
        const GoNoGo g
            = GoNoGo::decide(checks,
                             {result(QStringLiteral("req"), Verdict::Pass),
                              result(QStringLiteral("opt"), Verdict::Fail, QStringLiteral("HTTP 503"))});
        QVERIFY(g.isGo());
        QCOMPARE(g.warnings().size(), 1);
        QCOMPARE(g.warnings().first().checkId, QStringLiteral("opt"));
        QCOMPARE(g.headline(), QStringLiteral("GO — 1 of 2 checks passed"));
    }

    void oneBlockerIsSingular()
    {
        const GoNoGo g
            = GoNoGo::decide({check(QStringLiteral("a"))}, {result(QStringLiteral("a"), Verdict::Fail)});
        QCOMPARE(g.headline(), QStringLiteral("NO-GO — 1 blocker, 0 of 1 checks passed"));
        QCOMPARE(g.blockers().first().reason, QStringLiteral("failed"));
    }

    void noChecksIsGo() { QVERIFY(GoNoGo::decide({}, {}).isGo()); }
};

QTEST_GUILESS_MAIN(tst_GoNoGo)
#include "tst_GoNoGo.moc"
