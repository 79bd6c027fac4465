#include "core/conditions/ConditionParser.h"

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

enum class Suffix { None, Path, Name };

struct PlaceholderInfo
{
    const char16_t *name;
    Source source;
    Suffix suffix;
};

constexpr PlaceholderInfo placeholders[] = {
    {u"STATUS", Source::Status, Suffix::None},
    {u"BODY", Source::Body, Suffix::Path},
    {u"RESPONSE_TIME", Source::ResponseTime, Suffix::None},
    {u"CONNECTED", Source::Connected, Suffix::None},
    {u"CERTIFICATE_EXPIRATION", Source::CertificateExpiration, Suffix::None},
    {u"HEADER", Source::Header, Suffix::Name},
    {u"ROWS", Source::Rows, Suffix::None},
    {u"VALUE", Source::Value, Suffix::None},
    {u"COLUMN", Source::Column, Suffix::Name},
    {u"EXIT_CODE", Source::ExitCode, Suffix::None},
    {u"STDOUT", Source::Stdout, Suffix::None},
    {u"STDERR", Source::Stderr, Suffix::None},
    {u"PRESENT", Source::Present, Suffix::None},
    {u"VALID", Source::Valid, Suffix::None},
};

// Gatus placeholders whose probes (ICMP/DNS/whois/suites) Cutover Cockpit does not have.
constexpr const char16_t *gatusOnly[] = {u"IP", u"DNS_RCODE", u"DOMAIN_EXPIRATION", u"CONTEXT"};

constexpr const char16_t *functions[] = {u"len", u"has", u"pat", u"any"};

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

template<class Range> QString closest(QStringView word, const Range &candidates)
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

bool isIdentifierStart(QChar c)
{
    return (c.isLetter() && c.unicode() < 128) || c == u'_';
}
bool isIdentifierChar(QChar c)
{
    return isIdentifierStart(c) || (c.isDigit() && c.unicode() < 128);
}
bool isOperatorChar(QChar c)
{
    return c == u'=' || c == u'!' || c == u'<' || c == u'>';
}

// RFC 9110 token characters, the only ones a header name may hold.
bool isTokenChar(QChar c)
{
    if (c.unicode() >= 128)
        return false;
    if (c.isLetterOrNumber())
        return true;
    return QStringView(u"!#$%&'*+-.^_`|~").contains(c);
}

// "1.5h", "300us", "5%", "0x10": meant as a quantity but neither a number nor a duration we read.
bool looksLikeMeasure(const QString &text)
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

// Operands that always resolve to a number, so ordering them against a word is a mistake.
bool alwaysNumeric(const Operand &o)
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

} // namespace

