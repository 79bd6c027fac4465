#include "core/run/RunEffect.h"

namespace cockpit {

QString RunEffect::kindName(Kind k)
{
    switch (k) {
    case Kind::SampleMetric: return QStringLiteral("sample_metric");
    case Kind::RunAction: return QStringLiteral("run_action");
    case Kind::RunCheck: return QStringLiteral("run_check");
    case Kind::CollectGateValues: return QStringLiteral("collect_gate_values");
    case Kind::RunRollbackStep: return QStringLiteral("run_rollback_step");
    case Kind::StartScheduleItem: return QStringLiteral("start_schedule_item");
    }
    return {};
}

} // namespace cockpit
