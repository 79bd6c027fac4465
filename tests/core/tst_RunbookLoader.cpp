#include "core/runbook/ParamFile.h"
#include "core/runbook/RunbookLoader.h"
#include "core/runbook/YamlReader.h"
#include "support/ExpectValue.h"
#include "support/TestEnv.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;

class tst_RunbookLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void examplesLoad_data();
    void examplesLoad();
    void exampleAIsWhatTheDemoExpects();
    void examplesBCD();
    void brokenExamples_data();
    void brokenExamples();
    void errorCases_data();
    void errorCases();
    void paramsSubstituteEverywhere();
    void windowCheckStepsAndAfter();
    void httpTrigger();
    void overridesReplaceDefaults();
    void overrideOfUndeclaredParam();
    void overrideFeedsTypedValues();
    void paramFile();
    void didYouMean();
    void missingFile();
    void docsExampleLoads();
};

namespace {

// "LINE:COL: message" for each error, so expectations don't depend on where the tree lives.
QStringList positions(const Errors &errors)
{
    QStringList out;
    for (const Error &e : errors)
        out << QStringLiteral("%1:%2: %3").arg(e.line).arg(e.column).arg(e.message);
    return out;
}

QStringList loadErrors(const QByteArray &yaml, const QMap<QString, QString> &overrides = {})
{
    const auto r = RunbookLoader::loadText(yaml, QStringLiteral("t.yaml"), overrides);
    return r ? QStringList() : positions(r.error());
}

// A valid runbook that table rows extend: one declared of each thing the error cases refer to.
const QByteArray kBase = R"(runbook: 1
name: base
params:
  host: 127.0.0.1
  min: 95
secrets:
  key: {pattern: "^[0-9a-f]{64}$"}
connections:
  db: {postgres: {host: "${host}", database: app, user: ro}}
  rw: {writable: true, sqlite: {path: /tmp/x.db}}
  web: {http: {base_url: "http://127.0.0.1:8000"}}
metrics:
  rate: {connection: db, query: SELECT 1, every: 5m}
)";

} // namespace

void tst_RunbookLoader::examplesLoad_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("A") << "a-pipeline-rollout.yaml";
    QTest::newRow("B") << "b-site-rewrite-cutover.yaml";
    QTest::newRow("C") << "c-maintenance-window-db-switch.yaml";
    QTest::newRow("D") << "d-staged-db-migration.yaml";
}

void tst_RunbookLoader::examplesLoad()
{
    QFETCH(QString, file);
    const auto r = RunbookLoader::loadFile(test::sourcePath(QStringLiteral("resources/runbooks/") + file));
    QVERIFY_VALUE(r);
    QCOMPARE(r->version, 1);
    QVERIFY(!r->name.isEmpty());
}

