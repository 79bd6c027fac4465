#include "gui/dialogs/ConnectionsDialog.h"

#include "engine/ConnectionTester.h"
#include "gui/ObservationHtml.h"
#include "ui_ConnectionsDialog.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QPushButton>
#include <QTimer>
#include <memory>

namespace cockpit::gui {

namespace {
enum Column { Name, Kind, Target, Secret, InKeychain, LastTest, ColumnCount };

QString targetOf(const Connection &c)
{
    if (const auto *pg = std::get_if<PostgresConnection>(&c.target))
        return QStringLiteral("%1@%2:%3/%4").arg(pg->user, pg->host).arg(pg->port).arg(pg->database);
    if (const auto *lite = std::get_if<SqliteConnection>(&c.target))
        return lite->path;
    if (const auto *http = std::get_if<HttpService>(&c.target))
        return http->baseUrl;
    return {};
}
} // namespace

ConnectionsDialog::ConnectionsDialog(std::shared_ptr<const Runbook> runbook, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionsDialog>())
    , m_runbook(runbook ? std::move(runbook) : std::make_shared<const Runbook>())
    , m_tester(new ConnectionTester(this))
{
    m_ui->setupUi(this);
    m_ui->keychainBanner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0b000; padding: 6px; }"));
    m_ui->connections->setColumnCount(ColumnCount);
    m_ui->connections->setHorizontalHeaderLabels(
        {tr("Connection"), tr("Kind"), tr("Points to"), tr("Secret"), tr("In keychain"), tr("Last test")});
    m_ui->connections->horizontalHeader()->setSectionResizeMode(LastTest, QHeaderView::Stretch);
    m_ui->connections->verticalHeader()->hide();
    m_ui->secretValue->setPlaceholderText(tr("New value (replaces the stored one)"));
    m_ui->testResult->setPlaceholderText(tr("Test a connection to see what was observed."));
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->storeSecret, &QPushButton::clicked, this, &ConnectionsDialog::storeSecret);
    connect(m_ui->testConnection, &QPushButton::clicked, this, &ConnectionsDialog::testSelected);
    connect(m_ui->connections, &QTableWidget::currentCellChanged, this, [this] {
        const QString name = selectedConnection();
        const QString secret = ConnectionTester::secretOf(*m_runbook, name);
        m_ui->secretBox->setEnabled(!secret.isEmpty());
        m_ui->secretBox->setToolTip(secret.isEmpty() ? tr("%1 uses no secret").arg(name) : QString {});
        m_ui->testConnection->setEnabled(!name.isEmpty());
        if (m_results.contains(name))
            m_ui->testResult->setHtml(ObservationHtml::result(m_results.value(name).toJson()));
        else
            m_ui->testResult->clear();
    });
    connect(m_ui->secretValue, &QLineEdit::textChanged, this,
            [this](const QString &t) { m_ui->storeSecret->setEnabled(!t.isEmpty()); });
    connect(m_tester, &ConnectionTester::tested, this, &ConnectionsDialog::showTest);
    m_ui->storeSecret->setEnabled(false);
    fillTable();
    if (m_ui->connections->rowCount() > 0)
        m_ui->connections->setCurrentCell(0, 0);
    // After the constructor: the dialog is shown before the keychain is asked.
    QTimer::singleShot(0, this, &ConnectionsDialog::refreshKeychain);
}

ConnectionsDialog::~ConnectionsDialog() = default;

QString ConnectionsDialog::bannerText() const
{
    return m_ui->keychainBanner->isHidden() ? QString {} : m_ui->keychainBanner->text();
}

void ConnectionsDialog::fillTable()
{
    m_ui->connections->setRowCount(int(m_runbook->connections.size()));
    int row = 0;
    for (const Connection &c : m_runbook->connections) {
        setCell(row, Name, c.name);
        setCell(row, Kind, c.kindName());
        setCell(row, Target, targetOf(c));
        const QString secret = ConnectionTester::secretOf(*m_runbook, c.name);
        setCell(row, Secret, secret.isEmpty() ? tr("none") : secret);
        setCell(row, InKeychain, secret.isEmpty() ? QStringLiteral("–") : tr("asking…"));
        setCell(row, LastTest, tr("not tested"));
        ++row;
    }
}

void ConnectionsDialog::setCell(int row, int column, const QString &text)
{
    auto *item = m_ui->connections->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        m_ui->connections->setItem(row, column, item);
    }
    item->setText(text);
}

int ConnectionsDialog::rowOf(const QString &connection) const
{
    for (int r = 0; r < m_ui->connections->rowCount(); ++r)
        if (m_ui->connections->item(r, Name)->text() == connection)
            return r;
    return -1;
}

