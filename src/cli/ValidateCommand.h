#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit validate RUNBOOK [--param N=V]... [--params FILE]`: exit 0 when the runbook is valid,
// 2 when it is not (every error on stderr as FILE:LINE:COL: message) or on a usage error.
int runValidateCommand(const QStringList &args);

} // namespace cockpit::cli
