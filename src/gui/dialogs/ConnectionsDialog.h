#pragma once

#include "core/conditions/CheckResult.h"
#include "core/runbook/Runbook.h"

#include <QDialog>
#include <QHash>
#include <memory>

namespace Ui {
class ConnectionsDialog;
}

namespace cockpit {
class ConnectionTester;
}

namespace cockpit::gui {

// Every connection of the runbook (ui/ConnectionsDialog.ui): what it points to, the secret it uses and
// whether the keychain has it; enter or replace that secret (written to the keychain, never shown back,
// never on disk); "test connection" with the observed result. A locked or absent keychain shows a banner
// within a second instead of waiting: every keychain call is asynchronous and has its own deadline here.
class ConnectionsDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectionsDialog(std::shared_ptr<const Runbook> runbook, QWidget *parent = nullptr);
    ~ConnectionsDialog() override;

    QString bannerText() const; // empty while the keychain answers
    void setKeychainDeadlineMs(int ms) { m_deadlineMs = ms; }
    void refreshKeychain(); // asks the keychain again whether each secret is there

Q_SIGNALS:
    void keychainChecked(); // every secret answered (or the deadline passed)

private:
    void fillTable();
    void storeSecret();
    void testSelected();
    void showTest(const QString &connection, const CheckResult &result);
    void keychainProblem(const QString &text);
    QString selectedConnection() const;
    void setCell(int row, int column, const QString &text);
    int rowOf(const QString &connection) const;

    std::unique_ptr<Ui::ConnectionsDialog> m_ui;
    std::shared_ptr<const Runbook> m_runbook;
    ConnectionTester *m_tester;
    QHash<QString, CheckResult> m_results;
    int m_deadlineMs = 1000;
    quint64 m_round = 0; // answers of an earlier refresh are ignored
};

} // namespace cockpit::gui
