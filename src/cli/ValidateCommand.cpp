#include "cli/ValidateCommand.h"

#include "cli/RunbookOptions.h"
#include "cli/SubcommandParser.h"
#include "core/base/Console.h"

namespace cockpit::cli {

int runValidateCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("validate"), QStringLiteral("RUNBOOK"),
        QStringLiteral("Checks a runbook file without running anything. Exit code 0 when it is "
                       "valid, 2 when it is not; every error is printed as FILE:LINE:COL: message."));
    sp.parser().addPositionalArgument(QStringLiteral("RUNBOOK"), QStringLiteral("The runbook YAML file."));
    RunbookOptions options(sp);
    if (auto done = sp.parse(args))
        return *done;
    const QStringList pos = sp.parser().positionalArguments();
    if (pos.size() != 1)
        return sp.usageError(pos.isEmpty() ? QStringLiteral("a RUNBOOK file is required")
                                           : QStringLiteral("exactly one RUNBOOK file is expected"));

    const auto runbook = options.load(pos.first());
    if (!runbook) {
        RunbookOptions::printErrors(runbook.error());
        Console::err(QStringLiteral("%1: invalid (%2 error%3)\n")
                         .arg(pos.first())
                         .arg(runbook.error().size())
                         .arg(runbook.error().size() == 1 ? QString() : QStringLiteral("s")));
        return 2;
    }
    Console::out(QStringLiteral("%1: valid — \"%2\": %3 prerequisites, %4 stages, %5 connections\n")
                     .arg(pos.first(), runbook->name)
                     .arg(runbook->prerequisites.size())
                     .arg(runbook->stages.size())
                     .arg(runbook->connections.size()));
    return 0;
}

} // namespace cockpit::cli
