// Gatus's own condition tests (TwiN/gatus, config/endpoint/condition_test.go: TestCondition_Validate and
// TestCondition_evaluate), each case that applies here: conditions pasted from Gatus pass and fail as they
// do there. Not applicable: [IP], [DOMAIN_EXPIRATION] and [CONTEXT] (refused here with a message), the
// "don't resolve failed conditions" option, and explanations (ours say <missing> where Gatus says
// INVALID). One deliberate difference: a plain-http observation has no certificate expiry here
// (<missing>), where Gatus reads 0, so `[CERTIFICATE_EXPIRATION] == 0` never passes on a check without TLS.
#include "core/conditions/Condition.h"

#include <QTest>

using namespace cockpit;

Q_DECLARE_METATYPE(cockpit::Observation)

namespace {

struct Obs
{
    Observation o;
    Obs &status(int s)
    {
        o.status = s;
        return *this;
    }
    Obs &body(const char *b)
    {
        o.body = QByteArray(b);
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
    Obs &exit(int code)
    {
        o.kind = Observation::Kind::Command;
        o.exitCode = code;
        return *this;
    }
    operator Observation() const { return o; }
};

Obs http()
{
    Obs b;
    b.o.connected = true;
    b.o.status = 200;
    return b;
}

const char *const kHtmlJohn
    = R"(<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /></head><body><div id="user">john.doe</div></body></html>)";
const char *const kHtmlJane
    = R"(<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /></head><body><div id="user">jane.doe</div></body></html>)";
const char *const kArticle = "{\n  \"article\": {\n    \"id\": 123,\n    \"title\": \"Hello, world!\",\n    "
                             "\"author\": \"John Doe\",\n    \"tags\": [\"hello\", \"world\"],\n    "
                             "\"content\": \"I really like Gatus!\"\n  }\n}";

void row(const char *name, const char *condition, const Observation &o, bool success)
{
    QTest::newRow(name) << QString::fromUtf8(condition) << o << success;
}

} // namespace

class tst_GatusConditions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validate_data();
    void validate();
    void evaluate_data();
    void evaluate();
    void numericStrings_data();
    void numericStrings();
};

void tst_GatusConditions::validate_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("valid");
    for (const char *c : {"[STATUS] == 200",
                          "[STATUS] != 200",
                          "[STATUS] <= 200",
                          "[STATUS] >= 200",
                          "[STATUS] < 200",
                          "[STATUS] > 200",
                          "[STATUS] == any(200, 201, 202, 203)",
                          "[STATUS] == [BODY].status",
                          "[CONNECTED] == true",
                          "[RESPONSE_TIME] < 500",
                          "[BODY] == 1",
                          "[BODY].test == wat",
                          "[BODY].test.wat == wat",
                          "[BODY].age == [BODY].id",
                          "[BODY].users[0].id == 1",
                          "len([BODY].users) == 100",
                          "len([BODY].data) < 5",
                          "has([BODY].errors) == false",
                          "has([BODY].users[0].name) == true",
                          "[BODY].name == pat(john*)",
                          "[CERTIFICATE_EXPIRATION] > 48h",
                          "raw == raw"})
        QTest::newRow(c) << QString::fromUtf8(c) << true;
    // Gatus also refuses "[STATUS]==201"; here operators need no spaces around them.
    // Gatus accepts "[RESPONSE_TIME] < potato" and fails it on every check (potato reads as 0); here a
    // comparison that can never hold is refused when the runbook loads
    // (response-time-using-less-than-invalid).
    for (const char *c :
         {"[STATUS] ? 201", "[STATUS] = = 201", "[STATUS] ==", "[STATUS]", "[RESPONSE_TIME] < potato"})
        QTest::newRow(c) << QString::fromUtf8(c) << false;
}

void tst_GatusConditions::validate()
{
    QFETCH(QString, condition);
    QFETCH(bool, valid);
    const auto c = Condition::parse(condition);
    QCOMPARE(c.has_value(), valid);
}

