#pragma once

#include <QtGlobal>
#include <functional>

namespace cockpit {

// The run engine's only source of time. now() is UTC milliseconds since the epoch; wakeAt() asks to be
// called back once now() >= at (never earlier). Everything the engine journals uses now(), so swapping the
// clock swaps time itself: SystemClock for real runs, AcceleratedClock for the demo, FakeClock in tests.
// Callbacks run on the thread that owns the clock (SystemClock/AcceleratedClock: from its event loop;
// FakeClock: inside advance()).
class Clock
{
public:
    using WakeId = quint64;
    using Callback = std::function<void()>;

    virtual ~Clock() = default;

    virtual qint64 now() const = 0;
    // Returns a non-zero id for cancel(). A time at or before now() fires as soon as possible, never inline.
    virtual WakeId wakeAt(qint64 at, Callback callback) = 0;
    virtual void cancel(WakeId id) = 0;
    // Clock milliseconds per real millisecond (the demo plays 10 days in ~2 minutes); 1 for real time.
    virtual double factor() const { return 1.0; }
};

} // namespace cockpit
