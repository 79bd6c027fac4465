#include "report/EvidencePdf.h"

#include "report/EvidenceSections.h"

#include <QFile>
#include <QSaveFile>

namespace cockpit::report {

bool EvidencePdf::compose(PageComposer &c, const EvidenceModel &m, const QList<std::pair<QString, int>> &toc,
                          const PageComposer::Progress &progress)
{
    EvidenceSections s(c, m);
    s.cover();
    c.newPage();
    s.contents(toc);
    c.newPage();
    s.summary();
    s.prerequisites();
    s.timeline();
    s.checkpoints();
    s.gates();
    s.charts();
    s.triggersAndRollback();
    s.reconciliation();
    s.rehearsals();
    s.signOff();
    s.integrity();
    c.newPage();
    return s.appendix(progress);
}

Expected<void, QString> EvidencePdf::write(const EvidenceModel &model, const QString &path,
                                           const PageComposer::Progress &progress)
{
    PageComposer::Decoration d;
    d.header = QStringLiteral("Evidence report · %1 · %2").arg(model.runbook, model.runId);
    d.headerRight = model.modeLabel();
    d.mark = model.rehearsalMark() ? model.modeLabel() : QString();
    d.footer = QStringLiteral("journal head %1").arg(model.integrity.head.toString());
    if (!model.integrity.verified)
        d.footer = QStringLiteral("JOURNAL TAMPERED: %1").arg(model.integrity.firstBadEvent);

    // Pass 1: measure (page count, where each section starts).
    PageComposer measure(nullptr, d, 0);
    compose(measure, model, {}, {});
    const QList<std::pair<QString, int>> toc = measure.sections();
    const int pages = measure.page();

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return unexpected(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setTitle(QStringLiteral("Evidence report %1").arg(model.runId));
        writer.setCreator(QStringLiteral("Cutover Cockpit"));
        PageComposer c(&writer, d, pages);
        const bool done = compose(c, model, toc, progress);
        c.finish();
        if (!done) {
            file.cancelWriting();
            return unexpected(QStringLiteral("cancelled"));
        }
    }
    if (!file.commit())
        return unexpected(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace cockpit::report
