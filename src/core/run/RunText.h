#pragma once

#include "core/run/RunState.h"

#include <QString>

namespace cockpit {

// The planner's sentences for people: durations, times, T-0 and what a run in follow-up waits for.
class RunText
{
public:
    static QString dur(qint64 ms);
    // Roughly, for people: the two largest units ("2h 10m", "89d 23h", "40s").
    static QString roughly(qint64 ms);
    static QString iso(qint64 ms);
    // The parameter T-0 comes from (schedule.t0: ${t0}, ${window_start}), by its resolved value.
    static QString t0Param(const Runbook &rb);
    static QString t0Text(const RunState &s, qint64 now);
    // "T+90d t-plus-90d (redirect window closes) due in 89d 23h": what a run in follow-up waits for.
    static QString followUpText(const RunState &s, qint64 now);
};

} // namespace cockpit