void tst_RunbookLoader::exampleAIsWhatTheDemoExpects()
{
    const auto r = RunbookLoader::loadFile(
        test::sourcePath(QStringLiteral("resources/runbooks/a-pipeline-rollout.yaml")));
    QVERIFY(r.has_value());
    QStringList ids;
    for (const Check &c : r->prerequisites)
        ids << c.id;
    QCOMPARE(ids,
             (QStringList {"migration-columns", "rlm-health", "rollout-config", "deprecation-headers",
                           "issuer-key", "validation-queries-prepared"}));
    QCOMPARE(r->params.value("app_db_host"), "127.0.0.1");
    QCOMPARE(r->params.value("app_db_port"), "5432");
    QCOMPARE(r->params.value("app_db_name"), "app");
    QCOMPARE(r->params.value("app_db_sslmode"), "");
    QCOMPARE(r->params.value("rlm_url"), "http://127.0.0.1:8000");
    // operator[] on the const map returns a temporary: keep a copy, not a reference into it (ASan:
    // stack-use-after-scope).
    const Connection appDb = r->connections["app_db"];
    const auto &pg = std::get<PostgresConnection>(appDb.target);
    QCOMPARE(pg.host, "127.0.0.1");
    QCOMPARE(pg.port, 5432);
    QCOMPARE(pg.database, "app");
    QCOMPARE(std::get<HttpService>(r->connections["rlm"].target).baseUrl, "http://127.0.0.1:8000");

    const Check &sql = r->prerequisites[0];
    QVERIFY(std::get<SqlQuery>(sql.probe).query.contains("information_schema.columns"));
    QCOMPARE(sql.expect.size(), 1);
    QCOMPARE(sql.expect[0].text(), "[ROWS] == 4");
    const auto &post = std::get<HttpRequest>(r->prerequisites[3].probe);
    QCOMPARE(post.method, "POST");
    QCOMPARE(post.url, "/process-full");
    QCOMPARE(post.body, QByteArray("{\"user_id\":\"test\"}"));
    QCOMPARE(post.headers.value("Content-Type"), "application/json");
    QCOMPARE(r->prerequisites[3].expect[1].text(), R"([HEADER].Sunset == "Sat, 01 Mar 2026 00:00:00 GMT")");
    QCOMPARE(std::get<SecretCheck>(r->prerequisites[4].probe).secret, "rlm_issuer_key");
    QCOMPARE(r->secrets["rlm_issuer_key"].pattern, "^[0-9a-f]{64}$");
    QVERIFY(std::holds_alternative<ManualCheck>(r->prerequisites[5].probe));

    QCOMPARE(r->stages.size(), 5);
    const Stage &canary = r->stages[0];
    QCOMPARE(canary.soak, 24h);
    QCOMPARE(canary.checkpoints.at, (QList<Milliseconds> {1h, 6h, 24h}));
    QCOMPARE(r->stages[1].checkpoints.every, std::optional<Milliseconds>(12h));
    QCOMPARE(canary.gates[0].expect->text(), "success_rate_pct >= 95"); // ${min_success} substituted
    QCOMPARE(canary.gates[0].hold, 24h);
    QCOMPARE(canary.gates[1].recoverWithin, 2h);
    QCOMPARE(r->stages[1].gates[6].kind, Gate::Kind::NoNewValues);
    QCOMPARE(r->stages[1].gates[7].kind, Gate::Kind::NoDegradation);
    QCOMPARE(r->stages[1].gates[7].alpha, 0.01);
    QVERIFY(r->stages[2].requiresSecondApprover);
    QCOMPARE(r->rollback.target, 15min);
    QCOMPARE(r->rollback.restartFrom, "canary-10");
    QCOMPARE(r->rollback.triggers.size(), 6);
    QCOMPARE(r->rollback.triggers[3].response, Trigger::Response::RollbackIfPersists);
    QCOMPARE(r->rollback.triggers[3].persists, 6h);
    QCOMPARE(r->rollback.triggers[5].response, Trigger::Response::Incident);
    QVERIFY(!r->rollback.triggers[2].when.has_value());
    const auto &drain = std::get<WaitUntil>(r->rollback.steps[3].what);
    QCOMPARE(drain.every, 30min);
}

void tst_RunbookLoader::examplesBCD()
{
    const auto b = RunbookLoader::loadFile(
        test::sourcePath(QStringLiteral("resources/runbooks/b-site-rewrite-cutover.yaml")));
    QVERIFY(b.has_value());
    QCOMPARE(b->schedule.milestones.size(), 7);
    QCOMPARE(b->schedule.milestones[0].offset, -Milliseconds(7 * 24h));
    QCOMPARE(b->schedule.milestones[1].minRuns, 2);
    QCOMPARE(b->schedule.milestones[3].offset, 0ms);
    QCOMPARE(b->schedule.milestones[6].offset, Milliseconds(180 * 24h));
    QCOMPARE(b->reconciliations[0].checks.size(), 4);
    QCOMPARE(b->reconciliations[0].fixes.size(), 3);
    QCOMPARE(b->communications.size(), 3);
    QVERIFY(b->communications[0].subject.contains("2026-03-01T20:00:00Z"));

    const auto c = RunbookLoader::loadFile(
        test::sourcePath(QStringLiteral("resources/runbooks/c-maintenance-window-db-switch.yaml")));
    QVERIFY(c.has_value());
    QCOMPARE(std::get<PostgresConnection>(c->connections["new_db"].target).port, 6543);
    QCOMPARE(c->schedule.windowLength, 6h);
    QCOMPARE(c->schedule.window[1].plannedStart, std::optional<Milliseconds>(5min));
    QCOMPARE(c->schedule.window[1].plannedDuration, std::optional<Milliseconds>(30min));
    QCOMPARE(c->signOff.size(), 6);
    QCOMPARE(c->signOff[3].choices, (QStringList {"SUCCESS", "ROLLBACK"}));
    QCOMPARE(c->rollback.target, 10min);
    const auto &counts = std::get<RowCountCheck>(c->prerequisites[3].probe);
    QCOMPARE(counts.method, RowCountCheck::Method::Fast);
    QCOMPARE(counts.tolerance, 2.0);
    QVERIFY(counts.tolerancePercent);

    const auto d = RunbookLoader::loadFile(
        test::sourcePath(QStringLiteral("resources/runbooks/d-staged-db-migration.yaml")),
        {{"row_tolerance", "0.5%"}});
    QVERIFY(d.has_value());
    QCOMPARE(d->roles.keys(), (QStringList {"app", "db", "incident_commander", "observer"}));
    const auto &exact = std::get<RowCountCheck>(d->stages[3].verify[1].probe);
    QCOMPARE(exact.tolerance, 0.5);
    QVERIFY(exact.tolerancePercent);
    for (const Stage &s : d->stages)
        QVERIFY(s.canRunAlone);
}

