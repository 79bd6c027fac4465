#include "cli/RunbookOptions.h"

#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "core/runbook/ParamFile.h"
#include "core/runbook/RunbookLoader.h"

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

Expected<QMap<QString, QString>, Errors> RunbookOptions::overrides() const
{
    QMap<QString, QString> values;
    Errors errors;
    const QCommandLineParser &p = m_parser.parser();
    for (const QString &file : p.values(m_params)) {
        auto loaded = ParamFile::load(file);
        if (!loaded) {
            errors << loaded.error();
            continue;
        }
        for (auto it = loaded->cbegin(); it != loaded->cend(); ++it)
            values.insert(it.key(), it.value());
    }
    for (const QString &assignment : p.values(m_param)) {
        auto a = ParamFile::parseAssignment(assignment);
        if (!a) {
            Error e = a.error();
            if (e.file.isEmpty() && e.line == 0)
                e.message = QStringLiteral("--param %1: %2").arg(assignment, e.message);
            errors << e;
            continue;
        }
        values.insert(a->first, a->second);
    }
    if (!errors.isEmpty())
        return unexpected(errors);
    return values;
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
