#include "engine/RunSnapshot.h"

namespace cockpit {

QString headlineName(Headline h)
{
    switch (h) {
    case Headline::NotStarted: return QStringLiteral("NOT STARTED");
    case Headline::NoGo: return QStringLiteral("NO-GO");
    case Headline::Hold: return QStringLiteral("HOLD");
    case Headline::Go: return QStringLiteral("GO");
    case Headline::RollingBack: return QStringLiteral("ROLLING BACK");
    case Headline::RolledBack: return QStringLiteral("ROLLED BACK");
    case Headline::Finished: return QStringLiteral("FINISHED");
    }
    return {};
}

} // namespace cockpit