QString ConnectionsDialog::selectedConnection() const
{
    const int row = m_ui->connections->currentRow();
    return row >= 0 && m_ui->connections->item(row, Name) ? m_ui->connections->item(row, Name)->text()
                                                          : QString {};
}

void ConnectionsDialog::keychainProblem(const QString &text)
{
    m_ui->keychainBanner->setText(text);
    m_ui->keychainBanner->show();
}

void ConnectionsDialog::refreshKeychain()
{
    const quint64 round = ++m_round;
    QStringList names;
    for (const Connection &c : m_runbook->connections)
        if (const QString s = ConnectionTester::secretOf(*m_runbook, c.name);
            !s.isEmpty() && !names.contains(s))
            names << s;
    // With no secret to look for, the keychain is still asked once so its state is known before storing.
    const QStringList asked = names.isEmpty() ? QStringList {QStringLiteral("keychain-probe")} : names;
    auto pending = std::make_shared<int>(int(asked.size()));
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, round, pending, deadline] {
        deadline->deleteLater();
        if (round != m_round || *pending == 0)
            return;
        keychainProblem(
            tr("The keychain did not answer within a second: it is locked, or no secret service is "
               "running. Secrets cannot be stored or checked now; unlock the keychain and press "
               "Test connection or reopen this dialog."));
        Q_EMIT keychainChecked();
    });
    deadline->start(m_deadlineMs);
    for (const QString &name : asked) {
        auto *watcher = new QFutureWatcher<Expected<bool, Error>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, round, pending, name, names] {
            watcher->deleteLater();
            if (round != m_round)
                return;
            const QFuture<Expected<bool, Error>> f = watcher->future();
            const Expected<bool, Error> r = f.resultCount() > 0
                ? f.result()
                : Expected<bool, Error>(unexpected(Error::plain(tr("the keychain call was cancelled"))));
            if (!r)
                keychainProblem(
                    tr("The keychain cannot be used: %1. Secrets cannot be stored or checked now.")
                        .arg(r.error().message));
            for (const Connection &c : m_runbook->connections)
                if (ConnectionTester::secretOf(*m_runbook, c.name) == name && names.contains(name))
                    setCell(rowOf(c.name), InKeychain,
                            !r       ? tr("? keychain unavailable")
                                : *r ? tr("✔ stored")
                                     : tr("✘ missing"));
            if (--*pending == 0)
                Q_EMIT keychainChecked();
        });
        watcher->setFuture(ConnectionTester::hasSecret(*m_runbook, name));
    }
}

void ConnectionsDialog::storeSecret()
{
    const QString connection = selectedConnection();
    const QString name = ConnectionTester::secretOf(*m_runbook, connection);
    if (name.isEmpty() || m_ui->secretValue->text().isEmpty())
        return;
    // The field is cleared at once: the value lives only in the keychain call from here on.
    const QByteArray value = m_ui->secretValue->text().toUtf8();
    m_ui->secretValue->clear();
    setCell(rowOf(connection), InKeychain, tr("storing…"));
    auto *watcher = new QFutureWatcher<Expected<void, Error>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, name] {
        watcher->deleteLater();
        const QFuture<Expected<void, Error>> f = watcher->future();
        if (f.resultCount() == 0 || !f.result())
            keychainProblem(tr("%1 was not stored: %2")
                                .arg(name, f.resultCount() ? f.result().error().message : tr("cancelled")));
        refreshKeychain();
    });
    watcher->setFuture(ConnectionTester::storeSecret(*m_runbook, name, value));
}

void ConnectionsDialog::testSelected()
{
    const QString connection = selectedConnection();
    if (connection.isEmpty())
        return;
    setCell(rowOf(connection), LastTest, tr("testing…"));
    m_ui->testSummary->setText(tr("Testing %1…").arg(connection));
    m_tester->test(m_runbook, connection);
}

void ConnectionsDialog::showTest(const QString &connection, const CheckResult &result)
{
    m_results.insert(connection, result);
    const QString line = result.verdict == Verdict::Pass
        ? tr("✔ reached in %1 ms").arg(result.observation.durationMs)
        : tr("✘ %1").arg(result.observation.error.isEmpty() ? result.summary : result.observation.error);
    setCell(rowOf(connection), LastTest, line);
    if (connection == selectedConnection()) {
        m_ui->testSummary->setText(tr("%1: %2").arg(connection, line));
        m_ui->testResult->setHtml(ObservationHtml::result(result.toJson()));
    }
}

} // namespace cockpit::gui
