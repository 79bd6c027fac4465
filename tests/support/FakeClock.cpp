#include "support/FakeClock.h"

#include <optional>

namespace cockpit {

Clock::WakeId FakeClock::wakeAt(qint64 at, Callback callback)
{
    const WakeId id = m_nextId++;
    m_pending.emplace(std::make_pair(std::max(at, m_now), id), std::move(callback));
    return id;
}

void FakeClock::cancel(WakeId id)
{
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->first.second == id) {
            m_pending.erase(it);
            return;
        }
    }
}

void FakeClock::advanceTo(qint64 at)
{
    while (!m_pending.empty() && m_pending.begin()->first.first <= at) {
        auto node = m_pending.extract(m_pending.begin());
        m_now = std::max(m_now, node.key().first);
        if (node.mapped())
            node.mapped()();
    }
    m_now = std::max(m_now, at);
}

std::optional<qint64> FakeClock::nextWakeAt() const
{
    if (m_pending.empty())
        return std::nullopt;
    return m_pending.begin()->first.first;
}

} // namespace cockpit
