#pragma once

#include <QList>
#include <QString>

namespace cockpit {

struct MannWhitneyResult
{
    int n1 = 0; // first sample (the baseline)
    int n2 = 0; // second sample (the current stage)
    double u1 = 0; // pairs (x, y) with x > y, ties counted 1/2
    double u2 = 0; // pairs with y > x: the statistic for "y tends to be larger"; u1 + u2 = n1 n2
    double meanU = 0; // n1 n2 / 2 under H0
    double sigmaU = 0; // with tie correction; 0 when every value is tied
    double z = 0; // normal approximation with continuity correction (reported even when exact)
    double p = 1; // one- or two-sided p-value of the requested alternative
    bool exact = false; // p from the exact null distribution (no ties, n1 + n2 <= kMaxExactTotal)
    int tiedGroups = 0; // groups of equal values across both samples
    double minAttainableP = 0; // the smallest p this n1, n2 can produce (exact), for "too few samples"
    bool valid = false; // both samples non-empty
};

// Mann-Whitney U (Wilcoxon rank-sum) test of two independent samples.
//
// Exact p from the null distribution of U when there are no ties and n1 + n2 <= kMaxExactTotal (the
// distribution is the coefficient list of the Gaussian binomial [n1+n2 choose n1]_q, built exactly in
// doubles: every coefficient stays below 2^53 up to that size). Otherwise the normal approximation:
// mean n1 n2 / 2, variance n1 n2 / 12 * ((N + 1) - sum(t^3 - t) / (N (N - 1))) over tied groups of size t,
// continuity correction 0.5. Callers should not draw conclusions below kMinSampleSize per sample.
class MannWhitney
{
public:
    enum class Alternative {
        Greater, // H1: the second sample tends to be larger (e.g. durations degraded)
        Less, // H1: the second sample tends to be smaller
        TwoSided,
    };
    static constexpr int kMinSampleSize = 3;
    static constexpr int kMaxExactTotal = 50;

    static MannWhitneyResult test(const QList<double> &first, const QList<double> &second,
                                  Alternative alternative);

    // P(U >= u) under H0 for sample sizes n1, n2 without ties (exact; n1 + n2 <= kMaxExactTotal).
    static double exactUpperTail(int n1, int n2, double u);
    // Standard normal upper tail 1 - Phi(z).
    static double normalUpperTail(double z);
};

} // namespace cockpit
