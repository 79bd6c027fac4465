#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/runbook/Runbook.h"
#include "demo/DemoService.h"
#include "demo/LocalPostgres.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

namespace cockpit {

// The throwaway world both demos run example runbook A in (`demo --prerequisites-only` and the rehearsal):
// a local PostgreSQL cluster with database app, its tables and the password-authenticated read-only role,
// the rollout manager stand-in, the runbook's params pointing at them, and the demo secrets in the
// keychain under the demo's own scope. tearDown() or the destructor removes everything, whatever happened.
// Blocking steps run off the main thread and keychain calls are awaited: use it from the CLI's top level.
class DemoEnvironment
{
public:
    static constexpr const char *kDbUser = "cockpit_ro";

    // Narration goes to stderr when stdout carries a document (--json).
    explicit DemoEnvironment(bool narrationToStderr = false);
    ~DemoEnvironment();
    DemoEnvironment(const DemoEnvironment &) = delete;
    DemoEnvironment &operator=(const DemoEnvironment &) = delete;

    void say(const QString &text) const;

    // Example runbook A as embedded in the binary.
    static Expected<QByteArray, Error> exampleRunbookText();
    // The secret runbook A's database connection takes its password from (empty if none).
    static QString dbSecretName(const Runbook &runbook);

    Expected<void, Error> startPostgres();
    // Database app: user_profiles (50 users; full_pass_error left out unless withAllColumns), an empty
    // imports table, the read-only role kDbUser with dbPassword() and its grants; then extraSql (data).
    Expected<void, Error> setUpDatabase(bool withAllColumns, const QString &extraSql);
    Expected<void, Error> startService(DemoService::Fault fault = DemoService::Fault::None);
    // The runbook with its params pointing at the throwaway services, renamed "demo …" so its secret
    // scope is the demo's own and a real secret of runbook A is never overwritten.
    Expected<Runbook, Errors> loadRunbook(const QByteArray &text) const;
    // The DB password and every other declared secret (A's 64-hex issuer key) into the keychain under the
    // runbook's scope; stops at the first keychain error. What was stored is removed by tearDown().
    Expected<void, Error> storeSecrets(const Runbook &runbook);
    // Removes the secrets, stops the service and the cluster, and says what it did. Idempotent.
    void tearDown();

    // Valid after startPostgres() / startService() succeeded.
    const LocalPostgres &postgres() const { return *m_postgres; }
    const DemoService &service() const { return *m_service; }
    QByteArray dbPassword() const { return m_dbPassword; }
    QString secretScope() const { return m_secretScope; }
    QStringList storedSecrets() const { return m_storedSecrets; }

private:
    std::unique_ptr<LocalPostgres> m_postgres;
    std::unique_ptr<DemoService> m_service;
    QByteArray m_dbPassword;
    QByteArray m_issuerKey;
    QString m_secretScope;
    QStringList m_storedSecrets;
    bool m_narrationToStderr = false;
};

} // namespace cockpit
