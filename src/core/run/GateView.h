#pragma once

#include "core/gates/GateTracker.h"
#include "core/runbook/Runbook.h"

#include <QJsonObject>
#include <QString>

namespace cockpit {

// One gate of the current stage as a person sees it (RunPlanner::gateView).
struct GateView
{
    QString id;
    QString title;
    Gate::Kind kind = Gate::Kind::Condition;
    GateStatus status;
    QJsonObject details; // comparison gates: the full report (quantiles, U, z, p, n1, n2 / new values)
};

} // namespace cockpit
