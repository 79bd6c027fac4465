#include "cli/ReportCommand.h"

#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "engine/Credentials.h"
#include "report/EvidenceReport.h"
#include "store/JournalFactory.h"

#include <QFileInfo>

namespace cockpit::cli {

namespace {

const QString kBeside = QStringLiteral("\x01beside");

// `--json` may come without a path (then the bundle goes beside the PDF): QCommandLineParser has no
// optional values, so a bare --json gets a marker value.
QStringList withJsonMarker(QStringList args)
{
    for (qsizetype i = 0; i < args.size(); ++i)
        if (args[i] == QLatin1String("--json")
            && (i + 1 == args.size() || args[i + 1].startsWith(QLatin1Char('-'))))
            args[i] = QStringLiteral("--json=") + kBeside;
    return args;
}

} // namespace

int ReportCommand::run(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("report"), QString(),
        QStringLiteral(
            "Writes the PDF evidence report of a run from its journal: cover with the outcome and "
            "the journal's head, summary, prerequisites, stage timeline, checkpoints, gates, charts, "
            "triggers and rollback, rehearsal comparison, sign-off, integrity and the full journal. "
            "Exit 0 written, 1 written but the journal fails verification, 2 error."));
    const QCommandLineOption journal(QStringLiteral("journal"),
                                     QStringLiteral("The journal (SQLite file or postgresql://…; password "
                                                    "from PGPASSWORD)."),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption run(QStringLiteral("run"), QStringLiteral("Run id (default: the newest run)."),
                                 QStringLiteral("ID"));
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("output")},
                                 QStringLiteral("The PDF to write."), QStringLiteral("FILE"));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QStringLiteral("Also write the JSON evidence bundle (to PATH, or beside the PDF "
                       "when no path follows)."),
        QStringLiteral("PATH"));
    sp.addOption(journal);
    sp.addOption(run);
    sp.addOption(out);
    sp.addOption(json);
    if (auto done = sp.parse(withJsonMarker(args)))
        return *done;
    if (!sp.parser().isSet(journal))
        return sp.usageError(QStringLiteral("--journal is required"));
    if (!sp.parser().isSet(out))
        return sp.usageError(QStringLiteral("-o FILE (the PDF to write) is required"));
    const QString spec = sp.parser().value(journal);
    const QString pdf = sp.parser().value(out);
    QString jsonPath = sp.parser().value(json);
    if (jsonPath == kBeside)
        jsonPath = report::EvidenceReport::jsonBeside(pdf);

    if (!JournalFactory::isPostgres(spec)
        && !QFileInfo::exists(spec.startsWith(QLatin1String("sqlite:")) ? spec.mid(7) : spec)) {
        Console::err(QStringLiteral("report: the journal %1 does not exist\n").arg(spec));
        return 2;
    }
    JournalOpenOptions o;
    o.password = Credentials::postgresPassword();
    o.readOnly = !JournalFactory::isPostgres(spec);
    auto opened = JournalFactory::open(spec, o);
    if (!opened) {
        Console::err(QStringLiteral("report: %1\n").arg(opened.error().message));
        return 2;
    }
    auto input = report::EvidenceReport::read(**opened, sp.parser().value(run));
    if (!input) {
        Console::err(QStringLiteral("report: %1\n").arg(input.error()));
        return 2;
    }
    auto written = report::EvidenceReport::write(*input, pdf, jsonPath);
    if (!written) {
        Console::err(QStringLiteral("report: %1\n").arg(written.error()));
        return 2;
    }
    QString text
        = QStringLiteral("Evidence report of %1 (%2): %3\n").arg(written->runId, written->outcomeLabel, pdf);
    if (!written->jsonPath.isEmpty())
        text += QStringLiteral("JSON bundle: %1\n").arg(written->jsonPath);
    text += QStringLiteral("bundle SHA-256 %1\njournal head %2\n%3\n")
                .arg(written->bundleSha256, written->head.toString(), written->verifyResult);
    Console::out(text);
    if (!written->journalVerified) {
        Console::err(
            QStringLiteral("report: the journal FAILED verification; the report says so on its cover\n"));
        return 1;
    }
    return 0;
}

} // namespace cockpit::cli
