#include "cli/CheckReport.h"

#include "core/base/Duration.h"

#include <QHash>
#include <QJsonArray>

namespace cockpit::cli {

namespace {

QString oneLine(QString text, int max)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    if (text.size() > max)
        text = text.left(max - 1) + QChar(0x2026);
    return text;
}

} // namespace

CheckReport::CheckReport(const Runbook &runbook, const QList<Check> &checks,
                         const QList<CheckResult> &results, qint64 durationMs)
    : m_runbook(runbook)
    , m_checks(checks)
    , m_results(results)
    , m_durationMs(durationMs)
    , m_decision(GoNoGo::decide(checks, results))
{
}

QString CheckReport::table() const
{
    QHash<QString, const CheckResult *> byId;
    for (const CheckResult &r : m_results)
        byId.insert(r.checkId, &r);

    const QString hId = QStringLiteral("ID"), hCat = QStringLiteral("CATEGORY"),
                  hVerdict = QStringLiteral("VERDICT"), hObserved = QStringLiteral("OBSERVED"),
                  hDuration = QStringLiteral("DURATION");
    qsizetype wId = hId.size(), wCat = hCat.size(), wVerdict = QStringLiteral("INCONCLUSIVE").size();
    for (const Check &c : m_checks) {
        wId = qMax(wId, c.id.size());
        wCat = qMax(wCat, c.category.size());
    }
    constexpr int wObserved = 72;

    QString out = hId.leftJustified(wId) + QStringLiteral("  ") + hCat.leftJustified(wCat)
        + QStringLiteral("  ") + hVerdict.leftJustified(wVerdict) + QStringLiteral("  ")
        + hObserved.leftJustified(wObserved) + QStringLiteral("  ") + hDuration + QLatin1Char('\n');
    for (const Check &c : m_checks) {
        const CheckResult *r = byId.value(c.id);
        QString verdict = r ? verdictName(r->verdict) : QStringLiteral("NOT RUN");
        const QString observed = r ? oneLine(r->summary, wObserved) : QString();
        const QString duration = r ? humanDuration(Milliseconds(r->observation.durationMs)) : QString();
        out += c.id.leftJustified(wId) + QStringLiteral("  ") + c.category.leftJustified(wCat)
            + QStringLiteral("  ") + verdict.leftJustified(wVerdict) + QStringLiteral("  ")
            + observed.leftJustified(wObserved) + QStringLiteral("  ")
            + duration.rightJustified(hDuration.size()) + QLatin1Char('\n');
    }
    return out;
}

QString CheckReport::recommendation() const
{
    QString out = QStringLiteral("Recommendation: %1\n").arg(m_decision.headline());
    if (!m_decision.blockers().isEmpty()) {
        out += QStringLiteral("Blockers:\n");
        for (const Blocker &b : m_decision.blockers())
            out += QStringLiteral("  - %1 [%2]: %3\n")
                       .arg(b.checkId, verdictName(b.verdict), oneLine(b.reason, 400));
    }
    if (!m_decision.warnings().isEmpty()) {
        out += QStringLiteral("Not required, not passing:\n");
        for (const Blocker &b : m_decision.warnings())
            out += QStringLiteral("  - %1 [%2]: %3\n")
                       .arg(b.checkId, verdictName(b.verdict), oneLine(b.reason, 400));
    }
    return out;
}

QJsonObject CheckReport::toJson() const
{
    QHash<QString, const Check *> checks;
    for (const Check &c : m_checks)
        checks.insert(c.id, &c);
    QJsonArray results;
    for (const CheckResult &r : m_results) {
        QJsonObject o = r.toJson();
        if (const Check *c = checks.value(r.checkId)) {
            o.insert(QStringLiteral("title"), c->title);
            o.insert(QStringLiteral("category"), c->category);
            o.insert(QStringLiteral("required"), c->required);
        }
        results.append(o);
    }
    return QJsonObject {{QStringLiteral("runbook"), m_runbook.name},
                        {QStringLiteral("file"), m_runbook.file},
                        {QStringLiteral("duration_ms"), double(m_durationMs)},
                        {QStringLiteral("results"), results},
                        {QStringLiteral("recommendation"), m_decision.toJson()}};
}

QString CheckReport::progressLine(int done, int total, const CheckResult &result)
{
    return QStringLiteral("[%1/%2] %3 %4 (%5) %6\n")
        .arg(done)
        .arg(total)
        .arg(result.checkId, verdictName(result.verdict),
             humanDuration(Milliseconds(result.observation.durationMs)), oneLine(result.summary, 100));
}

} // namespace cockpit::cli
