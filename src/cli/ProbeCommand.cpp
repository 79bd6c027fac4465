#include "cli/ProbeCommand.h"

#include "cli/SubcommandParser.h"
#include "core/base/Await.h"
#include "core/base/Console.h"
#include "core/base/Redactor.h"
#include "core/conditions/CheckResult.h"
#include "engine/Credentials.h"
#include "probes/HttpProbe.h"
#include "probes/SecretStore.h"
#include "probes/SqlProbe.h"

#include <QUrl>
#include <chrono>

namespace cockpit::cli {

namespace {

const QCommandLineOption
    kExpect(QStringList {QStringLiteral("e"), QStringLiteral("expect")},
            QStringLiteral("A condition the observation must meet (repeatable, at least one), "
                           "e.g. \"[STATUS] == 200\"."),
            QStringLiteral("COND"));
const QCommandLineOption kTimeout(QStringLiteral("timeout"),
                                  QStringLiteral("Give up after this many seconds."),
                                  QStringLiteral("SECONDS"));
const QCommandLineOption kCacert(QStringLiteral("cacert"),
                                 QStringLiteral("Trust the CA certificate(s) in this PEM file."),
                                 QStringLiteral("FILE"));

// Parses every --expect; on a syntax error prints where it is and returns nullopt.
std::optional<QList<Condition>> parseConditions(const SubcommandParser &sp, const QStringList &texts)
{
    QList<Condition> out;
    for (const QString &t : texts) {
        auto c = Condition::parse(t);
        if (!c) {
            sp.usageError(
                QStringLiteral("--expect: column %1: %2\n  %3\n  %4^")
                    .arg(c.error().column)
                    .arg(c.error().message, t, QString(qMax(0, c.error().column - 1), QLatin1Char(' '))));
            return std::nullopt;
        }
        out << *c;
    }
    return out;
}

std::optional<std::chrono::milliseconds> parseTimeout(const SubcommandParser &sp, bool &ok)
{
    ok = true;
    if (!sp.parser().isSet(kTimeout))
        return std::nullopt;
    const double s = sp.parser().value(kTimeout).toDouble(&ok);
    if (!ok || s <= 0) {
        ok = false;
        sp.usageError(QStringLiteral("--timeout needs a positive number of seconds"));
        return std::nullopt;
    }
    return std::chrono::milliseconds(qint64(s * 1000.0));
}

// Prints what was observed and each condition's verdict; 0 when all hold.
int printVerdicts(const QString &what, const Observation &o, const QList<Condition> &conditions)
{
    Check check;
    check.id = QStringLiteral("probe");
    check.expect = conditions;
    const CheckResult r = CheckResult::evaluate(check, o);
    QString text = what + QLatin1Char('\n');
    if (!o.error.isEmpty())
        text += QStringLiteral("error: %1\n").arg(o.error);
    for (const ConditionResult &c : r.conditions) {
        const QString verdict = c.outcome == ConditionResult::Outcome::Pass ? QStringLiteral("PASS")
            : c.outcome == ConditionResult::Outcome::Fail                   ? QStringLiteral("FAIL")
                                                                            : QStringLiteral("NO DATA");
        text += QStringLiteral("%1  %2\n").arg(verdict.leftJustified(7), c.explanation);
    }
    text += r.verdict == Verdict::Pass
        ? QStringLiteral("all %1 condition(s) hold\n").arg(conditions.size())
        : QStringLiteral("%1: not every condition holds\n").arg(verdictName(r.verdict));
    Console::out(text);
    return r.verdict == Verdict::Pass ? 0 : 1;
}

int runHttp(const QStringList &args)
{
    SubcommandParser sp(QStringLiteral("probe http"), QStringLiteral("URL --expect COND..."),
                        QStringLiteral("Sends one HTTP request and evaluates conditions on the response.\n"
                                       "Exit code: 0 all conditions hold, 1 any does not, 2 usage error."));
    sp.parser().addPositionalArgument(QStringLiteral("URL"), QStringLiteral("http:// or https:// URL."));
    const QCommandLineOption method(QStringList {QStringLiteral("X"), QStringLiteral("request")},
                                    QStringLiteral("HTTP method (default GET)."), QStringLiteral("METHOD"));
    const QCommandLineOption header(QStringList {QStringLiteral("H"), QStringLiteral("header")},
                                    QStringLiteral("Add a request header (repeatable)."),
                                    QStringLiteral("'Name: value'"));
    const QCommandLineOption data(QStringList {QStringLiteral("d"), QStringLiteral("data")},
                                  QStringLiteral("Request body."), QStringLiteral("BODY"));
    const QCommandLineOption insecure(
        QStringList {QStringLiteral("k"), QStringLiteral("insecure")},
        QStringLiteral("Do not verify the TLS certificate (marked in the output)."));
    for (const auto &o : {method, header, data, kTimeout, insecure, kCacert, kExpect})
        sp.addOption(o);
    if (auto done = sp.parse(args))
        return *done;
    const QStringList pos = sp.parser().positionalArguments();
    if (pos.size() != 1)
        return sp.usageError(QStringLiteral("exactly one URL is expected"));
    const QUrl url(pos.first(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        return sp.usageError(QStringLiteral("not an http(s) URL: %1").arg(pos.first()));
    if (!url.password().isEmpty())
        return sp.usageError(QStringLiteral("a password inside the URL is refused; send a header instead"));
    if (!sp.parser().isSet(kExpect))
        return sp.usageError(QStringLiteral("at least one --expect COND is required"));
    const auto conditions = parseConditions(sp, sp.parser().values(kExpect));
    if (!conditions)
        return 2;
    bool ok = true;
    const auto timeout = parseTimeout(sp, ok);
    if (!ok)
        return 2;

    HttpRequest request;
    request.url = url.toString();
    if (sp.parser().isSet(method))
        request.method = sp.parser().value(method).toUpper();
    for (const QString &h : sp.parser().values(header)) {
        const qsizetype colon = h.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return sp.usageError(QStringLiteral("-H needs 'Name: value', got '%1'").arg(h));
        request.headers.insert(h.left(colon).trimmed(), h.mid(colon + 1).trimmed());
    }
    if (sp.parser().isSet(data)) {
        request.body = sp.parser().value(data).toUtf8();
        if (!sp.parser().isSet(method))
            request.method = QStringLiteral("POST"); // as curl does
    }
    request.timeout = timeout;
    request.insecureSkipVerify = sp.parser().isSet(insecure);
    request.caFile = sp.parser().value(kCacert);

    const Observation o = await(HttpProbe::run(request, nullptr, {}));
    QString what = QStringLiteral("%1 %2").arg(request.method, url.toString(QUrl::RemoveUserInfo));
    if (o.status > 0)
        what += QStringLiteral(" → HTTP %1 in %2 ms").arg(o.status).arg(o.durationMs);
    if (o.tlsVerificationDisabled)
        what += QStringLiteral(" (TLS verification disabled)");
    return printVerdicts(what, o, *conditions);
}

int runSql(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("probe sql"), QStringLiteral("--db URL --query SQL --expect COND..."),
        QStringLiteral(
            "Runs one read-only query on PostgreSQL and evaluates conditions on the rows.\n"
            "The password comes from PGPASSWORD or from the keychain (--password-secret); a password "
            "inside --db is refused.\nExit code: 0 all conditions hold, 1 any does not, 2 usage error."));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("postgresql://USER@HOST:PORT/DATABASE"),
                                QStringLiteral("URL"));
    const QCommandLineOption sslmode(QStringLiteral("sslmode"),
                                     QStringLiteral("disable, prefer, require, verify-ca or verify-full."),
                                     QStringLiteral("MODE"));
    const QCommandLineOption query(QStringList {QStringLiteral("q"), QStringLiteral("query")},
                                   QStringLiteral("The SQL query."), QStringLiteral("SQL"));
    const QCommandLineOption secret(
        QStringLiteral("password-secret"),
        QStringLiteral("Read the password from this keychain entry ([SCOPE/]NAME, scope "
                       "default \"global\")."),
        QStringLiteral("NAME"));
    for (const auto &o : {db, sslmode, kCacert, query, secret, kTimeout, kExpect})
        sp.addOption(o);
    if (auto done = sp.parse(args))
        return *done;
    if (!sp.parser().positionalArguments().isEmpty())
        return sp.usageError(
            QStringLiteral("unexpected argument '%1'").arg(sp.parser().positionalArguments().first()));
    if (!sp.parser().isSet(db) || !sp.parser().isSet(query))
        return sp.usageError(QStringLiteral("--db URL and --query SQL are required"));
    if (!sp.parser().isSet(kExpect))
        return sp.usageError(QStringLiteral("at least one --expect COND is required"));

    const QUrl url(sp.parser().value(db), QUrl::StrictMode);
    if (!url.password().isEmpty()) {
        Redactor::add(url.password().toUtf8());
        return sp.usageError(
            QStringLiteral("a password inside --db is refused: use PGPASSWORD or --password-secret NAME"));
    }
    if (!url.isValid()
        || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))
        || url.host().isEmpty() || url.userName().isEmpty() || url.path().size() < 2)
        return sp.usageError(QStringLiteral("--db must look like postgresql://USER@HOST:PORT/DATABASE"));
    const auto conditions = parseConditions(sp, sp.parser().values(kExpect));
    if (!conditions)
        return 2;
    bool ok = true;
    const auto timeout = parseTimeout(sp, ok);
    if (!ok)
        return 2;