void tst_RunbookLoader::brokenExamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("A")
        << "a-pipeline-rollout.yaml"
        << QStringList {
               R"(76:5: unknown key "categroy" in a prerequisite (did you mean "category"?))",
               R"(84:21: condition syntax error: '=' is not an operator, did you mean '=='? (column 8 of "[ROWS] = 4"))",
               R"(93:9: duplicate prerequisite id "rlm-health" (first at line 85))",
               R"(150:12: bad duration for "every": duration "15" needs a unit (ms, s, m, h, d or w))",
               R"(222:18: unknown metric "stuck_import" in a gate (did you mean "stuck_imports"?): declare it under metrics:)",
               R"(277:22: expected a boolean (true or false) for "second_approver", got "yes")",
               R"(338:17: undefined stage "canary-1" (did you mean "canary-10"?) in "restart_from")"};
    QTest::newRow("B")
        << "b-site-rewrite-cutover.yaml"
        << QStringList {
               R"(59:23: connection "site" is an http connection; a sql probe needs a postgres or sqlite connection)",
               R"(104:11: bad offset for "at": duration "3 days" needs a unit (ms, s, m, h, d or w) (expected "T-7d", "T-0" or "T+1h"))",
               R"(121:70: undeclared parameter "stagingurl": declare it under params: (did you mean "staging_url"?))",
               R"(220:16: expected a row count (100) or a percentage ("0.5%") for "tolerance", got "five")",
               R"(273:96: expected one of rollback, rollback_within, extend, rollback_if_persists, incident for "action", got "rollback_later")"};
    QTest::newRow("C")
        << "c-maintenance-window-db-switch.yaml"
        << QStringList {
               R"(37:5: "password" belongs inside postgres: of connection "new_db")",
               R"(132:7: unknown key "durration" in a window step (did you mean "duration"?))",
               R"(138:14: bad offset for "start": duration "5 minutes" needs a unit (ms, s, m, h, d or w) (expected "+0m" or "+1h30m"))",
               R"(209:9: "hold" only applies to expect gates, not to check gates)",
               R"(222:52: condition syntax error: unexpected '>' after the operator > (column 17 of "error_rate_pct >> 5"))",
               R"(262:39: expected one of text, multiline, date, time, person, choice for "type", got "clock")"};
    QTest::newRow("D")
        << "d-staged-db-migration.yaml"
        << QStringList {
               R"(38:49: expected one of disable, allow, prefer, require, verify-ca, verify-full for "sslmode", got "verify_full" (did you mean "verify-full"?))",
               R"(71:14: duplicate step id "source-reachable" (first at line 70))",
               R"(110:22: expected a row count (100) or a percentage ("0.5%") for "tolerance", got a list)",
               R"(121:11: bad duration for "soak": expected a duration like 90s, 15m, 24h or 7d, got "forever")",
               R"(160:29: unknown metric "replication_lag" in a trigger (did you mean "replication_lag_s"?): declare it under metrics:)"};
}

void tst_RunbookLoader::brokenExamples()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const QString path = test::sourcePath(QStringLiteral("tests/data/broken/") + file);
    const auto r = RunbookLoader::loadFile(path);
    QVERIFY(!r.has_value());
    QStringList got;
    for (const Error &e : r.error()) {
        QCOMPARE(e.file, path);
        got << QStringLiteral("%1:%2: %3").arg(e.line).arg(e.column).arg(e.message);
    }
    QCOMPARE(got, expected);
    // The FILE:LINE:COL form terminals and editors link.
    QVERIFY(
        r.error().first().toString().startsWith(path + u':' + expected.first().section(u':', 0, 1) + u':'));
}

