#pragma once

#include "core/runbook/Check.h"

namespace cockpit {

// Polls a probe until its conditions hold (e.g. "in-flight v2 jobs = 0"), or times out.
struct WaitUntil
{
    Probe probe;
    QList<Condition> expect;
    std::chrono::milliseconds every {30000};
    std::chrono::milliseconds timeout {1800000};
};

struct SqlStatement
{
    QString connection; // must be marked writable
    QString statement;
    std::optional<std::chrono::milliseconds> timeout;
};

// A window step that only looks (seed C's smoke tests): its check runs once, read-only, and the step ends
// ok when the check passes, failed otherwise (a decision, as for any failed step). Never a write.
struct CheckStep
{
    Check check; // id and title are the step's
};

// A step that does something: rollout, rollback, maintenance-window step.
struct Action
{
    QString id;
    QString title;
    QString description;
    std::variant<HttpRequest, SqlStatement, CommandSpec, ManualCheck, WaitUntil, CheckStep> what;
    // Window steps this one waits for (`after:`): it starts only once each ended ok; a failed or skipped
    // one holds it (RunRules::windowStepHold).
    QStringList after;
    QList<Condition> expect; // what the action's own observation must show to count as done
    bool writes = false; // needs explicit confirmation; SQL actions always write
    // Timed schedule (seed C): planned start relative to the window start, and planned duration.
    std::optional<std::chrono::milliseconds> plannedStart;
    std::optional<std::chrono::milliseconds> plannedDuration;
    SourcePos pos;
};

} // namespace cockpit
