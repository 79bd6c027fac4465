#pragma once

#include "core/base/Expected.h"
#include "report/EvidenceModelBuilder.h"
#include "report/PageComposer.h"
#include "store/Journal.h"

namespace cockpit::report {

struct EvidenceResult
{
    QString runId;
    QString outcomeLabel;
    QString bundleSha256;
    QString jsonPath; // where the bundle was written ("" when not asked for)
    JournalHead head;
    bool journalVerified = false;
    QString verifyResult;
};

// Makes the evidence of one run: reads and verifies the journal, builds the model, writes the JSON bundle
// (when asked) and the PDF that prints the bundle's SHA-256. Used by `cutover-cockpit report` and by the
// window's export (on a worker thread: a Journal belongs to the thread that opened it, so the caller opens
// it there).
class EvidenceReport
{
public:
    // Everything a report needs from the journal: all events, the verification of the chain, the head.
    static Expected<EvidenceInput, QString> read(Journal &journal, const QString &runId);
    // jsonPath empty: the bundle is still made and hashed (the PDF prints the hash), but not written.
    static Expected<EvidenceResult, QString> write(const EvidenceInput &input, const QString &pdfPath,
                                                   const QString &jsonPath,
                                                   const PageComposer::Progress &progress = {});
    // evidence.pdf -> evidence.json
    static QString jsonBeside(const QString &pdfPath);
};

} // namespace cockpit::report
