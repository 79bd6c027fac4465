#include "engine/ConnectionTester.h"

#include "probes/CheckRunner.h"
#include "probes/SecretStore.h"

#include <QCoreApplication>
#include <QMetaObject>

namespace cockpit {

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("cockpit-conntest"));
    m_runner = new CheckRunner;
    m_runner->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_runner, &QObject::deleteLater);
    connect(m_runner, &CheckRunner::checkFinished, this,
            [this](const CheckResult &r) { Q_EMIT tested(r.checkId, r); });
    m_thread.start();
}

ConnectionTester::~ConnectionTester()
{
    QMetaObject::invokeMethod(m_runner, [runner = m_runner] { runner->cancel(); });
    m_thread.quit();
    m_thread.wait();
}

Check ConnectionTester::testCheck(const Runbook &runbook, const QString &connection)
{
    Check c;
    c.id = connection; // the result names the connection it tested
    c.title = connection;
    const Connection conn = runbook.connections.value(connection);
    if (conn.isHttp()) {
        HttpRequest r;
        r.connection = connection;
        r.url = QStringLiteral("/");
        c.probe = r;
    } else {
        SqlQuery q;
        q.connection = connection;
        q.query = QStringLiteral("SELECT 1");
        c.probe = q;
    }
    if (auto cond = Condition::parse(QStringLiteral("[CONNECTED] == true")))
        c.expect << *cond;
    return c;
}

QString ConnectionTester::secretOf(const Runbook &runbook, const QString &connection)
{
    const Connection c = runbook.connections.value(connection);
    if (c.password.isSet())
        return c.password.name;
    if (c.token.isSet())
        return c.token.name;
    return {};
}

void ConnectionTester::test(const std::shared_ptr<const Runbook> &runbook, const QString &connection)
{
    if (!runbook)
        return;
    const Check check = testCheck(*runbook, connection);
    QMetaObject::invokeMethod(m_runner, [runner = m_runner, runbook, check] {
        if (runner->isRunning())
            runner->cancel();
        runner->start(*runbook, {check});
    });
}

QFuture<Expected<void, Error>> ConnectionTester::storeSecret(const Runbook &runbook, const QString &name,
                                                             const QByteArray &value)
{
    return SecretStore::write(SecretStore::scopeFor(runbook), name, value);
}

QFuture<Expected<bool, Error>> ConnectionTester::hasSecret(const Runbook &runbook, const QString &name)
{
    // The value stays here: the caller learns only whether there is one.
    return SecretStore::lookup(SecretStore::scopeFor(runbook), name)
        .then(QCoreApplication::instance(),
              [](const Expected<SecretLookup, Error> &r) -> Expected<bool, Error> {
                  if (r)
                      return true;
                  if (SecretStore::isNotFound(r.error()))
                      return false;
                  return unexpected(r.error());
              });
}

} // namespace cockpit
