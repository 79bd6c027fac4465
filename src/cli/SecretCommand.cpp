#include "cli/SecretCommand.h"

#include "core/base/Await.h"
#include "core/base/LogCategories.h"
#include "core/runbook/RunbookLoader.h"
#include "engine/RunLauncher.h"
#include "probes/SecretProbe.h"
#include "probes/SecretStore.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace cockpit::cli {

namespace {

enum ExitCode { Ok = 0, NotFoundOrInvalid = 1, UsageOrUnavailable = 2 };

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}
void out(const QString &text)
{
    print(stdout, text + QLatin1Char('\n'));
}
void err(const QString &text)
{
    print(stderr, text + QLatin1Char('\n'));
}

const char *kSecretHelp
    = "Usage: cutover-cockpit secret COMMAND [OPTIONS]\n"
      "\n"
      "Manage the passwords and tokens a runbook references, in the OS keychain (Secret Service / KWallet;\n"
      "never a plain-text file). Values are read from the terminal without echo, or from stdin when piped,\n"
      "never from the command line, and never printed.\n"
      "\n"
      "Commands:\n"
      "  set NAME      store a secret\n"
      "  status NAME   show whether a secret is present and valid\n"
      "  delete NAME   remove a secret\n"
      "  map           list every secret a runbook needs (the missing credentials map)\n"
      "\n"
      "Run `cutover-cockpit secret COMMAND --help` for the options of a command.\n"
      "Exit codes: 0 ok, 1 not found or invalid, 2 usage error or keychain unavailable.\n";

const char *kSetHelp
    = "Usage: cutover-cockpit secret set NAME [--runbook FILE [--param NAME=VALUE]... [--params FILE]\n"
      "                                         | --scope SCOPE] [--pattern REGEX]\n"
      "\n"
      "Stores the value of secret NAME. On a terminal the value is asked for twice without echo; otherwise\n"
      "it is read from stdin (one trailing newline removed), e.g.\n"
      "  pass show db/app | cutover-cockpit secret set app_db_password --runbook cutover.yaml\n"
      "The value is never accepted as a command-line argument.\n"
      "\n"
      "Options:\n"
      "  --runbook FILE   store in the runbook's scope; check the pattern the runbook declares\n"
      "  --param NAME=VALUE, --params FILE\n"
      "                   the runbook's parameters, as for check and run\n"
      "  --scope SCOPE    store in SCOPE (default: global, which every runbook falls back to)\n"
      "  --pattern REGEX  refuse a value that does not fully match REGEX\n";

const char *kStatusHelp
    = "Usage: cutover-cockpit secret status NAME [--runbook FILE [--param NAME=VALUE]... [--params FILE]\n"
      "                                            | --scope SCOPE] [--pattern REGEX]\n"
      "\n"
      "Tells whether secret NAME is in the keychain (in the scope, or in global) and whether its value\n"
      "matches the pattern (--pattern, or the one the runbook declares). Never prints the value.\n"
      "Exit codes: 0 present and valid, 1 missing or invalid, 2 keychain unavailable.\n";

const char *kDeleteHelp = "Usage: cutover-cockpit secret delete NAME [--runbook FILE [--param NAME=VALUE]... "
                          "[--params FILE] | --scope SCOPE]\n"
                          "\n"
                          "Removes secret NAME from exactly that scope (default: global).\n"
                          "Exit codes: 0 deleted, 1 not found, 2 keychain unavailable.\n";

const char *kMapHelp
    = "Usage: cutover-cockpit secret map --runbook FILE [--param NAME=VALUE]... [--params FILE]\n"
      "\n"
      "Lists every secret the runbook references (declared under secrets:, or a connection's password or\n"
      "token), where it is used, and whether the keychain has a valid value for it. Never prints values.\n"
      "The runbook's parameters come from --param and --params, as for check and run.\n"
      "Exit codes: 0 all required secrets present and valid, 1 some missing or invalid, 2 runbook or\n"
      "keychain unusable.\n";

