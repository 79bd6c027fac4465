#include "store/SampleTable.h"

#include "store/PostgresJournalSchema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <cmath>
#include <cstring>
#include <sqlite3.h>

namespace cockpit {

namespace {

// The value of a sample: a JSON number, anything else (null for NoData) is NULL.
const char *const kSqliteValue = "CASE WHEN json_type(%1payload, '$.value') IN ('integer', 'real')"
                                 " THEN json_extract(%1payload, '$.value') END";
const char *const kSqliteMetricOk = "json_valid(%1payload) AND json_type(%1payload, '$.metric') = 'text'"
                                    " AND json_extract(%1payload, '$.metric') <> ''";

QString sqliteSelect(const QString &row)
{
    return QStringLiteral("SELECT %1run_id, json_extract(%1payload, '$.metric'), %1at, %1seq, %2")
        .arg(row, QString::fromLatin1(kSqliteValue).arg(row));
}

// "{1,2,NULL}" (an array_agg as text) -> its elements; NULL -> NaN.
template<class T, class Convert> QList<T> pgArray(const QByteArray &text, Convert convert)
{
    QList<T> out;
    if (text.size() < 2)
        return out;
    const char *p = text.constData() + 1;
    const char *end = text.constData() + text.size() - 1;
    out.reserve(text.count(',') + 1);
    while (p < end) {
        const char *comma = static_cast<const char *>(std::memchr(p, ',', size_t(end - p)));
        const char *stop = comma ? comma : end;
        out.append(convert(QByteArray::fromRawData(p, stop - p)));
        p = stop + 1;
    }
    return out;
}

} // namespace

QStringList SampleTable::sqliteStatements()
{
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS samples (run_id TEXT NOT NULL, metric TEXT NOT NULL,"
                       " at INTEGER NOT NULL, seq INTEGER NOT NULL, value REAL,"
                       " PRIMARY KEY (run_id, metric, at, seq)) WITHOUT ROWID"),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS events_record_sample AFTER INSERT ON events"
                       " WHEN NEW.type = 'sample_taken' AND %1"
                       " BEGIN INSERT INTO samples %2; END")
            .arg(QString::fromLatin1(kSqliteMetricOk).arg(QStringLiteral("NEW.")),
                 sqliteSelect(QStringLiteral("NEW."))),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS samples_no_update BEFORE UPDATE ON samples"
                       " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS samples_no_delete BEFORE DELETE ON samples"
                       " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"),
        QStringLiteral("INSERT OR IGNORE INTO samples %1 FROM events WHERE type = 'sample_taken' AND %2")
            .arg(sqliteSelect(QString()), QString::fromLatin1(kSqliteMetricOk).arg(QString())),
    };
}

QStringList SampleTable::postgresStatements(const QString &viewerRole, bool backfill)
{
    const QString role = PostgresJournalSchema::quoteIdent(viewerRole);
    const QString value
        = QStringLiteral("CASE WHEN jsonb_typeof(%1->'value') = 'number' THEN (%1->>'value')::float8 END");
    QStringList out {
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS cockpit.samples (run_id text NOT NULL, metric text NOT NULL,"
            " at bigint NOT NULL, seq bigint NOT NULL, value float8,"
            " PRIMARY KEY (run_id, metric, at, seq))"),
        // Runs as the owner; search_path pinned so a caller's objects can't stand in for ours.
        QStringLiteral("CREATE OR REPLACE FUNCTION cockpit.record_sample() RETURNS trigger LANGUAGE plpgsql"
                       " SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS"
                       " $$DECLARE p jsonb := NEW.payload::jsonb; BEGIN"
                       " IF jsonb_typeof(p->'metric') = 'string' AND p->>'metric' <> '' THEN"
                       " INSERT INTO cockpit.samples VALUES (NEW.run_id, p->>'metric', NEW.at, NEW.seq, %1)"
                       " ON CONFLICT DO NOTHING; END IF; RETURN NULL; END$$")
            .arg(value.arg(QStringLiteral("p"))),
        QStringLiteral("REVOKE ALL ON FUNCTION cockpit.record_sample() FROM PUBLIC"),
        QStringLiteral("DROP TRIGGER IF EXISTS events_record_sample ON cockpit.events"),
        QStringLiteral("CREATE TRIGGER events_record_sample AFTER INSERT ON cockpit.events FOR EACH ROW"
                       " WHEN (NEW.type = 'sample_taken') EXECUTE FUNCTION cockpit.record_sample()"),
        QStringLiteral("DROP TRIGGER IF EXISTS samples_append_only ON cockpit.samples"),
        QStringLiteral("CREATE TRIGGER samples_append_only BEFORE UPDATE OR DELETE ON cockpit.samples"
                       " FOR EACH ROW EXECUTE FUNCTION cockpit.refuse_change()"),
        QStringLiteral("DROP TRIGGER IF EXISTS samples_no_truncate ON cockpit.samples"),
        QStringLiteral("CREATE TRIGGER samples_no_truncate BEFORE TRUNCATE ON cockpit.samples"
                       " FOR EACH STATEMENT EXECUTE FUNCTION cockpit.refuse_change()"),
        QStringLiteral("REVOKE ALL ON cockpit.samples FROM PUBLIC"),
        QStringLiteral("REVOKE ALL ON cockpit.samples FROM %1").arg(role),
        QStringLiteral("GRANT SELECT ON cockpit.samples TO %1").arg(role),
    };
    if (backfill)
        out << QStringLiteral("INSERT INTO cockpit.samples SELECT run_id, p->>'metric', at, seq, %1"
                              " FROM (SELECT run_id, at, seq, payload::jsonb AS p FROM cockpit.events"
                              " WHERE type = 'sample_taken') e"
                              " WHERE jsonb_typeof(p->'metric') = 'string' AND p->>'metric' <> ''"
                              " ON CONFLICT DO NOTHING")
                   .arg(value.arg(QStringLiteral("p")));
    return out;
}

