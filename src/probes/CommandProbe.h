#pragma once

#include "core/conditions/Observation.h"
#include "core/runbook/Check.h"

#include <QFuture>

namespace cockpit {

// Runs a local program (argv[0] with argv[1..] as literal arguments, no shell) and observes its exit
// code, stdout and stderr (each capped at 1 MiB). Asynchronous on the calling thread, which must run
// an event loop; the future is fulfilled there. On timeout the process is killed.
class CommandProbe
{
public:
    static constexpr qsizetype MaxOutputBytes = qsizetype(1024) * 1024;

    static QFuture<Observation> run(const CommandSpec &spec);
};

} // namespace cockpit
