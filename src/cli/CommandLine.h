#pragma once

namespace cockpit::cli {

// Dispatches `cutover-cockpit SUBCOMMAND ...`; returns the process exit code.
int run(int argc, char **argv);

} // namespace cockpit::cli