void tst_RunbookLoader::errorCases_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("yaml syntax") << QByteArray("runbook: 1\nname: [a, b\nowner: x\n")
                                 << QStringList {"3:6: YAML syntax error: end of sequence flow not found"};
    QTest::newRow("empty file") << QByteArray(
        "") << QStringList {"1:1: empty runbook: expected a mapping starting with \"runbook: 1\""};
    QTest::newRow("top level not a mapping")
        << QByteArray("- a\n- b\n") << QStringList {"1:1: expected a mapping for the runbook, got a list"};
    QTest::newRow("missing required") << QByteArray("description: x\n")
                                      << QStringList {R"(1:1: missing required key "runbook" in the runbook)",
                                                      R"(1:1: missing required key "name" in the runbook)"};
    QTest::newRow("version") << QByteArray("runbook: 2\nname: x\n")
                             << QStringList {
                                    "1:10: unsupported runbook format version 2: this build reads version 1"};
    QTest::newRow("unknown key did-you-mean")
        << kBase + "prerequisits: []\n"
        << QStringList {R"(14:1: unknown key "prerequisites" in the runbook (did you mean "prerequisites"?))"}
               .replaceInStrings("\"prerequisites\" in", "\"prerequisits\" in");
    QTest::newRow("unknown key far off") << kBase + "flavour: vanilla\n"
                                         << QStringList {R"(14:1: unknown key "flavour" in the runbook)"};
    QTest::newRow("duplicate yaml key")
        << kBase + "name: again\n"
        << QStringList {R"(14:1: duplicate key "name" in the runbook (first at line 2))"};
    QTest::newRow("wrong type mapping") << kBase
            + "stages: {id: s}\n" << QStringList {R"(14:9: expected a list for "stages", got a mapping)"};
    QTest::newRow("wrong type string") << kBase + "owner: [a]\n"
                                       << QStringList {R"(14:8: expected a string for "owner", got a list)"};
    QTest::newRow("wrong type boolean")
        << kBase + "prerequisites:\n  - {id: a, manual: x, required: maybe}\n"
        << QStringList {R"(15:34: expected a boolean (true or false) for "required", got "maybe")"};
    QTest::newRow("wrong type integer")
        << QByteArray(kBase).replace("database: app", "database: app, port: 54x2")
        << QStringList {R"(9:57: expected an integer for "port", got "54x2")"};
    QTest::newRow("missing id and probe")
        << kBase + "prerequisites:\n  - {title: t}\n"
        << QStringList {R"(15:5: missing required key "id" in a prerequisite)",
                        "15:5: a prerequisite needs one probe: http, sql, command, secret, row_counts, "
                        "manual, reconcile"};
    QTest::newRow("two probes") << kBase + "prerequisites:\n  - {id: a, manual: x, secret: key}\n"
                                << QStringList {
                                       "15:24: a prerequisite has more than one probe: manual and secret"};
    QTest::newRow("unknown reconciliation")
        << kBase
            + "reconciliation:\n  - {id: counts, source: db, target: db, tables: [users]}\nstages:\n  - id: "
              "s\n"
              "    verify:\n      - {id: v, reconcile: count}\n"
        << QStringList {
               "19:28: undefined reconciliation \"count\" (did you mean \"counts\"?) in \"reconcile\": "
               "declare it under reconciliation:"};
    QTest::newRow("missing expect")
        << kBase + "prerequisites:\n  - {id: a, sql: {connection: db, query: SELECT 1}}\n"
        << QStringList {
               R"(15:5: missing required key "expect" in a prerequisite (a sql probe needs conditions))"};
    QTest::newRow("duplicate stage id") << kBase + "stages:\n  - id: s\n  - id: s\n"
                                        << QStringList {R"(16:9: duplicate stage id "s" (first at line 15))"};
    QTest::newRow("duplicate step id in stage")
        << kBase
            + "stages:\n  - id: s\n    rollout: [{id: x, manual: go}]\n    verify: [{id: x, manual: look}]\n"
        << QStringList {R"(17:19: duplicate step id "x" (first at line 16))"};
    QTest::newRow("duplicate trigger id")
        << kBase
            + "rollback:\n  triggers:\n    - {id: t, severity: low, action: extend}\n    - {id: t, severity: "
              "low, action: extend}\n"
        << QStringList {R"(17:12: duplicate trigger id "t" (first at line 16))"};
    QTest::newRow("undefined connection")
        << kBase
            + "prerequisites:\n  - {id: a, sql: {connection: dv, query: SELECT 1}, expect: \"[ROWS] == 1\"}\n"
        << QStringList {
               R"(15:31: undefined connection "dv" (did you mean "db"?): declare it under connections:)"};
    QTest::newRow("sql on http connection")
        << kBase
            + "prerequisites:\n  - {id: a, sql: {connection: web, query: SELECT 1}, expect: \"[ROWS] == "
              "1\"}\n"
        << QStringList {
               R"(15:31: connection "web" is an http connection; a sql probe needs a postgres or sqlite connection)"};
    QTest::newRow("http on sql connection")
        << kBase
            + "prerequisites:\n  - {id: a, http: {connection: db, path: /}, expect: \"[STATUS] == 200\"}\n"
        << QStringList {
               R"(15:32: connection "db" is a postgres connection; an http probe needs an http connection)"};
    QTest::newRow("sql action on read-only connection")
        << kBase
            + "stages:\n  - id: s\n    rollout: [{id: x, sql: {connection: db, statement: DELETE FROM t}}]\n"
        << QStringList {
               R"(16:41: connection "db" is not marked "writable: true"; a sql action writes and needs a writable connection)"};
    QTest::newRow("sql action on writable connection ok") << kBase
            + "stages:\n  - id: s\n    rollout: [{id: x, sql: {connection: rw, statement: DELETE FROM t}}]\n"
                                                          << QStringList {};
    QTest::newRow("undefined secret")
        << QByteArray(kBase).replace("user: ro}", "user: ro, password: {secret: kye}}")
        << QStringList {R"(9:80: undefined secret "kye" (did you mean "key"?): declare it under secrets:)"};
    QTest::newRow("undefined secret in check")
        << kBase + "prerequisites:\n  - {id: a, secret: nope}\n"
        << QStringList {R"(15:21: undefined secret "nope": declare it under secrets:)"};
    QTest::newRow("or rejected in gate")
        << kBase + "stages:\n  - id: s\n    gates:\n      - expect: \"[VALUE] > 0 || rat >= 1\"\n"
        << QStringList {
               R"(17:30: condition syntax error: && and || are not supported: list each condition separately (column 13 of "[VALUE] > 0 || rat >= 1"))"};
    QTest::newRow("undefined metric column")
        << kBase + "stages:\n  - id: s\n    gates:\n      - {expect: \"rat >= ${min}\", hold: 1h}\n"
        << QStringList {
               R"(17:19: unknown metric "rat" in a gate (did you mean "rate"?): declare it under metrics:)"};
    QTest::newRow("undefined metric in trigger")
        << kBase
            + "rollback:\n  triggers:\n    - id: t\n      when: 'errors > 5'\n      severity: high\n      "
              "action: rollback\n"
        << QStringList {R"(17:14: unknown metric "errors" in a trigger: declare it under metrics:)"};
    QTest::newRow("metric on http connection")
        << QByteArray(kBase).replace("rate: {connection: db", "rate: {connection: web")
        << QStringList {
               R"(13:22: connection "web" is an http connection; metric "rate" needs a postgres or sqlite connection)"};
    QTest::newRow("undefined stage") << kBase + "stages: [{id: one}]\nrollback: {restart_from: two}\n"
                                     << QStringList {R"(15:26: undefined stage "two" in "restart_from")"};
    QTest::newRow("bad duration")
        << kBase + "stages: [{id: s, soak: 24}]\n"
        << QStringList {
               R"(14:24: bad duration for "soak": duration "24" needs a unit (ms, s, m, h, d or w))"};
    QTest::newRow("bad duration unit")
        << kBase + "stages: [{id: s, checkpoints: [1h, 2y]}]\n"
        << QStringList {
               R"(14:36: bad duration for a checkpoint: unknown duration unit "y" in "2y" (expected ms, s, m, h, d or w))"};
    QTest::newRow("condition column plain")
        << kBase + "stages:\n  - id: s\n    gates:\n      - expect: rate >= 1 || rate < 0\n"
        << QStringList {
               R"(17:27: condition syntax error: && and || are not supported: list each condition separately (column 11 of "rate >= 1 || rate < 0"))"};
    QTest::newRow("condition not a string")
        << kBase + "prerequisites:\n  - id: a\n    http: {connection: web, path: /}\n    expect: {a: b}\n"
        << QStringList {R"(17:13: expected a condition or a list of conditions for "expect", got a mapping)"};
    QTest::newRow("condition column double quoted")
        << kBase
            + "prerequisites:\n  - id: a\n    http: {connection: web, path: /}\n    expect: \"[STATUS] = "
              "200\"\n"
        << QStringList {
               R"(17:23: condition syntax error: '=' is not an operator, did you mean '=='? (column 10 of "[STATUS] = 200"))"};
    QTest::newRow("condition column single quoted in list")
        << kBase
            + "prerequisites:\n  - id: a\n    http: {connection: web, path: /}\n    expect: ['[STATUS] == "
              "200', '[BODY].x == ']\n"
        << QStringList {
               R"(17:46: condition syntax error: expected a value after == (column 13 of "[BODY].x == "))"};
    QTest::newRow("condition after param substitution")
        << kBase
            + "prerequisites:\n  - id: a\n    http: {connection: web, path: /}\n    expect: \"[BODY].h == "
              "${host} && [STATUS] == 1\"\n"
        << QStringList {
               R"(17:34: condition syntax error: && and || are not supported: list each condition separately (column 23 of "[BODY].h == 127.0.0.1 && [STATUS] == 1"))"};
    QTest::newRow("condition column in folded block scalar")
        << kBase
            + "stages:\n  - id: s\n    gates:\n      - expect: >\n          rate >= 1\n          || rate < "
              "0\n"
        << QStringList {
               R"(19:11: condition syntax error: && and || are not supported: list each condition separately (column 11 of "rate >= 1 || rate < 0"))"};
    QTest::newRow("condition column on a continuation line")
        << kBase + "stages:\n  - id: s\n    gates:\n      - expect: \"rate >=\n          1 || rate\"\n"
        << QStringList {
               R"(18:13: condition syntax error: && and || are not supported: list each condition separately (column 11 of "rate >= 1 || rate"))"};
    QTest::newRow("undeclared param")
        << kBase + "owner: \"team ${owner}\"\n"
        << QStringList {R"(14:14: undeclared parameter "owner": declare it under params:)"};
    QTest::newRow("unterminated param")
        << kBase + "owner: x${host\n"
        << QStringList {R"(14:9: unterminated "${": write ${name}, or $${ for a literal "${")"};
    QTest::newRow("unset param")
        << QByteArray(kBase).replace("  min: 95\n", "  min:\n")
        << QStringList {R"(5:3: parameter "min" has no value: give it a default or pass --param min=VALUE)"};
    QTest::newRow("wrong trigger severity")
        << kBase + "rollback:\n  triggers:\n    - {id: t, severity: severe, action: rollback}\n"
        << QStringList {R"(16:25: expected one of critical, high, medium, low for "severity", got "severe")"};
    QTest::newRow("bad secret pattern")
        << QByteArray(kBase).replace("^[0-9a-f]{64}$", "^[a-")
        << QStringList {
               R"(7:23: bad regular expression in "pattern": missing terminating ] for character class)"};
    QTest::newRow("after: unknown window step")
        << kBase
            + "schedule:\n  window:\n    - {id: sync, manual: sync}\n    - {id: switch, after: [sinc], "
              "manual: switch}\n"
        << QStringList {R"(17:28: unknown window step "sinc" in "after" (did you mean "sync"?))"};
    QTest::newRow("after: a cycle")
        << kBase
            + "schedule:\n  window:\n    - {id: a, after: c, manual: a}\n    - {id: b, after: [a], manual: "
              "b}\n    - {id: c, after: [b], manual: c}\n"
        << QStringList {
               R"(17:23: window steps wait for each other in a cycle: a → c → b → a ("after" must name earlier work))"};
    QTest::newRow("after: itself") << kBase + "schedule:\n  window:\n    - {id: a, after: [a], manual: a}\n"
                                   << QStringList {R"(16:23: window step "a" cannot wait for itself)"};
    QTest::newRow("after: on a rollout action")
        << kBase
            + "stages:\n  - id: s\n    rollout:\n      - {id: a, manual: a}\n      - {id: b, after: [a], "
              "manual: b}\n"
        << QStringList {
               R"(18:17: "after" applies to window steps; a rollout step runs in the order written (a failed one holds the rest))"};
    QTest::newRow("check step outside the window")
        << kBase
            + "rollback:\n  steps:\n    - {id: a, check: {http: {connection: web, path: /}, expect: "
              "\"[STATUS] == 200\"}}\n"
        << QStringList {
               R"(16:15: "check" is a kind of window step (schedule: window:); a rollback step cannot be one)"};
    QTest::newRow("check step that writes, with expect outside")
        << kBase
            + "schedule:\n  window:\n    - {id: a, writes: true, expect: \"[STATUS] == 200\", check: {http: "
              "{connection: web, path: /}, expect: \"[STATUS] == 200\"}}\n"
        << QStringList {
               R"(16:15: a check step only reads: "writes" does not apply to it)",
               R"(16:29: a check step's conditions go inside its check (check: {http: ..., expect: ...}))"};
    QTest::newRow("check step with a person's check")
        << kBase + "schedule:\n  window:\n    - {id: a, check: {manual: look at it}}\n"
        << QStringList {
               R"(16:22: a check step runs a probe; a person's step is "manual:" on the step itself)"};
    QTest::newRow("trigger probe without when")
        << kBase
            + "rollback:\n  triggers:\n    - {id: t, http: {connection: web, path: /health}, severity: high, "
              "action: rollback}\n"
        << QStringList {
               R"(16:7: missing required key "when" in a trigger that reads http (the condition on what it sees that fires it))"};
    QTest::newRow("trigger every without a probe")
        << kBase
            + "rollback:\n  triggers:\n    - {id: t, when: \"rate < 1\", every: 1m, severity: high, "
              "action: rollback}\n"
        << QStringList {
               R"(16:33: "every" applies to a trigger that reads a probe (http, sql or command); metrics have their own "every")"};
    QTest::newRow("many errors at once")
        << QByteArray("runbook: 1\nname: x\nstages:\n  - id: a\n    soak: long\n    sokа: 1h\n  - id: a\n    "
                      "gates:\n      - {manual: ok, hold: 1h}\n")
        << QStringList {
               R"(5:11: bad duration for "soak": expected a duration like 90s, 15m, 24h or 7d, got "long")",
               R"(6:5: unknown key "sokа" in a stage (did you mean "soak"?))",
               R"(7:9: duplicate stage id "a" (first at line 4))",
               R"(9:22: "hold" only applies to expect gates, not to manual gates)"};
}

void tst_RunbookLoader::errorCases()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);
    QCOMPARE(loadErrors(yaml), expected);
}

