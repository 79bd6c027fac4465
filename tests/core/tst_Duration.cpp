#include "core/base/Duration.h"
#include "support/ExpectValue.h"

#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;

class tst_Duration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("ms") << "250ms" << qint64(250);
        QTest::newRow("s") << "90s" << qint64(90'000);
        QTest::newRow("m") << "15m" << qint64(900'000);
        QTest::newRow("h") << "24h" << qint64(86'400'000);
        QTest::newRow("d") << "7d" << qint64(604'800'000);
        QTest::newRow("sum") << "1h30m" << qint64(5'400'000);
        QTest::newRow("spaces") << " 2m " << qint64(120'000);
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        auto d = parseDuration(text);
        QVERIFY_VALUE(d);
        QCOMPARE(d->count(), ms);
        QCOMPARE(parseDuration(formatDuration(*d))->count(), ms);
    }
    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("needle");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("no unit") << "15"
                                 << "needs a unit";
        QTest::newRow("bad unit") << "3y"
                                  << "unknown duration unit \"y\"";
        QTest::newRow("word") << "soon"
                              << "expected a duration";
        QTest::newRow("overflow") << "99999999999999999999d"
                                  << "too large";
    }
    void rejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, needle);
        auto d = parseDuration(text);
        QVERIFY(!d.has_value());
        QVERIFY2(d.error().contains(needle), qPrintable(d.error()));
    }
    void formats()
    {
        QCOMPARE(formatDuration(0ms), QStringLiteral("0s"));
        QCOMPARE(formatDuration(5'400'000ms), QStringLiteral("1h30m"));
        QCOMPARE(formatDuration(7 * 24h), QStringLiteral("7d"));
    }
};

QTEST_GUILESS_MAIN(tst_Duration)
#include "tst_Duration.moc"
