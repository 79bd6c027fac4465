#pragma once

#include "core/base/Clock.h"

#include <QHash>
#include <functional>
#include <memory>

class QTimer;

namespace cockpit {

// Wake-ups on real timers, shared by SystemClock and AcceleratedClock. A wake-up re-checks the clock when
// its timer fires and re-arms if it is still early (timers are capped at one hour, and the wall clock may
// be set back), so it never fires before `at`. Needs an event loop on the owning thread.
class RealTimeWakeUps
{
public:
    // How many real milliseconds until clock time `at`, given the clock's current time.
    using DelayFn = std::function<qint64(qint64 at)>;

    explicit RealTimeWakeUps(DelayFn delay);
    ~RealTimeWakeUps();
    RealTimeWakeUps(const RealTimeWakeUps &) = delete;
    RealTimeWakeUps &operator=(const RealTimeWakeUps &) = delete;

    Clock::WakeId wakeAt(qint64 at, Clock::Callback callback);
    void cancel(Clock::WakeId id);

private:
    void arm(Clock::WakeId id);

    struct Pending
    {
        qint64 at = 0;
        Clock::Callback callback;
        std::unique_ptr<QTimer> timer;
    };
    DelayFn m_delay;
    Clock::WakeId m_nextId = 1;
    QHash<Clock::WakeId, std::shared_ptr<Pending>> m_pending;
};

} // namespace cockpit
