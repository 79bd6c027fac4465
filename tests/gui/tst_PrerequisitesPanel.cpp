// Example A's prerequisites checked from the window: a real ThreadedRunController over a SQLite journal,
// the test PostgreSQL and a loopback rollout manager; the verdicts arrive in the table and the detail pane
// through snapshots, and a manual item is signed off through the engine.

#include "demo/LoopbackHttpServer.h"
#include "engine/ThreadedRunController.h"
#include "gui/RunView.h"
#include "gui/panels/PrerequisitesPanel.h"
#include "probes/SecretStore.h"
#include "store/JournalFactory.h"
#include "support/Await.h"
#include "support/ControllerHarness.h"
#include "support/TestEnv.h"
#include "support/TestPostgres.h"

#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>

using namespace cockpit;
using namespace cockpit::gui;
using namespace cockpit::test;

class tst_PrerequisitesPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void checksExampleAFromTheWindow();

private:
    static int rowOf(QTableView *view, const QString &id)
    {
        for (int r = 0; r < view->model()->rowCount(); ++r)
            if (view->model()->index(r, 0).data(Qt::UserRole + 1).toString() == id)
                return r;
        return -1;
    }
    static QString tr_checking() { return QStringLiteral("checking…"); }
    static QString cell(QTableView *view, const QString &id, int column)
    {
        return view->model()->index(rowOf(view, id), column).data().toString();
    }

    LoopbackHttpServer m_server;
    std::atomic<bool> m_healthHangs {false};
    std::optional<TestPostgres> m_pg;
    QString m_db;
    QTemporaryDir m_dir;
};

void tst_PrerequisitesPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    std::atomic<bool> *hang = &m_healthHangs;
    m_server.route("GET", "/health", [hang](const LoopbackRequest &) {
        if (*hang) {
            LoopbackResponse r;
            r.hang = true;
            return r;
        }
        return LoopbackResponse::json(200, R"({"status":"healthy","processors_available":true})");
    });
    // The setting is at 5, not 0: one failing prerequisite with its observed value.
    m_server.route("GET", "/config/rollout-percent", [](const LoopbackRequest &) {
        return LoopbackResponse::json(200, R"({"key":"rollout_percent","value":5})");
    });
    m_server.route("POST", "/process-full", [](const LoopbackRequest &) {
        LoopbackResponse r = LoopbackResponse::json(202, R"({"accepted":true})");
        r.withHeader("Deprecation", "true");
        r.withHeader("Sunset", "Sat, 01 Mar 2026 00:00:00 GMT");
        return r;
    });
    QVERIFY(m_server.startInThread());
    auto pg = TestPostgres::fromEnv();
    if (!pg)
        QFAIL(qPrintable(pg.error().message));
    m_pg = *pg;
    auto db = m_pg->createDatabase(
        QStringLiteral("guipre"),
        QStringLiteral("CREATE TABLE user_profiles (id bigserial PRIMARY KEY, full_pass_status text, "
                       "full_pass_started_at timestamptz, full_pass_completed_at timestamptz, "
                       "full_pass_error text);"));
    if (!db)
        QFAIL(qPrintable(db.error().message));
    m_db = *db;
    // The issuer key's secret check asks the keychain (this test's own keyring session).
    const auto w
        = await(SecretStore::write(SecretStore::scopeFor(QStringLiteral("v2 full_pass pipeline rollout")),
                                   QStringLiteral("rlm_issuer_key"), QByteArray(64, 'a')));
    if (!w)
        QFAIL(qPrintable(w.error().message));
}

void tst_PrerequisitesPanel::cleanupTestCase()
{
    m_server.close();
}

