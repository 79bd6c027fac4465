#include "cli/DemoCommand.h"

#include "cli/CheckSession.h"
#include "cli/InterruptHandler.h"
#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "core/base/LogCategories.h"
#include "demo/DemoEnvironment.h"
#include "probes/SecretStore.h"

#include <QElapsedTimer>

namespace cockpit::cli {

namespace {

// A day of v1 traffic: mostly completed within minutes, a few failures.
QString v1HistorySql()
{
    return QStringLiteral(
        "INSERT INTO imports (user_id, pipeline, status, started_at, completed_at, error_message)\n"
        "SELECT 'user' || (g % 50 + 1), 'v1', CASE WHEN g % 25 = 0 THEN 'failed' ELSE 'completed' END,\n"
        "       now() - (g * interval '6 minutes'), now() - (g * interval '6 minutes') + ((g % 9 + 1) * "
        "interval '1 minute'),\n"
        "       CASE WHEN g % 25 = 0 THEN 'upstream timeout' END\n"
        "FROM generate_series(1, 240) g;\n");
}

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
    const auto runbookText = DemoEnvironment::exampleRunbookText();
    if (!runbookText) {
        Console::err(QStringLiteral("demo: %1\n").arg(runbookText.error().message));
        return 2;
    }

    // With --json, stdout carries only the JSON document; the narration goes to stderr.
    DemoEnvironment env(asJson);
    QElapsedTimer clock;
    clock.start();
    env.say(QStringLiteral(
        "Cutover Cockpit demo: example runbook A (v2 full_pass pipeline rollout), prerequisites\n\n"));

    // 1. PostgreSQL.
    env.say(QStringLiteral("[1/5] Starting a throwaway PostgreSQL cluster … "));
    if (auto r = env.startPostgres(); !r) {
        Console::err(QStringLiteral("\ndemo: could not start PostgreSQL: %1\n").arg(r.error().message));
        return 2;
    }
    env.say(QStringLiteral("127.0.0.1:%1, TLS with a throwaway CA, in %2 (%3 ms)\n")
                .arg(env.postgres().port())
                .arg(env.postgres().rootDir())
                .arg(clock.elapsed()));
    if (InterruptHandler::wasInterrupted())
        return 130;

    // 2. Database, tables, read-only role.
    env.say(QStringLiteral(
                "[2/5] Creating database app: user_profiles (%1), imports (240 rows), read-only role %2 … ")
                .arg(missingColumn ? QStringLiteral("full_pass_error left out: --break missing-column")
                                   : QStringLiteral("with the 4 full_pass_* columns"),
                     QString::fromLatin1(DemoEnvironment::kDbUser)));
    if (auto r = env.setUpDatabase(!missingColumn, v1HistorySql()); !r) {
        Console::err(QStringLiteral("\ndemo: database setup failed: %1\n").arg(r.error().message));
        return 2;
    }
    env.say(QStringLiteral("done\n"));
    if (InterruptHandler::wasInterrupted())
        return 130;

    // 3. The rollout manager stand-in.
    if (auto r = env.startService(fault); !r) {
        Console::err(
            QStringLiteral("demo: the local HTTP service could not listen: %1\n").arg(r.error().message));
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
    env.say(
        QStringLiteral("[3/5] Rollout manager stand-in on %1%2\n").arg(env.service().baseUrl(), faultNote));

    auto loaded = env.loadRunbook(*runbookText);
    if (!loaded) {
        for (const Error &e : loaded.error())
            Console::err(e.toString() + QLatin1Char('\n'));
        return 2;
    }
    const Runbook runbook = std::move(*loaded);

    // 4. Secrets: the DB password and every declared secret with a pattern-conforming demo value.
    env.say(QStringLiteral("[4/5] Storing the demo secrets in the keychain (scope %1) … ")
                .arg(SecretStore::scopeFor(runbook)));
    CheckRunner runner;
    if (auto r = env.storeSecrets(runbook)) {
        env.say(QStringLiteral("%1 stored\n").arg(env.storedSecrets().join(QStringLiteral(", "))));
    } else {
        env.say(QStringLiteral("no keychain\n"));
        env.say(QStringLiteral(
                    "      The keychain is not available: %1\n"
                    "      The DB password is handed to the checks in-process instead, but the secret "
                    "checks ask the keychain,\n      so they will be NO-GO: that is what would happen on "
                    "the day if the secret were not stored.\n")
                    .arg(r.error().message));
        if (const QString dbSecret = DemoEnvironment::dbSecretName(runbook); !dbSecret.isEmpty())
            runner.provideSecret(dbSecret, env.dbPassword());
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
    env.say(QStringLiteral(
                "[5/5] Running the prerequisite check (%1 checks; manual items confirmed as \"demo\")\n")
                .arg(runbook.prerequisites.size()));
    CheckSession session(runner);
    session.setProgress(Console::stderrIsTerminal());
    const auto outcome = session.run(runbook, runbook.prerequisites, confirmations);
    if (!asJson)
        Console::out(QStringLiteral("\n"));
    int code = CheckSession::report(runbook, runbook.prerequisites, outcome, asJson);
    env.say(QStringLiteral("\n"));
    env.tearDown();
    if (outcome.interrupted || InterruptHandler::wasInterrupted())
        code = 130;
    qCInfo(lcDemo) << "demo finished with exit code" << code;
    return code;
}

} // namespace cockpit::cli
