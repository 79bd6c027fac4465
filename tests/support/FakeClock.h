#pragma once

#include "core/base/Clock.h"

#include <map>
#include <optional>
#include <utility>

namespace cockpit {

// A clock that moves only when told to. advanceTo() fires due wake-ups in time order (ties in the order
// they were requested), with now() set to each wake-up's due time while its callback runs, so a callback
// sees exactly the time it asked for; callbacks may request further wake-ups, which fire in the same
// advance when due. Single-threaded.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 startMs = 0)
        : m_now(startMs)
    {
    }

    qint64 now() const override { return m_now; }
    WakeId wakeAt(qint64 at, Callback callback) override;
    void cancel(WakeId id) override;

    void advance(qint64 ms) { advanceTo(m_now + ms); }
    void advanceTo(qint64 at); // never moves backwards
    std::optional<qint64> nextWakeAt() const; // earliest pending wake-up
    int pendingWakeUps() const { return int(m_pending.size()); }

private:
    qint64 m_now = 0;
    WakeId m_nextId = 1;
    std::map<std::pair<qint64, WakeId>, Callback> m_pending; // ordered by (due, request order)
};

} // namespace cockpit
