#pragma once

#include "report/EvidenceModel.h"
#include "report/PageComposer.h"

namespace cockpit::report {

// An empty cell of a table shows a dash, so "nothing" never reads as a missing value.
inline QString dash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("–") : s;
}

// The sections of the evidence report, each drawn from the model onto a PageComposer. Text only states
// what the model holds; nothing here derives a rule. The charts, rollback, rehearsal and sign-off
// sections are in EvidenceSectionsOutcome.cpp.
class EvidenceSections
{
public:
    EvidenceSections(PageComposer &composer, const EvidenceModel &model);

    void cover();
    void contents(const QList<std::pair<QString, int>> &toc);
    void summary();
    void prerequisites();
    void timeline();
    void checkpoints();
    void gates();
    void charts();
    void triggersAndRollback();
    void reconciliation();
    void rehearsals();
    void signOff();
    void integrity();
    bool appendix(const PageComposer::Progress &progress);

    static QString stamp(qint64 ms);
    static QString stamp(const std::optional<qint64> &ms);
    // A measured span for people ("1d 21h", "4m 10s"); a planned one exactly as the runbook wrote it.
    static QString duration(const std::optional<Milliseconds> &d);
    static QString planned(const std::optional<Milliseconds> &d);
    // Section titles, in order (the contents list them even before the first pass knows the pages).
    static QStringList titles();

private:
    PageComposer &m_c;
    const EvidenceModel &m_m;
};

} // namespace cockpit::report
