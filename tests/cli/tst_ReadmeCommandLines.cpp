// The README's command lines (its "Command line" block) against the real binary: every subcommand it shows
// answers --help, and every long option it shows is one that subcommand's --help lists. A README line that
// drifts from the code (an option renamed, a subcommand that never existed) fails here.

#include "support/CliProcess.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace cockpit::test;

class tst_ReadmeCommandLines : public QObject
{
    Q_OBJECT

    // The "## Command line" section's first ```sh block, continuation lines joined to their command.
    static QStringList commandLines()
    {
        QFile f(QStringLiteral(COCKPIT_SOURCE_DIR "/README.md"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QString text = QString::fromUtf8(f.readAll());
        const qsizetype section = text.indexOf(QLatin1String("\n## Command line"));
        const qsizetype open = text.indexOf(QLatin1String("```sh\n"), section);
        const qsizetype close = text.indexOf(QLatin1String("```"), open + 6);
        if (section < 0 || open < 0 || close < 0)
            return {};
        QStringList lines;
        for (const QString &line : text.mid(open + 6, close - open - 6).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("cutover-cockpit ")))
                lines << line;
            else if (!lines.isEmpty() && line.startsWith(QLatin1Char(' ')))
                lines.last() += QLatin1Char(' ') + line.trimmed();
        }
        return lines;
    }

private Q_SLOTS:
    void everyLineMatchesItsHelp()
    {
        const QStringList lines = commandLines();
        QVERIFY2(lines.size() >= 15, "the README's command-line block was not found");
        static const QRegularExpression word(QStringLiteral("^[a-z][a-z|-]*$"));
        static const QRegularExpression option(QStringLiteral("(?<![\\w-])(--[a-z][a-z-]*)"));
        for (const QString &line : lines) {
            const QStringList tokens = line.split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(1);
            // The subcommand path: leading words (a|b|c: each of them), as far as the binary has them.
            QList<QStringList> paths {{}};
            for (const QString &t : tokens) {
                if (!word.match(t).hasMatch())
                    break;
                QList<QStringList> longer;
                for (const QStringList &p : std::as_const(paths))
                    for (const QString &alt : t.split(QLatin1Char('|')))
                        longer << (p + QStringList {alt});
                paths = longer;
            }
            QString help;
            for (const QStringList &p : std::as_const(paths)) {
                const CliRun r = runCockpit(p + QStringList {QStringLiteral("--help")});
                QVERIFY2(r.exitCode == 0,
                         qPrintable(QStringLiteral("README: %1\n%2 --help: %3")
                                        .arg(line, p.join(QLatin1Char(' ')), r.describe())));
                help += r.outText();
            }
            auto it = option.globalMatch(line);
            while (it.hasNext()) {
                const QString o = it.next().captured(1);
                QVERIFY2(help.contains(o),
                         qPrintable(QStringLiteral("README: %1\n%2 is not in its --help").arg(line, o)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_ReadmeCommandLines)
#include "tst_ReadmeCommandLines.moc"
