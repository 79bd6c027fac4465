#include "core/gates/MannWhitney.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cockpit {

namespace {

// Counts of arrangements giving U = 0..n1 n2: coefficients of prod_{i=1..n1} (1 - q^(n2+i)) / (1 - q^i).
// After each (multiply, divide) pair the polynomial is [n2+i choose i]_q, whose coefficients are
// non-negative integers, so every intermediate value is an exact integer in a double.
std::vector<double> uDistribution(int n1, int n2)
{
    const int maxU = n1 * n2;
    std::vector<double> c(size_t(maxU) + 1, 0.0);
    c[0] = 1;
    int degree = 0;
    for (int i = 1; i <= n1; ++i) {
        const int up = n2 + i;
        degree += n2;
        for (int k = degree; k >= up; --k) // multiply by (1 - q^up), top down
            c[size_t(k)] -= c[size_t(k - up)];
        for (int k = i; k <= degree; ++k) // divide by (1 - q^i): running sum
            c[size_t(k)] += c[size_t(k - i)];
    }
    return c;
}

} // namespace

double MannWhitney::normalUpperTail(double z)
{
    return 0.5 * std::erfc(z / std::sqrt(2.0));
}

double MannWhitney::exactUpperTail(int n1, int n2, double u)
{
    const std::vector<double> c = uDistribution(n1, n2);
    double total = 0;
    double tail = 0;
    for (size_t k = 0; k < c.size(); ++k) {
        total += c[k];
        if (double(k) >= u - 1e-9)
            tail += c[k];
    }
    return total > 0 ? tail / total : 1.0;
}

MannWhitneyResult MannWhitney::test(const QList<double> &first, const QList<double> &second,
                                    Alternative alternative)
{
    MannWhitneyResult r;
    r.n1 = int(first.size());
    r.n2 = int(second.size());
    if (r.n1 == 0 || r.n2 == 0)
        return r;
    r.valid = true;

    // Mid-ranks over the pooled sample.
    struct Item
    {
        double v;
        bool second;
    };
    std::vector<Item> pooled;
    pooled.reserve(size_t(r.n1) + size_t(r.n2));
    for (double v : first)
        pooled.push_back({v, false});
    for (double v : second)
        pooled.push_back({v, true});
    std::sort(pooled.begin(), pooled.end(), [](const Item &a, const Item &b) { return a.v < b.v; });
    const auto n = double(pooled.size());
    double rankSumSecond = 0;
    double tieTerm = 0;
    for (size_t i = 0; i < pooled.size();) {
        size_t j = i;
        while (j < pooled.size() && pooled[j].v == pooled[i].v)
            ++j;
        const double t = double(j - i);
        const double midRank = (double(i + 1) + double(j)) / 2.0;
        for (size_t k = i; k < j; ++k) {
            if (pooled[k].second)
                rankSumSecond += midRank;
        }
        if (t > 1) {
            tieTerm += t * t * t - t;
            ++r.tiedGroups;
        }
        i = j;
    }
    const double n1 = r.n1;
    const double n2 = r.n2;
    r.u2 = rankSumSecond - n2 * (n2 + 1) / 2.0;
    r.u1 = n1 * n2 - r.u2;
    r.meanU = n1 * n2 / 2.0;
    r.sigmaU = std::sqrt(n1 * n2 / 12.0 * ((n + 1) - tieTerm / (n * (n - 1))));

    double zGreater = 0; // for H1 "second larger"
    double zLess = 0;
    if (r.sigmaU > 0) {
        zGreater = (r.u2 - r.meanU - 0.5) / r.sigmaU;
        zLess = (r.u2 - r.meanU + 0.5) / r.sigmaU;
    }
    double pGreater = r.sigmaU > 0 ? normalUpperTail(zGreater) : 1.0;
    double pLess = r.sigmaU > 0 ? 1.0 - normalUpperTail(zLess) : 1.0;
    r.exact = r.tiedGroups == 0 && r.n1 + r.n2 <= kMaxExactTotal;
    if (r.exact) {
        pGreater = exactUpperTail(r.n1, r.n2, r.u2); // P(U2 >= u2)
        pLess = exactUpperTail(r.n1, r.n2, r.u1); // P(U2 <= u2) = P(U1 >= u1) by symmetry
    }
    if (r.n1 + r.n2 <= kMaxExactTotal)
        r.minAttainableP = exactUpperTail(r.n1, r.n2, n1 * n2);
    else
        r.minAttainableP = 0;

    switch (alternative) {
    case Alternative::Greater:
        r.z = zGreater;
        r.p = pGreater;
        break;
    case Alternative::Less:
        r.z = zLess;
        r.p = pLess;
        break;
    case Alternative::TwoSided:
        r.z = r.u2 >= r.meanU ? zGreater : zLess;
        r.p = std::min(1.0, 2.0 * std::min(pGreater, pLess));
        r.minAttainableP = std::min(1.0, 2 * r.minAttainableP);
        break;
    }
    r.p = std::clamp(r.p, 0.0, 1.0);
    return r;
}

} // namespace cockpit
