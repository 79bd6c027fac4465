#pragma once

#include <QStringView>

namespace cockpit {

// The `pat()` matcher of the condition language, Gatus-compatible: `*` matches any run of
// characters, `?` one character, `\` escapes the next one; '/' is ignored on both sides (Gatus strips
// path separators before matching). Character classes ([a-z]) are not supported: '[' is literal.
// Linear memory and O(pattern × text) worst case: safe on fuzzed input.
class WildcardPattern
{
public:
    static bool match(QStringView pattern, QStringView text);
};

} // namespace cockpit
