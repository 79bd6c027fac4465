#include "cli/RunbookOptions.h"

#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "core/runbook/RunbookLoader.h"
#include "engine/RunLauncher.h"

namespace cockpit::cli {

RunbookOptions::RunbookOptions(SubcommandParser &parser)
    : m_parser(parser)
    , m_param(QStringList {QStringLiteral("p"), QStringLiteral("param")},
              QStringLiteral("Set a runbook parameter (repeatable; wins over --params)."),
              QStringLiteral("NAME=VALUE"))
    , m_params(QStringLiteral("params"), QStringLiteral("Read parameters from a YAML or JSON file."),
               QStringLiteral("FILE"))
{
    parser.addOption(m_param);
    parser.addOption(m_params);
}

QStringList RunbookOptions::paramFiles() const
{
    return m_parser.parser().values(m_params);
}

QStringList RunbookOptions::paramAssignments() const
{
    return m_parser.parser().values(m_param);
}

Expected<QMap<QString, QString>, Errors> RunbookOptions::overrides() const
{
    return RunLauncher::parameters(paramFiles(), paramAssignments());
}

Expected<Runbook, Errors> RunbookOptions::load(const QString &path) const
{
    auto values = overrides();
    if (!values)
        return unexpected(values.error());
    return RunbookLoader::loadFile(path, *values);
}

void RunbookOptions::printErrors(const Errors &errors)
{
    QString text;
    for (const Error &e : errors)
        text += e.toString() + QLatin1Char('\n');
    Console::err(text);
}

} // namespace cockpit::cli
