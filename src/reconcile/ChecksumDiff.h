#pragma once

#include "core/base/Expected.h"
#include "core/runbook/Check.h"
#include "reconcile/ReconcileResult.h"
#include "reconcile/SqlDialect.h"
#include "reconcile/TableSchema.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <atomic>
#include <functional>
#include <optional>

namespace cockpit {

// One side of a table pair: an open connection inside a read-only transaction, and the table on it.
struct DiffSide
{
    QSqlDatabase db;
    SqlDialect::Kind kind = SqlDialect::Kind::Postgres;
    QString table; // the runbook's name
    QString where; // the pair's filter (lag window), or empty
    TableSchema schema;
    QByteArray password; // for redacting errors only
};

// Which rows of a table pair differ, without moving the tables: each database hashes the normalised rows
// of key ranges itself (count + sum of a 60-bit MD5 prefix per range, in one scan per level); ranges whose
// checksums differ are split again (by arithmetic on a single integer key, else by keys sampled from one
// side) until they hold few rows, and only those rows are fetched and compared column by column.
// SQLite has no MD5: its normalised rows are hashed in the cockpit, to the same values.
//
// Keys compare in byte order on every side (COLLATE "C", CAST AS BINARY, BINARY), so a range holds the
// same rows everywhere. Runs on the calling thread (the connections' thread); checks `cancel` between
// statements and then stops, having changed nothing.
class ChecksumDiff
{
public:
    struct Options
    {
        int fanout = 16; // ranges per split (at least)
        qint64 maxFanout = 4096; // ranges per split of a single integer key (computed, not compared)
        qint64 fetchThreshold = 1000; // rows per side at or below which a range is fetched
        qint64 fetchLimit = 200000; // a range that cannot be split further is fetched up to this size
        int maxReported = 1000; // differing rows kept in the result (the totals count all)
    };

    ChecksumDiff(DiffSide &source, DiffSide &target, const std::atomic<bool> *cancel, Options options);

    // Resolves key and compared columns (the pair's, else the source's primary key and every source
    // column present on both sides) and the normalised expressions.
    Expected<void, QString> plan(const TablePair &pair);
    // Fills the diff part of `out` (keys, columns, totals, differing rows, rows scanned).
    Expected<void, QString> run(qint64 sourceRows, qint64 targetRows, TableResult &out,
                                const std::function<void(qint64 rowsScanned)> &progress);

    const QStringList &keyColumns() const { return m_key; }
    const QStringList &comparedColumns() const { return m_columns; }

private:
    struct Segment
    {
        std::optional<QVariantList> lo; // inclusive
        std::optional<QVariantList> hi; // exclusive
        qint64 sourceRows = 0;
        qint64 targetRows = 0;
        int depth = 0;
    };
    struct Bucket
    {
        qint64 rows = 0;
        QString sum = QStringLiteral("0");
    };

    QString range(int side, const Segment &seg, QVariantList &binds) const;
    Expected<QList<QVariantList>, QString> boundaries(const Segment &seg);
    Expected<QList<Bucket>, QString> buckets(int side, const Segment &seg, const QList<QVariantList> &bounds);
    Expected<void, QString> compareRows(const Segment &seg, TableResult &out);
    Expected<QSqlQuery, QString> exec(int side, const QString &sql, const QVariantList &binds);
    QVariant keyValue(const QVariant &v) const;
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    DiffSide *m_sides[2];
    const std::atomic<bool> *m_cancel;
    Options m_options;
    QStringList m_key;
    QStringList m_columns; // compared, key columns excluded
    QList<ValueClass> m_keyClass;
    QStringList m_keyOrder[2]; // per side: key expressions ordered in byte order
    QStringList m_keyText[2]; // per side: normalised key texts
    QStringList m_colText[2]; // per side: normalised compared columns
    QString m_rowText[2];
    QString m_from[2];
    qint64 m_scanned = 0;
    // A single integer key split evenly: the range index is computed per row instead of compared.
    struct Arithmetic
    {
        qint64 lo = 0;
        qint64 span = 1;
        qint64 n = 1;
    };
    std::optional<Arithmetic> m_arithmetic; // for the boundaries just computed
    bool m_samePostgres = false; // both sides PostgreSQL: its own 64-bit text hash, no MD5
};

} // namespace cockpit
