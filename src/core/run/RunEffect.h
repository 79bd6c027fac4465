#pragma once

#include <QString>

namespace cockpit {

// Something the engine needs done outside (I/O). The result comes back as an event built with RunEvents
// and appended to the journal; until it is there, the same effect is requested again on every step, so a
// driver keeps track of what it already has in flight. Actions that write are requested once: the driver
// appends action_run {status: started} before it runs one, and a started action is never requested again.
struct RunEffect
{
    enum class Kind {
        SampleMetric, // id = metric -> RunEvents::sampleTaken
        RunAction, // purpose rollout: id = rollout action of `stage` -> RunEvents::actionRun (phase rollout);
                   // purpose schedule: id = action of the milestone `stage` -> RunEvents::milestoneActionRun
        RunCheck, // id = verify check, or gate id for a check gate (purpose verify|gate_check)
                  //   -> RunEvents::checkObserved; purpose milestone: id = stage = a milestone whose
                  //   actions are done: run all its checks -> RunPlanner::milestoneFinished
        CollectGateValues, // id = gate, purpose baseline|current -> RunEvents::gateValues
        RunRollbackStep, // id = rollback step -> RunEvents::rollbackStep
        StartScheduleItem, // id = milestone or window step -> RunEvents::actionRun (phase schedule); a window
                           // step runs as an action, a milestone only journals `started` (then its actions
                           // and checks are requested one by one)
    };
    Kind kind = Kind::SampleMetric;
    QString stage;
    QString id;
    QString purpose;

    bool operator==(const RunEffect &) const = default;
    static QString kindName(Kind k);
};

} // namespace cockpit
