#pragma once

#include "core/journal/JournalEventDraft.h"
#include "core/runbook/Runbook.h"
#include "reconcile/ReconcileResult.h"
#include "reconcile/Reconciler.h"

#include <QJsonObject>
#include <QString>

namespace cockpit {

// The journal events of a reconciliation (type reconciliation, payload documented at
// RunEvents::reconciliation), the same from the `reconcile` command and from a run. `context` says where
// it ran: {} for the command, {stage, check, purpose} or {milestone, check} in a run.
class ReconcileEvents
{
public:
    static constexpr int kJournalRowsPerTable = 50; // differing rows kept per table in the journal

    static JournalEventDraft started(const QString &runId, qint64 at, const QString &actor,
                                     const Reconciliation &r, const QJsonObject &context);
    static JournalEventDraft progress(const QString &runId, qint64 at, const QString &actor,
                                      const ReconcileProgress &p, const QJsonObject &context);
    static JournalEventDraft fixStarted(const QString &runId, qint64 at, const QString &actor,
                                        const QString &reconciliation, const Action &fix,
                                        const QJsonObject &context);
    static JournalEventDraft fixFinished(const QString &runId, qint64 at, const QString &actor,
                                         const QString &reconciliation, const FixOutcome &fix,
                                         const QJsonObject &context);
    static JournalEventDraft finished(const QString &runId, qint64 at, const QString &actor,
                                      const ReconciliationResult &result, const QJsonObject &context);

    // One line for a check's summary: "orders: 3 tables within tolerance, 2 checks pass" or what failed.
    static QString summary(const ReconciliationResult &result);
    // Whether the progress is worth a journal event: a new table or a new phase, not every rows update.
    static bool isMilestone(const ReconcileProgress &previous, const ReconcileProgress &now);
};

} // namespace cockpit
