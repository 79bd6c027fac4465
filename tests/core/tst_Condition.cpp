#include "core/conditions/Condition.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace cockpit;

Q_DECLARE_METATYPE(cockpit::Observation)

namespace {

// Chainable observation builder so each table row reads as one line.
struct Obs
{
    Observation o;
    Obs &status(int s)
    {
        o.status = s;
        o.connected = true;
        return *this;
    }
    Obs &body(const char *b)
    {
        o.body = QByteArray(b);
        return *this;
    }
    Obs &bodyBytes(QByteArray b)
    {
        o.body = std::move(b);
        return *this;
    }
    Obs &ms(qint64 d)
    {
        o.durationMs = d;
        return *this;
    }
    Obs &connected(bool c)
    {
        o.connected = c;
        return *this;
    }
    Obs &cert(qint64 ms)
    {
        o.certificateExpiresInMs = ms;
        return *this;
    }
    Obs &header(const char *k, const char *v)
    {
        o.headers.append({QByteArray(k), QByteArray(v)});
        return *this;
    }
    Obs &sql(QStringList columns, QList<QVariantList> rows, qint64 rowCount = -1)
    {
        o.kind = Observation::Kind::Sql;
        o.columns = std::move(columns);
        o.rowCount = rowCount < 0 ? rows.size() : rowCount;
        o.rows = std::move(rows);
        return *this;
    }
    Obs &command(int exit, const char *out, const char *err = "")
    {
        o.kind = Observation::Kind::Command;
        o.exitCode = exit;
        o.stdOut = out;
        o.stdErr = err;
        return *this;
    }
    Obs &secret(bool present, std::optional<bool> valid)
    {
        o.kind = Observation::Kind::Secret;
        o.secretPresent = present;
        o.secretFormatValid = valid;
        return *this;
    }
    Obs &metric(const char *name, double v)
    {
        o.metrics.insert(QString::fromLatin1(name), v);
        return *this;
    }
    operator Observation() const { return o; }
};

Obs http(int status = 200, const char *body = "")
{
    return Obs().status(status).body(body);
}
Obs json(const char *body)
{
    return http(200, body);
}
Obs none()
{
    return Obs();
}

constexpr qint64 hour = 3'600'000;

QString outcomeName(ConditionResult::Outcome o)
{
    switch (o) {
    case ConditionResult::Outcome::Pass: return QStringLiteral("pass");
    case ConditionResult::Outcome::Fail: return QStringLiteral("fail");
    case ConditionResult::Outcome::NoData: return QStringLiteral("nodata");
    }
    return {};
}

} // namespace

class tst_Condition : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void evaluates_data();
    void evaluates();
    void rejects_data();
    void rejects();
    void keepsTextAndListsMetrics_data();
    void keepsTextAndListsMetrics();
    void defaultConstructedNeverPasses();
    void survivesArbitraryInput();
    void pathologicalInputsStayFast();
    void evaluatesManyTimesFast();
};

