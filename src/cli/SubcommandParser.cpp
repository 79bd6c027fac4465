#include "cli/SubcommandParser.h"

#include "core/base/Console.h"

#include <QCoreApplication>

namespace cockpit::cli {

SubcommandParser::SubcommandParser(const QString &name, const QString &arguments, const QString &description)
    : m_name(name)
    , m_arguments(arguments)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
    m_parser.addVersionOption();
}

QString SubcommandParser::helpText() const
{
    // QCommandLineParser knows only the program; put the subcommand and its synopsis in the usage line.
    QString text = m_parser.helpText();
    const qsizetype eol = text.indexOf(QLatin1Char('\n'));
    const QString usage
        = QStringLiteral("Usage: cutover-cockpit %1 [options] %2").arg(m_name, m_arguments).trimmed();
    return usage + text.mid(eol);
}

std::optional<int> SubcommandParser::parse(const QStringList &args)
{
    QStringList all {QCoreApplication::applicationFilePath()};
    all << args;
    if (!m_parser.parse(all))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help")) || m_parser.isSet(QStringLiteral("help-all"))) {
        Console::out(helpText());
        return 0;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        Console::out(QStringLiteral("cutover-cockpit %1\n").arg(QStringLiteral(COCKPIT_VERSION)));
        return 0;
    }
    return std::nullopt;
}

int SubcommandParser::usageError(const QString &message) const
{
    Console::err(
        QStringLiteral("cutover-cockpit %1: %2\nTry 'cutover-cockpit %1 --help'.\n").arg(m_name, message));
    return 2;
}

} // namespace cockpit::cli
