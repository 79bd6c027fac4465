#include "core/conditions/ConditionParser.h"

#include "core/conditions/ConditionLexicon.h"

#include <algorithm>

namespace cockpit {

using namespace condition;

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
    if (ConditionLexicon::isOperatorChar(peek()))
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
            if (ConditionLexicon::looksLikeMeasure(literal->literal.text)
                || ConditionLexicon::alwaysNumeric(*other))
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
    if (c == u'[' && ConditionLexicon::isIdentifierStart(peek(1)))
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
    if (ConditionLexicon::isIdentifierStart(c)) {
        while (!atEnd() && ConditionLexicon::isIdentifierChar(peek()))
            ++m_pos;
        const QString name = sourceFrom(start);
        if (peek() == u'(')
            return function(name, start, false);
        Operand o;
        o.source = name;
        if (name == u"true" || name == u"false") {
            o.literal = ConditionLexicon::unquotedLiteral(name);
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
        while (!atEnd() && !peek().isSpace() && !ConditionLexicon::isOperatorChar(peek()))
            ++m_pos;
        Operand o;
        o.source = sourceFrom(start);
        o.literal = ConditionLexicon::unquotedLiteral(o.source);
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
    if (c == u'[' && ConditionLexicon::isIdentifierStart(peek(1))) {
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
    } else if (ConditionLexicon::isIdentifierStart(c)) {
        while (!atEnd() && ConditionLexicon::isIdentifierChar(peek()))
            ++m_pos;
        const QString name = sourceFrom(start);
        if (peek() == u'(' && ConditionLexicon::functionNames().contains(name)) {
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
        if (rest[i].isSpace() && ConditionLexicon::isOperatorChar(rest[i + 1])) {
            qsizetype j = i + 1;
            while (j < rest.size() && ConditionLexicon::isOperatorChar(rest[j]))
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
    o.literal = ConditionLexicon::unquotedLiteral(o.source);
    m_pos = m_text.size();
    return o;
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