// condition, observation, expected outcome, expected explanation (empty: not checked)
void tst_Condition::evaluates_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<Observation>("observation");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("explanation");

    auto row = [](const char *name, const char *cond, const Observation &o, const char *outcome,
                  const QString &explanation = {}) {
        QTest::newRow(name) << QString::fromUtf8(cond) << o << QString::fromLatin1(outcome) << explanation;
    };

    // --- Gatus README "Conditions" table: each example with a passing and a failing observation.
    row("gatus status==200 pass", "[STATUS] == 200", http(200), "pass", "[STATUS] (200) == 200");
    row("gatus status==200 fail 201", "[STATUS] == 200", http(201), "fail", "[STATUS] (201) == 200");
    row("gatus status==200 fail 404", "[STATUS] == 200", http(404), "fail");
    row("gatus status<300 pass 200", "[STATUS] < 300", http(200), "pass");
    row("gatus status<300 pass 299", "[STATUS] < 300", http(299), "pass");
    row("gatus status<300 fail 301", "[STATUS] < 300", http(301), "fail", "[STATUS] (301) < 300");
    row("gatus status<=299 pass 299", "[STATUS] <= 299", http(299), "pass");
    row("gatus status<=299 fail 301", "[STATUS] <= 299", http(301), "fail");
    row("gatus status>400 pass 401", "[STATUS] > 400", http(401), "pass");
    row("gatus status>400 fail 400", "[STATUS] > 400", http(400), "fail");
    row("gatus status>400 fail 200", "[STATUS] > 400", http(200), "fail");
    row("gatus any(200,429) pass 200", "[STATUS] == any(200, 429)", http(200), "pass",
        "[STATUS] (200) == any(200, 429)");
    row("gatus any(200,429) pass 429", "[STATUS] == any(200, 429)", http(429), "pass");
    row("gatus any(200,429) fail 201", "[STATUS] == any(200, 429)", http(201), "fail",
        "[STATUS] (201) == any(200, 429)");
    row("gatus connected pass", "[CONNECTED] == true", http(200), "pass", "[CONNECTED] (true) == true");
    row("gatus connected fail", "[CONNECTED] == true", Obs().connected(false), "fail",
        "[CONNECTED] (false) == true");
    row("gatus response_time<500 pass", "[RESPONSE_TIME] < 500", http().ms(300), "pass");
    row("gatus response_time<500 fail 500", "[RESPONSE_TIME] < 500", http().ms(500), "fail",
        "[RESPONSE_TIME] (500) < 500");
    row("gatus response_time<500 fail 501", "[RESPONSE_TIME] < 500", http().ms(501), "fail");
    row("gatus body==1 pass", "[BODY] == 1", json("1"), "pass", "[BODY] (1) == 1");
    row("gatus body==1 fail {}", "[BODY] == 1", json("{}"), "fail", "[BODY] ({}) == 1");
    row("gatus body==1 fail 2", "[BODY] == 1", json("2"), "fail");
    row("gatus user.name pass", "[BODY].user.name == john", json(R"({"user":{"name":"john"}})"), "pass",
        "[BODY].user.name (john) == john");
    row("gatus user.name fail", "[BODY].user.name == john", json(R"({"user":{"name":"jane"}})"), "fail");
    row("gatus data[0].id pass", "[BODY].data[0].id == 1", json(R"({"data":[{"id":1}]})"), "pass");
    row("gatus data[0].id fail other", "[BODY].data[0].id == 1", json(R"({"data":[{"id":2}]})"), "fail");
    row("gatus data[0].id fail empty", "[BODY].data[0].id == 1", json(R"({"data":[]})"), "fail",
        "[BODY].data[0].id (<missing>) == 1");
    row("gatus age==id pass", "[BODY].age == [BODY].id", json(R"({"age":1,"id":1})"), "pass",
        "[BODY].age (1) == [BODY].id (1)");
    row("gatus age==id fail", "[BODY].age == [BODY].id", json(R"({"age":2,"id":1})"), "fail",
        "[BODY].age (2) == [BODY].id (1)");
    row("gatus len(data)<5 pass", "len([BODY].data) < 5", json(R"({"data":[{"id":1}]})"), "pass",
        "len([BODY].data) (1) < 5");
    row("gatus len(data)<5 fail", "len([BODY].data) < 5", json(R"({"data":[1,2,3,4,5]})"), "fail");
    row("gatus len(name)==8 pass", "len([BODY].name) == 8", json(R"({"name":"john.doe"})"), "pass");
    row("gatus len(name)==8 fail", "len([BODY].name) == 8", json(R"({"name":"bob"})"), "fail",
        "len([BODY].name) (3) == 8");
    row("gatus has(errors)==false pass", "has([BODY].errors) == false", json(R"({"name":"john.doe"})"),
        "pass", "has([BODY].errors) (false) == false");
    row("gatus has(errors)==false fail", "has([BODY].errors) == false", json(R"({"errors":[]})"), "fail");
    row("gatus has(users)==true pass", "has([BODY].users) == true", json(R"({"users":[]})"), "pass");
    row("gatus has(users)==true fail", "has([BODY].users) == true", json("{}"), "fail");
    row("gatus pat(john*) pass", "[BODY].name == pat(john*)", json(R"({"name":"john.doe"})"), "pass",
        "[BODY].name (john.doe) == pat(john*)");
    row("gatus pat(john*) fail", "[BODY].name == pat(john*)", json(R"({"name":"bob"})"), "fail");
    row("gatus id any(1,2) pass 1", "[BODY].id == any(1, 2)", json(R"({"id":1})"), "pass");
    row("gatus id any(1,2) pass 2", "[BODY].id == any(1, 2)", json(R"({"id":2})"), "pass");
    row("gatus id any(1,2) fail 3", "[BODY].id == any(1, 2)", json(R"({"id":3})"), "fail");
    row("gatus cert>48h pass 49h", "[CERTIFICATE_EXPIRATION] > 48h", http().cert(49 * hour), "pass",
        "[CERTIFICATE_EXPIRATION] (2d1h) > 48h");
    row("gatus cert>48h fail 24h", "[CERTIFICATE_EXPIRATION] > 48h", http().cert(24 * hour), "fail",
        "[CERTIFICATE_EXPIRATION] (1d) > 48h");
    row("gatus cert>48h fail 1h", "[CERTIFICATE_EXPIRATION] > 48h", http().cert(hour + 999), "fail",
        "[CERTIFICATE_EXPIRATION] (1h) > 48h");
    row("gatus cert>48h fail plain http", "[CERTIFICATE_EXPIRATION] > 48h", http(), "fail",
        "[CERTIFICATE_EXPIRATION] (<missing>) > 48h");
    // Gatus README alerting examples and the Functions table.
    row("gatus status==UP pass", "[BODY].status == UP", json(R"({"status":"UP"})"), "pass");
    row("gatus status==UP fail", "[BODY].status == UP", json(R"({"status":"DOWN"})"), "fail");
    row("gatus response_time<300 pass", "[RESPONSE_TIME] < 300", http().ms(299), "pass");
    row("gatus response_time<300 fail", "[RESPONSE_TIME] < 300", http().ms(300), "fail");
    row("gatus len(username)>8 pass", "len([BODY].username) > 8", json(R"({"username":"johnathan"})"),
        "pass");
    row("gatus len(username)>8 fail", "len([BODY].username) > 8", json(R"({"username":"john"})"), "fail");
    row("gatus ip any(127.0.0.1, ::1) pass", "[BODY].ip == any(127.0.0.1, ::1)", json(R"({"ip":"::1"})"),
        "pass");
    row("gatus ip any(127.0.0.1, ::1) fail", "[BODY].ip == any(127.0.0.1, ::1)", json(R"({"ip":"10.0.0.1"})"),
        "fail");
    row("gatus status pat(2*) pass", "[STATUS] == pat(2*)", http(204), "pass");
    row("gatus status pat(2*) fail", "[STATUS] == pat(2*)", http(404), "fail");
    // From Gatus condition_test.go.
    row("gatus status==body.status pass", "[STATUS] == [BODY].status", json(R"({"status":200})"), "pass");
    row("gatus status==body.status fail", "[STATUS] == [BODY].status", json(R"({"status":500})"), "fail");
    row("gatus users[0].id pass", "[BODY].users[0].id == 1", json(R"({"users":[{"id":1}]})"), "pass");
    row("gatus len(users)==100 fail", "len([BODY].users) == 100", json(R"({"users":[1,2]})"), "fail");
    row("gatus has(users[0].name) pass", "has([BODY].users[0].name) == true",
        json(R"({"users":[{"name":"a"}]})"), "pass");
    row("gatus has(users[0].name) fail", "has([BODY].users[0].name) == true", json(R"({"users":[]})"),
        "fail");
    row("gatus root array index", "[BODY][0].name == a", json(R"([{"name":"a"}])"), "pass");
    row("gatus root array index fail", "[BODY][1].name == a", json(R"([{"name":"a"}])"), "fail");
    row("gatus nested arrays", "[BODY].matrix[1][0] == 3", json(R"({"matrix":[[1,2],[3,4]]})"), "pass");
    row("gatus len raw array body", "len([BODY]) == 3", json("[1,2,3]"), "pass");
    row("gatus len raw text body", "len([BODY]) == 5", json("hello"), "pass");
    row("gatus len raw object body counts bytes", "len([BODY]) == 7", json(R"({"a":1})"), "pass");
    row("gatus has raw body", "has([BODY]) == true", json("x"), "pass");
    row("gatus has empty body", "has([BODY]) == false", json(""), "pass");
    row("gatus bool true", "[BODY].enabled == true", json(R"({"enabled":true})"), "pass");
    row("gatus bool false", "[BODY].enabled == true", json(R"({"enabled":false})"), "fail",
        "[BODY].enabled (false) == true");
    row("gatus float >", "[BODY].ratio > 0.5", json(R"({"ratio":0.75})"), "pass");
    row("gatus != pass", "[STATUS] != 200", http(500), "pass", "[STATUS] (500) != 200");
    row("gatus != fail", "[STATUS] != 200", http(200), "fail");
    row("gatus >= pass", "[STATUS] >= 200", http(200), "pass");
    row("gatus != pat pass", "[BODY].name != pat(john*)", json(R"({"name":"bob"})"), "pass");
    row("gatus != pat fail", "[BODY].name != pat(john*)", json(R"({"name":"johnny"})"), "fail");
    row("gatus != any pass", "[STATUS] != any(500, 503)", http(200), "pass");
    row("gatus != any fail", "[STATUS] != any(500, 503)", http(503), "fail");
    row("gatus pat on body", "[BODY] == pat(*healthy*)", json("all healthy here"), "pass");
    row("gatus pat with slashes", "[BODY].url == pat(https://*.example.com/*)",
        json(R"({"url":"https://api.example.com/v1/x"})"), "pass");
    row("gatus pat with slashes fail", "[BODY].url == pat(https://*.example.com/*)",
        json(R"({"url":"http://api.example.com/v1"})"), "fail");
    row("gatus pat question mark", "[BODY].code == pat(E?1)", json(R"({"code":"E01"})"), "pass");
    row("gatus pattern on the left", "pat(2*) == [STATUS]", http(201), "pass", "pat(2*) == [STATUS] (201)");

    // --- Missing paths, invalid JSON, numbers vs strings.
    row("missing path ==", "[BODY].missing == x", json("{}"), "fail", "[BODY].missing (<missing>) == x");
    row("missing path !=", "[BODY].missing != x", json("{}"), "pass");
    row("missing path ordering", "[BODY].missing < 5", json("{}"), "fail");
    row("null leaf is missing", "has([BODY].x) == false", json(R"({"x":null})"), "pass");
    row("path through a string", "[BODY].a.b == 1", json(R"({"a":"s"})"), "fail");
    row("invalid JSON", "[BODY].data == 1", json("not json"), "fail", "[BODY].data (<invalid JSON>) == 1");
    row("invalid JSON has", "has([BODY].data) == false", json("{broken"), "pass");
    row("numeric string equals number", "[BODY].n == 5", json(R"({"n":"5"})"), "pass");
    row("numeric equality 1.0 == 1", "[BODY].n == 1", json(R"({"n":1.0})"), "pass");
    row("numeric compare unquoted 1.10", "[BODY].version == 1.10", json(R"({"version":"1.1"})"), "pass");
    row("quoted literal compares text", "[BODY].version == \"1.10\"", json(R"({"version":"1.1"})"), "fail",
        "[BODY].version (\"1.1\") == \"1.10\"");
    // Gatus reads 0x10 as 16 (strconv.ParseInt base 0): the issue "Gatus compatibility" changed this row.
    row("hex literal is a number like in Gatus", "[BODY].x == 0x10", json(R"({"x":16})"), "pass");
    row("number vs word ordering fails", "[BODY].count > 5", json(R"({"count":"abc"})"), "fail");
    row("text ordering", "[BODY].date >= 2026-01-01", json(R"({"date":"2026-03-01"})"), "pass");
    row("text ordering fail", "[BODY].date >= 2026-04-01", json(R"({"date":"2026-03-01"})"), "fail");
    row("big integer", "[BODY].id == 12345678901", json(R"({"id":12345678901})"), "pass",
        "[BODY].id (12345678901) == 12345678901");
    row("array value", "[BODY].tags == [\"a\",\"b\"]", json(R"({"tags":["a","b"]})"), "pass");
    // Gatus counts the bytes of an object's JSON text (was: its members, 2): tst_GatusConditions.
    row("len of object counts its JSON bytes", "len([BODY].obj) == 13", json(R"({"obj":{"a":1,"b":2}})"),
        "pass");
    row("len counts UTF-8 bytes like Gatus", "len([BODY].name) == 6", json(R"({"name":"héllo"})"), "pass");
    row("negative number", "[BODY].t > -5", json(R"({"t":-2})"), "pass");
    row("equal placeholders both missing", "[BODY].a == [BODY].b", json("{}"), "fail");

    // --- Syntax variations.
    row("no spaces", "[STATUS]==200", http(503), "fail", "[STATUS] (503) == 200");
    row("extra spaces", "  [STATUS]   <=   200  ", http(200), "pass", "[STATUS] (200) <= 200");
    row("lowercase placeholder", "[status] == 200", http(200), "pass", "[status] (200) == 200");
    row("literal on the left", "200 == [STATUS]", http(200), "pass", "200 == [STATUS] (200)");
    row("escaped quote", R"([BODY].msg == "say \"hi\"")", json(R"({"msg":"say \"hi\""})"), "pass");
    row("any with quoted comma", R"([BODY].name == any("a, b", c))", json(R"({"name":"a, b"})"), "pass");
    row("any with quoted comma fail", R"([BODY].name == any("a, b", c))", json(R"({"name":"a"})"), "fail");
    row("unquoted value with spaces", "[BODY].msg == all systems go", json(R"({"msg":"all systems go"})"),
        "pass");
    row("pattern with quotes", R"([BODY].msg == pat("all *"))", json(R"({"msg":"all good"})"), "pass");

    // --- Explanations in the documented style.
    row("explain status", "[STATUS] == 200", http(503), "fail", "[STATUS] (503) == 200");
    row("explain body path", "[BODY].status == healthy", json(R"({"status":"unhealthy"})"), "fail",
        "[BODY].status (unhealthy) == healthy");
    row("explain len", "len([BODY].items) > 0", json(R"({"items":[]})"), "fail", "len([BODY].items) (0) > 0");
    row("explain long body truncated", "[BODY] == ok", Obs().status(200).bodyBytes(QByteArray(200, 'x')),
        "fail", "[BODY] (" + QString(79, u'x') + QChar(0x2026) + ") == ok");
    row("explain newline escaped", "[BODY] == ok", json("a\nb"), "fail", "[BODY] (a\\nb) == ok");
    row("explain empty value quoted", "[STDERR] == ok", Obs().command(0, "", ""), "fail",
        "[STDERR] (\"\") == ok");

    // --- Extensions: headers.
    row("header deprecation pass", "[HEADER].Deprecation == true", http().header("Deprecation", "true"),
        "pass", "[HEADER].Deprecation (true) == true");
    row("header deprecation fail", "[HEADER].Deprecation == true", http(), "fail",
        "[HEADER].Deprecation (<missing>) == true");
    row("header case-insensitive", "[HEADER].content-type == pat(application/json*)",
        http().header("Content-Type", "application/json; charset=utf-8"), "pass");
    row("header sunset quoted pass", R"([HEADER].Sunset == "Sat, 01 Mar 2026 00:00:00 GMT")",
        http().header("Sunset", "Sat, 01 Mar 2026 00:00:00 GMT"), "pass",
        R"([HEADER].Sunset ("Sat, 01 Mar 2026 00:00:00 GMT") == "Sat, 01 Mar 2026 00:00:00 GMT")");
    row("header sunset quoted missing", R"([HEADER].Sunset == "Sat, 01 Mar 2026 00:00:00 GMT")", http(),
        "fail", R"([HEADER].Sunset ("<missing>") == "Sat, 01 Mar 2026 00:00:00 GMT")");
    row("header sunset unquoted", "[HEADER].Sunset == Sat, 01 Mar 2026 00:00:00 GMT",
        http().header("sunset", "Sat, 01 Mar 2026 00:00:00 GMT"), "pass");
    row("has header", "has([HEADER].Deprecation) == true", http().header("DEPRECATION", "@1688169599"),
        "pass");
    row("has header missing", "has([HEADER].Deprecation) == true", http(), "fail");
    row("header first value wins", "[HEADER].X-Id == 1", http().header("X-Id", "1").header("x-id", "2"),
        "pass");

    // --- Extensions: SQL.
    const QList<QVariantList> states
        = {{QStringLiteral("done")}, {QStringLiteral("skipped")}, {QStringLiteral("done")}};
    row("rows == 4 pass", "[ROWS] == 4", Obs().sql({"n"}, {{1}, {2}, {3}, {4}}), "pass", "[ROWS] (4) == 4");
    row("rows == 4 fail", "[ROWS] == 4", Obs().sql({"n"}, {{1}}), "fail", "[ROWS] (1) == 4");
    row("rows counts all, not kept", "[ROWS] > 1000", Obs().sql({"n"}, {{1}}, 5000), "pass");
    row("value >= 95 pass", "[VALUE] >= 95", Obs().sql({"pct"}, {{96.5}}), "pass", "[VALUE] (96.5) >= 95");
    row("value >= 95 fail", "[VALUE] >= 95", Obs().sql({"pct"}, {{93.2}}), "fail", "[VALUE] (93.2) >= 95");
    row("value text", "[VALUE] == active", Obs().sql({"s", "x"}, {{QStringLiteral("active"), 1}}), "pass");
    row("value bool", "[VALUE] == true", Obs().sql({"b"}, {{true}}), "pass");
    row("value qint64", "[VALUE] == 9000000000", Obs().sql({"n"}, {{qint64(9'000'000'000)}}), "pass");
    row("value NULL", "[VALUE] == 0", Obs().sql({"n"}, {{QVariant()}}), "fail", "[VALUE] (NULL) == 0");
    row("value no rows", "[VALUE] == 0", Obs().sql({"n"}, {}), "fail", "[VALUE] (<no rows>) == 0");
    row("has value NULL", "has([VALUE]) == false", Obs().sql({"n"}, {{QVariant()}}), "pass");
    row("column all in any pass", "[COLUMN].state == any(done, skipped)", Obs().sql({"state"}, states),
        "pass", "[COLUMN].state (done, skipped, done) == any(done, skipped)");
    row("column all in any fail", "[COLUMN].state == any(done, skipped)",
        Obs().sql({"state"}, {{QStringLiteral("done")}, {QStringLiteral("failed")}}), "fail",
        "[COLUMN].state (done, failed) == any(done, skipped)");
    row("column empty fails", "[COLUMN].state == any(done)", Obs().sql({"state"}, {}), "fail",
        "[COLUMN].state (<no rows>) == any(done)");
    row("column none equal", "[COLUMN].state != failed", Obs().sql({"state"}, states), "pass");
    row("column none equal fail", "[COLUMN].state != skipped", Obs().sql({"state"}, states), "fail");
    row("column every value ==", "[COLUMN].state == done", Obs().sql({"state"}, states), "fail");
    row("column ordering every value", "[COLUMN].lag <= 5", Obs().sql({"lag"}, {{1}, {5}, {2}}), "pass");
    row("column ordering one too big", "[COLUMN].lag <= 5", Obs().sql({"lag"}, {{1}, {6}}), "fail");
    row("column case-insensitive name", "[COLUMN].STATE == pat(*)", Obs().sql({"state"}, states), "pass");
    row("column pattern", "[COLUMN].table_name == pat(app_*)",
        Obs().sql({"id", "table_name"}, {{1, QStringLiteral("app_users")}, {2, QStringLiteral("tmp_x")}}),
        "fail");
    row("len column", "len([COLUMN].state) == 3", Obs().sql({"state"}, states), "pass",
        "len([COLUMN].state) (3) == 3");
    row("has column", "has([COLUMN].state) == true", Obs().sql({"state"}, states), "pass");
    row("has missing column", "has([COLUMN].nope) == false", Obs().sql({"state"}, states), "pass");
    row("missing column", "[COLUMN].nope == x", Obs().sql({"state"}, states), "fail",
        "[COLUMN].nope (<missing>) == x");
    row("column vs column pairwise", "[COLUMN].a == [COLUMN].b", Obs().sql({"a", "b"}, {{1, 1}, {2, 2}}),
        "pass");
    row("column vs column differs", "[COLUMN].a == [COLUMN].b", Obs().sql({"a", "b"}, {{1, 1}, {2, 3}}),
        "fail");

    // --- Extensions: commands and secrets.
    row("exit code pass", "[EXIT_CODE] == 0", Obs().command(0, "ok\n"), "pass", "[EXIT_CODE] (0) == 0");
    row("exit code fail", "[EXIT_CODE] == 0", Obs().command(2, ""), "fail", "[EXIT_CODE] (2) == 0");
    row("stdout trimmed", "[STDOUT] == ok", Obs().command(0, "ok\n"), "pass", "[STDOUT] (ok) == ok");
    row("stdout pattern", "[STDOUT] == pat(*migrated*)", Obs().command(0, "12 tables migrated\n"), "pass");
    row("stderr empty", R"([STDERR] == "")", Obs().command(0, "", ""), "pass");
    row("stderr not empty", R"([STDERR] == "")", Obs().command(1, "", "boom\n"), "fail",
        R"([STDERR] ("boom") == "")");
    row("len stderr", "len([STDERR]) == 0", Obs().command(0, "x", ""), "pass");
    row("has stdout", "has([STDOUT]) == true", Obs().command(0, "x"), "pass");
    row("present pass", "[PRESENT] == true", Obs().secret(true, true), "pass", "[PRESENT] (true) == true");
    row("present fail", "[PRESENT] == true", Obs().secret(false, std::nullopt), "fail");
    row("valid pass", "[VALID] == true", Obs().secret(true, true), "pass");
    row("valid fail", "[VALID] == true", Obs().secret(true, false), "fail", "[VALID] (false) == true");
    row("valid unknown", "[VALID] == true", Obs().secret(true, std::nullopt), "fail",
        "[VALID] (<missing>) == true");

    // --- Extensions: metrics and NoData.
    row("metric pass", "success_rate_pct >= 95", Obs().metric("success_rate_pct", 97), "pass",
        "success_rate_pct (97) >= 95");
    row("metric fail", "success_rate_pct >= 95", Obs().metric("success_rate_pct", 93.2), "fail",
        "success_rate_pct (93.2) >= 95");
    row("metric missing is nodata", "success_rate_pct >= 95", none(), "nodata",
        "success_rate_pct (<no data>) >= 95");
    row("metric other missing is nodata", "success_rate_pct >= 95", Obs().metric("slow_imports_pct", 1),
        "nodata");
    row("metric < nodata never fail", "success_rate_pct < 95", none(), "nodata");
    row("metric != nodata never pass", "success_rate_pct != 95", none(), "nodata");
    row("metric > 10", "slow_imports_pct > 10", Obs().metric("slow_imports_pct", 10.5), "pass");
    row("metric no spaces", "slow_imports_pct>10", Obs().metric("slow_imports_pct", 10), "fail");
    row("metric equality", "errors == 0", Obs().metric("errors", 0), "pass", "errors (0) == 0");
    row("metric any", "http_code == any(200, 204)", Obs().metric("http_code", 204), "pass");
    row("metric pattern nodata", "http_code == pat(2*)", none(), "nodata");
    row("has metric false is not nodata", "has(success_rate_pct) == false", none(), "pass");
    row("has metric true", "has(success_rate_pct) == true", Obs().metric("success_rate_pct", 1), "pass");
    row("metric vs placeholder", "lag_seconds < [VALUE]", Obs().sql({"v"}, {{10}}).metric("lag_seconds", 3),
        "pass", "lag_seconds (3) < [VALUE] (10)");

    // --- Durations as literals.
    row("response time < 1s pass", "[RESPONSE_TIME] < 1s", http().ms(999), "pass",
        "[RESPONSE_TIME] (999) < 1s");
    row("response time < 1s fail", "[RESPONSE_TIME] < 1s", http().ms(1000), "fail");
    row("response time sum duration", "[RESPONSE_TIME] <= 1m30s", http().ms(90'000), "pass");
    row("response time 250ms", "[RESPONSE_TIME] < 250ms", http().ms(251), "fail");
    row("cert > 7d", "[CERTIFICATE_EXPIRATION] > 7d", http().cert(8 * 24 * hour), "pass");
    row("cert expired", "[CERTIFICATE_EXPIRATION] > 0s", http().cert(-2 * hour), "fail",
        "[CERTIFICATE_EXPIRATION] (-2h) > 0s");
    row("duration text equality", "[BODY].timeout == 30s", json(R"({"timeout":"30s"})"), "pass");
    row("duration vs number equality", "[BODY].timeout_ms == 30s", json(R"({"timeout_ms":30000})"), "pass");
}

void tst_Condition::evaluates()
{
    QFETCH(QString, condition);
    QFETCH(Observation, observation);
    QFETCH(QString, outcome);
    QFETCH(QString, explanation);

    const auto c = Condition::parse(condition);
    if (!c)
        QFAIL(qPrintable(QStringLiteral("col %1: %2").arg(c.error().column).arg(c.error().message)));
    const ConditionResult r = c->evaluate(observation);
    QCOMPARE(outcomeName(r.outcome), outcome);
    QCOMPARE(r.passed(), outcome == u"pass");
    if (!explanation.isEmpty())
        QCOMPARE(r.explanation, explanation);
    QVERIFY(!r.explanation.isEmpty());
    QVERIFY(r.explanation.size() < 400);
}

// condition, expected 1-based column, expected message (a prefix of the real one)
void tst_Condition::rejects_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    auto row = [](const char *name, const QString &cond, int column, const char *message) {
        QTest::newRow(name) << cond << column << QString::fromUtf8(message);
    };
    row("empty", "", 1, "empty condition");
    row("blank", "   ", 1, "empty condition");
    row("no operator", "[STATUS]", 9, "expected an operator (==, !=, <, <=, >, >=) after [STATUS]");
    row("no operator before value", "[STATUS] 200", 10,
        "expected an operator (==, !=, <, <=, >, >=) after [STATUS]");
    row("gatus ? operator", "[STATUS] ? 201", 10,
        "expected an operator (==, !=, <, <=, >, >=) after [STATUS]");
    row("single =", "[STATUS] = 200", 10, "'=' is not an operator, did you mean '=='?");
    row("gatus = =", "[STATUS] = = 201", 10, "'=' is not an operator, did you mean '=='?");
    row("single !", "[STATUS] ! 200", 10, "'!' is not an operator, did you mean '!='?");
    row("gatus no value", "[STATUS] ==", 12, "expected a value after ==");
    row("triple =", "[STATUS] === 200", 12, "unexpected '=' after the operator ==");
    row("typo placeholder", "[STAUTS] == 200", 1, "unknown placeholder [STAUTS], did you mean [STATUS]?");
    row("typo response time", "[RESPONSETIME] < 500", 1,
        "unknown placeholder [RESPONSETIME], did you mean "
        "[RESPONSE_TIME]?");
    row("unknown placeholder", "[FOOBAR] == 200", 1,
        "unknown placeholder [FOOBAR], expected one of [STATUS]");
    row("unknown placeholder on the right", "[STATUS] == [BOD].x", 13,
        "unknown placeholder [BOD], did you mean "
        "[BODY]?");
    row("gatus [IP] unsupported", "[IP] == 127.0.0.1", 1, "placeholder [IP] is not supported");
    row("gatus [IP] pat unsupported", "[IP] == pat(192.168.*)", 1, "placeholder [IP] is not supported");
    row("gatus [DNS_RCODE] unsupported", "[DNS_RCODE] == NOERROR", 1,
        "placeholder [DNS_RCODE] is not supported");
    row("gatus [DOMAIN_EXPIRATION] unsupported", "[DOMAIN_EXPIRATION] > 720h", 1,
        "placeholder [DOMAIN_EXPIRATION] is not supported");
    row("unterminated string", R"([HEADER].Sunset == "Sat, 01 Mar)", 20, "unterminated string");
    row("unterminated string left", R"("abc == 1)", 1, "unterminated string");
    row("len missing paren", "len([BODY].items > 0", 18, "missing ')' to close len(");
    row("has missing paren", "has([BODY].x", 13, "missing ')' to close has(");
    row("any missing paren", "[STATUS] == any(200, 201", 25, "missing ')' to close any(");
    row("pat missing paren", "[BODY].name == pat(john*", 25, "missing ')' to close pat(");
    row("len of a literal", "len(200) > 1", 5, "len() takes a placeholder");
    row("has of a literal", "has(1) == true", 5, "has() takes a placeholder");
    row("unknown function", "lne([BODY]) > 1", 1, "unknown function lne(), did you mean len()?");
    row("unknown function no hint", "count([BODY]) > 1", 1, "unknown function count(), expected len()");
    row("any with ordering", "[STATUS] < any(200)", 10, "pat() and any() only work with == and !=");
    row("pat with ordering", "[BODY] >= pat(a*)", 8, "pat() and any() only work with == and !=");
    row("two matchers", "pat(a*) == any(a)", 12, "pat() and any() can't be compared with each other");
    row("empty any item", "[STATUS] == any(200,,201)", 21, "expected a value in any()");
    row("empty any", "[STATUS] == any()", 17, "expected a value in any()");
    row("path on status", "[STATUS].code == 200", 9, "[STATUS] takes no path");
    row("header without name", "[HEADER] == x", 9, "expected '.' and a header name after [HEADER]");
    row("header empty name", "[HEADER]. == x", 10, "expected a header name after [HEADER].");
    row("header bad char", "[HEADER].Bad:Name == x", 13, "':' is not allowed in a header name");
    row("column without name", "[COLUMN] == x", 9, "expected '.' and a column name after [COLUMN]");
    row("body empty key", "[BODY]. == 1", 8, "expected a key after '.'");
    row("body bad index", "[BODY].data[x] == 1", 13, "expected an array index");
    row("body unclosed index", "[BODY].data[0 == 1", 14, "expected ']' after the array index");
    row("body huge index", "[BODY].data[99999999999] == 1", 13, "array index is too large");
    row("unclosed placeholder", "[STATUS == 200", 8, "expected ']' to close the placeholder [STATUS");
    row("and not supported", "[STATUS] == 200 && [BODY].ok == true", 17, "&& and || are not supported");
    row("or not supported", "[STATUS] == 200 || [STATUS] == 201", 17, "&& and || are not supported");
    row("and after placeholder", "[STATUS] == [BODY].a && x", 22, "&& and || are not supported");
    row("second operator", "[STATUS] == 200 == 201", 17,
        "a condition has one operator, found a second one: ==");
    row("trailing text", "[STATUS] == [BODY].a extra", 22,
        "expected the end of the condition after == [BODY].a");
    row("trailing after string", R"([BODY].a == "x" y)", 17, "expected the end of the condition");
    row("garbage start", "@foo == 1", 1, "expected a placeholder such as [STATUS]");
    row("too long", QString(5000, u'a'), 4097, "condition is too long");
    row("fractional duration", "[RESPONSE_TIME] < 1.5s", 19,
        "expected a number or a duration such as 90s, 15m "
        "or 48h after <, found 1.5s");
    row("percent sign", "error_rate_pct < 5%", 18, "expected a number or a duration such as 90s");
    row("unsubstituted parameter", "success_rate_pct >= ${min_success}", 21,
        "expected a number or a duration "
        "such as 90s, 15m or 48h after >=, "
        "found ${min_success}");
    row("status ordered against a word", "[STATUS] < OK", 12, "expected a number or a duration");
    row("len ordered against a word", "len([BODY].items) > some", 21, "expected a number or a duration");
    row("word on the left of a number", "true > [STATUS]", 1, "expected a number or a duration");
}

void tst_Condition::rejects()
{
    QFETCH(QString, condition);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto c = Condition::parse(condition);
    if (c)
        QFAIL("parsed although it should not");
    QVERIFY2(c.error().message.startsWith(message), qPrintable(c.error().message));
    QCOMPARE(c.error().column, column);
}

void tst_Condition::keepsTextAndListsMetrics_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QStringList>("metrics");
    QTest::newRow("none") << "[STATUS] == 200" << QStringList {};
    QTest::newRow("one") << "success_rate_pct >= 95" << QStringList {"success_rate_pct"};
    QTest::newRow("has") << "has(slow_imports_pct) == true" << QStringList {"slow_imports_pct"};
    QTest::newRow("right word is not a metric") << "[BODY].status == healthy" << QStringList {};
    QTest::newRow("metric vs placeholder") << "lag < [VALUE]" << QStringList {"lag"};
}

void tst_Condition::keepsTextAndListsMetrics()
{
    QFETCH(QString, condition);
    QFETCH(QStringList, metrics);
    const auto c = Condition::parse(condition);
    QVERIFY(c.has_value());
    QCOMPARE(c->text(), condition);
    QCOMPARE(c->metricNames(), metrics);
    const Condition copy = *c; // cheap, shares the parsed tree
    QCOMPARE(copy.text(), condition);
}

void tst_Condition::defaultConstructedNeverPasses()
{
    const Condition c;
    QCOMPARE(c.evaluate(Observation {}).outcome, ConditionResult::Outcome::Fail);
}

void tst_Condition::survivesArbitraryInput()
{
    // Random conditions built from the language's own characters: every one either parses and
    // evaluates or reports a column inside the text (or one past its end).
    static const QString alphabet
        = QStringLiteral("[]().,\"\\ =!<>*?&|-_09aZ STATUSBODYHEADERCOLUMNlenhaspatany"
                         "\t\n\u00e9");
    static const QStringList pieces
        = {"[STATUS]", "[BODY]", ".a",   "[0]", "len(", "has(", "pat(",   "any(",       ")",          ",",
           " == ",     " < ",    " >= ", "\"",  "200",  "1h",   "metric", "[HEADER].X", "[COLUMN].c", "&&"};
    QRandomGenerator rng(20260301);
    const Observation obs = Obs().status(200).body(R"({"a":[1,{"b":"c"}]})").header("X", "y");
    int parsed = 0;
    for (int i = 0; i < 20000; ++i) {
        QString text;
        const int n = int(rng.bounded(12));
        for (int k = 0; k < n; ++k) {
            if (rng.bounded(2))
                text += pieces[int(rng.bounded(pieces.size()))];
            else
                text += alphabet[int(rng.bounded(alphabet.size()))];
        }
        const auto c = Condition::parse(text);
        if (c) {
            ++parsed;
            const auto r = c->evaluate(obs);
            QVERIFY(!r.explanation.isEmpty());
        } else {
            QVERIFY2(c.error().column >= 1 && c.error().column <= text.size() + 1, qPrintable(text));
            QVERIFY(!c.error().message.isEmpty());
        }
    }
    QVERIFY(parsed > 100); // the generator does produce valid conditions too
}

void tst_Condition::pathologicalInputsStayFast()
{
    QElapsedTimer t;
    t.start();
    // A pattern full of stars against a long near-miss: quadratic at worst, never exponential.
    const auto pat = Condition::parse(
        "[BODY] == pat(" + QString(500, u'*').replace(QStringLiteral("**"), QStringLiteral("*a")) + "b)");
    QVERIFY(pat.has_value());
    QCOMPARE(pat->evaluate(Obs().bodyBytes(QByteArray(2000, 'a'))).outcome, ConditionResult::Outcome::Fail);
    // Deep JSON paths and deeply nested bodies.
    QString deepPath = "[BODY]";
    for (int i = 0; i < 1000; ++i)
        deepPath += "[0]";
    const auto deep = Condition::parse(deepPath.left(4000) + " == 1");
    QVERIFY(deep.has_value());
    const QByteArray nested = QByteArray(100000, '[') + QByteArray(100000, ']');
    QCOMPARE(deep->evaluate(Obs().bodyBytes(nested)).outcome, ConditionResult::Outcome::Fail);
    // Long any() list and a long unquoted value.
    QString options;
    for (int i = 0; i < 500; ++i)
        options += QString::number(i) + u',';
    options += u'x';
    const auto many = Condition::parse("[STATUS] == any(" + options + ")");
    QVERIFY(many.has_value());
    QVERIFY(many->evaluate(http(499)).passed());
    QVERIFY(Condition::parse("[BODY] == " + QString(4000, u'y')).has_value());
}

void tst_Condition::evaluatesManyTimesFast()
{
    const auto c = Condition::parse("success_rate_pct >= 95");
    QVERIFY(c.has_value());
    const Observation obs = Obs().metric("success_rate_pct", 96.5);
    QElapsedTimer t;
    t.start();
    int passes = 0;
    for (int i = 0; i < 100000; ++i)
        passes += c->evaluate(obs).passed() ? 1 : 0;
    QCOMPARE(passes, 100000);
    qInfo("100000 evaluations: %lld ms (speed belongs in bench/, not here)", t.elapsed());
}

QTEST_GUILESS_MAIN(tst_Condition)
#include "tst_Condition.moc"
