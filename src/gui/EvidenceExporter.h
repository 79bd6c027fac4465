#pragma once

#include "core/base/Expected.h"
#include "report/EvidenceReport.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QProgressDialog;
class QWidget;

namespace cockpit::gui {

// File → Export evidence report…: asks where to save, then writes the PDF (and the JSON bundle beside
// it) on a worker (QtConcurrent with a QPromise: it opens its own journal connection there, reports
// progress, and stops when cancelled). The GUI thread only shows the progress dialog. The destructor
// cancels a running export and waits for it (the worker holds no pointer to this object).
class EvidenceExporter : public QObject
{
    Q_OBJECT

public:
    using Result = Expected<report::EvidenceResult, QString>;
    // Opens the run's journal; called on the worker (a Journal belongs to the thread that opened it).
    using OpenJournal = std::function<Expected<std::unique_ptr<Journal>, Error>()>;

    explicit EvidenceExporter(QWidget *window);
    ~EvidenceExporter() override;

    // Asks for the PDF's path, then exports with a progress dialog.
    void exportRun(const OpenJournal &openJournal, const QString &runId);
    // Exports without asking (the dialog's answer, and tests); false when an export is already running.
    bool start(const OpenJournal &openJournal, const QString &runId, const QString &pdfPath);
    bool running() const { return m_watcher.isRunning(); }

    // The worker's job, callable directly: open the journal, read and verify it, write PDF + bundle.
    static void write(QPromise<Result> &promise, const OpenJournal &openJournal, const QString &runId,
                      const QString &pdfPath);

Q_SIGNALS:
    void progressed(int percent);
    // ok: the PDF was written; message says where, or what went wrong.
    void finished(bool ok, const QString &message);

private:
    void done();

    QWidget *m_window;
    QFutureWatcher<Result> m_watcher;
    QPointer<QProgressDialog> m_progress;
    QString m_pdf;
};

} // namespace cockpit::gui
