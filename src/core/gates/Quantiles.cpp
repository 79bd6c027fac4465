#include "core/gates/Quantiles.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cockpit {

Quantiles::Quantiles(QList<double> values)
{
    values.removeIf([](double v) { return std::isnan(v); });
    std::sort(values.begin(), values.end());
    m_sorted = std::move(values);
}

double Quantiles::at(double p) const
{
    if (m_sorted.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    p = std::clamp(p, 0.0, 1.0);
    const double h = double(m_sorted.size() - 1) * p;
    const auto lo = qsizetype(std::floor(h));
    const qsizetype hi = std::min(lo + 1, m_sorted.size() - 1);
    return m_sorted[lo] + (h - double(lo)) * (m_sorted[hi] - m_sorted[lo]);
}

} // namespace cockpit
