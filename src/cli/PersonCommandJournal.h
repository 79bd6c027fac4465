#pragma once

#include "core/run/RunPlanner.h"

#include <QString>
#include <functional>

namespace cockpit::cli {

// A person's command from a terminal other than the lead's (`decide`, `trigger raise`): opens the journal
// (a PostgreSQL password through Credentials), rebuilds the run's state from it, lets `make` plan the
// command and appends its events; the running `run` picks them up. Prints the outcome as `name: …`.
// Returns the exit code: 0 appended, 1 refused by the planner, 2 the journal could not be used (a viewer's
// role that may not write, an unreachable server). `runId` empty: the newest unfinished run, else the newest.
int appendPersonCommand(const QString &name, const QString &journalSpec,
                        const std::function<RunCommand(const RunState &, qint64 now)> &make,
                        const QString &what, const QString &who, const QString &runId = {});

} // namespace cockpit::cli