namespace {
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

namespace {
// An unquoted literal: a number, a duration (compared in milliseconds, like Gatus) or a word.
Scalar unquotedLiteral(const QString &text)
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
} // namespace

Expected<std::shared_ptr<const Node>, ConditionSyntaxError> ConditionParser::parse(const QString &text)
{
    ConditionParser p(text);
    return p.run();
}

ConditionSyntaxError ConditionParser::errorAt(qsizetype pos, QString message) const
{
    return ConditionSyntaxError {int(std::min<qsizetype>(pos, m_text.size())) + 1, std::move(message)};
}

QString ConditionParser::sourceFrom(qsizetype start) const
{
    return m_text.mid(start, m_pos - start);
}

void ConditionParser::skipSpaces()
{
    while (!atEnd() && m_text[m_pos].isSpace())
        ++m_pos;
}

QChar ConditionParser::peek(qsizetype ahead) const
{
    const qsizetype i = m_pos + ahead;
    return i < m_text.size() ? m_text[i] : QChar();
}

Expected<std::shared_ptr<const Node>, ConditionSyntaxError> ConditionParser::run()
{
    if (m_text.size() > maxLength)
        return unexpected(errorAt(
            maxLength, QStringLiteral("condition is too long (more than %1 characters)").arg(maxLength)));
    skipSpaces();
    if (atEnd())
        return unexpected(
            errorAt(0, QStringLiteral("empty condition: expected something like [STATUS] == 200")));

    auto node = std::make_shared<Node>();
    const qsizetype lhsStart = m_pos;
    auto lhs = leftOperand();
    if (!lhs)
        return unexpected(lhs.error());
    node->lhs = std::move(*lhs);
    node->lhs.position = lhsStart;

    skipSpaces();
    const QString expectedOperator = QStringLiteral("expected an operator (==, !=, <, <=, >, >=) after %1")
                                         .arg(node->lhs.source.left(60));
    if (atEnd())
        return unexpected(errorAt(m_pos, expectedOperator));
    const qsizetype opStart = m_pos;
    const QChar c = peek(), next = peek(1);
    if (c == u'=') {
        if (next != u'=')
            return unexpected(errorAt(m_pos, QStringLiteral("'=' is not an operator, did you mean '=='?")));
        node->op = Op::Eq;
        m_pos += 2;
    } else if (c == u'!') {
        if (next != u'=')
            return unexpected(errorAt(m_pos, QStringLiteral("'!' is not an operator, did you mean '!='?")));
        node->op = Op::Ne;
        m_pos += 2;
    } else if (c == u'<' || c == u'>') {
        const bool orEqual = next == u'=';
        node->op = c == u'<' ? (orEqual ? Op::Le : Op::Lt) : (orEqual ? Op::Ge : Op::Gt);
        m_pos += orEqual ? 2 : 1;
    } else {
        return unexpected(errorAt(m_pos, expectedOperator));
    }
    const QString op = opText(node->op);

    skipSpaces();
    if (atEnd())
        return unexpected(errorAt(m_pos, QStringLiteral("expected a value after %1").arg(op)));
    if (isOperatorChar(peek()))
        return unexpected(
            errorAt(m_pos, QStringLiteral("unexpected '%1' after the operator %2").arg(peek()).arg(op)));
    const qsizetype rhsStart = m_pos;
    auto rhs = rightOperand(op);
    if (!rhs)
        return unexpected(rhs.error());
    node->rhs = std::move(*rhs);
    node->rhs.position = rhsStart;

    if (node->lhs.isMatcher() && node->rhs.isMatcher())
        return unexpected(errorAt(rhsStart,
                                  QStringLiteral("pat() and any() can't be compared with each other: "
                                                 "one side must be a placeholder or value")));
    if ((node->lhs.isMatcher() || node->rhs.isMatcher()) && node->op != Op::Eq && node->op != Op::Ne)
        return unexpected(errorAt(opStart, QStringLiteral("pat() and any() only work with == and !=")));
    if (node->op != Op::Eq && node->op != Op::Ne) {
        for (const auto &[literal, other] :
             {std::pair {&node->lhs, &node->rhs}, std::pair {&node->rhs, &node->lhs}}) {
            if (literal->kind != Operand::Kind::Literal || literal->quoted || literal->literal.number)
                continue;
            // An ordering against a value that can never be a number fails on every sample; say so
            // now instead of failing silently during the cutover (`> 1.5h`, `< 5%`, `>= ${min}`).
            if (looksLikeMeasure(literal->literal.text) || alwaysNumeric(*other))
                return unexpected(
                    errorAt(literal->position,
                            QStringLiteral("expected a number or a duration such as 90s, 15m or 48h "
                                           "after %1, found %2")
                                .arg(op, literal->literal.text.left(40))));
        }
    }
    return std::shared_ptr<const Node>(std::move(node));
}

Expected<Operand, ConditionSyntaxError> ConditionParser::leftOperand()
{
    const qsizetype start = m_pos;
    const QChar c = peek();
    if (c == u'[' && isIdentifierStart(peek(1)))
        return placeholder();
    if (c == u'"') {
        auto s = quotedString();
        if (!s)
            return unexpected(s.error());
        Operand o;
        o.literal = std::move(*s);
        o.quoted = true;
        o.source = sourceFrom(start);
        return o;
    }
    if (isIdentifierStart(c)) {
        while (!atEnd() && isIdentifierChar(peek()))
            ++m_pos;
        const QString name = sourceFrom(start);
        if (peek() == u'(')
            return function(name, start, false);
        Operand o;
        o.source = name;
        if (name == u"true" || name == u"false") {
            o.literal = unquotedLiteral(name);
            return o;
        }
        // A bare identifier on the left is a metric name (`success_rate_pct >= 95`). Gatus would read
        // it as literal text; nobody writes `raw == raw` in a runbook.
        o.kind = Operand::Kind::Placeholder;
        o.placeholder = Source::Metric;
        o.name = name;
        return o;
    }
    if (c.isDigit() || c == u'-' || c == u'+' || c == u'.') {
        while (!atEnd() && !peek().isSpace() && !isOperatorChar(peek()))
            ++m_pos;
        Operand o;
        o.source = sourceFrom(start);
        o.literal = unquotedLiteral(o.source);
        return o;
    }
    return unexpected(errorAt(start,
                              QStringLiteral("expected a placeholder such as [STATUS], a function such as "
                                             "len(...), a metric name or a value")));
}

Expected<Operand, ConditionSyntaxError> ConditionParser::rightOperand(const QString &op)
{
    const qsizetype start = m_pos;
    const QChar c = peek();
    std::optional<Operand> result;
    if (c == u'[' && isIdentifierStart(peek(1))) {
        auto o = placeholder();
        if (!o)
            return unexpected(o.error());
        result = std::move(*o);
    } else if (c == u'"') {
        auto s = quotedString();
        if (!s)
            return unexpected(s.error());
        Operand o;
        o.literal = std::move(*s);
        o.quoted = true;
        o.source = sourceFrom(start);
        result = std::move(o);
    } else if (isIdentifierStart(c)) {
        while (!atEnd() && isIdentifierChar(peek()))
            ++m_pos;
        const QString name = sourceFrom(start);
        if (peek() == u'('
            && std::find(std::begin(functions), std::end(functions), name) != std::end(functions)) {
            auto o = function(name, start, true);
            if (!o)
                return unexpected(o.error());
            result = std::move(*o);
        } else {
            m_pos = start;
        }
    }

    if (result) {
        skipSpaces();
        if (!atEnd()) {
            const QStringView rest = QStringView(m_text).mid(m_pos);
            if (rest.startsWith(u"&&") || rest.startsWith(u"||"))
                return unexpected(errorAt(m_pos,
                                          QStringLiteral("&& and || are not supported: list each condition "
                                                         "separately")));
            return unexpected(errorAt(m_pos,
                                      QStringLiteral("expected the end of the condition after %1 %2")
                                          .arg(op, result->source.left(60))));
        }
        return std::move(*result);
    }

    // Like Gatus, an unquoted value runs to the end of the condition ("Sat, 01 Mar 2026" works
    // unquoted); catch the two mistakes that would otherwise become a value that never matches.
    QStringView rest = QStringView(m_text).mid(start);
    while (!rest.isEmpty() && rest.back().isSpace())
        rest.chop(1);
    for (qsizetype i = 0; i + 1 < rest.size(); ++i) {
        const QStringView two = rest.mid(i, 2);
        if (two == u"&&" || two == u"||")
            return unexpected(errorAt(start + i,
                                      QStringLiteral("&& and || are not supported: list each condition "
                                                     "separately")));
        if (rest[i].isSpace() && isOperatorChar(rest[i + 1])) {
            qsizetype j = i + 1;
            while (j < rest.size() && isOperatorChar(rest[j]))
                ++j;
            if (j == rest.size() || rest[j].isSpace()) {
                const QStringView second = rest.mid(i + 1, j - i - 1);
                if (second == u"==" || second == u"!=" || second == u"<" || second == u"<=" || second == u">"
                    || second == u">=")
                    return unexpected(errorAt(start + i + 1,
                                              QStringLiteral("a condition has one operator, found a "
                                                             "second one: %1 (quote the value if it "
                                                             "is text)")
                                                  .arg(second)));
            }
        }
    }
    Operand o;
    o.source = rest.toString();
    o.literal = unquotedLiteral(o.source);
    m_pos = m_text.size();
    return o;
}

Expected<Operand, ConditionSyntaxError> ConditionParser::placeholder()
{
    const qsizetype start = m_pos++;
    const qsizetype nameStart = m_pos;
    while (!atEnd() && isIdentifierChar(peek()))
        ++m_pos;
    const QString rawName = sourceFrom(nameStart);
    if (peek() != u']')
        return unexpected(errorAt(
            m_pos, QStringLiteral("expected ']' to close the placeholder [%1").arg(rawName.left(40))));
    ++m_pos;
    const QString name = rawName.toUpper();

    const PlaceholderInfo *info = nullptr;
    for (const auto &p : placeholders)
        if (name == p.name)
            info = &p;
    if (!info) {
        for (const char16_t *g : gatusOnly)
            if (name == g)
                return unexpected(errorAt(start,
                                          QStringLiteral("placeholder [%1] is not supported: Cutover Cockpit "
                                                         "has no probe that observes it")
                                              .arg(name)));
        QStringList known;
        for (const auto &p : placeholders)
            known.append(QString::fromUtf16(p.name));
        const QString suggestion = closest(name, known);
        if (!suggestion.isEmpty())
            return unexpected(errorAt(start,
                                      QStringLiteral("unknown placeholder [%1], did you mean [%2]?")
                                          .arg(rawName.left(40), suggestion)));
        return unexpected(errorAt(start,
                                  QStringLiteral("unknown placeholder [%1], expected one of [%2]")
                                      .arg(rawName.left(40), known.join(QStringLiteral("], [")))));
    }

    Operand o;
    o.kind = Operand::Kind::Placeholder;
    o.placeholder = info->source;
    switch (info->suffix) {
    case Suffix::Path:
        if (peek() == u'.' || peek() == u'[') {
            qsizetype consumed = 0;
            auto path = JsonPath::parse(QStringView(m_text).mid(m_pos), &consumed);
            if (!path)
                return unexpected(errorAt(m_pos + path.error().offset, path.error().message));
            o.path = std::move(*path);
            m_pos += consumed;
        }
        break;
    case Suffix::Name: {
        const QString what = info->source == Source::Header ? QStringLiteral("a header name")
                                                            : QStringLiteral("a column name");
        if (peek() != u'.')
            return unexpected(errorAt(m_pos,
                                      QStringLiteral("expected '.' and %1 after [%2], e.g. [%2].%3")
                                          .arg(what, name,
                                               info->source == Source::Header ? QStringLiteral("Content-Type")
                                                                              : QStringLiteral("status"))));
        const qsizetype fieldStart = ++m_pos;
        while (!atEnd() && !JsonPath::isStopCharacter(peek()))
            ++m_pos;
        if (m_pos == fieldStart)
            return unexpected(errorAt(m_pos, QStringLiteral("expected %1 after [%2].").arg(what, name)));
        o.name = sourceFrom(fieldStart);
        if (info->source == Source::Header) {
            for (qsizetype i = 0; i < o.name.size(); ++i)
                if (!isTokenChar(o.name[i]))
                    return unexpected(
                        errorAt(fieldStart + i,
                                QStringLiteral("'%1' is not allowed in a header name").arg(o.name[i])));
        }
        break;
    }
    case Suffix::None:
        if (peek() == u'.' || peek() == u'[')
            return unexpected(errorAt(m_pos,
                                      QStringLiteral("[%1] takes no path: only [BODY], [HEADER] and [COLUMN] "
                                                     "do")
                                          .arg(name)));
        break;
    }
    o.source = sourceFrom(start);
    return o;
}

Expected<Operand, ConditionSyntaxError> ConditionParser::function(const QString &name, qsizetype nameStart,
                                                                  bool rightSide)
{
    // m_pos is on the '('.
    ++m_pos;
    if (name == u"len" || name == u"has") {
        const bool isHas = name == u"has";
        skipSpaces();
        Operand o;
        if (peek() == u'[' && isIdentifierStart(peek(1))) {
            auto inner = placeholder();
            if (!inner)
                return unexpected(inner.error());
            o = std::move(*inner);
        } else if (isHas && isIdentifierStart(peek())) {
            const qsizetype idStart = m_pos;
            while (!atEnd() && isIdentifierChar(peek()))
                ++m_pos;
            o.placeholder = Source::Metric;
            o.name = sourceFrom(idStart);
        } else {
            return unexpected(errorAt(m_pos,
                                      isHas ? QStringLiteral("has() takes a placeholder such as "
                                                             "[BODY].errors or a metric name")
                                            : QStringLiteral("len() takes a placeholder such as "
                                                             "[BODY].items")));
        }
        skipSpaces();
        if (peek() != u')')
            return unexpected(errorAt(m_pos, QStringLiteral("missing ')' to close %1(").arg(name)));
        ++m_pos;
        o.kind = isHas ? Operand::Kind::Has : Operand::Kind::Len;
        o.source = sourceFrom(nameStart);
        return o;
    }
    if (name == u"pat") {
        // Gatus takes everything up to the final ')' as the pattern, so a pattern may hold ')'.
        const qsizetype close = rightSide ? m_text.lastIndexOf(u')') : m_text.indexOf(u')', m_pos);
        if (close < m_pos)
            return unexpected(errorAt(m_text.size(), QStringLiteral("missing ')' to close pat(")));
        QString pattern = m_text.mid(m_pos, close - m_pos).trimmed();
        if (pattern.size() >= 2 && pattern.front() == u'"' && pattern.back() == u'"') {
            QString unquoted;
            for (qsizetype i = 1; i + 1 < pattern.size(); ++i) {
                if (pattern[i] == u'\\' && i + 2 < pattern.size()
                    && (pattern[i + 1] == u'"' || pattern[i + 1] == u'\\'))
                    ++i;
                unquoted.append(pattern[i]);
            }
            pattern = unquoted;
        }
        m_pos = close + 1;
        Operand o;
        o.kind = Operand::Kind::Pattern;
        o.pattern = pattern;
        o.source = sourceFrom(nameStart);
        return o;
    }
    if (name == u"any") {
        Operand o;
        o.kind = Operand::Kind::Any;
        for (;;) {
            skipSpaces();
            if (atEnd())
                return unexpected(errorAt(m_pos, QStringLiteral("missing ')' to close any(")));
            if (peek() == u'"') {
                auto s = quotedString();
                if (!s)
                    return unexpected(s.error());
                o.options.append(std::move(*s));
            } else {
                const qsizetype itemStart = m_pos;
                while (!atEnd() && peek() != u',' && peek() != u')')
                    ++m_pos;
                const QString item = sourceFrom(itemStart).trimmed();
                if (item.isEmpty())
                    return unexpected(errorAt(itemStart,
                                              QStringLiteral("expected a value in any(), e.g. "
                                                             "any(200, 204)")));
                o.options.append(unquotedLiteral(item));
            }
            skipSpaces();
            if (atEnd())
                return unexpected(errorAt(m_pos, QStringLiteral("missing ')' to close any(")));
            if (peek() == u')') {
                ++m_pos;
                break;
            }
            if (peek() != u',')
                return unexpected(errorAt(m_pos, QStringLiteral("expected ',' or ')' in any(")));
            ++m_pos;
        }
        o.source = sourceFrom(nameStart);
        return o;
    }
    QStringList known;
    for (const char16_t *f : functions)
        known.append(QString::fromUtf16(f));
    const QString suggestion = closest(name.toLower(), known);
    return unexpected(errorAt(
        nameStart,
        suggestion.isEmpty()
            ? QStringLiteral("unknown function %1(), expected len(), has(), pat() "
                             "or any()")
                  .arg(name.left(40))
            : QStringLiteral("unknown function %1(), did you mean %2()?").arg(name.left(40), suggestion)));
}

Expected<Scalar, ConditionSyntaxError> ConditionParser::quotedString()
{
    const qsizetype start = m_pos++;
    Scalar s;
    while (!atEnd()) {
        const QChar c = m_text[m_pos];
        if (c == u'\\' && m_pos + 1 < m_text.size() && (peek(1) == u'"' || peek(1) == u'\\')) {
            s.text.append(peek(1));
            m_pos += 2;
        } else if (c == u'"') {
            ++m_pos;
            return s; // quoted text never reads as a number: it compares as text
        } else {
            s.text.append(c);
            ++m_pos;
        }
    }
    return unexpected(errorAt(start, QStringLiteral("unterminated string: add the closing '\"'")));
}

} // namespace cockpit
