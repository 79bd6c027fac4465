#include "probes/SqlText.h"

namespace cockpit {

namespace {

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// At sql[i] == '$': the length of a dollar-quote tag "$tag$" / "$$", or 0 when this '$' starts none
// (e.g. a positional parameter $1).
qsizetype dollarTag(QStringView sql, qsizetype i)
{
    qsizetype j = i + 1;
    if (j < sql.size() && sql[j].isDigit())
        return 0;
    while (j < sql.size() && isIdentChar(sql[j]))
        ++j;
    return j < sql.size() && sql[j] == QLatin1Char('$') ? j - i + 1 : 0;
}

} // namespace

int SqlText::statementCount(QStringView sql)
{
    int count = 0;
    bool content = false; // the current statement has something besides whitespace/comments
    const qsizetype n = sql.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = sql[i];
        if (c == QLatin1Char('-') && i + 1 < n && sql[i + 1] == QLatin1Char('-')) {
            while (i < n && sql[i] != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && sql[i + 1] == QLatin1Char('*')) {
            int depth = 0; // PostgreSQL block comments nest
            do {
                if (sql[i] == QLatin1Char('/') && i + 1 < n && sql[i + 1] == QLatin1Char('*')) {
                    ++depth;
                    i += 2;
                } else if (sql[i] == QLatin1Char('*') && i + 1 < n && sql[i + 1] == QLatin1Char('/')) {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            } while (i < n && depth > 0);
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // E'...' allows backslash escapes; '' and "" are escaped quotes in both forms.
            const bool backslashes = c == QLatin1Char('\'') && i > 0
                && (sql[i - 1] == QLatin1Char('E') || sql[i - 1] == QLatin1Char('e'))
                && (i < 2 || !isIdentChar(sql[i - 2]));
            content = true;
            ++i;
            while (i < n) {
                if (backslashes && sql[i] == QLatin1Char('\\')) {
                    i += 2;
                } else if (sql[i] == c) {
                    if (i + 1 < n && sql[i + 1] == c) {
                        i += 2;
                    } else {
                        ++i;
                        break;
                    }
                } else {
                    ++i;
                }
            }
        } else if (c == QLatin1Char('$') && (i == 0 || !isIdentChar(sql[i - 1])) && dollarTag(sql, i) > 0) {
            const qsizetype len = dollarTag(sql, i);
            const QStringView tag = sql.mid(i, len);
            content = true;
            const qsizetype end = sql.indexOf(tag, i + len);
            i = end < 0 ? n : end + len;
        } else if (c == QLatin1Char(';')) {
            if (content)
                ++count;
            content = false;
            ++i;
        } else {
            if (!c.isSpace())
                content = true;
            ++i;
        }
    }
    if (content)
        ++count;
    return count;
}

} // namespace cockpit
