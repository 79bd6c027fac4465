#include "core/conditions/CheckResult.h"

#include "core/conditions/CountDifference.h"
#include "core/runbook/Check.h"

#include <QJsonArray>

namespace cockpit {

namespace {

// What a check without `expect:` must show.
std::pair<bool, QString> defaultExpectation(const Check &check, const Observation &o)
{
    if (!o.error.isEmpty())
        return {false, o.error};
    switch (o.kind) {
    case Observation::Kind::Http:
        if (o.status >= 200 && o.status < 300)
            return {true, QStringLiteral("HTTP %1").arg(o.status)};
        return {false, QStringLiteral("HTTP %1 (expected 2xx)").arg(o.status)};
    case Observation::Kind::Sql: return {true, QStringLiteral("%1 row(s)").arg(o.rowCount)};
    case Observation::Kind::Command: return {o.exitCode == 0, QStringLiteral("exit code %1").arg(o.exitCode)};
    case Observation::Kind::Secret:
        if (!o.secretPresent)
            return {false, QStringLiteral("secret is missing")};
        if (o.secretFormatValid == false)
            return {false, QStringLiteral("secret does not match its pattern")};
        return {true, QStringLiteral("present")};
    case Observation::Kind::RowCount: {
        QStringList bad, good;
        for (const auto &t : o.tableCounts) {
            if (!t.error.isEmpty()) {
                bad << QStringLiteral("%1: %2").arg(t.source, t.error);
                continue;
            }
            const QString text
                = QStringLiteral("%1: %2 vs %3, %4")
                      .arg(t.source)
                      .arg(t.sourceRows.value_or(-1))
                      .arg(t.targetRows.value_or(-1))
                      .arg(CountDifference::describe(t.sourceRows.value_or(-1), t.targetRows.value_or(-1),
                                                     t.allowedDifference));
            (t.withinTolerance() ? good : bad) << text;
        }
        if (bad.isEmpty())
            return {true, good.join(QStringLiteral("; "))};
        return {false, bad.join(QStringLiteral("; "))};
    }
    case Observation::Kind::Manual:
    case Observation::Kind::Metric: break;
    }
    Q_UNUSED(check);
    return {true, {}};
}

// The first rows of a failed check on [ROWS] (an orphan or inconsistency query): what is wrong, not only
// how many. Bounded: kShownRows rows, each cell and row cut, with the total.
QString offendingRows(const Check &check, const Observation &o)
{
    constexpr int kShownRows = 5;
    constexpr int kCellChars = 60;
    constexpr int kRowChars = 200;
    if (o.kind != Observation::Kind::Sql || !o.error.isEmpty() || o.rows.isEmpty())
        return {};
    bool onRows = false;
    for (const Condition &c : check.expect)
        onRows |= c.text().contains(QLatin1String("[ROWS]"), Qt::CaseInsensitive);
    if (!onRows)
        return {};
    QStringList rows;
    for (const QVariantList &row : o.rows) {
        if (rows.size() == kShownRows)
            break;
        QStringList cells;
        for (const QVariant &v : row) {
            const QString cell = v.isNull() ? QStringLiteral("NULL") : v.toString().simplified();
            cells << (cell.size() > kCellChars ? cell.left(kCellChars - 1) + QStringLiteral("…") : cell);
        }
        const QString text = cells.join(QStringLiteral(", "));
        rows << QStringLiteral("(%1)").arg(
            text.size() > kRowChars ? text.left(kRowChars - 1) + QStringLiteral("…") : text);
    }
    return QStringLiteral("first %1 of %2 rows: %3")
        .arg(rows.size())
        .arg(qMax<qint64>(o.rowCount, o.rows.size()))
        .arg(rows.join(QStringLiteral("; ")));
}

} // namespace

CheckResult CheckResult::evaluate(const Check &check, Observation observation)
{
    CheckResult r;
    r.checkId = check.id;
    r.observation = std::move(observation);
    const Observation &o = r.observation;

    if (o.kind == Observation::Kind::Manual && o.confirmedBy.isEmpty()) {
        r.verdict = Verdict::Inconclusive;
        r.summary = QStringLiteral("awaiting confirmation");
        return r;
    }

    if (check.expect.isEmpty()) {
        const auto [ok, text] = defaultExpectation(check, o);
        r.verdict = ok ? Verdict::Pass : Verdict::Fail;
        r.summary = text;
        if (o.kind == Observation::Kind::Manual)
            r.summary = QStringLiteral("confirmed by %1").arg(o.confirmedBy);
        return r;
    }

    bool anyFail = false, anyNoData = false;
    QStringList failed, all;
    for (const Condition &c : check.expect) {
        ConditionResult cr = c.evaluate(o);
        anyFail |= cr.outcome == ConditionResult::Outcome::Fail;
        anyNoData |= cr.outcome == ConditionResult::Outcome::NoData;
        if (!cr.passed())
            failed << cr.explanation;
        all << cr.explanation;
        r.conditions.append(std::move(cr));
    }
    // A probe error is a failure even when the conditions happen to hold on the empty observation
    // (`[ROWS] == 0` after a refused connection), unless the check is about reachability itself.
    bool aboutConnectivity = false;
    for (const Condition &c : check.expect)
        aboutConnectivity |= c.text().contains(QLatin1String("[CONNECTED]"), Qt::CaseInsensitive);
    if (!o.error.isEmpty() && !aboutConnectivity)
        anyFail = true;
    r.verdict = anyFail ? Verdict::Fail : anyNoData ? Verdict::NoData : Verdict::Pass;
    if (r.verdict == Verdict::Pass) {
        r.summary = all.join(QStringLiteral("; "));
    } else {
        r.summary = failed.join(QStringLiteral("; "));
        if (const QString rows = offendingRows(check, o); !rows.isEmpty())
            r.summary += QStringLiteral("; ") + rows;
        // After a probe error the conditions only restate that nothing was seen: the error says it all.
        if (!o.error.isEmpty())
            r.summary = failed.isEmpty() ? o.error
                                         : o.error
                    + QStringLiteral(" (%1 of %2 conditions not met)")
                          .arg(failed.size())
                          .arg(check.expect.size());
    }
    return r;
}

QJsonObject CheckResult::toJson() const
{
    QJsonArray conds;
    for (const auto &c : conditions)
        conds.append(
            QJsonObject {{QStringLiteral("outcome"),
                          c.outcome == ConditionResult::Outcome::Pass       ? QStringLiteral("pass")
                              : c.outcome == ConditionResult::Outcome::Fail ? QStringLiteral("fail")
                                                                            : QStringLiteral("no_data")},
                         {QStringLiteral("explanation"), c.explanation}});
    return QJsonObject {{QStringLiteral("id"), checkId},
                        {QStringLiteral("verdict"), verdictName(verdict)},
                        {QStringLiteral("summary"), summary},
                        {QStringLiteral("conditions"), conds},
                        {QStringLiteral("observation"), observation.toJson()}};
}

} // namespace cockpit
