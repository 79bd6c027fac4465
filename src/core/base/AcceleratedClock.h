#pragma once

#include "core/base/Clock.h"
#include "core/base/RealTimeWakeUps.h"

#include <QElapsedTimer>

namespace cockpit {

// Time that starts at `origin` (UTC ms) and runs `factor` times faster than real time, measured on a
// monotonic timer: the demo's "10 days in about 2 minutes" is factor 7200. Wake-ups are scaled the same
// way and need an event loop on the owning thread.
class AcceleratedClock final : public Clock
{
public:
    AcceleratedClock(qint64 origin, double factor);

    // The factor that plays `span` of clock time in `wall` of real time.
    static double factorFor(qint64 spanMs, qint64 wallMs)
    {
        return double(spanMs) / double(std::max<qint64>(wallMs, 1));
    }

    qint64 now() const override;
    WakeId wakeAt(qint64 at, Callback callback) override { return m_wakeUps.wakeAt(at, std::move(callback)); }
    void cancel(WakeId id) override { m_wakeUps.cancel(id); }
    double factor() const override { return m_factor; }

private:
    qint64 m_origin;
    double m_factor;
    QElapsedTimer m_elapsed;
    RealTimeWakeUps m_wakeUps;
};

} // namespace cockpit
