#pragma once

#include "core/conditions/CheckResult.h"
#include "core/runbook/Runbook.h"
#include "probes/CheckRunner.h"

#include <QList>
#include <QMap>

namespace cockpit::cli {

// Runs checks with a CheckRunner from the CLI's top level and waits for them, with progress lines on
// stderr when it is a terminal and Ctrl+C cancelling the run.
class CheckSession
{
public:
    struct Outcome
    {
        QList<CheckResult> results;
        qint64 durationMs = 0;
        bool interrupted = false;
    };

    explicit CheckSession(CheckRunner &runner)
        : m_runner(runner)
    {
    }
    void setProgress(bool on) { m_progress = on; }

    // Spins an event loop until the runner finishes. Only for the CLI's top level, never from a slot.
    Outcome run(const Runbook &runbook, const QList<Check> &checks,
                const QMap<QString, ManualConfirmation> &confirmations);

    // Prints the table and the recommendation, or the JSON document; returns 0 for GO, 1 for NO-GO.
    static int report(const Runbook &runbook, const QList<Check> &checks, const Outcome &outcome, bool json);

private:
    CheckRunner &m_runner;
    bool m_progress = false;
};

} // namespace cockpit::cli
