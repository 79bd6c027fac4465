#include "charts/RehearsalOverlay.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace cockpit::charts {

namespace {

// The earlier run's entry that matches `band`: the same stage and attempt, else the same stage's latest.
const StageBand *matching(const QList<StageBand> &earlier, const StageBand &band)
{
    const StageBand *found = nullptr;
    for (const StageBand &e : earlier) {
        if (e.stage != band.stage)
            continue;
        if (e.attempt == band.attempt)
            return &e;
        found = &e;
    }
    return found;
}

} // namespace

RehearsalOverlay RehearsalOverlay::align(const ValidationData &current, const ValidationData &earlier)
{
    RehearsalOverlay out;
    out.runId = earlier.runId;
    out.startedAt = earlier.firstAt;
    // The current run's latest entry of each stage, in time order.
    QList<const StageBand *> bands;
    for (const StageBand &b : current.stages) {
        const auto it = std::find_if(bands.begin(), bands.end(),
                                     [&](const StageBand *x) { return x->stage == b.stage; });
        if (it != bands.end())
            bands.erase(it);
        bands.append(&b);
    }
    for (const MetricChart &chart : earlier.metrics) {
        if (!current.metric(chart.metric))
            continue;
        ChartSeries line;
        for (const StageBand *band : std::as_const(bands)) {
            const StageBand *then = matching(earlier.stages, *band);
            if (!then)
                continue;
            const qint64 shift = band->start - then->start;
            const qint64 thenEnd = then->end.value_or(earlier.lastAt);
            const qint64 cut = band->end ? *band->end : std::numeric_limits<qint64>::max();
            const auto &at = chart.series.at;
            qsizetype i = std::lower_bound(at.cbegin(), at.cend(), then->start) - at.cbegin();
            const qsizetype before = line.size();
            for (; i < at.size() && at.at(i) <= thenEnd && at.at(i) + shift <= cut; ++i)
                line.append(at.at(i) + shift, chart.series.value.at(i), chart.series.outcome.at(i));
            // Never a line from one stage's stretch into the next: they were not adjacent in the rehearsal.
            if (line.size() > before && !ChartSeries::isGap(line.value.constLast()))
                line.append(line.at.constLast() + 1, ChartSeries::gap(), PointOutcome::NoData);
        }
        // Stretches can overlap when the current run's entry came earlier than the previous one's stretch
        // ended (an open band): keep the time order the downsampler needs.
        bool sorted = std::is_sorted(line.at.cbegin(), line.at.cend());
        if (!sorted) {
            QList<qsizetype> order(line.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(),
                             [&](qsizetype a, qsizetype b) { return line.at.at(a) < line.at.at(b); });
            ChartSeries s;
            for (qsizetype k : order)
                s.append(line.at.at(k), line.value.at(k), line.outcome.at(k));
            line = s;
        }
        if (!line.isEmpty())
            out.lines.insert(chart.metric, line);
    }
    return out;
}

QString RehearsalOverlay::earlierRun(const QList<JournalEvent> &events, const QString &runbook,
                                     const QString &currentRunId)
{
    QString found;
    for (const JournalEvent &e : events) {
        if (e.type() != JournalEventType::RunStarted)
            continue;
        if (e.runId() == currentRunId)
            return found; // only runs that started before the current one
        if (e.payload().value(QLatin1String("runbook")).toString() == runbook)
            found = e.runId();
    }
    return found;
}

} // namespace cockpit::charts
