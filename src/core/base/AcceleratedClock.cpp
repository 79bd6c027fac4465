#include "core/base/AcceleratedClock.h"

#include <cmath>

namespace cockpit {

AcceleratedClock::AcceleratedClock(qint64 origin, double factor)
    : m_origin(origin)
    , m_factor(factor > 0 ? factor : 1.0)
    , m_wakeUps([this](qint64 at) { return qint64(std::ceil(double(at - now()) / m_factor)); })
{
    m_elapsed.start();
}

qint64 AcceleratedClock::now() const
{
    return m_origin + qint64(std::floor(double(m_elapsed.nsecsElapsed()) / 1e6 * m_factor));
}

} // namespace cockpit
