#pragma once

#include "core/base/Clock.h"
#include "core/base/RealTimeWakeUps.h"

namespace cockpit {

// Real UTC time (QDateTime::currentMSecsSinceEpoch). Wake-ups need an event loop on the owning thread.
class SystemClock final : public Clock
{
public:
    SystemClock();

    qint64 now() const override;
    WakeId wakeAt(qint64 at, Callback callback) override { return m_wakeUps.wakeAt(at, std::move(callback)); }
    void cancel(WakeId id) override { m_wakeUps.cancel(id); }

private:
    RealTimeWakeUps m_wakeUps;
};

} // namespace cockpit
