// A NO-GO override where the runbook asks for two people (go_no_go.second_approver), with the real binary
// against the fixture PostgreSQL: the author's override is journaled as pending and the run does not start;
// the author cannot approve it (nor under another spelling of the name), a viewer's role cannot either; a
// second person's approval lets the author's same override start the run; a different override needs its
// own approval.

#include "core/journal/JournalEvent.h"
#include "store/JournalFactory.h"
#include "store/PostgresJournal.h"
#include "support/CliProcess.h"
#include "support/TestPostgres.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

class tst_NoGoOverride : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<TestDatabase> m_db;

    QString writeRunbook(const QString &name)
    {
        const TestPostgres &pg = m_db->pg;
        const QString path = m_dir.filePath(name + QStringLiteral(".yaml"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(
            QStringLiteral(
                "runbook: 1\n"
                "name: two-person override %1\n"
                "go_no_go: {second_approver: true}\n"
                "connections:\n"
                "  app_db:\n"
                "    postgres: {host: \"%2\", port: %3, database: \"%4\", user: \"%5\", ca_file: \"%6\"}\n"
                "metrics:\n"
                "  v: {connection: app_db, every: 5s, query: \"SELECT v FROM m\"}\n"
                "prerequisites:\n"
                "  - {id: v-perfect, category: data, sql: {connection: app_db, query: \"SELECT v FROM m\"},"
                " expect: \"[VALUE] >= 100\"}\n"
                "stages:\n"
                "  - id: only\n"
                "    soak: 2s\n"
                "    gates:\n"
                "      - {id: v-ok, expect: \"v >= 95\", hold: 0s}\n")
                .arg(name, pg.host())
                .arg(pg.port())
                .arg(m_db->name, pg.superuser(), pg.caFile())
                .toUtf8());
        return path;
    }

    static QStringList run(const QString &runbook, const QString &journal, const QString &who,
                           const QString &reason)
    {
        return {QStringLiteral("run"),
                runbook,
                QStringLiteral("--mode"),
                QStringLiteral("rehearsal"),
                QStringLiteral("--journal"),
                journal,
                QStringLiteral("--as"),
                who,
                QStringLiteral("--exit-on-decision"),
                QStringLiteral("--yes"),
                QStringLiteral("--override-no-go"),
                QStringLiteral("--reason"),
                reason};
    }
    static QStringList approve(const QString &journal, const QString &who)
    {
        return {QStringLiteral("approve"),
                QStringLiteral("--journal"),
                journal,
                QStringLiteral("--no-go-override"),
                QStringLiteral("--as"),
                who,
                QStringLiteral("--statement"),
                QStringLiteral("read the blockers")};
    }
    static QList<JournalEvent> events(const QString &spec, JournalEventType type)
    {
        QList<JournalEvent> out;
        auto j = JournalFactory::open(spec);
        if (!j)
            return out;
        const auto all = (*j)->readAll(); // kept: the loop must not run over a destroyed temporary
        if (!all)
            return out;
        for (const JournalEvent &e : *all)
            if (e.type() == type)
                out << e;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db
            = TestPostgres::databaseFromEnv(QStringLiteral("override"),
                                            QStringLiteral("CREATE TABLE m (v double precision); INSERT INTO "
                                                           "m VALUES (99); GRANT SELECT ON m TO PUBLIC;"));
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
        m_db = *db;
    }

    void secondPersonApproves_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::newRow("sqlite") << false;
        QTest::newRow("postgresql") << true;
    }

    void secondPersonApproves()
    {
        QFETCH(bool, postgres);
        const TestPostgres &pg = m_db->pg;
        QString journal = m_dir.filePath(QStringLiteral("override.journal"));
        QString viewerJournal;
        if (postgres) {
            auto db = pg.createDatabase(QStringLiteral("override_journal"));
            QVERIFY(db.has_value());
            const QString viewer = QStringLiteral("ov_viewer_") + db->right(12);
            auto url = [&](const QString &user) {
                return QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=verify-full&sslrootcert=%5")
                    .arg(user, pg.host())
                    .arg(pg.port())
                    .arg(*db, pg.caFile());
            };
            journal = url(pg.superuser());
            viewerJournal = url(viewer);
            auto lead = PostgresJournal::open(*PostgresJournalSpec::parse(journal), {});
            QVERIFY(lead.has_value());
            QVERIFY((*lead)->init(viewer, "viewer-pw-31").has_value());
        }
        const QString runbook = writeRunbook(postgres ? QStringLiteral("pg") : QStringLiteral("file"));
        const QString why = QStringLiteral("99 is what production has had for a year");

        // 1. The author's override alone does not start the run: pending, journaled, exit 4.
        CliRun r = runCockpit(run(runbook, journal, QStringLiteral("Dana Weber"), why));
        QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(QLatin1String("needs a second approver")), qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(QLatin1String("approve --journal")), qPrintable(r.describe()));
        QList<JournalEvent> g = events(journal, JournalEventType::GoNoGo);
        QCOMPARE(g.size(), 1);
        QCOMPARE(g.last().payload().value(QLatin1String("decision")).toString(),
                 QStringLiteral("override_pending"));
        QCOMPARE(g.last().payload().value(QLatin1String("overridden_by")).toString(),
                 QStringLiteral("Dana Weber"));
        QCOMPARE(events(journal, JournalEventType::StageEntered).size(), 0);

        // 2. Segregation of duties: the author cannot approve it, under any spelling of the name.
        for (const QString &self : {QStringLiteral("Dana Weber"), QStringLiteral(" dana  WEBER ")}) {
            r = runCockpit(approve(journal, self));
            QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
            QVERIFY2(r.errText().contains(QLatin1String("segregation of duties")), qPrintable(r.describe()));
        }
        // A stakeholder's viewer role cannot write the approval at all.
        if (postgres) {
            r = runCockpit(approve(viewerJournal, QStringLiteral("Sam Stakeholder")),
                           {{QStringLiteral("PGPASSWORD"), QStringLiteral("viewer-pw-31")}});
            QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
            QVERIFY2(r.errText().contains(QLatin1String("read-only for role")), qPrintable(r.describe()));
        }
        QCOMPARE(events(journal, JournalEventType::Approval).size(), 0);

        // 3. A second person approves (once).
        r = runCockpit(approve(journal, QStringLiteral("Ravi Patel")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = runCockpit(approve(journal, QStringLiteral("Mia Chen")));
        QVERIFY2(r.exitCode == 1 && r.errText().contains(QLatin1String("approved already, by Ravi Patel")),
                 qPrintable(r.describe()));

        // 4. Another override (another reason) is not what was approved: pending again.
        r = runCockpit(
            run(runbook, journal, QStringLiteral("Dana Weber"), QStringLiteral("we are in a hurry")));
        QVERIFY2(r.exitCode == 4, qPrintable(r.describe()));
        QCOMPARE(events(journal, JournalEventType::StageEntered).size(), 0);
        r = runCockpit(approve(journal, QStringLiteral("Ravi Patel")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        // 5. The approved override starts the run; the go_no_go names both people.
        r = runCockpit(
            run(runbook, journal, QStringLiteral("Dana Weber"), QStringLiteral("we are in a hurry")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.outText().contains(
                     QLatin1String("NO-GO OVERRIDDEN by Dana Weber: we are in a hurry, approved by "
                                   "Ravi Patel")),
                 qPrintable(r.describe()));
        g = events(journal, JournalEventType::GoNoGo);
        QCOMPARE(g.size(), 3);
        const QJsonObject p = g.last().payload();
        QCOMPARE(p.value(QLatin1String("decision")).toString(), QStringLiteral("override"));
        QCOMPARE(p.value(QLatin1String("approved_by")).toString(), QStringLiteral("Ravi Patel"));
        QCOMPARE(p.value(QLatin1String("overridden_by")).toString(), QStringLiteral("Dana Weber"));
        QCOMPARE(events(journal, JournalEventType::StageEntered).size(), 1);
        // Nothing is left to approve.
        r = runCockpit(approve(journal, QStringLiteral("Mia Chen")));
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(tst_NoGoOverride)
#include "tst_NoGoOverride.moc"
