#pragma once

#include "core/conditions/ConditionParser.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace cockpit {

// The words and characters of the condition language, shared by ConditionParser's operand and placeholder
// readers: what may start or continue a name, an operator, a header name, which texts are meant as
// quantities, the functions, and the closest known word for a misspelt one.
class ConditionLexicon
{
public:
    static bool isIdentifierStart(QChar c);
    static bool isIdentifierChar(QChar c);
    static bool isOperatorChar(QChar c);
    // RFC 9110 token characters, the only ones a header name may hold.
    static bool isTokenChar(QChar c);
    // "1.5h", "300us", "5%", "0x10": meant as a quantity but neither a number nor a duration we read.
    static bool looksLikeMeasure(const QString &text);
    // Operands that always resolve to a number, so ordering them against a word is a mistake.
    static bool alwaysNumeric(const condition::Operand &o);
    // An unquoted literal: a number, a duration (compared in milliseconds, like Gatus) or a word.
    static condition::Scalar unquotedLiteral(const QString &text);
    // len | has | pat | any
    static const QStringList &functionNames();
    // The candidate closest to a misspelt word, or "" when none is close enough.
    static QString closest(QStringView word, const QStringList &candidates);
};

} // namespace cockpit