void tst_GatusConditions::evaluate_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<Observation>("observation");
    QTest::addColumn<bool>("success");
    row("status", "[STATUS] == 200", http().status(200), true);
    row("status-failure", "[STATUS] == 200", http().status(500), false);
    row("status-using-less-than", "[STATUS] < 300", http().status(201), true);
    row("status-using-less-than-failure", "[STATUS] < 300", http().status(404), false);
    row("response-time-using-less-than", "[RESPONSE_TIME] < 500", http().ms(50), true);
    row("response-time-using-less-than-with-duration", "[RESPONSE_TIME] < 1s", http().ms(50), true);
    row("response-time-using-greater-than", "[RESPONSE_TIME] > 500", http().ms(750), true);
    row("response-time-using-greater-than-with-duration", "[RESPONSE_TIME] > 1s", http().ms(2000), true);
    row("response-time-using-greater-than-or-equal-to-equal", "[RESPONSE_TIME] >= 500", http().ms(500), true);
    row("response-time-using-greater-than-or-equal-to-greater", "[RESPONSE_TIME] >= 500", http().ms(499),
        false);
    row("response-time-using-less-than-or-equal-to-equal", "[RESPONSE_TIME] <= 500", http().ms(500), true);
    row("response-time-using-less-than-or-equal-to-less", "[RESPONSE_TIME] <= 500", http().ms(25), true);
    row("response-time-using-less-than-or-equal-to-failure", "[RESPONSE_TIME] <= 500", http().ms(750), false);
    row("body", "[BODY] == test", http().body("test"), true);
    row("body-numerical-equal", "[BODY] == 123", http().body("123"), true);
    row("body-numerical-less-than", "[BODY] < 124", http().body("123"), true);
    row("body-numerical-greater-than", "[BODY] > 122", http().body("123"), true);
    row("body-numerical-greater-than-failure", "[BODY] > 123", http().body("100"), false);
    row("body-jsonpath", "[BODY].status == UP", http().body(R"({"status":"UP"})"), true);
    row("body-jsonpath-complex", "[BODY].data.name == john",
        http().body(R"({"data": {"id": 1, "name": "john"}})"), true);
    row("body-jsonpath-complex-invalid", "[BODY].data.name == john", http().body(R"({"data": {"id": 1}})"),
        false);
    row("body-jsonpath-complex-len-invalid", "len([BODY].data.name) == john",
        http().body(R"({"data": {"id": 1}})"), false);
    row("body-jsonpath-double-placeholder", "[BODY].user.firstName != [BODY].user.lastName",
        http().body(R"({"user": {"firstName": "john", "lastName": "doe"}})"), true);
    row("body-jsonpath-double-placeholder-failure", "[BODY].user.firstName == [BODY].user.lastName",
        http().body(R"({"user": {"firstName": "john", "lastName": "doe"}})"), false);
    row("body-jsonpath-when-body-is-array", "[BODY][0].id == 1", http().body(R"([{"id": 1}, {"id": 2}])"),
        true);
    row("body-jsonpath-when-body-has-null-parameter", "[BODY].data == OK", http().body(R"({"data": null}")"),
        false);
    row("body-jsonpath-when-body-has-array-with-null", "[BODY].items[0] == OK",
        http().body(R"({"items": [null, null]}")"), false);
    row("body-jsonpath-when-body-is-null", "[BODY].data == OK", http().body("null"), false);
    row("body-jsonpath-when-body-is-array-but-actual-body-is-not", "[BODY][0].name == test",
        http().body(R"({"statusCode": 500, "message": "Internal Server Error"})"), false);
    row("body-jsonpath-complex-int", "[BODY].data.id == 1", http().body(R"({"data": {"id": 1}})"), true);
    row("body-jsonpath-complex-array-int", "[BODY].data[1].id == 2",
        http().body(R"({"data": [{"id": 1}, {"id": 2}, {"id": 3}]})"), true);
    row("body-jsonpath-complex-int-using-greater-than", "[BODY].data.id > 0",
        http().body(R"({"data": {"id": 1}})"), true);
    row("body-jsonpath-hexadecimal-int-using-greater-than", "[BODY].data > 0",
        http().body(R"({"data": "0x1"})"), true);
    row("body-jsonpath-hexadecimal-int-using-equal-to-0x1", "[BODY].data == 1",
        http().body(R"({"data": "0x1"})"), true);
    row("body-jsonpath-hexadecimal-int-using-equals", "[BODY].data == 0x1", http().body(R"({"data": "0x1"})"),
        true);
    row("body-jsonpath-hexadecimal-int-using-equal-to-0x2", "[BODY].data == 2",
        http().body(R"({"data": "0x2"})"), true);
    row("body-jsonpath-hexadecimal-int-using-equal-to-0xF", "[BODY].data == 15",
        http().body(R"({"data": "0xF"})"), true);
    row("body-jsonpath-hexadecimal-int-using-equal-to-0xC0ff33", "[BODY].data == 12648243",
        http().body(R"({"data": "0xC0ff33"})"), true);
    row("body-jsonpath-hexadecimal-int-len", "len([BODY].data) == 3", http().body(R"({"data": "0x1"})"),
        true);
    row("body-jsonpath-hexadecimal-int-greater", "[BODY].data >= 1", http().body(R"({"data": "0x01"})"),
        true);
    row("body-jsonpath-hexadecimal-int-0x01-len", "len([BODY].data) == 4", http().body(R"({"data": "0x01"})"),
        true);
    row("body-jsonpath-octal-int-using-greater-than", "[BODY].data > 0", http().body(R"({"data": "0o1"})"),
        true);
    row("body-jsonpath-octal-int-using-equal", "[BODY].data == 2", http().body(R"({"data": "0o2"})"), true);
    row("body-jsonpath-octal-int-using-equals", "[BODY].data == 0o2", http().body(R"({"data": "0o2"})"),
        true);
    row("body-jsonpath-binary-int-using-greater-than", "[BODY].data > 0", http().body(R"({"data": "0b1"})"),
        true);
    row("body-jsonpath-binary-int-using-equal", "[BODY].data == 2", http().body(R"({"data": "0b0010"})"),
        true);
    row("body-jsonpath-binary-int-using-equals", "[BODY].data == 0b10", http().body(R"({"data": "0b0010"})"),
        true);
    row("body-jsonpath-complex-int-using-greater-than-failure", "[BODY].data.id > 5",
        http().body(R"({"data": {"id": 1}})"), false);
    row("body-jsonpath-float-using-greater-than-issue433", "[BODY].balance > 100",
        http().body(R"({"balance": "123.40000000000005"})"), true);
    row("body-jsonpath-complex-int-using-less-than", "[BODY].data.id < 5",
        http().body(R"({"data": {"id": 2}})"), true);
    row("body-jsonpath-complex-int-using-less-than-failure", "[BODY].data.id < 5",
        http().body(R"({"data": {"id": 10}})"), false);
    row("connected", "[CONNECTED] == true", http().connected(true), true);
    row("connected-failure", "[CONNECTED] == true", http().connected(false), false);
    row("certificate-expiration-greater-than-numerical", "[CERTIFICATE_EXPIRATION] > 2419200000",
        http().cert(5184000000LL), true);
    row("certificate-expiration-greater-than-numerical-failure", "[CERTIFICATE_EXPIRATION] > 2419200000",
        http().cert(1209600000LL), false);
    row("certificate-expiration-greater-than-duration", "[CERTIFICATE_EXPIRATION] > 12h",
        http().cert(86400000LL), true);
    row("certificate-expiration-greater-than-duration-failure", "[CERTIFICATE_EXPIRATION] > 48h",
        http().cert(86400000LL), false);
    row("no-placeholders", "1 == 2", Obs(), false);
    row("exit-code-zero", "[EXIT_CODE] == 0", Obs().exit(0), true);
    row("exit-code-zero-failure", "[EXIT_CODE] == 0", Obs().exit(1), false);
    row("exit-code-greater-than-zero", "[EXIT_CODE] > 0", Obs().exit(1), true);
    row("exit-code-greater-than-zero-failure", "[EXIT_CODE] > 0", Obs().exit(0), false);
    row("exit-code-less-than-zero", "[EXIT_CODE] < 0", Obs().exit(-1), true);
    row("exit-code-less-than-zero-failure", "[EXIT_CODE] < 0", Obs().exit(0), false);
    row("exit-code-not-zero", "[EXIT_CODE] != 0", Obs().exit(1), true);
    row("exit-code-not-zero-failure", "[EXIT_CODE] != 0", Obs().exit(0), false);
    row("len-body-jsonpath-complex", "len([BODY].data.name) == 4",
        http().body(R"({"data": {"name": "john"}})"), true);
    row("len-body-array", "len([BODY]) == 3", http().body(R"([{"id": 1}, {"id": 2}, {"id": 3}])"), true);
    row("len-body-keyed-array", "len([BODY].data) == 3",
        http().body(R"({"data": [{"id": 1}, {"id": 2}, {"id": 3}]})"), true);
    row("len-body-array-invalid", "len([BODY].data) == 8", http().body(R"({"name": "john.doe"})"), false);
    row("len-body-string", "len([BODY]) == 8", http().body("john.doe"), true);
    row("len-body-keyed-string", "len([BODY].name) == 8", http().body(R"({"name": "john.doe"})"), true);
    row("len-body-keyed-int", "len([BODY].age) == 2", http().body(R"({"age":18})"), true);
    row("len-body-keyed-bool", "len([BODY].adult) == 4", http().body(R"({"adult":true})"), true);
    row("len-body-object-inside-array", "len([BODY][0]) == 23", http().body(R"([{"age":18,"adult":true}])"),
        true);
    row("len-body-object-keyed-int-inside-array", "len([BODY][0].age) == 2",
        http().body(R"([{"age":18,"adult":true}])"), true);
    row("len-body-keyed-bool-inside-array", "len([BODY][0].adult) == 4",
        http().body(R"([{"age":18,"adult":true}])"), true);
    row("len-body-object", "len([BODY]) == 20", http().body(R"({"name": "john.doe"})"), true);
    row("pat-body-1", "[BODY] == pat(*john*)", http().body(R"({"name": "john.doe"})"), true);
    row("pat-body-2", "[BODY].name == pat(john*)", http().body(R"({"name": "john.doe"})"), true);
    row("pat-body-failure", "[BODY].name == pat(bob*)", http().body(R"({"name": "john.doe"})"), false);
    row("pat-body-html", R"([BODY] == pat(*<div id="user">john.doe</div>*))", http().body(kHtmlJohn), true);
    row("pat-body-html-failure", R"([BODY] == pat(*<div id="user">john.doe</div>*))", http().body(kHtmlJane),
        false);
    row("pat-body-html-failure-alt", R"(pat(*<div id="user">john.doe</div>*) == [BODY])",
        http().body(kHtmlJane), false);
    row("pat-body-in-array", "[BODY].data == pat(*Whatever*)",
        http().body(R"({"data": ["hello", "world", "Whatever"]})"), true);
    row("pat-status", "[STATUS] == pat(4*)", http().status(404), true);
    row("pat-status-failure", "[STATUS] == pat(4*)", http().status(200), false);
    row("any-body-1", "[BODY].name == any(john.doe, jane.doe)", http().body(R"({"name": "john.doe"})"), true);
    row("any-body-2", "[BODY].name == any(john.doe, jane.doe)", http().body(R"({"name": "jane.doe"})"), true);
    row("any-body-failure", "[BODY].name == any(john.doe, jane.doe)", http().body(R"({"name": "bob"})"),
        false);
    row("any-status-1", "[STATUS] == any(200, 429)", http().status(200), true);
    row("any-status-2", "[STATUS] == any(200, 429)", http().status(429), true);
    row("any-status-reverse", "any(200, 429) == [STATUS]", http().status(429), true);
    row("any-status-failure", "[STATUS] == any(200, 429)", http().status(404), false);
    row("has", "has([BODY].errors) == false", http().body("{}"), true);
    row("has-key-of-map", "has([BODY].article) == true", http().body(kArticle), true);
    row("has-failure", "has([BODY].errors) == false", http().body(R"({"errors": ["1"]})"), false);
}

