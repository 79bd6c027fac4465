// bench_journal: the journal's costs, each as one process so it can be timed from outside side by side
// with its raw floor (see docs/benchmarks.md for the pairs and the figures).
//
//   bench_journal append --dir DIR [--events N] [--step K] [--sync FULL|NORMAL] [--raw]
//       N events of the size of a check_observed event, K per transaction, into a new SQLite file in DIR.
//       Without --raw: Journal::appendBatch (K = 1: Journal::append), i.e. redaction, JSON, sealing and
//       hashing, the shipped schema (indexes, triggers). With --raw: the floor - prepared INSERTs of
//       pre-formatted rows into a bare table with the same columns, same pragmas, same transactions.
//   bench_journal fill --out FILE [--events N]
//       makes a journal of N chained events (for verify).
//   bench_journal verify --journal FILE
//       Journal::verify() of FILE, exactly what `cutover-cockpit journal verify` does after start-up.
//       Floor: sha256sum FILE (the same bytes hashed once).
//   bench_journal postgres --url postgresql://USER@HOST:PORT/DB [--events N] [--step K]
//       appends to an existing PostgreSQL journal (password from PGPASSWORD).
#include "store/PostgresJournal.h"
#include "store/SqliteJournal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <cstdio>

using namespace cockpit;

namespace {

JournalEventDraft draft(qint64 i)
{
    // About the size of a check_observed event: an HTTP observation summary and a verdict.
    JournalEventDraft d;
    d.runId = QStringLiteral("bench-run");
    d.at = 1'700'000'000'000 + i * 250;
    d.type = JournalEventType::CheckObserved;
    d.actor = QStringLiteral("engine");
    d.payload = QJsonObject {
        {QStringLiteral("check"), QStringLiteral("rlm-health")},
        {QStringLiteral("status"), 200},
        {QStringLiteral("latency_ms"), 12 + i % 40},
        {QStringLiteral("conditions"),
         QStringLiteral("[STATUS] (200) == 200; [BODY].processors_available (true) == true")},
        {QStringLiteral("verdict"), QStringLiteral("pass")},
        {QStringLiteral("i"), i},
    };
    return d;
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "bench_journal: %s\n", qPrintable(what));
    std::exit(1);
}

template<class T> T must(Expected<T, Error> r, const char *what)
{
    if (!r)
        fail(QStringLiteral("%1: %2").arg(QString::fromLatin1(what), r.error().message));
    return std::move(*r);
}

struct Args
{
    QString command;
    QString dir, out, journal, url;
    qint64 events = 10'000;
    qint64 step = 1;
    QString sync = QStringLiteral("FULL");
    bool raw = false;
};

Args parse(const QStringList &argv)
{
    Args a;
    if (argv.size() < 2)
        fail(QStringLiteral("usage: bench_journal append|fill|verify|postgres [options] (see the source)"));
    a.command = argv.at(1);
    for (qsizetype i = 2; i < argv.size(); ++i) {
        const QString &o = argv.at(i);
        auto value = [&]() -> QString {
            if (i + 1 >= argv.size())
                fail(o + QStringLiteral(" needs a value"));
            return argv.at(++i);
        };
        if (o == QLatin1String("--dir"))
            a.dir = value();
        else if (o == QLatin1String("--out"))
            a.out = value();
        else if (o == QLatin1String("--journal"))
            a.journal = value();
        else if (o == QLatin1String("--url"))
            a.url = value();
        else if (o == QLatin1String("--events"))
            a.events = value().toLongLong();
        else if (o == QLatin1String("--step"))
            a.step = std::max<qint64>(1, value().toLongLong());
        else if (o == QLatin1String("--sync"))
            a.sync = value().toUpper();
        else if (o == QLatin1String("--raw"))
            a.raw = true;
        else
            fail(QStringLiteral("unknown option ") + o);
    }
    return a;
}

void exec(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql))
        fail(sql + QStringLiteral(": ") + q.lastError().text());
}

