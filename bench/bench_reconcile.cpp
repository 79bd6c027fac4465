// bench_reconcile: the checksum diff against its floor. A throwaway LocalPostgres gets two tables of N rows
// (generate_series; id bigint key, an int, a text, a numeric(12,2), a timestamptz), the target with 10 rows
// changed, deleted or added; then, side by side in one run and in turns:
//   count    count(*) of both tables
//   floor    one in-database full checksum of both tables: sum(hashtext(t::text))
//   diff     ChecksumDiff over both tables (key ranges hashed in the database, bisected, rows fetched)
// and the peak RSS of this process. Exit code 1 when the diff does not find exactly the 10 rows.
//   bench_reconcile [--rows N] [--runs N]
#include "demo/LocalPostgres.h"
#include "probes/SqlConnectionPool.h"
#include "reconcile/ChecksumDiff.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTextStream>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <sys/resource.h>

using namespace cockpit;

namespace {

QTextStream out(stdout);

long peakRssKb()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

struct Timings
{
    double countMs = 0;
    double floorMs = 0;
    double diffMs = 0;
    qint64 differences = 0;
    qint64 scanned = 0;
    int segments = 0;
    QString error;
};

Timings measure(const Connection &conn, const QByteArray &pw)
{
    Timings t;
    auto db = SqlConnectionPool::acquire(conn, SqlConnectionPool::Mode::ReadOnly, pw);
    if (!db) {
        t.error = db.error();
        return t;
    }
    QSqlQuery q(*db);
    q.exec(QStringLiteral("SET statement_timeout = 0"));
    QElapsedTimer timer;
    timer.start();
    for (const char *table : {"src", "dst"})
        q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && q.next();
    t.countMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    for (const char *table : {"src", "dst"})
        q.exec(QStringLiteral("SELECT sum(hashtext(t::text)) FROM %1 t").arg(QLatin1String(table)))
            && q.next();
    t.floorMs = double(timer.nsecsElapsed()) / 1e6;
    q.finish();

    timer.restart();
    DiffSide sides[2];
    const QString names[2] = {QStringLiteral("src"), QStringLiteral("dst")};
    for (int s = 0; s < 2; ++s) {
        auto schema = TableSchema::read(*db, names[s], pw);
        if (!schema) {
            t.error = schema.error();
            return t;
        }
        sides[s] = DiffSide {*db, SqlDialect::Kind::Postgres, names[s], {}, *schema, pw};
    }
    ChecksumDiff diff(sides[0], sides[1], nullptr, {});
    TablePair pair {names[0], names[1]};
    if (auto p = diff.plan(pair); !p) {
        t.error = p.error();
        return t;
    }
    TableResult r;
    // Both tables hold N rows give or take one; the counts only size the first split.
    q.exec(QStringLiteral("SELECT (SELECT count(*) FROM src), (SELECT count(*) FROM dst)"));
    q.next();
    const qint64 a = q.value(0).toLongLong();
    const qint64 b = q.value(1).toLongLong();
    q.finish();
    const double countForDiff = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    if (auto ran = diff.run(a, b, r, {}); !ran) {
        t.error = ran.error();
        return t;
    }
    t.diffMs = double(timer.nsecsElapsed()) / 1e6;
    Q_UNUSED(countForDiff)
    t.differences = r.missingInTarget + r.extraInTarget + r.changed;
    t.scanned = r.rowsScanned;
    t.segments = r.segmentsCompared;
    return t;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Checksum diff benchmark (see docs/benchmarks.md)."));
    parser.addHelpOption();
    const QCommandLineOption rowsOpt(QStringLiteral("rows"), QStringLiteral("Rows per table (1000000)."),
                                     QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Measured runs (3)."),
                                     QStringLiteral("N"), QStringLiteral("3"));
    parser.addOption(rowsOpt);
    parser.addOption(runsOpt);
    parser.process(app);
    const qint64 rows = parser.value(rowsOpt).toLongLong();
    const int runs = std::max(1, parser.value(runsOpt).toInt());

    QElapsedTimer setup;
    setup.start();
    auto pg = LocalPostgres::start({});
    if (!pg) {
        out << "cannot start PostgreSQL: " << pg.error().toString() << Qt::endl;
        return 2;
    }
    const QByteArray pw = "bench-Pw-1";
    if (auto r = (*pg)->createRole(QStringLiteral("bench"), pw); !r)
        return 2;
    if (auto r = (*pg)->createDatabase(QStringLiteral("bench"), QStringLiteral("bench")); !r)
        return 2;
    // In statements of at most 1 M rows: psql's setup calls have a time limit of their own.
    QStringList setupSql {QStringLiteral("CREATE UNLOGGED TABLE src (id bigint PRIMARY KEY, a int, b text, c "
                                         "numeric(12,2), d timestamptz); ALTER TABLE src OWNER TO bench;")};
    constexpr qint64 chunk = 1000000;
    for (qint64 from = 1; from <= rows; from += chunk)
        setupSql << QStringLiteral(
                        "INSERT INTO src SELECT g, g %1 1000, md5(g::text), g / 7.0, timestamptz "
                        "'2024-01-01 00:00:00+00' + g * interval '1 second' FROM generate_series(%2, %3) g;")
                        .arg(QStringLiteral("%"))
                        .arg(from)
                        .arg(std::min(rows, from + chunk - 1));
    setupSql << QStringLiteral(
        "CREATE UNLOGGED TABLE dst (LIKE src INCLUDING ALL); ALTER TABLE dst OWNER TO bench;");
    for (qint64 from = 1; from <= rows; from += chunk)
        setupSql << QStringLiteral("INSERT INTO dst SELECT * FROM src WHERE id BETWEEN %1 AND %2;")
                        .arg(from)
                        .arg(std::min(rows, from + chunk - 1));
    setupSql << QStringLiteral("UPDATE dst SET b = 'changed' WHERE id IN (%1, %2, %3, %4);"
                               "UPDATE dst SET c = c + 0.01 WHERE id IN (%5, %6);"
                               "DELETE FROM dst WHERE id IN (%7, %8);")
                    .arg(rows / 11)
                    .arg(rows / 3)
                    .arg(rows / 2)
                    .arg(rows - 5)
                    .arg(rows / 7)
                    .arg(rows / 5)
                    .arg(rows / 13)
                    .arg(rows * 3 / 4)
             << QStringLiteral(
                    "INSERT INTO dst VALUES (%1, 1, 'extra', 1, now()), (%2, 2, 'extra', 2, now());")
                    .arg(rows + 1)
                    .arg(rows + 2)
             << QStringLiteral("VACUUM ANALYZE src;") << QStringLiteral("VACUUM ANALYZE dst;");
    for (const QString &sql : std::as_const(setupSql))
        if (auto r = (*pg)->runSql(QStringLiteral("bench"), sql); !r) {
            out << "setup failed: " << r.error().toString() << Qt::endl;
            return 2;
        }
    out << "setup: " << rows << " rows per table in " << setup.elapsed() << " ms" << Qt::endl;

    Connection conn;
    conn.name = QStringLiteral("bench");
    PostgresConnection p;
    p.host = (*pg)->host();
    p.port = (*pg)->port();
    p.database = QStringLiteral("bench");
    p.user = QStringLiteral("bench");
    p.statementTimeout = std::chrono::hours(1);
    conn.target = p;

    QList<double> counts, floors, diffs;
    Timings last;
    for (int i = 0; i < runs; ++i) {
        auto f = QtConcurrent::run(SqlConnectionPool::threadPool(), [conn, pw] { return measure(conn, pw); });
        f.waitForFinished();
        last = f.result();
        if (!last.error.isEmpty()) {
            out << "error: " << last.error << Qt::endl;
            return 1;
        }
        counts << last.countMs;
        floors << last.floorMs;
        diffs << last.diffMs;
        out << QStringLiteral(
                   "run %1: count(*) both %2 ms, floor (sum(hashtext(t::text)) both) %3 ms, diff %4 ms "
                   "(%5 differing rows, %6 rows scanned, %7 ranges)")
                   .arg(i + 1)
                   .arg(last.countMs, 0, 'f', 0)
                   .arg(last.floorMs, 0, 'f', 0)
                   .arg(last.diffMs, 0, 'f', 0)
                   .arg(last.differences)
                   .arg(last.scanned)
                   .arg(last.segments)
            << Qt::endl;
    }
    const double c = median(counts), fl = median(floors), d = median(diffs);
    out << QStringLiteral(
               "median: count %1 ms, floor %2 ms, diff %3 ms; diff/floor %4x, diff/count %5x; peak RSS %6 MB")
               .arg(c, 0, 'f', 0)
               .arg(fl, 0, 'f', 0)
               .arg(d, 0, 'f', 0)
               .arg(d / fl, 0, 'f', 2)
               .arg(d / c, 0, 'f', 2)
               .arg(double(peakRssKb()) / 1024.0, 0, 'f', 1)
        << Qt::endl;
    (*pg)->stop();
    return last.differences == 10 ? 0 : 1;
}