void tst_GatusConditions::evaluate()
{
    QFETCH(QString, condition);
    QFETCH(Observation, observation);
    QFETCH(bool, success);
    const auto c = Condition::parse(condition);
    if (!c)
        QFAIL(qPrintable(QStringLiteral("col %1: %2").arg(c.error().column).arg(c.error().message)));
    const ConditionResult r = c->evaluate(observation);
    QVERIFY2(r.passed() == success, qPrintable(r.explanation));
}

// Gatus reads a number from a string as Go's strconv.ParseInt(s, 0, 64) does (0x, 0o, 0b and a
// leading 0 for octal), then as a decimal.
void tst_GatusConditions::numericStrings_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<Observation>("observation");
    QTest::addColumn<bool>("success");
    row("upper-case prefixes", "[BODY].a == 255", http().body(R"({"a": "0XFF"})"), true);
    row("legacy octal", "[BODY].a == 15", http().body(R"({"a": "017"})"), true);
    row("legacy octal is not decimal", "[BODY].a == 17", http().body(R"({"a": "017"})"), false);
    row("not octal: decimal", "[BODY].a == 9", http().body(R"({"a": "09"})"), true);
    row("negative hex", "[BODY].a < -15", http().body(R"({"a": "-0x10"})"), true);
    row("hex against a JSON number", "[BODY].a == 0x10", http().body(R"({"a": 16})"), true);
    row("hex ordering", "[BODY].a > 0x0F", http().body(R"({"a": "0x10"})"), true);
    row("binary ordering fail", "[BODY].a > 0b11", http().body(R"({"a": "0b10"})"), false);
    row("bad hex is a word", "[BODY].a == 0", http().body(R"({"a": "0xZZ"})"), false);
    row("len of an object is its JSON text", "len([BODY].o) == 13", http().body(R"({"o": {"a": 1, "b": 2}})"),
        true);
    row("len of an empty array", "len([BODY].a) == 0", http().body(R"({"a": []})"), true);
}

void tst_GatusConditions::numericStrings()
{
    evaluate();
}

QTEST_GUILESS_MAIN(tst_GatusConditions)
#include "tst_GatusConditions.moc"
