#include "report/EvidenceReport.h"

#include "report/EvidenceBundle.h"
#include "report/EvidencePdf.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace cockpit::report {

Expected<EvidenceInput, QString> EvidenceReport::read(Journal &journal, const QString &runId)
{
    EvidenceInput in;
    in.location = journal.location();
    in.runId = runId;
    in.generatedAt = QDateTime::currentMSecsSinceEpoch();
    auto events = journal.readAll();
    if (!events)
        return unexpected(
            QStringLiteral("cannot read the journal %1: %2").arg(in.location, events.error().message));
    in.events = std::move(*events);
    auto verified = journal.verify();
    if (!verified)
        return unexpected(
            QStringLiteral("cannot verify the journal %1: %2").arg(in.location, verified.error().message));
    in.verify = *verified;
    auto head = journal.head();
    if (!head)
        return unexpected(
            QStringLiteral("cannot read the head of %1: %2").arg(in.location, head.error().message));
    in.head = *head;
    return in;
}

QString EvidenceReport::jsonBeside(const QString &pdfPath)
{
    const QFileInfo fi(pdfPath);
    const QString name = fi.completeBaseName() + QStringLiteral(".json");
    return pdfPath.contains(QLatin1Char('/')) ? fi.dir().filePath(name) : name;
}

Expected<EvidenceResult, QString> EvidenceReport::write(const EvidenceInput &input, const QString &pdfPath,
                                                        const QString &jsonPath,
                                                        const PageComposer::Progress &progress)
{
    auto built = EvidenceModelBuilder::build(input);
    if (!built)
        return unexpected(built.error());
    EvidenceModel &model = *built;
    const QByteArray bundle = EvidenceBundle::bytes(model);
    model.integrity.bundleSha256 = EvidenceBundle::sha256(bundle);
    if (!jsonPath.isEmpty())
        if (auto w = EvidenceBundle::write(jsonPath, bundle); !w)
            return unexpected(w.error());
    if (auto w = EvidencePdf::write(model, pdfPath, progress); !w)
        return unexpected(w.error());
    EvidenceResult r;
    r.runId = model.runId;
    r.outcomeLabel = model.outcomeLabel;
    r.bundleSha256 = model.integrity.bundleSha256;
    r.jsonPath = jsonPath;
    r.head = model.integrity.head;
    r.journalVerified = model.integrity.verified;
    r.verifyResult = model.integrity.verifyResult;
    return r;
}

} // namespace cockpit::report
