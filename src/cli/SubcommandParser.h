#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <optional>

namespace cockpit::cli {

// QCommandLineParser for one subcommand, with --help and --version and the CLI's exit codes: it never
// calls exit() (the demo must tear down what it started), usage errors return 2.
class SubcommandParser
{
public:
    // `name` as typed after the program ("probe http"), `arguments` the synopsis after the options.
    SubcommandParser(const QString &name, const QString &arguments, const QString &description);

    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineParser &parser() const { return m_parser; }
    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }

    // `args` are the subcommand's arguments, without the program and subcommand names. Returns an exit
    // code when the command is done (help/version printed: 0; usage error printed: 2), else nullopt.
    std::optional<int> parse(const QStringList &args);

    // Prints "cutover-cockpit NAME: message" and a hint to --help on stderr; returns 2.
    int usageError(const QString &message) const;
    QString helpText() const;

private:
    QString m_name;
    QString m_arguments;
    QCommandLineParser m_parser;
};

} // namespace cockpit::cli
