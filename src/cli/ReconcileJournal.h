#pragma once

#include "reconcile/ReconcileEvents.h"
#include "store/Journal.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <memory>

namespace cockpit::cli {

// `reconcile --journal`: appends each reconciliation's events (started before its first statement,
// progress per table, fixes before and after, finished) under one run id, so cron's weekly runs land in
// the evidence. Lives on the main thread (the journal's); progress arrives from the SQL worker and is
// queued until the main thread appends it, always before the finished event. After a failed append the
// journal takes nothing more and error() says why.
class ReconcileJournal : public QObject
{
public:
    static Expected<std::unique_ptr<ReconcileJournal>, QString> open(const QString &spec, QString runId,
                                                                     QString actor);

    const QString &runId() const { return m_runId; }
    QString location() const { return m_journal->location(); }
    const QString &error() const { return m_error; }

    bool started(const Reconciliation &r);
    void progress(const ReconcileProgress &p); // any thread
    bool fixStarted(const QString &reconciliation, const Action &fix);
    bool fixFinished(const QString &reconciliation, const FixOutcome &fix);
    bool finished(const ReconciliationResult &result);

private:
    ReconcileJournal(std::unique_ptr<Journal> journal, QString runId, QString actor);
    bool append(const JournalEventDraft &draft);
    void flush();
    qint64 now() const;

    std::unique_ptr<Journal> m_journal;
    QString m_runId;
    QString m_actor;
    QString m_error;
    QMutex m_mutex; // guards m_queued and m_last
    QList<ReconcileProgress> m_queued;
    ReconcileProgress m_last;
    qint64 m_lastAt = 0;
};

} // namespace cockpit::cli
