#pragma once

#include "core/run/GateView.h"
#include "core/run/PendingDecision.h"
#include "core/run/RunState.h"

#include <QList>

namespace cockpit {

// What only a person can do next, given the state and the gates as they stand.
class PendingDecisions
{
public:
    static QList<PendingDecision> of(const RunState &s, qint64 now, const QList<GateView> &views);
};

} // namespace cockpit
