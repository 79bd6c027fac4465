#pragma once

#include "core/base/Clock.h"
#include "core/base/RealTimeWakeUps.h"

#include <QElapsedTimer>

namespace cockpit {

// The demo's clock: like AcceleratedClock, but the factor can change while it runs (the demo plays the
// days of soak fast and slows down to near real time for a rollback, so its stopwatch means something).
// Time never jumps when the factor changes. Needs an event loop on the owning thread.
class DemoClock final : public Clock
{
public:
    DemoClock(qint64 origin, double factor);

    qint64 now() const override;
    WakeId wakeAt(qint64 at, Callback callback) override { return m_wakeUps.wakeAt(at, std::move(callback)); }
    void cancel(WakeId id) override { m_wakeUps.cancel(id); }
    double factor() const override { return m_factor; }
    // Pending wake-ups re-check the time when their timer fires, so slowing down never fires one early;
    // speeding up may deliver already-armed ones late by at most their old delay.
    void setFactor(double factor);

private:
    qint64 m_base; // clock time at m_baseNs
    qint64 m_baseNs = 0; // real elapsed ns at the last factor change
    double m_factor;
    QElapsedTimer m_elapsed;
    RealTimeWakeUps m_wakeUps;
};

} // namespace cockpit
