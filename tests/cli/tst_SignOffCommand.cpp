// `sign-off` from a terminal, with the real binary: the runbook's sign_off form (seed C) journaled as a
// sign_off event by the engine's one rule (SignOff, as the window's dialog), refused while the run is still
// going, a second time, for a viewer's role on the shared PostgreSQL journal, and with a wrong form.

#include "core/run/RunPlanner.h"
#include "core/runbook/RunbookLoader.h"
#include "engine/RunCommands.h"
#include "store/JournalFactory.h"
#include "store/PostgresJournal.h"
#include "support/CliProcess.h"
#include "support/TestPostgres.h"

#include <QDate>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTime>

using namespace cockpit;
using namespace cockpit::test;

namespace {

const char *kSeedC
    = "runbook: 1\n"
      "name: sign-off cli\n"
      "stages:\n"
      "  - {id: switch, soak: 1h, gates: [{id: dns, manual: The DNS points to the new site}]}\n";

const char *kOwnForm
    = "runbook: 1\n"
      "name: sign-off own form\n"
      "stages:\n"
      "  - {id: switch, soak: 1h, gates: [{id: dns, manual: The DNS points to the new site}]}\n"
      "sign_off:\n"
      "  fields:\n"
      "    - {name: outcome, label: Outcome, choices: [SUCCESS, ROLLBACK]}\n"
      "    - {name: lead, label: Cutover lead, type: person}\n"
      "    - {name: approved_on, label: Approved on, type: date}\n"
      "    - {name: notes, label: Notes, type: multiline, required: false}\n";

// A run written as the engine writes one (run_started, the runbook note, the planner's commands).
class RunWriter
{
public:
    RunWriter(std::unique_ptr<Journal> journal, const QByteArray &yaml, qint64 start)
        : m_journal(std::move(journal))
        , m_now(start)
    {
        auto rb = RunbookLoader::loadText(yaml, QStringLiteral("sign-off.yaml"));
        if (!rb)
            qFatal("runbook: %s", qPrintable(rb.error().first().toString()));
        m_runbook = std::make_shared<const Runbook>(std::move(*rb));
        RunInfo info;
        info.id = RunEvents::makeRunId(RunMode::Rehearsal, start);
        info.lead = QStringLiteral("Dana Weber");
        info.startedAt = start;
        info.runbook = m_runbook->name;
        m_state = RunState(m_runbook, info.id);
        apply(QList<JournalEventDraft> {RunPlanner::startRun(info)});
        apply(QList<JournalEventDraft> {RunCommands::runbookNote(info.id, start, *m_runbook)});
        apply(
            RunPlanner::enterStage(m_state, tick(), QStringLiteral("switch"), QStringLiteral("Dana Weber")));
    }
    void apply(const RunCommand &c)
    {
        if (!c)
            qFatal("refused: %s", qPrintable(c.error().message));
        for (const JournalEventDraft &d : *c) {
            auto e = m_journal->append(d);
            if (!e)
                qFatal("append: %s", qPrintable(e.error().message));
            m_state.apply(*e);
        }
    }
    qint64 tick() { return m_now += 60000; }
    const RunState &state() const { return m_state; }
    void abort()
    {
        apply(RunPlanner::abort(m_state, tick(), QStringLiteral("Dana Weber"), QStringLiteral("done")));
    }
    void rollBack()
    {
        apply(RunPlanner::startRollback(m_state, tick(), QStringLiteral("Dana Weber"),
                                        QStringLiteral("DNS wrong")));
        apply(RunPlanner::finishRollback(m_state, tick(), QStringLiteral("Dana Weber"), true,
                                         QStringLiteral("back")));
    }

private:
    std::unique_ptr<Journal> m_journal;
    std::shared_ptr<const Runbook> m_runbook;
    RunState m_state;
    qint64 m_now;
};

QList<JournalEvent> signOffs(const QString &spec, const QByteArray &password = {})
{
    JournalOpenOptions o;
    o.password = password;
    auto j = JournalFactory::open(spec, o);
    if (!j)
        return {};
    QList<JournalEvent> out;
    const auto all = (*j)->readAll(); // kept: the loop must not run over a destroyed temporary
    if (!all)
        return {};
    for (const JournalEvent &e : *all)
        if (e.type() == JournalEventType::SignOff)
            out << e;
    return out;
}

} // namespace

