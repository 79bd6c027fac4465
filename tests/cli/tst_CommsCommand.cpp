// `comms render ID RUNBOOK`: a communication template with its parameters filled in, from --param, from the
// run in a journal (the values the run used, and run facts under the names the runbook declares), and a
// placeholder that has no value or is not declared named as an error, nothing printed.

#include "core/run/RunPlanner.h"
#include "core/runbook/RunbookLoader.h"
#include "engine/RunCommands.h"
#include "store/JournalFactory.h"
#include "support/CliProcess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

namespace {

const char *kRunbook
    = "runbook: 1\n"
      "name: comms cli\n"
      "params:\n"
      "  window_start: {default: \"Saturday 22:00 UTC\", rehearsal: \"Friday 20:00 UTC\"}\n"
      "  contact: {description: who answers questions}\n"
      "  run_id: {default: \"(no run yet)\"}\n"
      "  run_outcome: {default: \"(pending)\"}\n"
      "  signed_off_by: {default: \"(nobody yet)\"}\n"
      "communications:\n"
      "  - id: window-announcement\n"
      "    audience: customers\n"
      "    subject: \"Scheduled maintenance on ${window_start}\"\n"
      "    body: |\n"
      "      The application is in maintenance from ${window_start}. Questions: ${contact}.\n"
      "  - id: outcome\n"
      "    subject: \"Run ${run_id}: ${run_outcome}\"\n"
      "    body: \"Signed off by ${signed_off_by}.\"\n";

} // namespace

class tst_CommsCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void rendersWithItsParameters()
    {
        const QString rb = write(QStringLiteral("comms.yaml"), kRunbook);
        const CliRun r = runCockpit(
            {"comms", "render", "window-announcement", rb, "--param", "contact=ops@example.com"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.outText(),
                 QStringLiteral("Subject: Scheduled maintenance on Saturday 22:00 UTC\nTo: customers\n\n"
                                "The application is in maintenance from Saturday 22:00 UTC. Questions: "
                                "ops@example.com.\n"));
        // The shipped example C, its default window moved by --param.
        const CliRun c = runCockpit(
            {"comms", "render", "window-announcement",
             QStringLiteral(COCKPIT_SOURCE_DIR "/resources/runbooks/c-maintenance-window-db-switch.yaml"),
             "--param", "window_start=2026-05-02T21:00:00Z"});
        QVERIFY2(c.exitCode == 0, qPrintable(c.describe()));
        QVERIFY2(
            c.outText().startsWith(QLatin1String("Subject: Scheduled maintenance on 2026-05-02T21:00:00Z\n")),
            qPrintable(c.describe()));
        QVERIFY2(!c.outText().contains(QLatin1String("${")), qPrintable(c.describe()));
    }

    void placeholdersWithoutValueAreNamed()
    {
        const QString rb = write(QStringLiteral("comms2.yaml"), kRunbook);
        CliRun r = runCockpit({"comms", "render", "window-announcement", rb}); // contact has no value
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("--param contact=VALUE")), qPrintable(r.describe()));
        QVERIFY(r.outText().isEmpty());
        QByteArray typo = kRunbook;
        typo.replace("Questions: ${contact}", "Questions: ${contcat}");
        const QString bad = write(QStringLiteral("typo.yaml"), typo);
        r = runCockpit({"comms", "render", "window-announcement", bad, "--param", "contact=x"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("undeclared parameter \"contcat\"")),
                 qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(QStringLiteral("typo.yaml:14:")),
                 qPrintable(r.describe())); // FILE:LINE:COL
        QVERIFY(r.outText().isEmpty());
        r = runCockpit({"comms", "render", "rollback-notice", rb, "--param", "contact=x"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("it has window-announcement, outcome")),
                 qPrintable(r.describe()));
        QCOMPARE(runCockpit({"comms", "show", "outcome", rb}).exitCode, 2);
        QCOMPARE(runCockpit({"comms", "render", "outcome", rb, "--run", "x"}).exitCode,
                 2); // --run needs --journal
    }

    // With the run's journal: the value the run used (its rehearsal value), and facts of the run.
    void fromTheRunsJournal()
    {
        const QString rb = write(QStringLiteral("comms3.yaml"), kRunbook);
        const QString journal = m_dir.filePath(QStringLiteral("comms.journal"));
        QString runId;
        {
            auto j = JournalFactory::open(journal);
            QVERIFY(j.has_value());
            auto loaded = RunbookLoader::loadFile(
                rb, {{QStringLiteral("contact"), QStringLiteral("lead@example.com")}}, ParamSet::Rehearsal);
            QVERIFY(loaded.has_value());
            auto runbook = std::make_shared<const Runbook>(std::move(*loaded));
            const qint64 t = 1770000000000LL;
            RunInfo info;
            info.id = runId = RunEvents::makeRunId(RunMode::Rehearsal, t);
            info.lead = QStringLiteral("Dana Weber");
            info.startedAt = t;
            info.runbook = runbook->name;
            RunState st(runbook, info.id);
            QList<JournalEventDraft> drafts {RunPlanner::startRun(info),
                                             RunCommands::runbookNote(info.id, t, *runbook)};
            for (const JournalEventDraft &d : drafts)
                st.apply(*(*j)->append(d));
            const auto aborted
                = RunPlanner::abort(st, t + 1000, QStringLiteral("Dana Weber"), QStringLiteral("over"));
            QVERIFY(aborted.has_value());
            for (const JournalEventDraft &d : *aborted)
                QVERIFY((*j)->append(d).has_value());
        }
        CliRun r = runCockpit({"comms", "render", "window-announcement", rb, "--journal", journal});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.outText().contains(QLatin1String("from Friday 20:00 UTC. Questions: lead@example.com.")),
                 qPrintable(r.describe()));
        r = runCockpit({"sign-off", "--journal", journal, "--as", "Dana Weber", "--status", "SUCCESS"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = runCockpit({"comms", "render", "outcome", rb, "--journal", journal, "--run", runId});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.outText(),
                 QStringLiteral("Subject: Run %1: aborted\n\nSigned off by Dana Weber.\n").arg(runId));
        // --param still wins over the run's values.
        r = runCockpit(
            {"comms", "render", "outcome", rb, "--journal", journal, "--param", "signed_off_by=the board"});
        QVERIFY2(r.exitCode == 0 && r.outText().contains(QLatin1String("Signed off by the board.")),
                 qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(tst_CommsCommand)
#include "tst_CommsCommand.moc"