void tst_RunbookLoader::windowCheckStepsAndAfter()
{
    const QByteArray yaml = kBase
        + "schedule:\n  window:\n"
          "    - {id: sync, manual: sync}\n"
          "    - {id: counts, title: counts agree, after: sync, check: {sql: {connection: db, query: SELECT "
          "1}, "
          "expect: \"[ROWS] == 1\"}}\n"
          "    - {id: switch, after: [sync, counts], manual: switch}\n";
    const auto r = RunbookLoader::loadText(yaml, QStringLiteral("t.yaml"));
    QVERIFY_VALUE(r);
    const QList<Action> &w = r->schedule.window;
    QCOMPARE(w.size(), 3);
    QVERIFY(w[0].after.isEmpty());
    QCOMPARE(w[1].after, QStringList {"sync"});
    QCOMPARE(w[2].after, (QStringList {"sync", "counts"}));
    const auto *step = std::get_if<CheckStep>(&w[1].what);
    QVERIFY(step);
    QCOMPARE(step->check.id, "counts");
    QCOMPARE(step->check.title, "counts agree");
    QCOMPARE(step->check.expect.size(), 1);
    QVERIFY(std::holds_alternative<SqlQuery>(step->check.probe));
    QVERIFY(!w[1].writes);
}

void tst_RunbookLoader::httpTrigger()
{
    const QByteArray yaml = kBase
        + "rollback:\n  triggers:\n    - {id: t, http: {connection: web, path: /health}, when: "
          "\"[BODY].errors "
          "> 5\", every: 30s, severity: critical, action: rollback}\n";
    const auto r = RunbookLoader::loadText(yaml, QStringLiteral("t.yaml"));
    QVERIFY_VALUE(r);
    const Trigger &t = r->rollback.triggers.first();
    QVERIFY(t.probe && std::holds_alternative<HttpRequest>(*t.probe));
    QCOMPARE(t.when->text(), "[BODY].errors > 5");
    QCOMPARE(t.every, 30s);
}

