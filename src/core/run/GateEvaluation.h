#pragma once

#include "core/run/GateView.h"
#include "core/run/RunState.h"

#include <QList>
#include <QStringList>

namespace cockpit {

// The gates of the current stage as they stand at `now`, and what holds the stage's promotion.
class GateEvaluation
{
public:
    static GateView gateView(const RunState &s, const Gate &g, qint64 now);
    // Every gate of the current stage, in runbook order; computed once per state and reused.
    static QList<GateView> gateViews(const RunState &s, qint64 now);
    static QStringList promotionBlockers(const RunState &s, qint64 now, const QString &executor);
    static QStringList promotionBlockers(const RunState &s, qint64 now, const QString &executor,
                                         const QList<GateView> &views);
};

} // namespace cockpit
