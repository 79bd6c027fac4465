#pragma once

#include "core/base/Expected.h"
#include "report/EvidenceModel.h"
#include "report/PageComposer.h"

namespace cockpit::report {

// Writes the evidence PDF of a model: cover, contents, the sections, the journal appendix, integrity.
// Two passes of the same drawing code (PageComposer): the first only measures, so the second can print
// "page N of M" and the contents' page numbers. Runs on any thread (QPdfWriter and QPainter on a
// non-GUI paint device are thread-safe; fonts come from the application's font database).
class EvidencePdf
{
public:
    static Expected<void, QString> write(const EvidenceModel &model, const QString &path,
                                         const PageComposer::Progress &progress = {});

private:
    // Draws everything with `c`; false when cancelled.
    static bool compose(PageComposer &c, const EvidenceModel &m, const QList<std::pair<QString, int>> &toc,
                        const PageComposer::Progress &progress);
};

} // namespace cockpit::report
