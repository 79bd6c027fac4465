#pragma once

#include "core/base/Duration.h"
#include "core/gates/CheckpointSchedule.h"
#include "core/run/GateView.h"
#include "core/run/PendingDecision.h"
#include "core/run/RunState.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace cockpit {

struct CheckpointView
{
    CheckpointDue due;
    std::optional<qint64> recordedAt;
};

struct RollbackClock
{
    qint64 startedAt = 0;
    Milliseconds target {0};
    Milliseconds elapsed {0}; // to the finish, or to now while running
    Milliseconds remaining {0}; // target - elapsed, negative when overdue
    bool overdue = false;
    bool finished = false;
    bool ok = false;
    QString reason;
};

// A snapshot for display and for commands: where the run stands at `now`.
struct RunStatus
{
    RunState::Phase phase = RunState::Phase::NotStarted;
    QString stage;
    int stageIndex = -1;
    int attempt = 0;
    std::optional<qint64> soakStart;
    std::optional<qint64> soakEnd;
    Milliseconds soakRemaining {0};
    QList<GateView> gates;
    QList<CheckpointView> checkpoints;
    QStringList blockers; // why promotion is refused right now (empty = may promote)
    QStringList t0Blockers; // why T-0 is held (RunPlanner::t0Blockers)
    // Window steps not started because of `after:`: id -> "waiting for X" or "held: X failed" (no ordering
    // implied; the schedule's own order is in RunState::schedule()).
    QMap<QString, QString> heldSteps;
    bool needsSecondApprover = false; // promoting into the next stage needs a second person
    QList<PendingDecision> pending;
    std::optional<RollbackClock> rollback;
    std::optional<qint64> pointOfNoReturnAt;
    // What the run waits for when nobody has to act: "T-0 is 2026-03-01T20:00:00Z, in 2h 10m: ..." (ready,
    // before T-0), "follow-up: T+90d t-plus-90d (...) due in 89d 23h; ..." (follow-up). Empty otherwise.
    QString waitingFor;
};

} // namespace cockpit
