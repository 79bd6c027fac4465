#include "gui/EvidenceExporter.h"

#include <QFileDialog>
#include <QProgressDialog>
#include <QPromise>
#include <QStandardPaths>
#include <QtConcurrent>

namespace cockpit::gui {

namespace {

constexpr int kOpened = 10;
constexpr int kRead = 35; // reading and verifying done; the PDF takes the rest

} // namespace

EvidenceExporter::EvidenceExporter(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this, &EvidenceExporter::progressed);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &EvidenceExporter::done);
}

EvidenceExporter::~EvidenceExporter()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void EvidenceExporter::write(QPromise<Result> &promise, const OpenJournal &openJournal, const QString &runId,
                             const QString &pdfPath)
{
    promise.setProgressRange(0, 100);
    auto opened = openJournal(); // this thread's own connection
    if (!opened) {
        promise.addResult(Result(unexpected(opened.error().message)));
        return;
    }
    promise.setProgressValue(kOpened);
    auto input = report::EvidenceReport::read(**opened, runId);
    if (!input) {
        promise.addResult(Result(unexpected(input.error())));
        return;
    }
    promise.setProgressValue(kRead);
    if (promise.isCanceled())
        return;
    promise.addResult(report::EvidenceReport::write(
        *input, pdfPath, report::EvidenceReport::jsonBeside(pdfPath), [&promise](qint64 done, qint64 total) {
            promise.setProgressValue(kRead + int((100 - kRead) * done / std::max<qint64>(total, 1)));
            return !promise.isCanceled();
        }));
}

bool EvidenceExporter::start(const OpenJournal &openJournal, const QString &runId, const QString &pdfPath)
{
    if (running())
        return false;
    m_pdf = pdfPath;
    m_watcher.setFuture(QtConcurrent::run(&EvidenceExporter::write, openJournal, runId, pdfPath));
    return true;
}

void EvidenceExporter::exportRun(const OpenJournal &openJournal, const QString &runId)
{
    if (running())
        return;
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(QStringLiteral("evidence-%1.pdf").arg(runId));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export evidence report"), suggested,
                                                      tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    m_progress = new QProgressDialog(tr("Writing the evidence report of %1…").arg(runId), tr("Cancel"), 0,
                                     100, m_window);
    m_progress->setWindowTitle(tr("Export evidence report"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(0);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &EvidenceExporter::progressed, m_progress.data(), &QProgressDialog::setValue);
    connect(m_progress.data(), &QProgressDialog::canceled, &m_watcher, &QFutureWatcherBase::cancel);
    start(openJournal, runId, path);
}

void EvidenceExporter::done()
{
    if (m_progress)
        m_progress->close();
    const QFuture<Result> f = m_watcher.future();
    if (f.isCanceled() || f.resultCount() == 0) {
        Q_EMIT finished(false, tr("The export was cancelled."));
        return;
    }
    const Result r = f.result();
    if (!r) {
        Q_EMIT finished(false, tr("The evidence report could not be written: %1").arg(r.error()));
        return;
    }
    Q_EMIT finished(true,
                    r->journalVerified
                        ? tr("Evidence report written to %1 (JSON bundle %2, SHA-256 %3).")
                              .arg(m_pdf, r->jsonPath, r->bundleSha256)
                        : tr("Evidence report written to %1, but the journal FAILED verification: %2")
                              .arg(m_pdf, r->verifyResult));
}

} // namespace cockpit::gui
