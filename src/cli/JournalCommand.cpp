#include "cli/JournalCommand.h"

#include "cli/SubcommandParser.h"
#include "core/base/Await.h"
#include "core/base/Console.h"
#include "core/base/LogCategories.h"
#include "core/base/Redactor.h"
#include "engine/Credentials.h"
#include "probes/SecretStore.h"
#include "store/JournalFactory.h"
#include "store/PostgresJournal.h"
#include "store/SqliteJournal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace cockpit::cli {

namespace {

enum ExitCode { Ok = 0, Tampered = 1, UsageOrUnavailable = 2 };

const char *kJournalHelp
    = "Usage: cutover-cockpit journal COMMAND --journal SPEC [options]\n"
      "\n"
      "The run journal: append-only, every event carrying the SHA-256 of the one before.\n"
      "SPEC is a journal file (SQLite) or postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=…]\n"
      "(the password comes from PGPASSWORD or --password-secret NAME, never the URL).\n"
      "\n"
      "Commands:\n"
      "  verify   re-hash the whole chain; name the first modified, missing, inserted or\n"
      "           reordered event; with --head SEQ:HASH (printed by an earlier verify or head)\n"
      "           also fail when that head is not in the chain: events were cut off the end\n"
      "  head     print where the chain ends now, as SEQ:HASH (keep it outside the journal)\n"
      "  export   write every event with its hash as JSON (--json [--out FILE])\n"
      "  init     create the shared PostgreSQL schema, a SELECT-only viewer role and, with\n"
      "           --lead-role, the role that appends (it can't rewrite history or the head record)\n"
      "\n"
      "Exit codes: 0 ok, 1 verification failed, 2 usage error or journal unavailable.\n";

const QCommandLineOption kJournalOption(QStringLiteral("journal"),
                                        QStringLiteral("The journal: a file or postgresql://…"),
                                        QStringLiteral("SPEC"));
const QCommandLineOption
    kPasswordSecret(QStringLiteral("password-secret"),
                    QStringLiteral("Keychain secret holding the PostgreSQL password (default: "
                                   "PGPASSWORD)."),
                    QStringLiteral("NAME"));
const QCommandLineOption kScope(QStringLiteral("scope"),
                                QStringLiteral("Keychain scope of the secrets (default: global)."),
                                QStringLiteral("SCOPE"), QString::fromLatin1(SecretStore::kGlobalScope));

// The journal's owner password: from the keychain when named, else PGPASSWORD, else none.
Expected<QByteArray, Error> ownerPassword(const QCommandLineParser &p)
{
    if (p.isSet(kPasswordSecret))
        return await(SecretStore::read(p.value(kScope), p.value(kPasswordSecret)));
    const QByteArray env = Credentials::postgresPassword();
    if (!env.isEmpty())
        Redactor::add(env);
    return env;
}

Expected<std::unique_ptr<Journal>, Error> openForReading(const QCommandLineParser &p)
{
    const QString spec = p.value(kJournalOption);
    JournalOpenOptions options;
    options.readOnly = true;
    if (JournalFactory::isPostgres(spec)) {
        auto password = ownerPassword(p);
        if (!password)
            return unexpected(password.error());
        options.password = *password;
    }
    return JournalFactory::open(spec, options);
}

QString verdictLine(const QString &location, const JournalVerifyReport &r)
{
    if (r.ok())
        return QStringLiteral("journal %1: OK, %2 events verified, head hash %3\nhead %4\n")
            .arg(location)
            .arg(r.verifiedCount)
            .arg(QString::fromLatin1(r.headHash), JournalHead {r.verifiedCount, r.headHash}.toString());
    return QStringLiteral("journal %1: FAILED at %2\n  %3 of %4 events verified before it; head of the "
                          "verified part %5\n")
        .arg(location, r.fault->toString())
        .arg(r.verifiedCount)
        .arg(r.eventCount)
        .arg(QString::fromLatin1(r.headHash));
}

int verify(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("journal verify"), QString(),
        QStringLiteral("Re-hashes every event of the journal and checks the chain; names the first "
                       "bad event. Exit 0 intact, 1 failed, 2 unavailable."));
    sp.addOption(kJournalOption);
    sp.addOption(kPasswordSecret);
    sp.addOption(kScope);
    const QCommandLineOption headOption(
        QStringLiteral("head"),
        QStringLiteral("A head kept from earlier (SEQ:HASH): fail unless the chain contains it."),
        QStringLiteral("SEQ:HASH"));
    sp.addOption(headOption);
    if (auto done = sp.parse(args))
        return *done;
    if (!sp.parser().isSet(kJournalOption))
        return sp.usageError(QStringLiteral("--journal SPEC is required"));
    std::optional<JournalHead> expectedHead;
    if (sp.parser().isSet(headOption)) {
        auto parsed = JournalHead::parse(sp.parser().value(headOption));
        if (!parsed)
            return sp.usageError(parsed.error());
        expectedHead = *parsed;
    }
    auto journal = openForReading(sp.parser());
    if (!journal) {
        Console::err(QStringLiteral("cutover-cockpit journal verify: %1\n").arg(journal.error().toString()));
        return UsageOrUnavailable;
    }
    const auto report = (*journal)->verify(expectedHead);
    if (!report) {
        Console::err(QStringLiteral("cutover-cockpit journal verify: %1\n").arg(report.error().toString()));
        return UsageOrUnavailable;
    }
    const QString line = verdictLine((*journal)->location(), *report);
    if (report->ok()) {
        Console::out(line);
        return Ok;
    }
    qCWarning(lcStore).noquote() << "journal verification failed:" << report->fault->toString();
    Console::out(line);
    return Tampered;
}