struct Parsed
{
    QStringList positional;
    QMap<QString, QString> options;
    QMap<QString, QStringList> repeated; // --param and --params, in the order given
    bool help = false;
    QString error;
};

// The runbook's parameters, as `check` and `run` take them: repeatable, so kept apart from `options`.
bool isRepeatable(const QString &name)
{
    return name == QLatin1String("param") || name == QLatin1String("params");
}

// Minimal option parser: --opt VALUE, --opt=VALUE, -h/--help; everything else is positional. With a
// runbook, --param NAME=VALUE and --params FILE are accepted too (repeatable).
Parsed parse(const QStringList &args, QSet<QString> valueOptions)
{
    if (valueOptions.contains(QStringLiteral("runbook")))
        valueOptions << QStringLiteral("param") << QStringLiteral("params");
    Parsed p;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (optionsEnded || !a.startsWith(QLatin1Char('-')) || a == QLatin1String("-")) {
            p.positional.append(a);
        } else if (a == QLatin1String("--")) {
            optionsEnded = true;
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            p.help = true;
        } else {
            const qsizetype eq = a.indexOf(QLatin1Char('='));
            const QString name = a.left(eq < 0 ? a.size() : eq).mid(2);
            if (!a.startsWith(QLatin1String("--")) || !valueOptions.contains(name)) {
                p.error = QStringLiteral("unknown option %1").arg(a.left(eq < 0 ? a.size() : eq));
                return p;
            }
            if (eq < 0 && i + 1 >= args.size()) {
                p.error = QStringLiteral("option --%1 needs a value").arg(name);
                return p;
            }
            const QString value = eq >= 0 ? a.mid(eq + 1) : args[++i];
            if (isRepeatable(name))
                p.repeated[name].append(value);
            else
                p.options[name] = value;
        }
    }
    return p;
}

int usage(const QString &message, const char *help)
{
    err(QStringLiteral("cutover-cockpit secret: %1").arg(message));
    print(stderr, QString::fromUtf8(help));
    return UsageOrUnavailable;
}

// Where a command works: the runbook's scope (with its declarations) or an explicit/global scope.
struct Target
{
    QString scope = QLatin1String(SecretStore::kGlobalScope);
    std::optional<Runbook> runbook;
};

std::optional<Target> resolveTarget(const Parsed &p, int *exitCode)
{
    Target t;
    if (p.options.contains(QStringLiteral("runbook")) && p.options.contains(QStringLiteral("scope"))) {
        *exitCode = UsageOrUnavailable;
        err(QStringLiteral("cutover-cockpit secret: use either --runbook or --scope, not both"));
        return std::nullopt;
    }
    if (!p.options.contains(QStringLiteral("runbook")) && !p.repeated.isEmpty()) {
        *exitCode = UsageOrUnavailable;
        err(QStringLiteral("cutover-cockpit secret: --param and --params need --runbook FILE"));
        return std::nullopt;
    }
    if (p.options.contains(QStringLiteral("runbook"))) {
        const auto params = RunLauncher::parameters(p.repeated.value(QStringLiteral("params")),
                                                    p.repeated.value(QStringLiteral("param")));
        if (!params) {
            for (const Error &e : params.error())
                err(e.toString());
            *exitCode = UsageOrUnavailable;
            return std::nullopt;
        }
        auto rb = RunbookLoader::loadFile(p.options.value(QStringLiteral("runbook")), *params);
        if (!rb) {
            for (const Error &e : rb.error())
                err(e.toString());
            *exitCode = UsageOrUnavailable;
            return std::nullopt;
        }
        t.scope = SecretStore::scopeFor(*rb);
        t.runbook = std::move(*rb);
    } else if (p.options.contains(QStringLiteral("scope"))) {
        t.scope = p.options.value(QStringLiteral("scope"));
        if (!SecretStore::isValidName(t.scope)) {
            *exitCode = UsageOrUnavailable;
            err(QStringLiteral(
                    "cutover-cockpit secret: invalid scope \"%1\": use letters, digits, '_', '-' and '.'")
                    .arg(t.scope));
            return std::nullopt;
        }
    }
    return t;
}

