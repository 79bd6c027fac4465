#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit report --journal SPEC [--run ID] -o evidence.pdf [--json [PATH]]`: the PDF evidence
// report of a run (the newest when no --run), and the JSON evidence bundle whose SHA-256 the PDF prints
// (--json alone: beside the PDF, evidence.json). Reads the journal only. Exit 0 when written from a
// journal that verifies; 1 when written but the journal failed verification (the cover says so, in red);
// 2 on a usage error, a journal that cannot be opened or holds no such run, or a file that cannot be
// written.
class ReportCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace cockpit::cli
