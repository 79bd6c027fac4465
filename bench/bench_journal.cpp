// bench_journal: journal append rate (SQLite, PostgreSQL), `journal verify` and read-all time for
// 100 000 events. Prints a Markdown table for docs/benchmarks.md.
//   bench_journal [--appends N] [--events N] [--dir DIR] [--no-postgres]
// PostgreSQL runs in a throwaway LocalPostgres cluster (TLS, loopback; note: that cluster runs with
// fsync=off, so its append figure is network + transaction cost, not disk).
#include "core/journal/JournalVerifier.h"
#include "demo/LocalPostgres.h"
#include "store/PostgresJournal.h"
#include "store/SqliteJournal.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <cstdio>

using namespace cockpit;

namespace {

QTextStream out(stdout);

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

void row(const QString &what, const QString &value)
{
    out << "| " << what << " | " << value << " |\n";
    out.flush();
}

QString rate(qint64 n, qint64 ms)
{
    return QStringLiteral("%1 events/s (%2 events in %3 ms)")
        .arg(ms > 0 ? n * 1000 / ms : n * 1000)
        .arg(n)
        .arg(ms);
}

void fail(const QString &what, const Error &e)
{
    std::fprintf(stderr, "bench_journal: %s: %s\n", qPrintable(what), qPrintable(e.message));
    std::exit(1);
}

template<class T> T must(Expected<T, Error> r, const char *what)
{
    if (!r)
        fail(QString::fromLatin1(what), r.error());
    return std::move(*r);
}

void setSync(SqliteJournal &j, const QString &mode)
{
    QSqlQuery(QSqlDatabase::database(j.connectionName())).exec(QStringLiteral("PRAGMA synchronous=") + mode);
}

void appendRate(Journal &j, qint64 n, const QString &label)
{
    QElapsedTimer t;
    t.start();
    for (qint64 i = 1; i <= n; ++i)
        must(j.append(draft(i)), "append");
    row(label, rate(n, t.elapsed()));
}

void readAndVerify(Journal &j, qint64 expected, const QString &label)
{
    QElapsedTimer t;
    t.start();
    const auto report = must(j.verify(), "verify");
    const qint64 verifyMs = t.elapsed();
    if (!report.ok() || report.verifiedCount != expected)
        fail(QStringLiteral("verify"),
             Error::plain(QStringLiteral("unexpected report: %1 verified").arg(report.verifiedCount)));
    row(QStringLiteral("`journal verify`, %1 events, %2").arg(expected).arg(label),
        QStringLiteral("%1 ms").arg(verifyMs));
    t.restart();
    const auto all = must(j.readAll(), "readAll");
    const qint64 readMs = t.elapsed();
    if (all.size() != expected)
        fail(QStringLiteral("readAll"), Error::plain(QStringLiteral("read %1").arg(all.size())));
    row(QStringLiteral("read all (parsed events), %1 events, %2").arg(expected).arg(label),
        QStringLiteral("%1 ms").arg(readMs));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    const QCommandLineOption appends(QStringLiteral("appends"), QStringLiteral("Appends per rate run."),
                                     QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption events(QStringLiteral("events"), QStringLiteral("Journal size for verify/read."),
                                    QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption dir(QStringLiteral("dir"),
                                 QStringLiteral("Where the SQLite files go (default: temp)."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption noPg(QStringLiteral("no-postgres"), QStringLiteral("Skip PostgreSQL."));
    p.addOptions({appends, events, dir, noPg});
    p.addHelpOption();
    p.process(app);
    const qint64 nAppends = p.value(appends).toLongLong();
    const qint64 nEvents = p.value(events).toLongLong();
    QTemporaryDir tmp(p.isSet(dir) ? p.value(dir) + QStringLiteral("/bench-journal-XXXXXX") : QString());

    out << "| Journal benchmark (" << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount()
        << " cores) | result |\n|---|---|\n";

    // SQLite append rate: the shipped setting (FULL) and NORMAL for comparison.
    {
        auto j = must(SqliteJournal::open(tmp.filePath(QStringLiteral("full.journal"))), "open");
        appendRate(*j, nAppends, QStringLiteral("SQLite append, synchronous=FULL (shipped)"));
    }
    {
        auto j = must(SqliteJournal::open(tmp.filePath(QStringLiteral("normal.journal"))), "open");
        setSync(*j, QStringLiteral("NORMAL"));
        appendRate(*j, nAppends, QStringLiteral("SQLite append, synchronous=NORMAL (comparison)"));
    }
    // 100 000 events: filled without fsync (same code path), then verified and read back.
    {
        const QString path = tmp.filePath(QStringLiteral("big.journal"));
        {
            auto j = must(SqliteJournal::open(path), "open");
            setSync(*j, QStringLiteral("OFF"));
            for (qint64 i = 1; i <= nEvents; ++i)
                must(j->append(draft(i)), "append");
        }
        auto j = must(SqliteJournal::open(path, SqliteJournal::Mode::ReadOnly), "open");
        readAndVerify(*j, nEvents, QStringLiteral("SQLite"));

        // The verifier alone, rows already in memory: the hashing cost without I/O.
        QList<JournalRawRow> rows;
        rows.reserve(nEvents);
        if (auto ok = j->scanRaw(1,
                                 [&rows](const JournalRawRow &r) {
                                     rows.append(r);
                                     return true;
                                 });
            !ok)
            fail(QStringLiteral("scan"), ok.error());
        QElapsedTimer t;
        t.start();
        const auto report = JournalVerifier::verify(rows);
        row(QStringLiteral("JournalVerifier alone (in memory), %1 events").arg(nEvents),
            QStringLiteral("%1 ms%2")
                .arg(t.elapsed())
                .arg(report.ok() ? QString() : QStringLiteral(" FAILED")));
    }

    if (!p.isSet(noPg)) {
        auto pg = must(LocalPostgres::start({}), "LocalPostgres");
        if (auto ok = pg->createDatabase(QStringLiteral("bench")); !ok)
            fail(QStringLiteral("createDatabase"), ok.error());
        PostgresJournalSpec s;
        s.user = pg->superuser();
        s.port = pg->port();
        s.database = QStringLiteral("bench");
        s.sslmode = QStringLiteral("verify-full");
        s.sslrootcert = pg->caFile();
        auto j = must(PostgresJournal::open(s, {}), "open postgres");
        if (auto ok = j->init(QStringLiteral("bench_viewer"), {}); !ok)
            fail(QStringLiteral("init"), ok.error());
        appendRate(*j, nAppends,
                   QStringLiteral("PostgreSQL append (TLS loopback, one transaction + NOTIFY each)"));

        // Fill to nEvents with one bulk transaction of correctly chained rows, then verify and read.
        QSqlDatabase db = QSqlDatabase::database(j->connectionName());
        auto last = must(j->lastEvent(), "lastEvent");
        qint64 seq = last ? last->seq() : 0;
        QByteArray prev = last ? last->hash() : JournalEvent::genesisHash();
        QSqlQuery q(db);
        q.exec(QStringLiteral("BEGIN"));
        q.prepare(QStringLiteral("INSERT INTO cockpit.events VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        while (seq < nEvents) {
            const JournalEvent e = JournalEvent::seal(draft(seq + 1), seq + 1, prev);
            const JournalRawRow r = e.toRawRow();
            q.bindValue(0, e.seq());
            q.bindValue(1, e.runId());
            q.bindValue(2, e.at());
            q.bindValue(3, e.typeName());
            q.bindValue(4, e.actor());
            q.bindValue(5, QString::fromUtf8(r.payload));
            q.bindValue(6, QString::fromLatin1(r.prevHash));
            q.bindValue(7, QString::fromLatin1(r.hash));
            if (!q.exec())
                fail(QStringLiteral("bulk insert"), Error::plain(q.lastError().text()));
            prev = e.hash();
            ++seq;
        }
        QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        readAndVerify(*j, nEvents, QStringLiteral("PostgreSQL (TLS loopback)"));
    }
    return 0;
}
