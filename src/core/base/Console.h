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
    // Starts every later non-empty line on stdout and stderr with `prefix` (the run mode: "[LIVE] ").
    static void setLinePrefix(const QString &prefix);
    static bool stderrIsTerminal();
    static bool stdoutIsTerminal();
};

} // namespace cockpit