    QByteArray password;
    if (sp.parser().isSet(secret)) {
        QString scope = QString::fromLatin1(SecretStore::kGlobalScope);
        QString name = sp.parser().value(secret);
        if (const qsizetype slash = name.indexOf(QLatin1Char('/')); slash > 0) {
            scope = name.left(slash);
            name = name.mid(slash + 1);
        }
        const auto value = await(SecretStore::read(scope, name));
        if (!value) {
            Console::err(QStringLiteral("cutover-cockpit probe sql: password secret %1/%2: %3\n")
                             .arg(scope, name, value.error().message));
            return 2;
        }
        password = *value;
    } else {
        password = Credentials::postgresPassword();
    }
    Redactor::add(password);

    PostgresConnection pg;
    pg.host = url.host();
    pg.port = url.port(5432);
    pg.database = url.path().mid(1);
    pg.user = url.userName();
    pg.sslmode = sp.parser().value(sslmode);
    pg.caFile = sp.parser().value(kCacert);
    if (timeout)
        pg.statementTimeout = *timeout;
    Connection connection;
    connection.name = QStringLiteral("cli");
    connection.target = pg;

    SqlQuery q;
    q.connection = connection.name;
    q.query = sp.parser().value(query);
    const Observation o = await(SqlProbe::run(connection, q, password));
    const QString what = QStringLiteral("postgresql://%1@%2:%3/%4 → %5 row(s) in %6 ms")
                             .arg(pg.user, pg.host)
                             .arg(pg.port)
                             .arg(pg.database)
                             .arg(o.rowCount)
                             .arg(o.durationMs);
    return printVerdicts(what, o, *conditions);
}

} // namespace

int runProbeCommand(const QStringList &args)
{
    const QString kind = args.value(0);
    if (kind == QLatin1String("http"))
        return runHttp(args.mid(1));
    if (kind == QLatin1String("sql"))
        return runSql(args.mid(1));
    SubcommandParser sp(
        QStringLiteral("probe"), QStringLiteral("http|sql ..."),
        QStringLiteral("Runs one probe from the command line:\n"
                       "  probe http URL [-X METHOD] [-H 'Name: value']... [-d BODY] [--timeout S] "
                       "[--insecure] [--cacert FILE] --expect COND...\n"
                       "  probe sql --db postgresql://USER@HOST:PORT/DB [--sslmode MODE] [--cacert FILE] "
                       "[--password-secret NAME] --query SQL --expect COND...\n"
                       "See 'probe http --help' and 'probe sql --help'."));
    if (auto done = sp.parse(args))
        return *done;
    return sp.usageError(kind.isEmpty() ? QStringLiteral("which probe? http or sql")
                                        : QStringLiteral("unknown probe '%1' (http or sql)").arg(kind));
}

} // namespace cockpit::cli