void tst_RunbookLoader::paramsSubstituteEverywhere()
{
    const QByteArray yaml = kBase
        + "owner: \"${host}:${min} $${literal}\"\n"
          "stages:\n  - {id: s, soak: \"${min}m\", gates: [{expect: \"rate >= ${min}\"}]}\n";
    const auto r = RunbookLoader::loadText(yaml, QStringLiteral("t.yaml"));
    QVERIFY_VALUE(r);
    QCOMPARE(r->owner, "127.0.0.1:95 ${literal}");
    QCOMPARE(r->stages[0].soak, 95min);
    QCOMPARE(r->stages[0].gates[0].expect->text(), "rate >= 95");
    QCOMPARE(std::get<PostgresConnection>(r->connections["db"].target).host, "127.0.0.1");
    QCOMPARE(r->params, (QMap<QString, QString> {{"host", "127.0.0.1"}, {"min", "95"}}));
}

void tst_RunbookLoader::overridesReplaceDefaults()
{
    const QByteArray yaml
        = QByteArray(kBase).replace("  min: 95\n", "  min:\n  port: {default: 5432, description: the port}\n")
        + "owner: \"${min}\"\n";
    QCOMPARE(
        loadErrors(yaml),
        QStringList {R"(5:3: parameter "min" has no value: give it a default or pass --param min=VALUE)"});
    const auto r
        = RunbookLoader::loadText(yaml, QStringLiteral("t.yaml"), {{"min", "99"}, {"host", "db.internal"}});
    QVERIFY_VALUE(r);
    QCOMPARE(r->owner, "99");
    QCOMPARE(r->params.value("host"), "db.internal");
    QCOMPARE(r->params.value("port"), "5432");
    QCOMPARE(r->paramDescriptions.value("port"), "the port");
    QCOMPARE(std::get<PostgresConnection>(r->connections["db"].target).host, "db.internal");
}

