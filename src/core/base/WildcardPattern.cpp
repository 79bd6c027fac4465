#include "core/base/WildcardPattern.h"

#include <QList>

namespace cockpit {

namespace {
struct Token
{
    enum Kind { Literal, One, Star } kind;
    QChar c;
};
} // namespace

bool WildcardPattern::match(QStringView pattern, QStringView text)
{
    QList<Token> tokens;
    tokens.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == u'/')
            continue;
        if (c == u'*') {
            if (tokens.isEmpty() || tokens.last().kind != Token::Star)
                tokens.append({Token::Star, c});
        } else if (c == u'?') {
            tokens.append({Token::One, c});
        } else if (c == u'\\' && i + 1 < pattern.size()) {
            tokens.append({Token::Literal, pattern[++i]});
        } else {
            tokens.append({Token::Literal, c});
        }
    }
    QString subject;
    subject.reserve(text.size());
    for (QChar c : text)
        if (c != u'/')
            subject.append(c);

    // Greedy match that backtracks only to the most recent star: no exponential blow-up.
    qsizetype t = 0, s = 0, starT = -1, starS = 0;
    while (s < subject.size()) {
        if (t < tokens.size() && tokens[t].kind != Token::Star
            && (tokens[t].kind == Token::One || tokens[t].c == subject[s])) {
            ++t;
            ++s;
        } else if (t < tokens.size() && tokens[t].kind == Token::Star) {
            starT = t++;
            starS = s;
        } else if (starT >= 0) {
            t = starT + 1;
            s = ++starS;
        } else {
            return false;
        }
    }
    while (t < tokens.size() && tokens[t].kind == Token::Star)
        ++t;
    return t == tokens.size();
}

} // namespace cockpit
