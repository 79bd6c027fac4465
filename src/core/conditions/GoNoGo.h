#pragma once

#include "core/conditions/CheckResult.h"
#include "core/conditions/Verdict.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cockpit {

struct Check;

// One open item that keeps a cutover from starting: a required check that is not Pass.
struct Blocker
{
    QString checkId;
    QString title;
    QString category;
    Verdict verdict = Verdict::NoData; // Fail, NoData, or Inconclusive (awaiting manual confirmation)
    QString reason; // why, in one line: the failed conditions, the error, "not run"
};

// The Go/No-Go recommendation over a set of prerequisite results (seed D): GO only when every required
// check passed; otherwise NO-GO with the list of blockers. Optional checks that did not pass are listed
// as warnings and never block.
class GoNoGo
{
public:
    // Results are matched to checks by id; a required check without a result is a blocker ("not run").
    static GoNoGo decide(const QList<Check> &checks, const QList<CheckResult> &results);

    bool isGo() const { return m_blockers.isEmpty(); }
    const QList<Blocker> &blockers() const { return m_blockers; }
    const QList<Blocker> &warnings() const { return m_warnings; }
    int passed() const { return m_passed; }
    int total() const { return m_total; }

    QString headline() const; // "GO — 6 of 6 checks passed" / "NO-GO — 2 blockers"
    QJsonObject toJson() const;

private:
    QList<Blocker> m_blockers;
    QList<Blocker> m_warnings;
    int m_passed = 0;
    int m_total = 0;
};

} // namespace cockpit
