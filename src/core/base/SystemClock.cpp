#include "core/base/SystemClock.h"

#include <QDateTime>

namespace cockpit {

SystemClock::SystemClock()
    : m_wakeUps([this](qint64 at) { return at - now(); })
{
}

qint64 SystemClock::now() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace cockpit
