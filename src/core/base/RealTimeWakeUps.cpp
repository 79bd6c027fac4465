#include "core/base/RealTimeWakeUps.h"

#include <QTimer>
#include <algorithm>

namespace cockpit {

namespace {
constexpr qint64 kMaxTimerMs = qint64(3600) * 1000;
}

RealTimeWakeUps::RealTimeWakeUps(DelayFn delay)
    : m_delay(std::move(delay))
{
}

RealTimeWakeUps::~RealTimeWakeUps() = default;

Clock::WakeId RealTimeWakeUps::wakeAt(qint64 at, Clock::Callback callback)
{
    const Clock::WakeId id = m_nextId++;
    auto p = std::make_shared<Pending>();
    p->at = at;
    p->callback = std::move(callback);
    p->timer = std::make_unique<QTimer>();
    p->timer->setSingleShot(true);
    p->timer->setTimerType(Qt::PreciseTimer);
    QObject::connect(p->timer.get(), &QTimer::timeout, p->timer.get(), [this, id] { arm(id); });
    m_pending.insert(id, p);
    p->timer->start(int(std::clamp<qint64>(m_delay(at), 0, kMaxTimerMs)));
    return id;
}

void RealTimeWakeUps::cancel(Clock::WakeId id)
{
    m_pending.remove(id);
}

void RealTimeWakeUps::arm(Clock::WakeId id)
{
    const auto p = m_pending.value(id);
    if (!p)
        return;
    const qint64 delay = m_delay(p->at);
    if (delay > 0) {
        p->timer->start(int(std::min(delay, kMaxTimerMs)));
        return;
    }
    // Removed before the call: the callback may request or cancel wake-ups. `p` keeps the timer alive
    // until this slot returns.
    m_pending.remove(id);
    if (p->callback)
        p->callback();
}

} // namespace cockpit
