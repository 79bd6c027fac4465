#pragma once

#include "core/conditions/CheckResult.h"
#include "core/conditions/GoNoGo.h"
#include "core/journal/JournalEventDraft.h"
#include "core/runbook/Runbook.h"
#include "probes/CheckRunner.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <functional>
#include <optional>

namespace cockpit {

// A named person's explicit decision with a reason (an override, an accepted change).
struct PersonDecision
{
    QString who;
    QString reason;
};

// What the Go/No-Go before a run's first stage found.
struct PreflightResult
{
    QList<Check> checks;
    QList<CheckResult> results;
    GoNoGo decision;
    qint64 durationMs = 0;
    std::optional<PersonDecision> override; // set when a NO-GO was overridden
    bool needsSecondApprover = false; // the runbook's go_no_go.second_approver (for an override)
    std::optional<PersonDecision> approvedBy; // the second person who approved the override

    bool overrideApproved() const { return override && (!needsSecondApprover || approvedBy); }
    bool mayStart() const { return decision.isGo() || overrideApproved(); }
    // The go_no_go event: decision go | no_go | override | override_pending (waiting for a second approver),
    // every item, the blockers, who overrode and why, who approved it.
    JournalEventDraft event(const QString &runId, qint64 at, const QString &lead) const;
};

// Runs a runbook's prerequisites (through the one CheckRunner) for the Go/No-Go of a run. Asynchronous:
// lives on a thread with an event loop and calls back there.
class Preflight : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void run(const Runbook &runbook, const QMap<QString, ManualConfirmation> &confirmations,
             const QHash<QString, QByteArray> &secrets, const std::function<void(PreflightResult)> &done);
    void cancel() { m_runner.cancel(); }

private:
    CheckRunner m_runner;
};

} // namespace cockpit
