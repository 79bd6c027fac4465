#include "reconcile/ReconcileResult.h"

#include <QJsonArray>

namespace cockpit {

namespace {

QJsonValue optionalCount(const std::optional<qint64> &n)
{
    return n ? QJsonValue(double(*n)) : QJsonValue(QJsonValue::Null);
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

bool checksPass(const QList<CheckResult> &checks)
{
    return std::all_of(checks.cbegin(), checks.cend(),
                       [](const CheckResult &c) { return c.verdict == Verdict::Pass; });
}

} // namespace

QString RowDifference::kindName(Kind k)
{
    switch (k) {
    case Kind::MissingInTarget: return QStringLiteral("missing_in_target");
    case Kind::ExtraInTarget: return QStringLiteral("extra_in_target");
    case Kind::Changed: break;
    }
    return QStringLiteral("changed");
}

qint64 TableResult::countDifference() const
{
    if (!sourceRows || !targetRows)
        return -1;
    return std::abs(*sourceRows - *targetRows);
}

bool TableResult::aggregatesEqual() const
{
    return std::all_of(aggregates.cbegin(), aggregates.cend(),
                       [](const AggregateValue &a) { return a.equal(); });
}

bool TableResult::passed() const
{
    if (!error.isEmpty() || !sourceRows || !targetRows)
        return false;
    if (countDifference() > allowedDifference)
        return false;
    // With a tolerance the aggregates are evidence; at tolerance 0 they must match.
    if (allowedDifference == 0 && !aggregatesEqual())
        return false;
    if (diffRun && missingInTarget + extraInTarget + changed > allowedDifference)
        return false;
    return true;
}

QJsonObject TableResult::toJson() const
{
    QJsonObject o {
        {QStringLiteral("source"), source},
        {QStringLiteral("target"), target},
        {QStringLiteral("source_rows"), optionalCount(sourceRows)},
        {QStringLiteral("target_rows"), optionalCount(targetRows)},
        {QStringLiteral("estimated"), estimated},
        {QStringLiteral("difference"),
         sourceRows && targetRows ? QJsonValue(double(countDifference())) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("allowed_difference"), double(allowedDifference)},
        {QStringLiteral("passed"), passed()}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    if (!aggregates.isEmpty()) {
        QJsonArray a;
        for (const AggregateValue &v : aggregates)
            a.append(QJsonObject {{QStringLiteral("column"), v.column},
                                  {QStringLiteral("aggregate"), v.name},
                                  {QStringLiteral("source"), v.source},
                                  {QStringLiteral("target"), v.target},
                                  {QStringLiteral("equal"), v.equal()}});
        o.insert(QStringLiteral("aggregates"), a);
    }
    if (diffRun) {
        QJsonArray rows;
        for (const RowDifference &d : differences) {
            QJsonObject r {{QStringLiteral("kind"), RowDifference::kindName(d.kind)},
                           {QStringLiteral("key"), d.key}};
            if (d.kind == RowDifference::Kind::Changed) {
                r.insert(QStringLiteral("columns"), strings(d.columns));
                r.insert(QStringLiteral("source_values"), strings(d.sourceValues));
                r.insert(QStringLiteral("target_values"), strings(d.targetValues));
            }
            rows.append(r);
        }
        o.insert(QStringLiteral("diff"),
                 QJsonObject {{QStringLiteral("key"), strings(keyColumns)},
                              {QStringLiteral("columns"), strings(comparedColumns)},
                              {QStringLiteral("missing_in_target"), double(missingInTarget)},
                              {QStringLiteral("extra_in_target"), double(extraInTarget)},
                              {QStringLiteral("changed"), double(changed)},
                              {QStringLiteral("rows"), rows},
                              {QStringLiteral("rows_truncated"),
                               qint64(differences.size()) < missingInTarget + extraInTarget + changed},
                              {QStringLiteral("rows_scanned"), double(rowsScanned)},
                              {QStringLiteral("segments_compared"), segmentsCompared}});
    }
    return o;
}

QJsonObject FixOutcome::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("title"), title},
                   {QStringLiteral("kind"), kind},
                   {QStringLiteral("applied"), applied},
                   {QStringLiteral("needs_review"), needsReview}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    if (rowsAffected >= 0)
        o.insert(QStringLiteral("rows_affected"), double(rowsAffected));
    if (!instruction.isEmpty())
        o.insert(QStringLiteral("instruction"), instruction);
    return o;
}

bool ReconciliationResult::passed() const
{
    if (cancelled || !error.isEmpty())
        return false;
    if (!std::all_of(tables.cbegin(), tables.cend(), [](const TableResult &t) { return t.passed(); }))
        return false;
    if (std::any_of(fixes.cbegin(), fixes.cend(), [](const FixOutcome &f) { return !f.error.isEmpty(); }))
        return false;
    return checksPass(checksAfterFixes.isEmpty() ? checks : checksAfterFixes);
}

QJsonObject ReconciliationResult::toJson() const
{
    QJsonArray t;
    for (const TableResult &r : tables)
        t.append(r.toJson());
    auto checkArray = [](const QList<CheckResult> &list) {
        QJsonArray a;
        for (const CheckResult &c : list)
            a.append(c.toJson());
        return a;
    };
    QJsonArray f;
    for (const FixOutcome &x : fixes)
        f.append(x.toJson());
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("title"), title},
                   {QStringLiteral("method"), method},
                   {QStringLiteral("source"), source},
                   {QStringLiteral("target"), target},
                   {QStringLiteral("started_at"), startedAt.toString(Qt::ISODateWithMs)},
                   {QStringLiteral("finished_at"), finishedAt.toString(Qt::ISODateWithMs)},
                   {QStringLiteral("passed"), passed()},
                   {QStringLiteral("cancelled"), cancelled},
                   {QStringLiteral("tables"), t},
                   {QStringLiteral("checks"), checkArray(checks)},
                   {QStringLiteral("fixes"), f}};
    if (!checksAfterFixes.isEmpty())
        o.insert(QStringLiteral("checks_after_fixes"), checkArray(checksAfterFixes));
    if (cancelled)
        o.insert(QStringLiteral("cancelled_at"), cancelledAt);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

} // namespace cockpit
