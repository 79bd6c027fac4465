#pragma once

#include <QString>
#include <QStringView>

namespace cockpit {

// Lexical facts about SQL text, without parsing it. Used to refuse multi-statement checks: a second
// statement after "COMMIT;" would run outside the read-only transaction.
class SqlText
{
public:
    // Number of non-empty statements separated by top-level ';' (outside quotes, dollar quotes and
    // comments). Empty statements (";;", trailing ';') don't count.
    static int statementCount(QStringView sql);
};

} // namespace cockpit
