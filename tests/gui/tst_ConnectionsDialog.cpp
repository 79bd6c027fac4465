// The connections and credentials dialog: without a secret service (no session bus) the keychain problem is
// a banner, never a hang; "test connection" shows what was observed on a loopback HTTP service.

#include "core/runbook/RunbookLoader.h"
#include "demo/LoopbackHttpServer.h"
#include "gui/dialogs/ConnectionsDialog.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

using namespace cockpit;
using namespace cockpit::gui;

class tst_ConnectionsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void absentKeychainIsABanner();
    void testsAConnection();

private:
    std::shared_ptr<const Runbook> runbook() const;
    static QString cell(QTableWidget *t, int row, int column) { return t->item(row, column)->text(); }

    LoopbackHttpServer m_server;
};

void tst_ConnectionsDialog::initTestCase()
{
    // No session bus: QtKeychain has no secret service to talk to (DISPLAY is empty for every test).
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    m_server.route("GET", "/",
                   [](const LoopbackRequest &) { return LoopbackResponse::json(200, R"({"ok":true})"); });
    QVERIFY(m_server.startInThread());
}

std::shared_ptr<const Runbook> tst_ConnectionsDialog::runbook() const
{
    const QString yaml = QStringLiteral(R"(runbook: 1
name: connections test
secrets:
  db_password: {description: the app role's password}
connections:
  app_db: {postgres: {host: 127.0.0.1, port: 1, database: app, user: app, password: {secret: db_password}}}
  svc: {http: {base_url: "%1"}}
stages:
  - id: one
    soak: 1h
    gates:
      - {id: ok, manual: fine}
)")
                             .arg(m_server.url().toString(QUrl::StripTrailingSlash));
    auto r = RunbookLoader::loadText(yaml.toUtf8(), QStringLiteral("connections.yaml"));
    if (!r) {
        for (const Error &e : r.error())
            qWarning("%s", qPrintable(e.toString()));
        return nullptr;
    }
    return std::make_shared<const Runbook>(std::move(*r));
}

void tst_ConnectionsDialog::absentKeychainIsABanner()
{
    const auto rb = runbook();
    QVERIFY(rb);
    ConnectionsDialog dialog(rb);
    dialog.show();
    QSignalSpy checked(&dialog, &ConnectionsDialog::keychainChecked);
    QVERIFY(dialog.bannerText().isEmpty());
    // "Within a second" is the dialog's own deadline; the test only waits for the banner to come.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.bannerText().isEmpty(), 15000);
    QVERIFY2(dialog.bannerText().contains(QStringLiteral("keychain")), qPrintable(dialog.bannerText()));
    QTRY_VERIFY_WITH_TIMEOUT(checked.count() >= 1, 15000);
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("connections"));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(cell(table, 0, 0), QStringLiteral("app_db"));
    QCOMPARE(cell(table, 0, 3), QStringLiteral("db_password"));
}

void tst_ConnectionsDialog::testsAConnection()
{
    const auto rb = runbook();
    QVERIFY(rb);
    ConnectionsDialog dialog(rb);
    dialog.show();
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("connections"));
    table->setCurrentCell(1, 0);
    QCOMPARE(cell(table, 1, 0), QStringLiteral("svc"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testConnection")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(cell(table, 1, 5).contains(QStringLiteral("reached")), 20000);
    auto *result = dialog.findChild<QTextBrowser *>(QStringLiteral("testResult"));
    QVERIFY(result->toPlainText().contains(QStringLiteral("[CONNECTED] (true) == true")));
    QVERIFY(result->toPlainText().contains(QStringLiteral("\"ok\": true")));

    // A database that does not listen: the observed error, not a hang.
    table->setCurrentCell(0, 0);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testConnection")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(cell(table, 0, 5).startsWith(QStringLiteral("✘")), 30000);
}

QTEST_MAIN(tst_ConnectionsDialog)
#include "tst_ConnectionsDialog.moc"