void tst_PrerequisitesPanel::checksExampleAFromTheWindow()
{
    const QMap<QString, QString> params {
        {QStringLiteral("app_db_host"), m_pg->host()},
        {QStringLiteral("app_db_port"), QString::number(m_pg->port())},
        {QStringLiteral("app_db_name"), m_db},
        {QStringLiteral("app_db_user"), m_pg->appUser()},
        {QStringLiteral("app_db_sslmode"), QStringLiteral("verify-full")},
        {QStringLiteral("app_db_ca_file"), m_pg->caFile()},
        {QStringLiteral("rlm_url"), QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())}};
    auto rb = RunbookLoader::loadFile(
        sourcePath(QStringLiteral("resources/runbooks/a-pipeline-rollout.yaml")), params);
    QVERIFY(rb.has_value());
    FakeClock clock(
        QDateTime::fromString(QStringLiteral("2026-03-02T08:00:00Z"), Qt::ISODate).toMSecsSinceEpoch());
    const QString journal = m_dir.filePath(QStringLiteral("a.journal"));
    RunControllerSetup setup = controllerSetup(std::make_shared<const Runbook>(std::move(*rb)), &clock,
                                               [journal]() { return JournalFactory::open(journal); });
    setup.secrets.insert(QStringLiteral("app_db_password"), m_pg->appPassword());
    ThreadedRunController controller(std::move(setup));
    const auto started = awaitOrAbort(controller.start(), 20000, "the run's start");
    QVERIFY(started.has_value());

    RunView view;
    view.resize(1400, 900);
    view.setController(&controller, {QStringLiteral("Dana Weber")});
    view.show();
    auto *panel = view.findChild<PrerequisitesPanel *>();
    QVERIFY(panel);
    view.tabs()->setCurrentWidget(panel);
    auto *table = panel->findChild<QTableView *>(QStringLiteral("prerequisites"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 6, 10000);
    QCOMPARE(cell(table, QStringLiteral("rlm-health"), 2), QStringLiteral("○ not checked"));

    // The missing-credentials map: the password was handed to the run, the issuer key was not (never a
    // value).
    auto *secrets = panel->findChild<QTableWidget *>(QStringLiteral("secretsMap"));
    QTRY_COMPARE(secrets->rowCount(), 2);

    auto *checkAll = panel->findChild<QPushButton *>(QStringLiteral("checkAll"));
    QVERIFY(checkAll->isEnabled());
    QTest::mouseClick(checkAll, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(cell(table, QStringLiteral("rlm-health"), 2).contains(QStringLiteral("PASS")),
                             30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        cell(table, QStringLiteral("rollout-config"), 2).contains(QStringLiteral("FAIL")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        cell(table, QStringLiteral("migration-columns"), 2).contains(QStringLiteral("PASS")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        cell(table, QStringLiteral("deprecation-headers"), 2).contains(QStringLiteral("PASS")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(cell(table, QStringLiteral("issuer-key"), 2).contains(QStringLiteral("PASS")),
                             30000);
    auto *progress = panel->findChild<QProgressBar *>(QStringLiteral("checkProgress"));
    QTRY_COMPARE_WITH_TIMEOUT(progress->value(), 5, 30000);
    QCOMPARE(progress->maximum(), 5); // the manual item is signed off, not run
    QVERIFY(cell(table, QStringLiteral("rollout-config"), 3).contains(QStringLiteral("(5) == 0")));

    // The detail pane: the conditions with their observed values, the status, the headers and the body.
    table->setCurrentIndex(table->model()->index(rowOf(table, QStringLiteral("rollout-config")), 0));
    QTRY_VERIFY(panel->detailText().contains(QStringLiteral("[BODY].value (5) == 0")));
    QVERIFY2(panel->detailText().contains(QStringLiteral("HTTP status")), qPrintable(panel->detailText()));
    QVERIFY(panel->detailText().contains(QStringLiteral("\"rollout_percent\"")));
    table->setCurrentIndex(table->model()->index(rowOf(table, QStringLiteral("deprecation-headers")), 0));
    QTRY_VERIFY(panel->detailText().contains(QStringLiteral("Sunset")));
    table->setCurrentIndex(table->model()->index(rowOf(table, QStringLiteral("migration-columns")), 0));
    QTRY_VERIFY(panel->detailText().contains(QStringLiteral("full_pass_error")));

    // A manual item is signed off with a name and a comment, journaled through the engine.
    table->setCurrentIndex(
        table->model()->index(rowOf(table, QStringLiteral("validation-queries-prepared")), 0));
    auto *signOff = panel->findChild<QPushButton *>(QStringLiteral("signOffPrerequisite"));
    QVERIFY(!signOff->isEnabled()); // no comment yet
    panel->findChild<QLineEdit *>(QStringLiteral("signOffComment"))
        ->setText(QStringLiteral("saved in the console"));
    QVERIFY(signOff->isEnabled());
    QTest::mouseClick(signOff, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(table, QStringLiteral("validation-queries-prepared"), 6),
                              QStringLiteral("Dana Weber"), 20000);
    QVERIFY(cell(table, QStringLiteral("validation-queries-prepared"), 2).contains(QStringLiteral("PASS")));
    QTRY_VERIFY(panel->detailText().contains(QStringLiteral("saved in the console")));

    // A check that never answers is cancelled from the window; the buttons come back.
    m_healthHangs = true;
    auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("cancelChecks"));
    table->setCurrentIndex(table->model()->index(rowOf(table, QStringLiteral("rlm-health")), 0));
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("checkCategory")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(cancel->isEnabled(), 20000);
    QVERIFY(!checkAll->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(cell(table, QStringLiteral("rlm-health"), 2), tr_checking(), 20000);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(checkAll->isEnabled(), 20000);
    QVERIFY(!cancel->isEnabled());
    m_healthHangs = false;
    controller.stop();
}

QTEST_MAIN(tst_PrerequisitesPanel)
#include "tst_PrerequisitesPanel.moc"
