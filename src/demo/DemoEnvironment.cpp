#include "demo/DemoEnvironment.h"

#include "core/base/Await.h"
#include "core/base/Console.h"
#include "core/base/Redactor.h"
#include "core/runbook/RunbookLoader.h"
#include "probes/SecretStore.h"

#include <QFile>
#include <QMap>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

namespace {

using namespace std::chrono_literals;

constexpr const char *kRunbookResource = ":/runbooks/a-pipeline-rollout.yaml";
constexpr const char *kDbName = "app";

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (char &c : b)
        c = char(QRandomGenerator::system()->bounded(256));
    return b;
}

// What runbook A's data checks and metrics read; the demos add the imports they need.
QString schemaSql(bool withAllColumns)
{
    return QStringLiteral(
               "CREATE TABLE user_profiles (id bigserial PRIMARY KEY, email text NOT NULL, "
               "created_at timestamptz NOT NULL DEFAULT now(), full_pass_status text, "
               "full_pass_started_at timestamptz, full_pass_completed_at timestamptz%1);\n"
               "INSERT INTO user_profiles (email) SELECT 'user' || g || '@example.test' "
               "FROM generate_series(1, 50) g;\n"
               "CREATE TABLE imports (id bigserial PRIMARY KEY, user_id text, pipeline text, status text, "
               "started_at timestamptz, completed_at timestamptz, error_message text);\n")
        .arg(withAllColumns ? QStringLiteral(", full_pass_error text") : QString());
}

QString grantsSql(const QString &role)
{
    return QStringLiteral("GRANT CONNECT ON DATABASE app TO %1;\nGRANT USAGE ON SCHEMA public TO %1;\n"
                          "GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1;\n"
                          "ALTER ROLE %1 SET default_transaction_read_only = on;\n")
        .arg(LocalPostgres::quoteIdentifier(role));
}

} // namespace

DemoEnvironment::DemoEnvironment(bool narrationToStderr)
    : m_dbPassword(randomBytes(18).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
    , m_issuerKey(randomBytes(32).toHex())
    , m_narrationToStderr(narrationToStderr)
{
    Redactor::add(m_dbPassword);
    Redactor::add(m_issuerKey);
}

DemoEnvironment::~DemoEnvironment()
{
    tearDown();
}

void DemoEnvironment::say(const QString &text) const
{
    m_narrationToStderr ? Console::err(text) : Console::out(text);
}

Expected<QByteArray, Error> DemoEnvironment::exampleRunbookText()
{
    QFile file(QString::fromLatin1(kRunbookResource));
    if (!file.open(QIODevice::ReadOnly))
        return unexpected(Error::plain(QStringLiteral("the embedded example runbook A is missing")));
    return file.readAll();
}

QString DemoEnvironment::dbSecretName(const Runbook &runbook)
{
    return runbook.connections.value(QStringLiteral("app_db")).password.name;
}

Expected<void, Error> DemoEnvironment::startPostgres()
{
    // About a second of process runs: off the main thread, so Ctrl+C stays responsive.
    auto started
        = await(QtConcurrent::run([] { return LocalPostgres::start(LocalPostgres::StartOptions {}); }));
    if (!started)
        return unexpected(started.error());
    m_postgres = std::move(*started);
    return {};
}

Expected<void, Error> DemoEnvironment::setUpDatabase(bool withAllColumns, const QString &extraSql)
{
    const LocalPostgres *pg = m_postgres.get();
    const QByteArray password = m_dbPassword;
    return await(QtConcurrent::run([pg, password, withAllColumns, extraSql]() -> Expected<void, Error> {
        const QString db = QString::fromLatin1(kDbName);
        const QString role = QString::fromLatin1(kDbUser);
        if (auto r = pg->createDatabase(db); !r)
            return r;
        if (auto r = pg->createRole(role, password); !r)
            return r;
        if (auto r = pg->runSql(db, schemaSql(withAllColumns) + grantsSql(role)); !r)
            return r;
        return extraSql.isEmpty() ? Expected<void, Error> {} : pg->runSql(db, extraSql);
    }));
}

Expected<void, Error> DemoEnvironment::startService(DemoService::Fault fault)
{
    auto service = std::make_unique<DemoService>(fault);
    if (!service->start())
        return unexpected(Error::plain(service->errorString()));
    m_service = std::move(service);
    return {};
}

Expected<Runbook, Errors> DemoEnvironment::loadRunbook(const QByteArray &text) const
{
    const QMap<QString, QString> params {{QStringLiteral("app_db_host"), m_postgres->host()},
                                         {QStringLiteral("app_db_port"), QString::number(m_postgres->port())},
                                         {QStringLiteral("app_db_name"), QString::fromLatin1(kDbName)},
                                         {QStringLiteral("app_db_user"), QString::fromLatin1(kDbUser)},
                                         {QStringLiteral("app_db_sslmode"), QStringLiteral("verify-full")},
                                         {QStringLiteral("app_db_ca_file"), m_postgres->caFile()},
                                         {QStringLiteral("rlm_url"), m_service->baseUrl()}};
    auto loaded = RunbookLoader::loadText(text, QStringLiteral("a-pipeline-rollout.yaml"), params);
    if (loaded)
        loaded->name = QStringLiteral("demo ") + loaded->name;
    return loaded;
}

Expected<void, Error> DemoEnvironment::storeSecrets(const Runbook &runbook)
{
    m_secretScope = SecretStore::scopeFor(runbook);
    SecretStore::setTimeout(5s);
    QMap<QString, QByteArray> values;
    if (const QString db = dbSecretName(runbook); !db.isEmpty())
        values.insert(db, m_dbPassword);
    for (const SecretSpec &s : std::as_const(runbook.secrets))
        if (!values.contains(s.name))
            values.insert(s.name, m_issuerKey); // A declares one: the 64-hex issuer key
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (auto r = await(SecretStore::write(m_secretScope, it.key(), it.value())); !r)
            return r;
        m_storedSecrets << it.key();
    }
    return {};
}

void DemoEnvironment::tearDown()
{
    if (!m_postgres && !m_service && m_storedSecrets.isEmpty())
        return;
    QStringList done;
    for (const QString &name : std::as_const(m_storedSecrets)) {
        const auto r = await(SecretStore::remove(m_secretScope, name));
        if (!r && !SecretStore::isNotFound(r.error()))
            Console::err(QStringLiteral("could not remove demo secret %1/%2: %3\n")
                             .arg(m_secretScope, name, r.error().message));
    }
    if (!m_storedSecrets.isEmpty())
        done << QStringLiteral("demo secrets removed");
    m_storedSecrets.clear();
    if (m_service) {
        m_service->stop();
        m_service.reset();
        done << QStringLiteral("service stopped");
    }
    if (m_postgres) {
        if (const auto r = m_postgres->stop(); !r)
            Console::err(QStringLiteral("stopping PostgreSQL: %1\n").arg(r.error().message));
        m_postgres.reset();
        done << QStringLiteral("PostgreSQL stopped and deleted");
    }
    // One line at the end: a warning printed while stopping must not split it.
    say(QStringLiteral("Tearing down: ") + done.join(QStringLiteral(", ")) + QStringLiteral(".\n"));
}

} // namespace cockpit
