#include "demo/DemoClock.h"

#include <cmath>

namespace cockpit {

DemoClock::DemoClock(qint64 origin, double factor)
    : m_base(origin)
    , m_factor(factor > 0 ? factor : 1.0)
    , m_wakeUps([this](qint64 at) { return qint64(std::ceil(double(at - now()) / m_factor)); })
{
    m_elapsed.start();
}

qint64 DemoClock::now() const
{
    return m_base + qint64(std::floor(double(m_elapsed.nsecsElapsed() - m_baseNs) / 1e6 * m_factor));
}

void DemoClock::setFactor(double factor)
{
    m_base = now();
    m_baseNs = m_elapsed.nsecsElapsed();
    m_factor = factor > 0 ? factor : 1.0;
}

} // namespace cockpit
