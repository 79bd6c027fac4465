#pragma once

#include "core/conditions/CheckResult.h"
#include "core/conditions/GoNoGo.h"
#include "core/runbook/Runbook.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cockpit::cli {

// The text and JSON forms of a prerequisite check run, shared by `check` and `demo`.
class CheckReport
{
public:
    CheckReport(const Runbook &runbook, const QList<Check> &checks, const QList<CheckResult> &results,
                qint64 durationMs);

    const GoNoGo &decision() const { return m_decision; }

    // id, category, verdict, observed, duration: one row per check, in runbook order.
    QString table() const;
    // "Recommendation: GO …" / "NO-GO …" followed by the blockers, each with its id and why.
    QString recommendation() const;
    // {runbook, file, duration_ms, results: [CheckResult::toJson + title/category/required], recommendation}
    QJsonObject toJson() const;

    // One line per finished check for the progress display on stderr.
    static QString progressLine(int done, int total, const CheckResult &result);

private:
    const Runbook &m_runbook;
    const QList<Check> &m_checks;
    const QList<CheckResult> &m_results;
    qint64 m_durationMs = 0;
    GoNoGo m_decision;
};

} // namespace cockpit::cli
