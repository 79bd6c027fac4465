#pragma once

#include <QString>

namespace cockpit {

// stdout/stderr for the subcommands. Everything printed passes through the Redactor, so a secret value
// read during the run can never reach the terminal even if some observation echoed it.
class Console
{
public:
    static void out(const QString &text); // stdout, as is (add the newline yourself)
    static void err(const QString &text); // stderr
    static bool stderrIsTerminal();
    static bool stdoutIsTerminal();
};

} // namespace cockpit
