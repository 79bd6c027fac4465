#pragma once

namespace cockpit::cli {

// Whether ARGV asks for a headless subcommand (or --help/--version) rather than the GUI.
bool isCommandLineInvocation(int argc, char **argv);

// Dispatches `cutover-cockpit [--verbose] [--log-file FILE] SUBCOMMAND ...`; returns the process exit code.
// Creates the QCoreApplication itself.
int run(int argc, char **argv);

} // namespace cockpit::cli
