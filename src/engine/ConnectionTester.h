#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/conditions/CheckResult.h"
#include "core/runbook/Runbook.h"

#include <QByteArray>
#include <QFuture>
#include <QObject>
#include <QThread>
#include <memory>

namespace cockpit {

class CheckRunner;

// The connections dialog's surface: "test connection" (SELECT 1 on a SQL connection, GET of an HTTP
// connection's base URL) through the one CheckRunner on a thread of its own, and a connection's secret
// written to or looked up in the keychain (never read back to the caller: only whether it is there).
//
// Threading: create and call on the GUI thread; tests run on the tester's thread and `tested` arrives on
// the creator's thread. Keychain calls are asynchronous (SecretStore; each resolves within its timeout).
class ConnectionTester : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override; // cancels a running test and joins the thread

    // The check that tests a connection: [CONNECTED] == true on a trivial request.
    static Check testCheck(const Runbook &runbook, const QString &connection);
    // The secret a connection authenticates with (password or token); empty when it has none.
    static QString secretOf(const Runbook &runbook, const QString &connection);

    void test(const std::shared_ptr<const Runbook> &runbook, const QString &connection);

    static QFuture<Expected<void, Error>> storeSecret(const Runbook &runbook, const QString &name,
                                                      const QByteArray &value);
    // Whether the keychain has NAME (in the runbook's scope or global); an error when it cannot say.
    static QFuture<Expected<bool, Error>> hasSecret(const Runbook &runbook, const QString &name);

Q_SIGNALS:
    void tested(const QString &connection, const cockpit::CheckResult &result);

private:
    QThread m_thread;
    CheckRunner *m_runner = nullptr; // lives on m_thread
};

} // namespace cockpit