QString SampleTable::postgresExistsSql()
{
    return QStringLiteral("SELECT to_regclass('cockpit.samples') IS NOT NULL");
}

Expected<std::optional<QList<MetricSamples>>, Error>
SampleTable::readSqlite(sqlite3 *db, const QString &runId, qint64 upToSeq)
{
    using Result = std::optional<QList<MetricSamples>>;
    sqlite3_stmt *st = nullptr;
    auto failed = [&] {
        const QString text = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(st);
        return unexpected(Error::plain(QStringLiteral("reading the sample table: %1").arg(text)));
    };
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'samples'", -1,
                           &st, nullptr)
        != SQLITE_OK)
        return failed();
    const int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    st = nullptr;
    if (rc == SQLITE_DONE)
        return Result();
    if (rc != SQLITE_ROW)
        return failed();
    // The primary key's order: no sort, the rows come as stored.
    if (sqlite3_prepare_v2(db,
                           "SELECT metric, at, value FROM samples WHERE run_id = ?1 AND seq <= ?2"
                           " ORDER BY metric, at, seq",
                           -1, &st, nullptr)
        != SQLITE_OK)
        return failed();
    const QByteArray run = runId.toUtf8();
    sqlite3_bind_text(st, 1, run.constData(), int(run.size()), SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, upToSeq);
    QList<MetricSamples> out;
    QByteArray current;
    qint64 *at = nullptr;
    double *value = nullptr;
    qsizetype n = 0;
    int step;
    auto close = [&] {
        if (!out.isEmpty()) {
            out.last().at.resize(n);
            out.last().value.resize(n);
        }
    };
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = static_cast<const char *>(sqlite3_column_blob(st, 0));
        const int len = sqlite3_column_bytes(st, 0);
        if (out.isEmpty() || len != current.size()
            || std::memcmp(name, current.constData(), size_t(len)) != 0) {
            close();
            current = QByteArray(name, len);
            out.append(MetricSamples {QString::fromUtf8(current), {}, {}});
            n = 0;
        }
        MetricSamples &m = out.last();
        if (n == m.at.size()) { // grown in steps, written through raw pointers (a Debug build's QList::append
                                // is a call)
            const qsizetype size = qMax<qsizetype>(1024, n * 2);
            m.at.resize(size);
            m.value.resize(size);
            at = m.at.data();
            value = m.value.data();
        }
        at[n] = sqlite3_column_int64(st, 1);
        value[n] = sqlite3_column_type(st, 2) == SQLITE_NULL ? std::nan("") : sqlite3_column_double(st, 2);
        ++n;
    }
    if (step != SQLITE_DONE)
        return failed();
    close();
    sqlite3_finalize(st);
    return Result(std::move(out));
}

Expected<std::optional<QList<MetricSamples>>, Error>
SampleTable::readPostgres(const QSqlDatabase &db, const QString &runId, qint64 upToSeq)
{
    using Result = std::optional<QList<MetricSamples>>;
    QSqlQuery q(db);
    auto failed = [&] {
        return unexpected(
            Error::plain(QStringLiteral("reading the sample table: %1").arg(q.lastError().text())));
    };
    if (!q.exec(QStringLiteral("SELECT to_regclass('cockpit.samples') IS NOT NULL"
                               " AND has_table_privilege('cockpit.samples', 'SELECT')"))
        || !q.next())
        return failed();
    if (!q.value(0).toBool())
        return Result();
    // One row per metric, its points as two arrays: a month is 4 rows, not a million.
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT metric, array_agg(at ORDER BY at, seq)::text,"
                             " array_agg(value ORDER BY at, seq)::text FROM cockpit.samples"
                             " WHERE run_id = ? AND seq <= ? GROUP BY metric ORDER BY metric"));
    q.addBindValue(runId);
    q.addBindValue(upToSeq);
    if (!q.exec())
        return failed();
    QList<MetricSamples> out;
    while (q.next()) {
        MetricSamples m;
        m.metric = q.value(0).toString();
        m.at = pgArray<qint64>(q.value(1).toByteArray(), [](const QByteArray &b) { return b.toLongLong(); });
        m.value = pgArray<double>(q.value(2).toByteArray(), [](const QByteArray &b) {
            bool ok = false;
            const double v = b.toDouble(&ok);
            return ok ? v : std::nan("");
        });
        if (m.at.size() == m.value.size())
            out.append(std::move(m));
    }
    return Result(std::move(out));
}

} // namespace cockpit
