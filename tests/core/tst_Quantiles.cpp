#include "core/gates/Quantiles.h"

#include <QTest>
#include <cmath>

using namespace cockpit;

class tst_Quantiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void type7();
    void emptyIsNaN();
};

// Hand-checked type 7 (R's quantile(x, type = 7)): x = 1..10, p90: h = 9 * 0.9 = 8.1 -> 9 + 0.1 = 9.1.
void tst_Quantiles::type7()
{
    const Quantiles q({10, 3, 2, 1, 4, 5, 6, 7, 8, 9, std::nan("")});
    QCOMPARE(q.count(), 10);
    QCOMPARE(q.at(0.5), 5.5);
    QVERIFY(qAbs(q.at(0.9) - 9.1) < 1e-12);
    QVERIFY(qAbs(q.at(0.99) - 9.91) < 1e-12);
    QCOMPARE(q.at(0), 1.0);
    QCOMPARE(q.at(1), 10.0);
    QCOMPARE(Quantiles({42}).at(0.99), 42.0);
}

void tst_Quantiles::emptyIsNaN()
{
    QVERIFY(std::isnan(Quantiles({}).at(0.5)));
}

QTEST_GUILESS_MAIN(tst_Quantiles)
#include "tst_Quantiles.moc"
