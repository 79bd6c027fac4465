#pragma once

#include "core/base/Expected.h"
#include "core/journal/JournalVerifier.h"
#include "report/EvidenceModel.h"

namespace cockpit::report {

// What a report is made from: the whole journal as read (other runs give the rehearsal comparison), the
// result of verifying its chain, and where it ends.
struct EvidenceInput
{
    QList<JournalEvent> events;
    JournalVerifyReport verify;
    JournalHead head;
    QString location;
    QString runId; // empty: the newest run
    qint64 generatedAt = 0;
};

// Derives the evidence of one run from its journal. Every rule comes from the engine's own derivations
// (RunState, RunPlanner::status, SnapshotBuilder, RunHistory, RunComparison) and the charts'
// (ValidationDataBuilder, Histogram); this class only selects and arranges. Pure, any thread.
class EvidenceModelBuilder
{
public:
    // An error (in words) when the journal holds no run, or not the one asked for.
    static Expected<EvidenceModel, QString> build(const EvidenceInput &input);
    // SUCCESS | ROLLED BACK | ABORTED | COMPLETED WITH FAILURES | UNFINISHED
    static QString outcomeLabel(const QString &outcome, bool rolledBack);
};

} // namespace cockpit::report