int printHead(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("journal head"), QString(),
        QStringLiteral("Prints where the journal's chain ends now, as SEQ:HASH (not verified: "
                       "`journal verify --head SEQ:HASH` later shows nothing was cut off)."));
    sp.addOption(kJournalOption);
    sp.addOption(kPasswordSecret);
    sp.addOption(kScope);
    if (auto done = sp.parse(args))
        return *done;
    if (!sp.parser().isSet(kJournalOption))
        return sp.usageError(QStringLiteral("--journal SPEC is required"));
    auto journal = openForReading(sp.parser());
    if (!journal) {
        Console::err(QStringLiteral("cutover-cockpit journal head: %1\n").arg(journal.error().toString()));
        return UsageOrUnavailable;
    }
    const auto head = (*journal)->head();
    if (!head) {
        Console::err(QStringLiteral("cutover-cockpit journal head: %1\n").arg(head.error().toString()));
        return UsageOrUnavailable;
    }
    Console::out(head->toString() + QLatin1Char('\n'));
    return Ok;
}

int exportJson(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("journal export"), QString(),
        QStringLiteral("Writes every event with its hash, and the verification result, as JSON."));
    sp.addOption(kJournalOption);
    sp.addOption(kPasswordSecret);
    sp.addOption(kScope);
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON output (the only format)."));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Write to FILE instead of stdout."),
                                 QStringLiteral("FILE"));
    sp.addOption(json);
    sp.addOption(out);
    if (auto done = sp.parse(args))
        return *done;
    if (!sp.parser().isSet(kJournalOption))
        return sp.usageError(QStringLiteral("--journal SPEC is required"));
    if (!sp.parser().isSet(json))
        return sp.usageError(QStringLiteral("choose a format: --json"));
    auto journal = openForReading(sp.parser());
    if (!journal) {
        Console::err(QStringLiteral("cutover-cockpit journal export: %1\n").arg(journal.error().toString()));
        return UsageOrUnavailable;
    }
    // Raw rows, so a damaged event is still exported (as stored) next to the verdict that names it.
    QJsonArray events;
    JournalVerifier verifier;
    auto scanned = (*journal)->scanRaw(1, [&](const JournalRawRow &row) {
        verifier.add(row);
        auto e = JournalEvent::fromRawRow(row);
        if (e) {
            events.append(e->toJson());
        } else {
            events.append(QJsonObject {{QStringLiteral("seq"), QString::fromUtf8(row.seq)},
                                       {QStringLiteral("unreadable"), e.error()},
                                       {QStringLiteral("payload_text"), QString::fromUtf8(row.payload)},
                                       {QStringLiteral("prev_hash"), QString::fromUtf8(row.prevHash)},
                                       {QStringLiteral("hash"), QString::fromUtf8(row.hash)}});
        }
        return true;
    });
    if (!scanned) {
        Console::err(QStringLiteral("cutover-cockpit journal export: %1\n").arg(scanned.error().toString()));
        return UsageOrUnavailable;
    }
    const JournalVerifyReport r = verifier.report();
    QJsonObject verification {{QStringLiteral("ok"), r.ok()},
                              {QStringLiteral("verified_events"), r.verifiedCount},
                              {QStringLiteral("head_hash"), QString::fromLatin1(r.headHash)}};
    if (r.fault) {
        verification.insert(QStringLiteral("first_bad_event"), r.fault->seq);
        verification.insert(QStringLiteral("problem"), JournalFault::kindName(r.fault->kind));
        verification.insert(QStringLiteral("detail"), r.fault->detail);
    }
    const QJsonObject doc {{QStringLiteral("format"), QStringLiteral("cutover-cockpit-journal")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("journal"), (*journal)->location()},
                           {QStringLiteral("hash_algorithm"), QStringLiteral("sha256")},
                           {QStringLiteral("event_count"), events.size()},
                           {QStringLiteral("verification"), verification},
                           {QStringLiteral("events"), events}};
    const QByteArray bytes = QJsonDocument(doc).toJson(QJsonDocument::Indented);
    if (sp.parser().isSet(out)) {
        QSaveFile file(sp.parser().value(out));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            Console::err(QStringLiteral("cutover-cockpit journal export: cannot write %1: %2\n")
                             .arg(sp.parser().value(out), file.errorString()));
            return UsageOrUnavailable;
        }
        Console::err(
            QStringLiteral("journal %1: %2 events written to %3%4\n")
                .arg((*journal)->location())
                .arg(events.size())
                .arg(sp.parser().value(out), r.ok() ? QString() : QStringLiteral(" (verification FAILED)")));
    } else {
        Console::out(QString::fromUtf8(bytes));
    }
    return Ok;
}

