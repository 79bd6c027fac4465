#include "core/gates/CheckpointSchedule.h"

#include <algorithm>

namespace cockpit {

QList<CheckpointDue> CheckpointSchedule::plan(const Checkpoints &checkpoints, qint64 soakStart,
                                              Milliseconds soak)
{
    QList<Milliseconds> offsets = checkpoints.at;
    if (checkpoints.every && checkpoints.every->count() > 0) {
        for (Milliseconds t = *checkpoints.every; t <= soak; t += *checkpoints.every)
            offsets.append(t);
    }
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    QList<CheckpointDue> out;
    for (const Milliseconds &o : std::as_const(offsets))
        out.append({int(out.size()), o, soakStart + o.count()});
    return out;
}

} // namespace cockpit
