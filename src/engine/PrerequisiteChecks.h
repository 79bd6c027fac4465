#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/conditions/CheckResult.h"
#include "core/journal/JournalEventDraft.h"
#include "core/runbook/Runbook.h"
#include "probes/CheckRunner.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <memory>

namespace cockpit {

// The prerequisites a person asks to check from a front end (one, a category or all), run in parallel
// through the one CheckRunner; each result becomes a check_observed event (purpose "prerequisite") with
// everything observed, so a window's detail pane and the evidence show the same thing.
//
// Threading: lives on the engine thread (a RunEngine owns it); the runner is asynchronous there.
class PrerequisiteChecks : public QObject
{
    Q_OBJECT

public:
    explicit PrerequisiteChecks(std::shared_ptr<const Runbook> runbook, QObject *parent = nullptr);

    void provideSecret(const QString &name, const QByteArray &value);
    // scope: "" (all), "category" or "check". Manual items are signed off, never run: they are left out.
    Expected<void, Error> start(const QString &scope, const QString &target);
    bool cancel(); // false when nothing runs

    bool isRunning() const { return m_runner.isRunning(); }
    QStringList running() const { return QStringList(m_running.cbegin(), m_running.cend()); }
    int total() const { return m_total; }
    int done() const { return m_done; }

    // The checks a scope and target select (runbook order), manual items included.
    static QList<Check> select(const Runbook &runbook, const QString &scope, const QString &target);
    // The journal event of one result; actor is the engine for a probe, the person for a sign-off.
    static JournalEventDraft event(const QString &runId, qint64 at, const QString &actor, const Check &check,
                                   const CheckResult &result);
    // A manual item signed off by a named person with a comment.
    static Expected<CheckResult, Error> confirmation(const Runbook &runbook, const QString &checkId,
                                                     const QString &who, const QString &comment);

Q_SIGNALS:
    void resultReady(const cockpit::Check &check, const cockpit::CheckResult &result);
    void progressed();
    void finished();

private:
    std::shared_ptr<const Runbook> m_runbook;
    CheckRunner m_runner;
    QHash<QString, Check> m_checks; // of the current run, by id
    QSet<QString> m_running;
    int m_total = 0;
    int m_done = 0;
};

} // namespace cockpit
