// bench_check: the prerequisite check at scale. Generates a runbook with 200 HTTP checks against a
// LoopbackHttpServer on its own thread (each endpoint answers after 200 ms) and 40 SQL checks
// (`SELECT pg_sleep(0.05), count(*) FROM items`) on 4 connections to a throwaway LocalPostgres (TLS,
// verify-full, password auth), runs them through CheckRunner and reports wall time and peak RSS.
//   bench_check [--http N] [--sql N] [--delay-ms MS] [--runs N]
// Target: < 1.5 s wall per run. Exit code 1 when a check does not pass (the figures would be meaningless).
#include "core/runbook/RunbookLoader.h"
#include "demo/LocalPostgres.h"
#include "demo/LoopbackHttpServer.h"
#include "probes/CheckRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>
#include <sys/resource.h>

using namespace cockpit;

namespace {

QTextStream out(stdout);

long peakRssKb()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss; // kilobytes on Linux
}

constexpr int kHttpConnections = 4;
constexpr int kSqlConnections = 4;

QByteArray runbookYaml(int httpChecks, int sqlChecks)
{
    QByteArray y = "runbook: 1\nname: bench check\n"
                   "params:\n  rlm_url: \"http://127.0.0.1:1\"\n  db_port: 5432\n  db_ca: \"\"\n"
                   "secrets:\n  bench_db_password: {required: true}\n"
                   "connections:\n";
    for (int c = 0; c < kHttpConnections; ++c)
        y += "  rlm" + QByteArray::number(c)
            + ":\n    http: {base_url: \"${rlm_url}\", timeout: 10s}\n"
              "    max_concurrent: "
            + QByteArray::number(qBound(1, (httpChecks + kHttpConnections - 1) / kHttpConnections, 64))
            + "\n";
    for (int c = 0; c < kSqlConnections; ++c)
        y += "  db" + QByteArray::number(c)
            + ":\n    postgres: {host: 127.0.0.1, port: \"${db_port}\", database: bench, "
              "user: bench_ro, sslmode: verify-full, ca_file: \"${db_ca}\", password: {secret: "
              "bench_db_password}}\n"
              "    max_concurrent: 4\n";
    y += "prerequisites:\n";
    for (int i = 0; i < httpChecks; ++i)
        y += "  - id: http-" + QByteArray::number(i) + "\n    category: service\n    http: {connection: rlm"
            + QByteArray::number(i % kHttpConnections) + ", method: GET, path: /slow/" + QByteArray::number(i)
            + "}\n    expect: [\"[STATUS] == 200\", \"[BODY].ok == true\"]\n";
    for (int i = 0; i < sqlChecks; ++i)
        y += "  - id: sql-" + QByteArray::number(i) + "\n    category: data\n    sql: {connection: db"
            + QByteArray::number(i % kSqlConnections)
            + ", query: \"SELECT pg_sleep(0.05), count(*) AS n FROM items\"}\n    expect: \"[ROWS] == 1\"\n";
    return y;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Per-check debug lines would be measured along with the checks.
    QLoggingCategory::setFilterRules(QStringLiteral("cockpit.*.debug=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prerequisite-check benchmark (see docs/benchmarks.md)."));
    parser.addHelpOption();
    const QCommandLineOption httpOpt(QStringLiteral("http"), QStringLiteral("HTTP checks (200)."),
                                     QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption sqlOpt(QStringLiteral("sql"), QStringLiteral("SQL checks (40)."),
                                    QStringLiteral("N"), QStringLiteral("40"));
    const QCommandLineOption delayOpt(QStringLiteral("delay-ms"), QStringLiteral("HTTP answer delay (200)."),
                                      QStringLiteral("MS"), QStringLiteral("200"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs (3)."), QStringLiteral("N"),
                                     QStringLiteral("3"));
    parser.addOptions({httpOpt, sqlOpt, delayOpt, runsOpt});
    parser.process(app);
    const int httpChecks = parser.value(httpOpt).toInt();
    const int sqlChecks = parser.value(sqlOpt).toInt();
    const int delayMs = parser.value(delayOpt).toInt();
    const int runs = qMax(1, parser.value(runsOpt).toInt());

    QElapsedTimer setup;
    setup.start();
    auto pg = LocalPostgres::start({});
    if (!pg) {
        QTextStream(stderr) << "PostgreSQL: " << pg.error().message << "\n";
        return 2;
    }
    QByteArray password = QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    for (auto r :
         {(*pg)->createDatabase(QStringLiteral("bench")),
          (*pg)->runSql(QStringLiteral("bench"),
                        QStringLiteral("CREATE TABLE items (id int); INSERT INTO items "
                                       "SELECT generate_series(1, 1000);")),
          (*pg)->createRole(QStringLiteral("bench_ro"), password),
          (*pg)->runSql(QStringLiteral("bench"), QStringLiteral("GRANT SELECT ON items TO bench_ro;"))}) {
        if (!r) {
            QTextStream(stderr) << "setup: " << r.error().message << "\n";
            return 2;
        }
    }

    LoopbackHttpServer server;
    server.route("GET", "/slow/*", [delayMs](const LoopbackRequest &) {
        return LoopbackResponse::json(200, R"({"ok":true})").after(std::chrono::milliseconds(delayMs));
    });
    if (!server.startInThread()) {
        QTextStream(stderr) << "HTTP server: " << server.errorString() << "\n";
        return 2;
    }
    const qint64 setupMs = setup.elapsed();

    const QMap<QString, QString> params {
        {QStringLiteral("rlm_url"), QStringLiteral("http://127.0.0.1:%1").arg(server.port())},
        {QStringLiteral("db_port"), QString::number((*pg)->port())},
        {QStringLiteral("db_ca"), (*pg)->caFile()}};
    QElapsedTimer loadTimer;
    loadTimer.start();
    auto runbook
        = RunbookLoader::loadText(runbookYaml(httpChecks, sqlChecks), QStringLiteral("bench.yaml"), params);
    const qint64 loadMs = loadTimer.elapsed();
    if (!runbook) {
        for (const Error &e : runbook.error())
            QTextStream(stderr) << e.toString() << "\n";
        return 2;
    }

    out << "# bench_check: " << httpChecks << " HTTP checks (" << delayMs << " ms each, " << kHttpConnections
        << " connections) + " << sqlChecks << " SQL checks (pg_sleep 50 ms, " << kSqlConnections
        << " connections x 4)\n";
    out << "# " << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount() << " CPUs, Qt "
        << qVersion() << "; setup (PostgreSQL + server) " << setupMs
        << " ms; runbook generated and loaded in " << loadMs << " ms\n\n";
    out << "| run | wall | checks passed | slowest HTTP | slowest SQL | peak RSS "
           "|\n|---|---|---|---|---|---|\n";
    out.flush();

    int exitCode = 0;
    for (int run = 1; run <= runs; ++run) {
        CheckRunner runner;
        runner.provideSecret(QStringLiteral("bench_db_password"), password);
        QList<CheckResult> results;
        QEventLoop loop;
        QObject::connect(&runner, &CheckRunner::finished, &loop, [&](const QList<CheckResult> &r) {
            results = r;
            loop.quit();
        });
        QElapsedTimer wall;
        wall.start();
        runner.start(*runbook, runbook->prerequisites);
        loop.exec();
        const qint64 ms = wall.elapsed();
        int passed = 0;
        qint64 slowHttp = 0, slowSql = 0;
        QString firstFailure;
        for (const CheckResult &r : std::as_const(results)) {
            if (r.verdict == Verdict::Pass)
                ++passed;
            else if (firstFailure.isEmpty())
                firstFailure = r.checkId + QStringLiteral(": ") + r.summary;
            (r.observation.kind == Observation::Kind::Http ? slowHttp : slowSql) = qMax(
                r.observation.kind == Observation::Kind::Http ? slowHttp : slowSql, r.observation.durationMs);
        }
        out << "| " << run << (run == 1 ? " (cold: new DB connections)" : "") << " | " << ms << " ms | "
            << passed << "/" << results.size() << " | " << slowHttp << " ms | " << slowSql << " ms | "
            << peakRssKb() / 1024 << " MiB |\n";
        out.flush();
        if (passed != results.size()) {
            QTextStream(stderr) << "not every check passed, e.g. " << firstFailure << "\n";
            exitCode = 1;
        }
    }
    out << "\nTarget < 1500 ms wall per run.\n";
    server.close();
    (*pg)->stop();
    return exitCode;
}
