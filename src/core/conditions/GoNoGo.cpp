#include "core/conditions/GoNoGo.h"

#include "core/runbook/Check.h"

#include <QHash>
#include <QJsonArray>

namespace cockpit {

namespace {

QString reasonFor(const CheckResult &r)
{
    switch (r.verdict) {
    case Verdict::Inconclusive:
        return r.summary.isEmpty() ? QStringLiteral("awaiting manual confirmation") : r.summary;
    case Verdict::NoData:
        return r.summary.isEmpty() ? QStringLiteral("no data") : QStringLiteral("no data: ") + r.summary;
    case Verdict::Fail:
        if (!r.summary.isEmpty())
            return r.summary;
        return r.observation.error.isEmpty() ? QStringLiteral("failed") : r.observation.error;
    case Verdict::Pass: break;
    }
    return {};
}

QJsonArray toJsonArray(const QList<Blocker> &list)
{
    QJsonArray a;
    for (const Blocker &b : list)
        a.append(QJsonObject {{QStringLiteral("id"), b.checkId},
                              {QStringLiteral("title"), b.title},
                              {QStringLiteral("category"), b.category},
                              {QStringLiteral("verdict"), verdictName(b.verdict)},
                              {QStringLiteral("reason"), b.reason}});
    return a;
}

} // namespace

GoNoGo GoNoGo::decide(const QList<Check> &checks, const QList<CheckResult> &results)
{
    QHash<QString, const CheckResult *> byId;
    for (const CheckResult &r : results)
        byId.insert(r.checkId, &r);

    GoNoGo g;
    g.m_total = int(checks.size());
    for (const Check &c : checks) {
        const CheckResult *r = byId.value(c.id);
        Blocker b {c.id, c.title, c.category, Verdict::NoData, QStringLiteral("not run")};
        if (r) {
            if (r->verdict == Verdict::Pass) {
                ++g.m_passed;
                continue;
            }
            b.verdict = r->verdict;
            b.reason = reasonFor(*r);
        }
        (c.required ? g.m_blockers : g.m_warnings).append(b);
    }
    return g;
}

QString GoNoGo::headline() const
{
    if (isGo())
        return QStringLiteral("GO — %1 of %2 checks passed").arg(m_passed).arg(m_total);
    return QStringLiteral("NO-GO — %1 blocker%2, %3 of %4 checks passed")
        .arg(m_blockers.size())
        .arg(m_blockers.size() == 1 ? QString() : QStringLiteral("s"))
        .arg(m_passed)
        .arg(m_total);
}

QJsonObject GoNoGo::toJson() const
{
    return QJsonObject {
        {QStringLiteral("recommendation"), isGo() ? QStringLiteral("GO") : QStringLiteral("NO-GO")},
        {QStringLiteral("passed"), m_passed},
        {QStringLiteral("total"), m_total},
        {QStringLiteral("blockers"), toJsonArray(m_blockers)},
        {QStringLiteral("warnings"), toJsonArray(m_warnings)}};
}

} // namespace cockpit
