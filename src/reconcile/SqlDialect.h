#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace cockpit {

// How a value is rendered for comparison. Both sides of a column pair render to the same class, so the
// same data gives the same text (and hash) on PostgreSQL, MySQL/MariaDB and SQLite: varchar and text are
// both Text, numeric(12,2) and double both Decimal at scale 2, timestamps with and without time zone both
// UTC text with microseconds.
enum class ValueClass { Integer, Decimal, Float, Text, Boolean, Timestamp, TimestampTz, Date, Bytes };

// The SQL text the reconciliation generates, per database kind. Pure string building; no database access.
class SqlDialect
{
public:
    enum class Kind { Postgres, Mysql, Sqlite };

    static Kind of(const QSqlDatabase &db);
    static QString name(Kind k);

    static QString quoteIdentifier(Kind k, const QString &name);
    // A runbook table name (`table`, `schema.table`, parts possibly "quoted") in this dialect's quoting.
    static QString tableName(Kind k, const QString &runbookName);
    // The parts of a runbook table name without quotes: {schema, table} (schema empty when not given).
    static QStringList tableParts(const QString &runbookName);

    // The class of a declared column type (format_type on PostgreSQL, COLUMN_TYPE on MySQL, the declared
    // type on SQLite); `scale` gets the decimal scale when the type has one, else -1.
    static ValueClass classify(Kind k, const QString &type, int *scale);
    // The class both sides of a column pair render to, and the decimal scale for Decimal.
    static ValueClass combine(ValueClass a, int scaleA, ValueClass b, int scaleB, int *scale);

    // A text expression of `expr` (a column of class `own`) rendered as class `as`; NULL stays NULL.
    static QString normalised(Kind k, const QString &expr, ValueClass own, ValueClass as, int scale);
    // One text per row: the normalised values joined by a unit separator, NULL as a record separator.
    static QString rowText(Kind k, const QStringList &normalisedExprs);
    // A 60-bit integer from the MD5 of a text expression (PostgreSQL and MySQL; SQLite hashes in the
    // cockpit, see ChecksumDiff). `postgresOnly`: both sides are PostgreSQL, so its own 64-bit
    // hashtextextended() serves, several times cheaper than MD5.
    static QString rowHash(Kind k, const QString &textExpr, bool postgresOnly = false);
    // sum(expr) as text, exact (numeric/decimal), so sums compare between databases.
    static QString sumAsText(Kind k, const QString &expr);
    // An expression ordering and comparing keys the same way everywhere: byte order for text.
    static QString keyOrder(Kind k, const QString &quotedColumn, ValueClass cls);
    static QString castText(Kind k, const QString &expr);

    static constexpr int defaultScale = 6; // decimals kept when neither side declares a scale
};

} // namespace cockpit
