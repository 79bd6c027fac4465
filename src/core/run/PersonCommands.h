#pragma once

#include "core/run/RunPlan.h"
#include "core/run/RunState.h"

#include <QString>

namespace cockpit {

// Commands of people: the drafts to append, or a Refusal saying why not (RunPlanner documents each).
class PersonCommands
{
public:
    static RunCommand enterStage(const RunState &s, qint64 now, const QString &stageId, const QString &who);
    static RunCommand promote(const RunState &s, qint64 now, const QString &who);
    static RunCommand approvePromotion(const RunState &s, qint64 now, const QString &who,
                                       const QString &statement);
    static RunCommand confirmManualGate(const RunState &s, qint64 now, const QString &gateId,
                                        const QString &who, const QString &statement);
    static RunCommand decide(const RunState &s, qint64 now, const QString &targetKind, const QString &target,
                             bool accept, const QString &who, const QString &reason);
    static RunCommand raiseTrigger(const RunState &s, qint64 now, const QString &triggerId,
                                   const QString &who, const QString &reason);
    static RunCommand startRollback(const RunState &s, qint64 now, const QString &who, const QString &reason);
    static RunCommand finishRollback(const RunState &s, qint64 now, const QString &who, bool ok,
                                     const QString &note);
    static RunCommand abort(const RunState &s, qint64 now, const QString &who, const QString &reason);
};

} // namespace cockpit
