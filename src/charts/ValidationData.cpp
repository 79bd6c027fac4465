#include "charts/ValidationData.h"

namespace cockpit::charts {

const MetricChart *ValidationData::metric(const QString &name) const
{
    for (const MetricChart &m : metrics)
        if (m.metric == name)
            return &m;
    return nullptr;
}

const StageBand *ValidationData::stageAt(qint64 at) const
{
    for (auto it = stages.crbegin(); it != stages.crend(); ++it)
        if (at >= it->start && (!it->end || at < *it->end))
            return &*it;
    return nullptr;
}

} // namespace cockpit::charts
