#include "cli/DemoCommand.h"

#include "cli/Await.h"
#include "cli/CheckSession.h"
#include "cli/Console.h"
#include "cli/InterruptHandler.h"
#include "cli/SubcommandParser.h"
#include "core/LogCategories.h"
#include "core/Redactor.h"
#include "core/RunbookLoader.h"
#include "demo/DemoService.h"
#include "demo/LocalPostgres.h"
#include "probes/SecretStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit::cli {

namespace {

using namespace std::chrono_literals;

constexpr const char *kRunbookResource = ":/runbooks/a-pipeline-rollout.yaml";
constexpr const char *kDbUser = "cockpit_ro";

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (char &c : b)
        c = char(QRandomGenerator::system()->bounded(256));
    return b;
}

// The demo's schema: what runbook A's data checks and metrics read.
QString schemaSql(bool withAllColumns)
{
    QString sql = QStringLiteral(
        "CREATE TABLE user_profiles (id bigserial PRIMARY KEY, email text NOT NULL, "
        "created_at timestamptz NOT NULL DEFAULT now(), full_pass_status text, full_pass_started_at "
        "timestamptz, "
        "full_pass_completed_at timestamptz%1);\n"
        "INSERT INTO user_profiles (email) SELECT 'user' || g || '@example.test' FROM generate_series(1, 50) "
        "g;\n"
        "CREATE TABLE imports (id bigserial PRIMARY KEY, user_id text, pipeline text, status text, "
        "started_at timestamptz, completed_at timestamptz, error_message text);\n"
        // A day of v1 traffic: mostly completed within minutes, a few failures.
        "INSERT INTO imports (user_id, pipeline, status, started_at, completed_at, error_message)\n"
        "SELECT 'user' || (g % 50 + 1), 'v1', CASE WHEN g % 25 = 0 THEN 'failed' ELSE 'completed' END,\n"
        "       now() - (g * interval '6 minutes'), now() - (g * interval '6 minutes') + ((g % 9 + 1) * "
        "interval '1 minute'),\n"
        "       CASE WHEN g % 25 = 0 THEN 'upstream timeout' END\n"
        "FROM generate_series(1, 240) g;\n");
    return sql.arg(withAllColumns ? QStringLiteral(", full_pass_error text") : QString());
}

QString grantsSql(const QString &role)
{
    const QString r = LocalPostgres::quoteIdentifier(role);
    return QStringLiteral("GRANT CONNECT ON DATABASE app TO %1;\nGRANT USAGE ON SCHEMA public TO %1;\n"
                          "GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1;\n"
                          "ALTER ROLE %1 SET default_transaction_read_only = on;\n")
        .arg(r);
}

// Everything the demo started, torn down in reverse order whatever happened.
struct DemoEnvironment
{
    std::unique_ptr<LocalPostgres> postgres;
    std::unique_ptr<DemoService> service;
    QString secretScope;
    QStringList storedSecrets;
    bool narrationToStderr = false;

    void step(const QString &text) const { narrationToStderr ? Console::err(text) : Console::out(text); }
    ~DemoEnvironment() { tearDown(); }
    void tearDown()
    {
        if (!postgres && !service && storedSecrets.isEmpty())
            return;
        step(QStringLiteral("Tearing down: "));
        QStringList done;
        for (const QString &name : std::as_const(storedSecrets)) {
            const auto r = await(SecretStore::remove(secretScope, name));
            if (!r && !SecretStore::isNotFound(r.error()))
                Console::err(QStringLiteral("could not remove demo secret %1/%2: %3\n")
                                 .arg(secretScope, name, r.error().message));
        }
        if (!storedSecrets.isEmpty())
            done << QStringLiteral("demo secrets removed");
        storedSecrets.clear();
        if (service) {
            service->stop();
            service.reset();
            done << QStringLiteral("service stopped");
        }
        if (postgres) {
            const auto r = postgres->stop();
            if (!r)
                Console::err(QStringLiteral("stopping PostgreSQL: %1\n").arg(r.error().message));
            postgres.reset();
            done << QStringLiteral("PostgreSQL stopped and deleted");
        }
        step(done.join(QStringLiteral(", ")) + QStringLiteral(".\n"));
    }
};

} // namespace

int runDemoCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("demo"), QString(),
        QStringLiteral(
            "Runs example runbook A's prerequisite check against throwaway local services: a PostgreSQL "
            "cluster (TLS, password-authenticated read-only role) and a stand-in for the rollout manager "
            "on 127.0.0.1. Everything is torn down at the end, also on Ctrl+C.\n"
            "Exit code as `check`: 0 GO, 1 NO-GO, 2 the demo could not set up, 130 interrupted."));
    const QCommandLineOption breakOption(
        QStringLiteral("break"),
        QStringLiteral("Break one thing to see a NO-GO: missing-column, unhealthy, no-sunset or hang."),
        QStringLiteral("WHAT"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the results as JSON."));
    sp.addOption(breakOption);
    sp.addOption(json);
    if (auto done = sp.parse(args))
        return *done;
    if (!sp.parser().positionalArguments().isEmpty())
        return sp.usageError(
            QStringLiteral("unexpected argument '%1'").arg(sp.parser().positionalArguments().first()));

    const QString what = sp.parser().value(breakOption);
    DemoService::Fault fault = DemoService::Fault::None;
    bool missingColumn = false;
    if (what == QLatin1String("missing-column"))
        missingColumn = true;
    else if (what == QLatin1String("unhealthy"))
        fault = DemoService::Fault::Unhealthy;
    else if (what == QLatin1String("no-sunset"))
        fault = DemoService::Fault::NoSunset;
    else if (what == QLatin1String("hang"))
        fault = DemoService::Fault::Hang;
    else if (!what.isEmpty())
        return sp.usageError(
            QStringLiteral("--break: unknown '%1' (missing-column, unhealthy, no-sunset, hang)").arg(what));

    InterruptHandler::install();
    const bool asJson = sp.parser().isSet(json);
    // With --json, stdout carries only the JSON document; the narration goes to stderr.
    auto say = [asJson](const QString &t) { asJson ? Console::err(t) : Console::out(t); };

    QFile file(QString::fromLatin1(kRunbookResource));
    if (!file.open(QIODevice::ReadOnly)) {
        Console::err(QStringLiteral("demo: the embedded example runbook A is missing\n"));
        return 2;
    }
    const QByteArray runbookText = file.readAll();

    const QByteArray dbPassword
        = randomBytes(18).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray issuerKey = randomBytes(32).toHex();
    Redactor::add(dbPassword);
    Redactor::add(issuerKey);

    DemoEnvironment env;
    env.narrationToStderr = asJson;
    QElapsedTimer clock;
    clock.start();
    say(QStringLiteral(
        "Cutover Cockpit demo: example runbook A (v2 full_pass pipeline rollout), prerequisites\n\n"));

    // 1. PostgreSQL. Blocking (about a second): run off the main thread so Ctrl+C stays responsive.
    say(QStringLiteral("[1/5] Starting a throwaway PostgreSQL cluster … "));
    auto started
        = await(QtConcurrent::run([] { return LocalPostgres::start(LocalPostgres::StartOptions {}); }));
    if (!started) {
        Console::err(QStringLiteral("\ndemo: could not start PostgreSQL: %1\n").arg(started.error().message));
        return 2;
    }
    env.postgres = std::move(*started);
    say(QStringLiteral("127.0.0.1:%1, TLS with a throwaway CA, in %2 (%3 ms)\n")
            .arg(env.postgres->port())
            .arg(env.postgres->rootDir())
            .arg(clock.elapsed()));
    if (InterruptHandler::wasInterrupted())
        return 130;

    // 2. Database, tables, read-only role.
    say(QStringLiteral(
            "[2/5] Creating database app: user_profiles (%1), imports (240 rows), read-only role %2 … ")
            .arg(missingColumn ? QStringLiteral("full_pass_error left out: --break missing-column")
                               : QStringLiteral("with the 4 full_pass_* columns"),
                 QString::fromLatin1(kDbUser)));
    const LocalPostgres *pg = env.postgres.get();
    auto setup = await(QtConcurrent::run([pg, missingColumn, dbPassword]() -> Expected<void, Error> {
        if (auto r = pg->createDatabase(QStringLiteral("app")); !r)
            return r;
        if (auto r = pg->runSql(QStringLiteral("app"), schemaSql(!missingColumn)); !r)
            return r;
        if (auto r = pg->createRole(QString::fromLatin1(kDbUser), dbPassword); !r)
            return r;
        return pg->runSql(QStringLiteral("app"), grantsSql(QString::fromLatin1(kDbUser)));
    }));
    if (!setup) {
        Console::err(QStringLiteral("\ndemo: database setup failed: %1\n").arg(setup.error().message));
        return 2;
    }
    say(QStringLiteral("done\n"));
    if (InterruptHandler::wasInterrupted())
        return 130;

    // 3. The rollout manager stand-in.
    env.service = std::make_unique<DemoService>(fault);
    if (!env.service->start()) {
        Console::err(QStringLiteral("demo: the local HTTP service could not listen: %1\n")
                         .arg(env.service->errorString()));
        return 2;
    }
    QString faultNote;
    switch (fault) {
    case DemoService::Fault::Unhealthy:
        faultNote = QStringLiteral(" (--break unhealthy: processors_available is false)");
        break;
    case DemoService::Fault::NoSunset:
        faultNote = QStringLiteral(" (--break no-sunset: /process-full sends no Sunset header)");
        break;
    case DemoService::Fault::Hang:
        faultNote = QStringLiteral(
            " (--break hang: /health never answers; the check gives up at the 10 s timeout)");
        break;
    case DemoService::Fault::None: break;
    }
    say(QStringLiteral("[3/5] Rollout manager stand-in on %1%2\n").arg(env.service->baseUrl(), faultNote));

    // The runbook, with its params pointing at the throwaway services.
    const QMap<QString, QString> params {
        {QStringLiteral("app_db_host"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("app_db_port"), QString::number(env.postgres->port())},
        {QStringLiteral("app_db_name"), QStringLiteral("app")},
        {QStringLiteral("app_db_user"), QString::fromLatin1(kDbUser)},
        {QStringLiteral("app_db_sslmode"), QStringLiteral("verify-full")},
        {QStringLiteral("app_db_ca_file"), env.postgres->caFile()},
        {QStringLiteral("rlm_url"), env.service->baseUrl()}};
    auto loaded = RunbookLoader::loadText(runbookText, QStringLiteral("a-pipeline-rollout.yaml"), params);
    if (!loaded) {
        for (const Error &e : loaded.error())
            Console::err(e.toString() + QLatin1Char('\n'));
        return 2;
    }
    Runbook runbook = std::move(*loaded);
    // A scope of its own, so the demo never overwrites a real secret of runbook A.
    runbook.name = QStringLiteral("demo ") + runbook.name;
    env.secretScope = SecretStore::scopeFor(runbook);

    // 4. Secrets: the DB password and every declared secret with a pattern-conforming demo value.
    say(QStringLiteral("[4/5] Storing the demo secrets in the keychain (scope %1) … ").arg(env.secretScope));
    SecretStore::setTimeout(5s);
    CheckRunner runner;
    QMap<QString, QByteArray> values;
    const QString dbSecret = runbook.connections.value(QStringLiteral("app_db")).password.name;
    if (!dbSecret.isEmpty())
        values.insert(dbSecret, dbPassword);
    for (const SecretSpec &s : std::as_const(runbook.secrets))
        if (!values.contains(s.name))
            values.insert(s.name, issuerKey); // A declares one: the 64-hex issuer key
    QString keychainError;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const auto r = await(SecretStore::write(env.secretScope, it.key(), it.value()));
        if (!r) {
            keychainError = r.error().message;
            break;
        }
        env.storedSecrets << it.key();
    }
    if (keychainError.isEmpty()) {
        say(QStringLiteral("%1 stored\n").arg(env.storedSecrets.join(QStringLiteral(", "))));
    } else {
        say(QStringLiteral("no keychain\n"));
        say(QStringLiteral(
                "      The keychain is not available: %1\n"
                "      The DB password is handed to the checks in-process instead, but the secret "
                "checks ask the keychain,\n      so they will be NO-GO: that is what would happen on "
                "the day if the secret were not stored.\n")
                .arg(keychainError));
        if (!dbSecret.isEmpty())
            runner.provideSecret(dbSecret, dbPassword);
    }
    if (InterruptHandler::wasInterrupted())
        return 130;

    // 5. The check, with the manual items confirmed by the demo.
    QMap<QString, ManualConfirmation> confirmations;
    for (const Check &c : std::as_const(runbook.prerequisites))
        if (std::holds_alternative<ManualCheck>(c.probe))
            confirmations.insert(c.id,
                                 ManualConfirmation {QStringLiteral("demo"),
                                                     QStringLiteral("confirmed automatically by the demo")});
    say(QStringLiteral(
            "[5/5] Running the prerequisite check (%1 checks; manual items confirmed as \"demo\")\n")
            .arg(runbook.prerequisites.size()));
    CheckSession session(runner);
    session.setProgress(Console::stderrIsTerminal());
    const auto outcome = session.run(runbook, runbook.prerequisites, confirmations);
    if (!asJson)
        Console::out(QStringLiteral("\n"));
    int code = CheckSession::report(runbook, runbook.prerequisites, outcome, asJson);
    say(QStringLiteral("\n"));
    env.tearDown();
    if (outcome.interrupted || InterruptHandler::wasInterrupted())
        code = 130;
    qCInfo(lcDemo) << "demo finished with exit code" << code;
    return code;
}

} // namespace cockpit::cli
