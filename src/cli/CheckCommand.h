#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit check RUNBOOK [--only ID,...] [--json] [--confirm ID --as NAME [--comment TEXT]]...
//  [--param N=V]... [--params FILE]`: runs the prerequisites and prints the Go/No-Go recommendation.
// Exit code 0 GO, 1 NO-GO, 2 runbook or usage error, 130 interrupted.
int runCheckCommand(const QStringList &args);

} // namespace cockpit::cli
