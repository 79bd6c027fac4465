#pragma once

#include <QString>
#include <QtGlobal>

namespace cockpit {

// How two row counts compare against an allowed difference, in the words shown to people and journaled:
// "equal", "within tolerance (Δ 3 ≤ 5)", "Δ 7 > 5 allowed". A difference inside the tolerance is never
// called a match: the lead must see that the counts differ.
class CountDifference
{
public:
    static QString describe(qint64 source, qint64 target, qint64 allowed);
};

} // namespace cockpit
