#pragma once

#include <QString>

namespace cockpit {

// The four outcomes of a check or gate. NoData is never silently a pass or a fail; Inconclusive needs a
// human decision, recorded with a name and a reason.
enum class Verdict { Pass, Fail, NoData, Inconclusive };

inline QString verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return QStringLiteral("PASS");
    case Verdict::Fail: return QStringLiteral("FAIL");
    case Verdict::NoData: return QStringLiteral("NO DATA");
    case Verdict::Inconclusive: return QStringLiteral("INCONCLUSIVE");
    }
    return {};
}

} // namespace cockpit
