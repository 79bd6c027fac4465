#pragma once

#include "core/runbook/Runbook.h"
#include "reconcile/ChecksumDiff.h"
#include "reconcile/ReconcileResult.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <atomic>
#include <functional>

namespace cockpit {

// Where a reconciliation stands, for progress lines and the engine's signals.
struct ReconcileProgress
{
    QString reconciliation;
    int table = 0; // 1-based
    int tables = 0;
    QString tableName;
    QString phase; // counting, aggregates, diff, checks, fix
    qint64 rowsScanned = 0;
    qint64 rowsTotal = 0; // rows of the table pair on both sides (what one full pass would scan)
    qint64 elapsedMs = 0;
};

// Runs a runbook's reconciliation: counts (fast or exact, with the tolerance), per-column aggregates, the
// checksum diff, the consistency checks, and on request the fixes. Every read runs in a READ ONLY
// transaction with the connection's statement timeout; a fix runs on its writable connection.
//
// Threading: every call blocks and must run on a thread of SqlConnectionPool::threadPool() (the
// connections are per thread); `cancel` is checked between statements and stops the work having
// changed nothing. The progress callback is called on that thread.
class Reconciler
{
public:
    struct Options
    {
        ChecksumDiff::Options diff;
        int maxCheckRows = 20; // offending rows kept per consistency check (the total is counted)
    };

    Reconciler(Runbook runbook, QHash<QString, QByteArray> passwords, Options options);
    void setProgress(std::function<void(const ReconcileProgress &)> progress)
    {
        m_progress = std::move(progress);
    }

    // Counts, aggregates and diff of every table pair, then the checks.
    ReconciliationResult verify(const Reconciliation &r, const std::atomic<bool> *cancel);
    QList<CheckResult> runChecks(const Reconciliation &r, const std::atomic<bool> *cancel);
    // One fix: SQL on its writable connection in one transaction; a manual fix is listed for review.
    FixOutcome applyFix(const Action &fix);

    static QString methodName(RowCountCheck::Method m);

private:
    TableResult reconcileTable(const Reconciliation &r, int index, const std::atomic<bool> *cancel);
    void report(ReconcileProgress p);

    Runbook m_runbook;
    QHash<QString, QByteArray> m_passwords; // by connection name
    Options m_options;
    std::function<void(const ReconcileProgress &)> m_progress;
    qint64 m_startedMs = 0;
};

} // namespace cockpit
