#include "report/RehearsalForecast.h"

#include "engine/RunCommands.h"

#include <algorithm>

namespace cockpit::report {

std::optional<Milliseconds> RehearsalForecast::median(QList<Milliseconds> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

RehearsalComparison RehearsalForecast::compare(const QList<JournalEvent> &events,
                                               const QList<RunSummary> &runs, const EvidenceModel &run,
                                               const std::shared_ptr<const Runbook> &runbook)
{
    RehearsalComparison out;
    out.target = runbook->rollback.target;
    QList<Milliseconds> times;
    for (const RunSummary &s : runs) {
        if (s.id == run.runId || s.runbook != run.runbook || s.startedAt >= run.startedAt
            || s.mode != runModeName(RunMode::Rehearsal))
            continue;
        // Each rehearsal with the runbook it loaded (the text may have changed between rehearsals).
        auto own = RunCommands::runbookFromJournal(events, s.id);
        out.earlier.append(RunComparison::summarize(own ? *own : runbook, events, s.id));
        std::optional<Milliseconds> time;
        for (const RunComparison::RollbackSummary &r : out.earlier.last().rollbacks)
            if (r.duration)
                time = r.duration;
        out.rollbackTimes.append(time);
        if (time)
            times.append(*time);
    }
    // This run's own rollback counts when it is a rehearsal too: it is the newest evidence.
    if (run.mode == RunMode::Rehearsal)
        for (const RunComparison::RollbackSummary &r : run.summary.rollbacks)
            if (r.duration)
                times.append(*r.duration);
    if (!times.isEmpty() && !out.earlier.isEmpty()) {
        out.forecastMedian = median(times);
        out.forecastWorst = *std::max_element(times.cbegin(), times.cend());
    }
    return out;
}

} // namespace cockpit::report