QString patternFor(const Parsed &p, const Target &t, const QString &name)
{
    if (p.options.contains(QStringLiteral("pattern")))
        return p.options.value(QStringLiteral("pattern"));
    if (t.runbook && t.runbook->secrets.contains(name))
        return t.runbook->secrets.value(name).pattern;
    return {};
}

// Restores the terminal if the user interrupts the hidden prompt (Ctrl-C would leave echo off).
termios g_savedTerminal;
void restoreTerminalAndExit(int sig)
{
    tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

std::optional<QByteArray> readHiddenLine(const QString &prompt)
{
    if (tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
        return std::nullopt;
    termios silent = g_savedTerminal;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    auto previousInt = std::signal(SIGINT, restoreTerminalAndExit);
    auto previousTerm = std::signal(SIGTERM, restoreTerminalAndExit);
    // Echo off before the prompt appears, so nothing typed in answer to it can be echoed.
    // TCSANOW rather than TCSAFLUSH: keep what was already typed ahead.
    if (tcsetattr(STDIN_FILENO, TCSANOW, &silent) != 0) {
        std::signal(SIGINT, previousInt);
        std::signal(SIGTERM, previousTerm);
        return std::nullopt;
    }
    print(stderr, prompt);
    QByteArray line;
    bool complete = false;
    for (int c = std::fgetc(stdin); c != EOF; c = std::fgetc(stdin)) {
        if (c == '\n') {
            complete = true;
            break;
        }
        line.append(static_cast<char>(c));
    }
    tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    print(stderr, QStringLiteral("\n"));
    if (!complete && line.isEmpty())
        return std::nullopt;
    return line;
}

// The value from the terminal (no echo, asked twice) or from piped stdin (one trailing newline removed).
std::optional<QByteArray> readValue(const QString &name, QString *problem)
{
    if (isatty(STDIN_FILENO)) {
        auto first = readHiddenLine(QStringLiteral("Value for secret %1 (input hidden): ").arg(name));
        if (!first) {
            *problem = QStringLiteral("no value entered");
            return std::nullopt;
        }
        auto second = readHiddenLine(QStringLiteral("Repeat the value: "));
        if (!second || *second != *first) {
            *problem = QStringLiteral("the two values differ; nothing stored");
            return std::nullopt;
        }
        return first;
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot read stdin");
        return std::nullopt;
    }
    QByteArray value = in.readAll();
    if (value.endsWith('\n')) {
        value.chop(1);
        if (value.endsWith('\r'))
            value.chop(1);
    }
    return value;
}

int secretSet(const QStringList &args)
{
    const Parsed p
        = parse(args, {QStringLiteral("runbook"), QStringLiteral("scope"), QStringLiteral("pattern")});
    if (p.help) {
        print(stdout, QString::fromUtf8(kSetHelp));
        return Ok;
    }
    if (!p.error.isEmpty())
        return usage(p.error, kSetHelp);
    if (p.positional.size() != 1)
        return usage(
            p.positional.isEmpty()
                ? QStringLiteral("set needs the secret NAME")
                : QStringLiteral("set takes exactly one NAME; the value is read from the terminal or stdin, "
                                 "never from the command line"),
            kSetHelp);
    const QString name = p.positional.first();
    if (!SecretStore::isValidName(name))
        return usage(
            QStringLiteral("invalid secret name \"%1\": use letters, digits, '_', '-' and '.'").arg(name),
            kSetHelp);
    int code = Ok;
    const auto target = resolveTarget(p, &code);
    if (!target)
        return code;
    if (target->runbook && !SecretProbe::references(*target->runbook).isEmpty()) {
        bool referenced = false;
        for (const SecretStatus &s : SecretProbe::references(*target->runbook))
            referenced = referenced || s.name == name;
        if (!referenced)
            err(QStringLiteral("warning: runbook \"%1\" does not reference secret %2")
                    .arg(target->runbook->name, name));
    }
    const QString pattern = patternFor(p, *target, name);
    if (!pattern.isEmpty() && !QRegularExpression(QRegularExpression::anchoredPattern(pattern)).isValid())
        return usage(QStringLiteral("--pattern is not a valid regular expression: %1").arg(pattern),
                     kSetHelp);

    QString problem;
    const auto value = readValue(name, &problem);
    if (!value) {
        err(QStringLiteral("secret %1: %2").arg(name, problem));
        return NotFoundOrInvalid;
    }
    if (value->isEmpty()) {
        err(QStringLiteral("secret %1: the value is empty; nothing stored").arg(name));
        return NotFoundOrInvalid;
    }
    if (SecretProbe::matchesPattern(*value, pattern) != true) {
        err(QStringLiteral("secret %1: the value does not match the pattern %2; nothing stored")
                .arg(name, pattern));
        return NotFoundOrInvalid;
    }
    const auto written = await(SecretStore::write(target->scope, name, *value));
    if (!written) {
        err(written.error().message);
        return UsageOrUnavailable;
    }
    out(QStringLiteral("stored secret %1 in scope %2").arg(name, target->scope));
    return Ok;
}

int secretStatus(const QStringList &args)
{
    const Parsed p
        = parse(args, {QStringLiteral("runbook"), QStringLiteral("scope"), QStringLiteral("pattern")});
    if (p.help) {
        print(stdout, QString::fromUtf8(kStatusHelp));
        return Ok;
    }
    if (!p.error.isEmpty())
        return usage(p.error, kStatusHelp);
    if (p.positional.size() != 1)
        return usage(QStringLiteral("status takes exactly one secret NAME"), kStatusHelp);
    const QString name = p.positional.first();
    int code = Ok;
    const auto target = resolveTarget(p, &code);
    if (!target)
        return code;
    const QString pattern = patternFor(p, *target, name);
    const auto found = await(SecretStore::lookup(target->scope, name));
    if (!found) {
        if (SecretStore::isNotFound(found.error())) {
            out(QStringLiteral("secret %1: missing").arg(name));
            err(found.error().message);
            return NotFoundOrInvalid;
        }
        err(found.error().message);
        return UsageOrUnavailable;
    }
    const auto valid = SecretProbe::matchesPattern(found->value, pattern);
    QString validity;
    if (!valid)
        validity = QStringLiteral("format unknown (the pattern is not a valid regular expression)");
    else if (pattern.isEmpty())
        validity = QStringLiteral("valid (non-empty; no pattern to check)");
    else
        validity = *valid ? QStringLiteral("valid (matches %1)").arg(pattern)
                          : QStringLiteral("INVALID (does not match %1)").arg(pattern);
    out(QStringLiteral("secret %1: present (scope %2), %3").arg(name, found->scope, validity));
    if (!valid)
        return UsageOrUnavailable;
    return *valid ? Ok : NotFoundOrInvalid;
}

int secretDelete(const QStringList &args)
{
    const Parsed p = parse(args, {QStringLiteral("runbook"), QStringLiteral("scope")});
    if (p.help) {
        print(stdout, QString::fromUtf8(kDeleteHelp));
        return Ok;
    }
    if (!p.error.isEmpty())
        return usage(p.error, kDeleteHelp);
    if (p.positional.size() != 1)
        return usage(QStringLiteral("delete takes exactly one secret NAME"), kDeleteHelp);
    const QString name = p.positional.first();
    int code = Ok;
    const auto target = resolveTarget(p, &code);
    if (!target)
        return code;
    const auto removed = await(SecretStore::remove(target->scope, name));
    if (!removed) {
        err(removed.error().message);
        return SecretStore::isNotFound(removed.error()) ? NotFoundOrInvalid : UsageOrUnavailable;
    }
    out(QStringLiteral("deleted secret %1 from scope %2").arg(name, target->scope));
    return Ok;
}

QString yesNo(bool b)
{
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

int secretMap(const QStringList &args)
{
    const Parsed p = parse(args, {QStringLiteral("runbook")});
    if (p.help) {
        print(stdout, QString::fromUtf8(kMapHelp));
        return Ok;
    }
    if (!p.error.isEmpty())
        return usage(p.error, kMapHelp);
    if (!p.positional.isEmpty())
        return usage(QStringLiteral("unexpected argument %1").arg(p.positional.first()), kMapHelp);
    if (!p.options.contains(QStringLiteral("runbook")))
        return usage(QStringLiteral("map needs --runbook FILE"), kMapHelp);
    int code = Ok;
    const auto target = resolveTarget(p, &code);
    if (!target)
        return code;
    const QList<SecretStatus> map = await(SecretProbe::credentialsMap(*target->runbook));

    const QStringList header
        = {QStringLiteral("SECRET"), QStringLiteral("REQUIRED"), QStringLiteral("PRESENT"),
           QStringLiteral("VALID"),  QStringLiteral("SCOPE"),    QStringLiteral("USED BY")};
    QList<QStringList> rows;
    QString keychainProblem;
    bool blocking = false;
    for (const SecretStatus &s : map) {
        const QString valid = s.valid ? yesNo(*s.valid) : QStringLiteral("unknown");
        rows.append({s.name, yesNo(s.required),
                     s.error.isEmpty() || s.present ? yesNo(s.present) : QStringLiteral("?"), valid,
                     s.present ? s.scope : QStringLiteral("-"), s.usedBy.join(QStringLiteral(", "))});
        if (!s.present && !s.error.isEmpty())
            keychainProblem = s.error;
        blocking = blocking || s.isBlocking();
    }
    QList<qsizetype> widths(header.size(), 0);
    for (qsizetype c = 0; c < header.size(); ++c) {
        widths[c] = header[c].size();
        for (const QStringList &r : rows)
            widths[c] = std::max(widths[c], r[c].size());
    }
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype c = 0; c < cells.size(); ++c)
            text += c + 1 < cells.size() ? cells[c].leftJustified(widths[c] + 2) : cells[c];
        out(text);
    };
    out(QStringLiteral("Secrets of runbook \"%1\" (scope %2, falling back to global):")
            .arg(target->runbook->name, target->scope));
    if (rows.isEmpty()) {
        out(QStringLiteral("(the runbook references no secrets)"));
        return Ok;
    }
    line(header);
    for (const QStringList &r : rows)
        line(r);
    if (!keychainProblem.isEmpty()) {
        err(keychainProblem);
        return UsageOrUnavailable;
    }
    if (blocking) {
        err(QStringLiteral("some required secrets are missing or invalid; set them with "
                           "`cutover-cockpit secret set NAME --runbook %1`")
                .arg(p.options.value(QStringLiteral("runbook"))));
        return NotFoundOrInvalid;
    }
    return Ok;
}

} // namespace

int runSecretCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    if (!args.isEmpty() && args.first() == QLatin1String("secret"))
        args.removeFirst();
    if (args.isEmpty())
        return usage(QStringLiteral("missing command"), kSecretHelp);
    const QString command = args.takeFirst();
    qCDebug(lcCli) << "secret" << command;
    if (command == QLatin1String("set"))
        return secretSet(args);
    if (command == QLatin1String("status"))
        return secretStatus(args);
    if (command == QLatin1String("delete"))
        return secretDelete(args);
    if (command == QLatin1String("map"))
        return secretMap(args);
    if (command == QLatin1String("-h") || command == QLatin1String("--help")
        || command == QLatin1String("help")) {
        print(stdout, QString::fromUtf8(kSecretHelp));
        return Ok;
    }
    return usage(QStringLiteral("unknown command \"%1\"").arg(command), kSecretHelp);
}

} // namespace cockpit::cli