class tst_SignOffCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_journals = 0;

    QString sqlite() { return m_dir.filePath(QStringLiteral("j%1.journal").arg(++m_journals)); }
    static std::unique_ptr<Journal> open(const QString &spec)
    {
        auto j = JournalFactory::open(spec);
        if (!j)
            qFatal("open: %s", qPrintable(j.error().message));
        return std::move(*j);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void refusedWhileTheRunGoesOn()
    {
        const QString j = sqlite();
        RunWriter w(open(j), kSeedC, 1770000000000LL);
        const CliRun r
            = runCockpit({"sign-off", "--journal", j, "--as", "Dana Weber", "--status", "SUCCESS"});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(QLatin1String("has not finished or rolled back yet")),
                 qPrintable(r.describe()));
        QVERIFY(signOffs(j).isEmpty());
    }

    // Seed C's form (the runbook has none): date and time of now, the lead, the outcome, issues, notes.
    void recordsSeedCsFormOnce()
    {
        const QString j = sqlite();
        RunWriter w(open(j), kSeedC, 1770000000000LL);
        w.abort();
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        CliRun r
            = runCockpit({"sign-off", "--journal", j, "--as", "Dana Weber", "--status", "SUCCESS", "--issues",
                          "pooler port was wrong for 5 min", "--notes", "all green after the switch"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.outText().contains(QLatin1String("Recorded: sign-off SUCCESS (by Dana Weber)")),
                 qPrintable(r.describe()));
        QList<JournalEvent> s = signOffs(j);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.first().runId(), w.state().runId());
        QCOMPARE(s.first().actor(), QStringLiteral("Dana Weber"));
        const QJsonObject p = s.first().payload();
        QCOMPARE(p.value(QLatin1String("result")).toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(p.value(QLatin1String("issues")).toString(),
                 QStringLiteral("pooler port was wrong for 5 min"));
        QCOMPARE(p.value(QLatin1String("notes")).toString(), QStringLiteral("all green after the switch"));
        const QJsonObject f = p.value(QLatin1String("fields")).toObject();
        QVERIFY2(f.value(QLatin1String("date")).toString() == today
                     || f.value(QLatin1String("date")).toString()
                         == QDate::currentDate().addDays(-1).toString(Qt::ISODate), // midnight passed
                 qPrintable(f.value(QLatin1String("date")).toString()));
        QVERIFY(
            QTime::fromString(f.value(QLatin1String("time")).toString(), QStringLiteral("HH:mm")).isValid());
        QCOMPARE(f.value(QLatin1String("lead")).toString(), QStringLiteral("Dana Weber"));
        QCOMPARE(f.value(QLatin1String("outcome")).toString(), QStringLiteral("SUCCESS"));

        // Once: a second person cannot sign the same run off again, nor overwrite it.
        r = runCockpit({"sign-off", "--journal", j, "--as", "Ravi Patel", "--status", "ROLLBACK"});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(QLatin1String("signed off already, by Dana Weber")),
                 qPrintable(r.describe()));
        QCOMPARE(signOffs(j).size(), 1);
    }

    void usage()
    {
        const QString j = sqlite();
        QCOMPARE(runCockpit({"sign-off", "--journal", j, "--status", "SUCCESS"}).exitCode, 2); // no --as
        QCOMPARE(runCockpit({"sign-off", "--journal", j, "--as", "Dana Weber"}).exitCode, 2); // no --status
        const CliRun r = runCockpit({"sign-off", "--journal", j, "--as", "Dana Weber", "--status", "GREAT"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QLatin1String("SUCCESS or ROLLBACK")), qPrintable(r.describe()));
        const CliRun help = runCockpit({"sign-off", "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.outText().contains(QLatin1String("--status")), qPrintable(help.describe()));
    }

    void rolledBackRunIsNoSuccess()
    {
        const QString j = sqlite();
        RunWriter w(open(j), kSeedC, 1770000000000LL);
        w.rollBack();
        QCOMPARE(w.state().phase(), RunState::Phase::RolledBack);
        CliRun r = runCockpit({"sign-off", "--journal", j, "--as", "Dana Weber", "--status", "SUCCESS"});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(QLatin1String("rolled back")), qPrintable(r.describe()));
        r = runCockpit({"sign-off", "--journal", j, "--as", "Dana Weber", "--status", "ROLLBACK", "--issues",
                        "DNS pointed at the old pooler"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QList<JournalEvent> s = signOffs(j);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.first().payload().value(QLatin1String("result")).toString(), QStringLiteral("ROLLBACK"));
    }

    // The runbook's own form: only its fields, its choices, a date as a date; --run picks an older run.
    void theRunbooksOwnForm()
    {
        const QString j = sqlite();
        QString first;
        {
            RunWriter w(open(j), kOwnForm, 1770000000000LL);
            w.abort();
            first = w.state().runId();
        }
        RunWriter later(open(j), kOwnForm, 1770100000000LL); // the newest run, still going
        CliRun r = runCockpit({"sign-off", "--journal", j, "--as", "Dana Weber", "--status", "SUCCESS"});
        QCOMPARE(r.exitCode, 1); // the newest run has not finished
        const QStringList base {"sign-off", "--journal",  j,          "--run",  first,
                                "--as",     "Dana Weber", "--status", "SUCCESS"};
        r = runCockpit(base + QStringList {"--issues", "none"});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(QLatin1String("has no field issues")), qPrintable(r.describe()));
        r = runCockpit(base); // approved_on is today by default: a date field
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QList<JournalEvent> s = signOffs(j);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.first().runId(), first);
        QCOMPARE(s.first()
                     .payload()
                     .value(QLatin1String("fields"))
                     .toObject()
                     .value(QLatin1String("lead"))
                     .toString(),
                 QStringLiteral("Dana Weber"));
    }

    void wrongValuesAreRefused()
    {
        const QString j = sqlite();
        RunWriter w(open(j), kOwnForm, 1770000000000LL);
        w.abort();
        const QStringList base {"sign-off", "--journal", j, "--as", "Dana Weber", "--status", "SUCCESS"};
        CliRun r = runCockpit(base + QStringList {"--field", "approved_on=yesterday"});
        QVERIFY2(r.exitCode == 1 && r.errText().contains(QLatin1String("must be a date")),
                 qPrintable(r.describe()));
        r = runCockpit(base + QStringList {"--field", "outcome=ROLLBACK"});
        QVERIFY2(r.exitCode == 1 && r.errText().contains(QLatin1String("Outcome says ROLLBACK")),
                 qPrintable(r.describe()));
        r = runCockpit(base + QStringList {"--field", "lead="});
        QVERIFY2(r.exitCode == 1 && r.errText().contains(QLatin1String("Cutover lead (lead) is required")),
                 qPrintable(r.describe()));
        QVERIFY(signOffs(j).isEmpty());
    }

    // The shared journal: a stakeholder's viewer role is refused by the database (in words), the lead signs.
    void viewerRoleCannotSignOff()
    {
        auto pg = TestPostgres::fromEnv();
        QVERIFY2(pg.has_value(), qPrintable(pg ? QString() : pg.error().message));
        auto db = pg->createDatabase(QStringLiteral("signoff"));
        QVERIFY(db.has_value());
        const QString viewer = QStringLiteral("so_viewer_") + db->right(12);
        auto url = [&](const QString &user) {
            return QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=verify-full&sslrootcert=%5")
                .arg(user, pg->host())
                .arg(pg->port())
                .arg(*db, pg->caFile());
        };
        {
            auto lead = PostgresJournal::open(*PostgresJournalSpec::parse(url(pg->superuser())), {});
            QVERIFY(lead.has_value());
            QVERIFY((*lead)->init(viewer, "viewer-pw-77").has_value());
        }
        RunWriter w(open(url(pg->superuser())), kSeedC, 1770000000000LL);
        w.abort();
        CliRun r = runCockpit(
            {"sign-off", "--journal", url(viewer), "--as", "Sam Stakeholder", "--status", "SUCCESS"},
            {{QStringLiteral("PGPASSWORD"), QStringLiteral("viewer-pw-77")}});
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(QStringLiteral("read-only for role %1").arg(viewer)),
                 qPrintable(r.describe()));
        QVERIFY(signOffs(url(pg->superuser())).isEmpty());
        r = runCockpit(
            {"sign-off", "--journal", url(pg->superuser()), "--as", "Dana Weber", "--status", "SUCCESS"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(signOffs(url(pg->superuser())).size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_SignOffCommand)
#include "tst_SignOffCommand.moc"
