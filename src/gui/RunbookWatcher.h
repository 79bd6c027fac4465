#pragma once

#include "core/journal/RunEvents.h"
#include "core/runbook/Runbook.h"

#include <QObject>
#include <QStringList>
#include <memory>

class QFileSystemWatcher;
class QTimer;

namespace cockpit::gui {

// What the runbook file on disk holds now, against the runbook the engine runs.
struct RunbookFileChange
{
    QString path;
    QString sha256; // of the file now
    QStringList changes; // "gate canary/success-rate changed", … (RunbookChanges)
    QStringList errors; // the file no longer loads: FILE:LINE:COL errors (it cannot be continued with)
};

// Notices the runbook file of a running run changing on disk. The file is read and compared on a worker
// (RunbookChanges, the same comparison the launcher makes on a resume); a change is reported, never applied:
// the engine goes on with the runbook it runs until a person decides to continue with the new one.
// Watches the folder too, since editors replace a file instead of writing it in place.
class RunbookWatcher : public QObject
{
    Q_OBJECT

public:
    explicit RunbookWatcher(QObject *parent = nullptr);
    ~RunbookWatcher() override;

    // `running` is what the engine runs (its text and resolved params, its sha256); the file is loaded again
    // with the same parameter assignments and mode, so only what the file changes shows.
    void watch(const QString &path, std::shared_ptr<const Runbook> running, const QString &runningSha256,
               const QStringList &paramAssignments, RunMode mode);
    void stop();
    QString path() const { return m_path; }
    // Compares now (instead of waiting for the file system's notice).
    void checkNow();

Q_SIGNALS:
    void changeFound(const cockpit::gui::RunbookFileChange &change);
    void changeReverted(); // the file holds again what runs

private:
    void scheduleCheck();

    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_debounce;
    QString m_path;
    std::shared_ptr<const Runbook> m_running;
    QString m_runningSha256;
    QStringList m_assignments;
    RunMode m_mode = RunMode::Rehearsal;
    quint64 m_generation = 0; // a newer check or watch() makes an older answer moot
    QString m_lastReportedSha;
};

} // namespace cockpit::gui

Q_DECLARE_METATYPE(cockpit::gui::RunbookFileChange)
