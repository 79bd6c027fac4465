#include "core/conditions/ConditionLexicon.h"

#include "core/base/Duration.h"

#include <algorithm>
#include <cmath>

namespace cockpit {

using namespace condition;

namespace condition {
QString opText(Op op)
{
    switch (op) {
    case Op::Eq: return QStringLiteral("==");
    case Op::Ne: return QStringLiteral("!=");
    case Op::Lt: return QStringLiteral("<");
    case Op::Le: return QStringLiteral("<=");
    case Op::Gt: return QStringLiteral(">");
    case Op::Ge: return QStringLiteral(">=");
    }
    return {};
}
} // namespace condition

namespace {

// Optimal string alignment distance (a transposition counts as one edit: STAUTS -> STATUS). Inputs
// are capped by the caller, so the quadratic table stays tiny.
int editDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size(), m = b.size();
    QList<QList<int>> d(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

// An integer as Go's strconv.ParseInt(s, 0, 64) reads it, which is what Gatus compares: 0x/0X hex,
// 0o/0O octal, 0b/0B binary, and a leading 0 followed by octal digits. Anything else: nullopt.
std::optional<double> prefixedInteger(QStringView t)
{
    const bool negative = t.startsWith(u'-');
    if (negative || t.startsWith(u'+'))
        t = t.sliced(1);
    if (t.size() < 2 || t.front() != u'0')
        return std::nullopt;
    int base = 8;
    QStringView digits = t.sliced(1);
    const QChar marker = t[1].toLower();
    if (marker == u'x' || marker == u'o' || marker == u'b') {
        base = marker == u'x' ? 16 : marker == u'o' ? 8 : 2;
        digits = t.sliced(2);
    }
    if (digits.isEmpty())
        return std::nullopt;
    for (const QChar ch : digits) {
        const int d = ch.isDigit() ? ch.digitValue()
            : (base == 16 && ch.toLower() >= u'a' && ch.toLower() <= u'f')
            ? ch.toLower().unicode() - u'a' + 10
            : 99;
        if (d >= base)
            return std::nullopt; // "09", "0.5", "0e3": not an integer of this base, maybe a decimal
    }
    bool ok = false;
    const qlonglong v = digits.toLongLong(&ok, base);
    if (!ok)
        return std::nullopt;
    return negative ? -double(v) : double(v);
}

} // namespace

std::optional<double> condition::numberFromText(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty() || t.size() > 64)
        return std::nullopt;
    if (const auto i = prefixedInteger(t))
        return i;
    const QChar c = t.front();
    if (!(c.isDigit() || c == u'-' || c == u'+' || c == u'.'))
        return std::nullopt;
    for (QChar ch : t)
        if (!(ch.isDigit() || ch == u'-' || ch == u'+' || ch == u'.' || ch == u'e' || ch == u'E'))
            return std::nullopt;
    bool ok = false;
    const double d = t.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

QString ConditionLexicon::closest(QStringView word, const QStringList &candidates)
{
    if (word.isEmpty() || word.size() > 40)
        return {};
    QString best;
    int bestDistance = std::max(2, int(word.size()) / 3) + 1;
    for (const QString &c : candidates) {
        const int dist = editDistance(word, c);
        if (dist < bestDistance) {
            bestDistance = dist;
            best = c;
        }
    }
    return best;
}

bool ConditionLexicon::isIdentifierStart(QChar c)
{
    return (c.isLetter() && c.unicode() < 128) || c == u'_';
}
bool ConditionLexicon::isIdentifierChar(QChar c)
{
    return isIdentifierStart(c) || (c.isDigit() && c.unicode() < 128);
}
bool ConditionLexicon::isOperatorChar(QChar c)
{
    return c == u'=' || c == u'!' || c == u'<' || c == u'>';
}

bool ConditionLexicon::isTokenChar(QChar c)
{
    if (c.unicode() >= 128)
        return false;
    if (c.isLetterOrNumber())
        return true;
    return QStringView(u"!#$%&'*+-.^_`|~").contains(c);
}

bool ConditionLexicon::looksLikeMeasure(const QString &text)
{
    if (text.isEmpty() || !text.front().isDigit())
        return false;
    bool hasUnit = false;
    for (QChar c : text) {
        if (c.isLetter() || c == u'%')
            hasUnit = true;
        else if (!c.isDigit() && c != u'.')
            return false;
    }
    return hasUnit;
}

bool ConditionLexicon::alwaysNumeric(const Operand &o)
{
    if (o.kind == Operand::Kind::Len)
        return true;
    if (o.kind != Operand::Kind::Placeholder)
        return false;
    switch (o.placeholder) {
    case Source::Status:
    case Source::ResponseTime:
    case Source::CertificateExpiration:
    case Source::Rows:
    case Source::ExitCode:
    case Source::Metric: return true;
    default: return false;
    }
}

Scalar ConditionLexicon::unquotedLiteral(const QString &text)
{
    Scalar s;
    s.text = text;
    s.number = numberFromText(text);
    if (!s.number && !text.isEmpty() && text.front().isDigit()) {
        if (const auto d = parseDuration(text))
            s.number = double(d->count());
    }
    return s;
}

const QStringList &ConditionLexicon::functionNames()
{
    static const QStringList names {QStringLiteral("len"), QStringLiteral("has"), QStringLiteral("pat"),
                                    QStringLiteral("any")};
    return names;
}

} // namespace cockpit