void tst_RunbookLoader::overrideOfUndeclaredParam()
{
    QCOMPARE(
        loadErrors(kBase, {{"hots", "x"}}),
        QStringList {
            R"(3:1: override for undeclared parameter "hots" (did you mean "host"?): declare it under params:)"});
    QCOMPARE(loadErrors("runbook: 1\nname: x\n", {{"a", "1"}}),
             QStringList {R"(1:1: override for undeclared parameter "a": declare it under params:)"});
}

void tst_RunbookLoader::overrideFeedsTypedValues()
{
    const QByteArray yaml = QByteArray(kBase)
                                .replace("  min: 95\n", "  min: 95\n  port: 5432\n")
                                .replace("database: app", "database: app, port: \"${port}\"");
    auto r = RunbookLoader::loadText(yaml, QStringLiteral("t.yaml"), {{"port", "6543"}});
    QVERIFY(r.has_value());
    QCOMPARE(std::get<PostgresConnection>(r->connections["db"].target).port, 6543);
    QCOMPARE(loadErrors(yaml, {{"port", "many"}}),
             QStringList {R"(10:57: expected an integer for "port", got "many")"});
}

void tst_RunbookLoader::paramFile()
{
    QTemporaryDir dir;
    const QString yamlPath = dir.filePath("p.yaml");
    QFile f(yamlPath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("app_db_host: db.example\napp_db_port: 6543\nflag: true\n");
    f.close();
    const auto p = ParamFile::load(yamlPath);
    QVERIFY(p.has_value());
    QCOMPARE(
        *p,
        (QMap<QString, QString> {{"app_db_host", "db.example"}, {"app_db_port", "6543"}, {"flag", "true"}}));

    const auto json = ParamFile::parse("{\"rlm_url\": \"http://127.0.0.1:9000\", \"n\": 3}", "p.json");
    QVERIFY(json.has_value());
    QCOMPARE(json->value("rlm_url"), "http://127.0.0.1:9000");
    QCOMPARE(json->value("n"), "3");

    const auto bad = ParamFile::parse("a: [1]\nb-c: 2\na: 3\n", "bad.yaml");
    QVERIFY(!bad.has_value());
    QCOMPARE(positions(bad.error()),
             (QStringList {R"(1:4: expected a string, number or boolean for parameter "a", got a list)",
                           R"(2:1: bad parameter name "b-c": use letters, digits and _)",
                           R"(3:1: duplicate key "a" in the parameter file (first at line 1))"}));
    QVERIFY(!ParamFile::load(dir.filePath("missing.yaml")).has_value());

    QCOMPARE(ParamFile::parseAssignment("a=b=c")->second, "b=c");
    QCOMPARE(ParamFile::parseAssignment("a=")->first, "a");
    QVERIFY(!ParamFile::parseAssignment("novalue").has_value());

    // Loaded overrides reach the runbook.
    const auto r = RunbookLoader::loadFile(
        test::sourcePath(QStringLiteral("resources/runbooks/a-pipeline-rollout.yaml")),
        {{"app_db_host", p->value("app_db_host")}, {"app_db_port", p->value("app_db_port")}});
    QVERIFY(r.has_value());
    QCOMPARE(std::get<PostgresConnection>(r->connections["app_db"].target).host, "db.example");
    QCOMPARE(std::get<PostgresConnection>(r->connections["app_db"].target).port, 6543);
}

void tst_RunbookLoader::didYouMean()
{
    QCOMPARE(YamlReader::editDistance("kitten", "sitting"), 3);
    QCOMPARE(YamlReader::didYouMean("prerequisits", {"prerequisites", "params"}),
             R"( (did you mean "prerequisites"?))");
    QCOMPARE(YamlReader::didYouMean("zzz", {"prerequisites", "params"}), "");
}

void tst_RunbookLoader::missingFile()
{
    const auto r = RunbookLoader::loadFile("/nonexistent/x.yaml");
    QVERIFY(!r.has_value());
    QVERIFY(r.error().first().message.startsWith("cannot read runbook"));
}

// The short example at the top of docs/runbook-format.md stays valid.
void tst_RunbookLoader::docsExampleLoads()
{
    QFile f(test::sourcePath(QStringLiteral("docs/runbook-format.md")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray doc = f.readAll();
    const qsizetype start = doc.indexOf("```yaml\nrunbook: 1\n");
    QVERIFY(start >= 0);
    const qsizetype from = start + qsizetype(strlen("```yaml\n"));
    const QByteArray yaml = doc.mid(from, doc.indexOf("```", from) - from);
    const auto r = RunbookLoader::loadText(yaml, QStringLiteral("docs example"));
    QVERIFY_VALUE(r);
    QCOMPARE(r->stages.size(), 1);
}

QTEST_GUILESS_MAIN(tst_RunbookLoader)
#include "tst_RunbookLoader.moc"
