#pragma once

#include <QString>
#include <optional>

namespace cockpit {

// Something only a person can do next: decide, confirm, approve, promote, restart.
struct PendingDecision
{
    // gate | action | check | trigger | rollback_step | schedule (decide accept/reject; schedule with a
    // stage = an action of that milestone: failed, or manual waiting for a person); manual_gate (confirm);
    // second_approval (approve); promote; enter_stage (start or restart); point_of_no_return (rollback
    // was asked for after the point of no return)
    QString kind;
    QString target;
    QString stage;
    QString why;
    qint64 since = 0;
    std::optional<qint64> deadline;
};

} // namespace cockpit