// The floor: what SQLite itself costs for the same rows and transactions.
void appendRaw(const QString &path, const Args &a)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
    db.setDatabaseName(path);
    if (!db.open())
        fail(db.lastError().text());
    {
        QSqlQuery q(db);
        exec(q, QStringLiteral("PRAGMA journal_mode=WAL"));
        exec(q, QStringLiteral("PRAGMA synchronous=") + a.sync);
        exec(q,
             QStringLiteral("CREATE TABLE events (seq INTEGER PRIMARY KEY, run_id TEXT, at INTEGER,"
                            " type TEXT, actor TEXT, payload TEXT, prev_hash TEXT, hash TEXT)"));
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery begin(db), commit(db);
        begin.prepare(QStringLiteral("BEGIN IMMEDIATE"));
        commit.prepare(QStringLiteral("COMMIT"));
        const QString hash(64, QLatin1Char('a'));
        for (qint64 i = 1; i <= a.events;) {
            if (!begin.exec())
                fail(begin.lastError().text());
            for (qint64 k = 0; k < a.step && i <= a.events; ++k, ++i) {
                const QString payload
                    = QStringLiteral(
                          "{\"check\":\"rlm-health\",\"conditions\":\"[STATUS] (200) == 200; "
                          "[BODY].processors_available (true) == true\",\"i\":%1,\"latency_ms\":%2,"
                          "\"status\":200,\"verdict\":\"pass\"}")
                          .arg(i)
                          .arg(12 + i % 40);
                insert.bindValue(0, i);
                insert.bindValue(1, QStringLiteral("bench-run"));
                insert.bindValue(2, 1'700'000'000'000 + i * 250);
                insert.bindValue(3, QStringLiteral("check_observed"));
                insert.bindValue(4, QStringLiteral("engine"));
                insert.bindValue(5, payload);
                insert.bindValue(6, hash);
                insert.bindValue(7, hash);
                if (!insert.exec())
                    fail(insert.lastError().text());
            }
            if (!commit.exec())
                fail(commit.lastError().text());
        }
    }
    db.close();
}

void appendJournal(Journal &j, const Args &a)
{
    QList<JournalEventDraft> batch;
    for (qint64 i = 1; i <= a.events;) {
        if (a.step == 1) {
            must(j.append(draft(i++)), "append");
            continue;
        }
        batch.clear();
        for (qint64 k = 0; k < a.step && i <= a.events; ++k)
            batch.append(draft(i++));
        must(j.appendBatch(batch), "appendBatch");
    }
}

void setSync(SqliteJournal &j, const QString &mode)
{
    QSqlQuery q(QSqlDatabase::database(j.connectionName()));
    exec(q, QStringLiteral("PRAGMA synchronous=") + mode);
}

int append(const Args &a)
{
    if (a.dir.isEmpty())
        fail(QStringLiteral("append needs --dir"));
    const QString path
        = QStringLiteral("%1/bench-%2.journal").arg(a.dir).arg(QCoreApplication::applicationPid());
    QElapsedTimer t;
    t.start();
    if (a.raw) {
        appendRaw(path, a);
    } else {
        auto j = must(SqliteJournal::open(path), "open");
        setSync(*j, a.sync);
        appendJournal(*j, a);
    }
    const qint64 ms = t.elapsed();
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    std::printf("%s append, synchronous=%s, %lld events in steps of %lld: %lld ms in process\n",
                a.raw ? "raw SQLite" : "SqliteJournal", qPrintable(a.sync), a.events, a.step, ms);
    return 0;
}

int fill(const Args &a)
{
    if (a.out.isEmpty())
        fail(QStringLiteral("fill needs --out"));
    auto j = must(SqliteJournal::open(a.out), "open");
    setSync(*j, QStringLiteral("OFF"));
    Args batched = a;
    batched.step = 1000;
    appendJournal(*j, batched);
    std::printf("%s: %lld events\n", qPrintable(a.out), must(j->count(), "count"));
    return 0;
}

int verify(const Args &a)
{
    auto j = must(SqliteJournal::open(a.journal, SqliteJournal::Mode::ReadOnly), "open");
    const auto report = must(j->verify(), "verify");
    std::printf("%s: %s, %lld events verified\n", qPrintable(a.journal), report.ok() ? "OK" : "FAILED",
                report.verifiedCount);
    return report.ok() ? 0 : 1;
}

int postgres(const Args &a)
{
    auto spec = must(PostgresJournalSpec::parse(a.url), "url");
    auto j = must(PostgresJournal::open(spec, qgetenv("PGPASSWORD")), "open");
    QElapsedTimer t;
    t.start();
    appendJournal(*j, a);
    std::printf("PostgresJournal append, %lld events in steps of %lld: %lld ms in process\n", a.events,
                a.step, t.elapsed());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Args a = parse(app.arguments());
    if (a.command == QLatin1String("append"))
        return append(a);
    if (a.command == QLatin1String("fill"))
        return fill(a);
    if (a.command == QLatin1String("verify"))
        return verify(a);
    if (a.command == QLatin1String("postgres"))
        return postgres(a);
    fail(QStringLiteral("unknown command ") + a.command);
}
