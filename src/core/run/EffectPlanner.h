#pragma once

#include "core/run/GateView.h"
#include "core/run/RunEffect.h"
#include "core/run/RunState.h"

#include <QList>
#include <optional>

namespace cockpit {

// The I/O a run needs next (RunEffect) and when to look again.
class EffectPlanner
{
public:
    static QList<RunEffect> effects(const RunState &s, qint64 now);
    static std::optional<qint64> wakeAt(const RunState &s, qint64 now, const QList<GateView> &views);
};

} // namespace cockpit