Expected<void, Error> initLead(PostgresJournal &journal, const QString &leadRole, const QCommandLineParser &p,
                               const QCommandLineOption &passwordSecret)
{
    if (!PostgresJournal::isValidRoleName(leadRole))
        return unexpected(
            Error::plain(QStringLiteral("lead role %1: use lowercase letters, digits and _").arg(leadRole)));
    QByteArray password;
    if (p.isSet(passwordSecret)) {
        auto secret = await(SecretStore::read(p.value(kScope), p.value(passwordSecret)));
        if (!secret)
            return unexpected(secret.error());
        password = *secret;
    }
    return journal.initLeadRole(leadRole, password);
}

int init(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("journal init"), QString(),
        QStringLiteral("Creates the shared journal schema (cockpit.events, append-only) and a login "
                       "role that may only SELECT from it. For a file SPEC: an empty journal."));
    sp.addOption(kJournalOption);
    sp.addOption(kPasswordSecret);
    sp.addOption(kScope);
    const QCommandLineOption role(QStringLiteral("viewer-role"),
                                  QStringLiteral("The SELECT-only login role to create."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption rolePassword(
        QStringLiteral("viewer-password-secret"),
        QStringLiteral("Keychain secret holding the viewer role's password (default: "
                       "no password, e.g. certificate login)."),
        QStringLiteral("NAME"));
    sp.addOption(role);
    sp.addOption(rolePassword);
    const QCommandLineOption leadRole(QStringLiteral("lead-role"),
                                      QStringLiteral("A login role that may append and read, nothing else "
                                                     "(PostgreSQL; run `run` as this role)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption leadPassword(
        QStringLiteral("lead-password-secret"),
        QStringLiteral("Keychain secret holding the lead role's password (default: no password)."),
        QStringLiteral("NAME"));
    sp.addOption(leadRole);
    sp.addOption(leadPassword);
    if (auto done = sp.parse(args))
        return *done;
    const QCommandLineParser &p = sp.parser();
    if (!p.isSet(kJournalOption))
        return sp.usageError(QStringLiteral("--journal SPEC is required"));
    const QString spec = p.value(kJournalOption);

    if (!JournalFactory::isPostgres(spec)) {
        if (p.isSet(role) || p.isSet(leadRole))
            return sp.usageError(QStringLiteral(
                "--viewer-role and --lead-role need a PostgreSQL journal; share a file journal by "
                "file permissions"));
        auto j = JournalFactory::open(spec);
        if (!j) {
            Console::err(QStringLiteral("cutover-cockpit journal init: %1\n").arg(j.error().toString()));
            return UsageOrUnavailable;
        }
        Console::out(
            QStringLiteral("journal %1: ready, %2 events\n").arg((*j)->location()).arg(*(*j)->count()));
        return Ok;
    }
    if (!p.isSet(role))
        return sp.usageError(QStringLiteral("--viewer-role NAME is required for a PostgreSQL journal"));
    if (!PostgresJournal::isValidRoleName(p.value(role)))
        return sp.usageError(
            QStringLiteral("viewer role %1: use lowercase letters, digits and _").arg(p.value(role)));
    auto parsed = PostgresJournalSpec::parse(spec);
    if (!parsed)
        return sp.usageError(parsed.error().toString());
    auto password = ownerPassword(p);
    if (!password) {
        Console::err(QStringLiteral("cutover-cockpit journal init: %1\n").arg(password.error().toString()));
        return UsageOrUnavailable;
    }
    QByteArray viewerPassword;
    if (p.isSet(rolePassword)) {
        auto secret = await(SecretStore::read(p.value(kScope), p.value(rolePassword)));
        if (!secret) {
            Console::err(QStringLiteral("cutover-cockpit journal init: %1\n").arg(secret.error().toString()));
            return UsageOrUnavailable;
        }
        viewerPassword = *secret;
    }
    auto journal = PostgresJournal::open(*parsed, *password);
    if (!journal) {
        Console::err(QStringLiteral("cutover-cockpit journal init: %1\n").arg(journal.error().toString()));
        return UsageOrUnavailable;
    }
    if (auto ok = (*journal)->init(p.value(role), viewerPassword); !ok) {
        Console::err(QStringLiteral("cutover-cockpit journal init: %1\n").arg(ok.error().toString()));
        return UsageOrUnavailable;
    }
    if (p.isSet(leadRole)) {
        if (auto ok = initLead(**journal, p.value(leadRole), p, leadPassword); !ok) {
            Console::err(QStringLiteral("cutover-cockpit journal init: %1\n").arg(ok.error().toString()));
            return UsageOrUnavailable;
        }
        Console::out(
            QStringLiteral("role %1 may log in, append and read (no UPDATE, DELETE or head record)\n")
                .arg(p.value(leadRole)));
    }
    Console::out(
        QStringLiteral("journal %1: schema cockpit ready, %2 events; role %3 may log in and only SELECT%4\n")
            .arg((*journal)->location())
            .arg(*(*journal)->count())
            .arg(p.value(role), viewerPassword.isEmpty() ? QStringLiteral(" (no password set)") : QString()));
    return Ok;
}

} // namespace

int runJournalCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    if (!args.isEmpty() && args.first() == QLatin1String("journal"))
        args.removeFirst();
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        (args.isEmpty() ? Console::err : Console::out)(QString::fromUtf8(kJournalHelp));
        return args.isEmpty() ? UsageOrUnavailable : Ok;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("verify"))
        return verify(args);
    if (command == QLatin1String("head"))
        return printHead(args);
    if (command == QLatin1String("export"))
        return exportJson(args);
    if (command == QLatin1String("init"))
        return init(args);
    Console::err(QStringLiteral("cutover-cockpit journal: unknown command '%1'\n\n").arg(command)
                 + QString::fromUtf8(kJournalHelp));
    return UsageOrUnavailable;
}

} // namespace cockpit::cli
