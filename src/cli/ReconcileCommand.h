#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit reconcile RUNBOOK [--only ID,...] [--json] [--fix] [--artifacts DIR] [--no-progress]
//  [--param N=V]... [--params FILE]`: runs the runbook's reconciliations (counts, aggregates, checksum
// diff, consistency checks; with --fix the safe fixes, then the checks again).
// Exit code 0 everything within tolerance, 1 otherwise, 2 runbook or usage error, 130 interrupted.
int runReconcileCommand(const QStringList &args);

} // namespace cockpit::cli
