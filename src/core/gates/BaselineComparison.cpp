#include "core/gates/BaselineComparison.h"

#include "core/gates/Quantiles.h"

#include <QJsonArray>
#include <QSet>
#include <cmath>

namespace cockpit {

namespace {

QString num(double v)
{
    if (std::isnan(v))
        return QStringLiteral("-");
    return QString::number(v, 'g', 6);
}

QString pct(double fraction)
{
    if (std::isnan(fraction))
        return QStringLiteral("-");
    if (std::isinf(fraction))
        return QStringLiteral("from 0");
    return QStringLiteral("%1%2%").arg(fraction > 0 ? QStringLiteral("+") : QString(),
                                       QString::number(fraction * 100, 'f', 1));
}

QJsonValue jsonNum(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

QSet<QString> distinct(const QStringList &values)
{
    QSet<QString> out;
    for (const QString &v : values) {
        const QString t = v.trimmed();
        if (!t.isEmpty())
            out.insert(t);
    }
    return out;
}

} // namespace

QJsonObject DegradationReport::toJson() const
{
    QJsonArray q;
    for (const QuantileRow &row : quantiles)
        q.append(QJsonObject {{QStringLiteral("p"), row.p},
                              {QStringLiteral("baseline"), jsonNum(row.baseline)},
                              {QStringLiteral("current"), jsonNum(row.current)}});
    return QJsonObject {
        {QStringLiteral("verdict"), verdictName(verdict)},
        {QStringLiteral("alpha"), alpha},
        {QStringLiteral("tolerance"), tolerance},
        {QStringLiteral("median_change"), jsonNum(medianChange)},
        {QStringLiteral("quantiles"), q},
        {QStringLiteral("u"), test.u2},
        {QStringLiteral("z"), jsonNum(test.z)},
        {QStringLiteral("p"), jsonNum(test.p)},
        {QStringLiteral("n1"), test.n1},
        {QStringLiteral("n2"), test.n2},
        {QStringLiteral("exact"), test.exact},
        {QStringLiteral("tied_groups"), test.tiedGroups},
        {QStringLiteral("explanation"), explanation},
    };
}

QJsonObject NewValuesReport::toJson() const
{
    return QJsonObject {{QStringLiteral("verdict"), verdictName(verdict)},
                        {QStringLiteral("new_values"), QJsonArray::fromStringList(newValues)},
                        {QStringLiteral("baseline_count"), baselineCount},
                        {QStringLiteral("current_count"), currentCount},
                        {QStringLiteral("explanation"), explanation}};
}

DegradationReport BaselineComparison::noDegradation(const QList<double> &baseline,
                                                    const QList<double> &current, double alpha,
                                                    double tolerance)
{
    DegradationReport r;
    r.alpha = alpha;
    r.tolerance = tolerance;
    const Quantiles qb(baseline);
    const Quantiles qc(current);
    for (double p : {0.5, 0.9, 0.99})
        r.quantiles.append({p, qb.at(p), qc.at(p)});
    r.test = MannWhitney::test(qb.sorted(), qc.sorted(), MannWhitney::Alternative::Greater);
    const double b50 = qb.at(0.5);
    const double c50 = qc.at(0.5);
    r.medianChange = b50 > 0 ? (c50 - b50) / b50 : (c50 > b50 ? HUGE_VAL : 0.0);
    if (std::isnan(b50) || std::isnan(c50))
        r.medianChange = std::nan("");

    QStringList qs;
    for (const QuantileRow &row : std::as_const(r.quantiles))
        qs << QStringLiteral("p%1 %2 -> %3").arg(row.p * 100).arg(num(row.baseline), num(row.current));
    const QString numbers
        = QStringLiteral("%1; Mann-Whitney U=%2, z=%3, p=%4 (one-sided%5), n1=%6, n2=%7")
              .arg(qs.join(QStringLiteral(", ")), num(r.test.u2), num(r.test.z), num(r.test.p),
                   r.test.exact ? QStringLiteral(", exact") : QStringLiteral(", normal approx."))
              .arg(r.test.n1)
              .arg(r.test.n2);

    if (!r.test.valid) {
        r.verdict = Verdict::NoData;
        r.explanation = QStringLiteral("no data: baseline has %1 values, current stage %2")
                            .arg(qb.count())
                            .arg(qc.count());
    } else if (r.test.n1 < MannWhitney::kMinSampleSize || r.test.n2 < MannWhitney::kMinSampleSize
               || r.test.minAttainableP > alpha) {
        r.verdict = Verdict::Inconclusive;
        r.explanation = QStringLiteral("too few values to test at alpha %1 (need at least %2 per stage and a "
                                       "reachable p): %3")
                            .arg(num(alpha))
                            .arg(MannWhitney::kMinSampleSize)
                            .arg(numbers);
    } else if (r.test.p <= alpha && !(r.medianChange <= tolerance)) {
        r.verdict = Verdict::Fail;
        r.explanation = QStringLiteral("degraded: p %1 <= alpha %2 and the median rose %3 (tolerance %4): %5")
                            .arg(num(r.test.p), num(alpha), pct(r.medianChange),
                                 QString::number(tolerance * 100, 'f', 1) + QLatin1Char('%'), numbers);
    } else if (r.test.p <= alpha) {
        r.verdict = Verdict::Pass;
        r.explanation = QStringLiteral("no degradation beyond tolerance: p %1 <= alpha %2, but the median "
                                       "changed %3 (tolerance %4): %5")
                            .arg(num(r.test.p), num(alpha), pct(r.medianChange),
                                 QString::number(tolerance * 100, 'f', 1) + QLatin1Char('%'), numbers);
    } else {
        r.verdict = Verdict::Pass;
        r.explanation
            = QStringLiteral("no degradation: p %1 > alpha %2: %3").arg(num(r.test.p), num(alpha), numbers);
    }
    return r;
}

NewValuesReport BaselineComparison::noNewValues(const QStringList &baseline, const QStringList &current)
{
    NewValuesReport r;
    const QSet<QString> b = distinct(baseline);
    const QSet<QString> c = distinct(current);
    r.baselineCount = int(b.size());
    r.currentCount = int(c.size());
    for (const QString &v : c) {
        if (!b.contains(v))
            r.newValues.append(v);
    }
    r.newValues.sort();
    if (r.newValues.isEmpty()) {
        r.verdict = Verdict::Pass;
        r.explanation = QStringLiteral("no new values (%1 in this stage, %2 in the previous one)")
                            .arg(r.currentCount)
                            .arg(r.baselineCount);
    } else {
        r.verdict = Verdict::Fail;
        QStringList quoted;
        for (const QString &v : std::as_const(r.newValues))
            quoted << QLatin1Char('"') + v + QLatin1Char('"');
        r.explanation = QStringLiteral("%1 new value(s) not seen in the previous stage: %2")
                            .arg(r.newValues.size())
                            .arg(quoted.join(QStringLiteral(", ")));
    }
    return r;
}

} // namespace cockpit
