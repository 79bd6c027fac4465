#pragma once

#include "engine/RunHistory.h"
#include "report/EvidenceModel.h"

#include <memory>

namespace cockpit::report {

// The earlier rehearsals of a run's runbook, summarised by RunComparison, and the live rollback time they
// forecast: the median and the worst of their rollback durations, against the runbook's target.
class RehearsalForecast
{
public:
    static RehearsalComparison compare(const QList<JournalEvent> &events, const QList<RunSummary> &runs,
                                       const EvidenceModel &run,
                                       const std::shared_ptr<const Runbook> &runbook);
    // Median (the mean of the middle two for an even count) and maximum; nullopt for no value.
    static std::optional<Milliseconds> median(QList<Milliseconds> values);
};

} // namespace cockpit::report
