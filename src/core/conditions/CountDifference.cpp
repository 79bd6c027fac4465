#include "core/conditions/CountDifference.h"

namespace cockpit {

QString CountDifference::describe(qint64 source, qint64 target, qint64 allowed)
{
    const qint64 delta = qAbs(target - source);
    if (delta == 0)
        return QStringLiteral("equal");
    if (delta <= allowed)
        return QStringLiteral("within tolerance (Δ %1 ≤ %2)").arg(delta).arg(allowed);
    return QStringLiteral("Δ %1 > %2 allowed").arg(delta).arg(allowed);
}

} // namespace cockpit
