#pragma once

#include <QList>

namespace cockpit {

// Sample quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, the default of
// R and NumPy): for sorted x[0..n-1], q(p) = x[h] + (h - floor h)(x[floor h + 1] - x[floor h]) with
// h = (n - 1) p. Empty input gives NaN.
class Quantiles
{
public:
    explicit Quantiles(QList<double> values); // sorts a copy; NaNs are dropped
    double at(double p) const; // p in [0, 1]
    qsizetype count() const { return m_sorted.size(); }
    const QList<double> &sorted() const { return m_sorted; }

private:
    QList<double> m_sorted;
};

} // namespace cockpit
