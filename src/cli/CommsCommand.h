#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit comms render ID RUNBOOK [--param NAME=VALUE]... [--params FILE] [--journal SPEC
// [--run ID]]`: prints one of the runbook's `communications` (subject, audience, body) with its ${params}
// filled in. With a journal, the run's own parameter values come first (what the run used), and parameters
// named after run facts (run_id, run_mode, run_lead, run_started, run_outcome, signed_off_by,
// sign_off_result) take those facts. A placeholder the runbook does not declare, or one without a value, is
// an error that names it (FILE:LINE:COL). Exit 0 printed, 2 usage, runbook or journal error.
int runCommsCommand(const QStringList &args);

} // namespace cockpit::cli
