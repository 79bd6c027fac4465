#pragma once

#include "core/base/Duration.h"
#include "core/runbook/Runbook.h"

#include <QList>

namespace cockpit {

struct CheckpointDue
{
    int index = 0; // 0-based, stable for the stage: the journal's checkpoint key
    Milliseconds offset {0}; // into the soak
    qint64 dueAt = 0; // soak start + offset
};

// Due times of a stage's checkpoints: the listed offsets ([1h, 6h, 24h]), or every interval up to and
// including the end of the soak ({every: 12h} on a 48 h soak: 12 h, 24 h, 36 h, 48 h). Offsets and
// periodic ones combine, sorted, duplicates dropped. Pure.
class CheckpointSchedule
{
public:
    static QList<CheckpointDue> plan(const Checkpoints &checkpoints, qint64 soakStart, Milliseconds soak);
};

} // namespace cockpit
