#include "reconcile/TableSchema.h"

#include "probes/SqlConnectionPool.h"

#include <QMap>
#include <QSqlQuery>

namespace cockpit {

const ColumnInfo *TableSchema::column(const QString &name) const
{
    for (const ColumnInfo &c : columns)
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

Expected<TableSchema, QString> TableSchema::read(QSqlDatabase &db, const QString &table,
                                                 const QByteArray &password)
{
    const SqlDialect::Kind kind = SqlDialect::of(db);
    const QStringList parts = SqlDialect::tableParts(table);
    TableSchema schema;
    schema.table = table;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    auto run = [&](const QString &sql, const QVariantList &binds) -> Expected<void, QString> {
        if (!q.prepare(sql))
            return unexpected(SqlConnectionPool::errorText(q.lastError(), password));
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec())
            return unexpected(SqlConnectionPool::errorText(q.lastError(), password));
        return {};
    };
    QMap<int, QString> keyParts;
    if (kind == SqlDialect::Kind::Postgres) {
        const QString regclass = SqlDialect::tableName(kind, table);
        if (auto r = run(QStringLiteral("SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
                                        "coalesce(array_position(i.indkey::int2[], a.attnum) - "
                                        "array_lower(i.indkey::int2[], 1) + 1, 0) "
                                        "FROM pg_attribute a LEFT JOIN pg_index i ON i.indrelid = a.attrelid "
                                        "AND i.indisprimary WHERE a.attrelid = to_regclass(?)::oid "
                                        "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"),
                         {regclass});
            !r)
            return unexpected(r.error());
    } else if (kind == SqlDialect::Kind::Mysql) {
        // COLUMN_KEY says PRI for every primary key column; the order comes from ORDINAL_POSITION in
        // KEY_COLUMN_USAGE.
        if (auto r
            = run(QStringLiteral(
                      "SELECT c.COLUMN_NAME, c.COLUMN_TYPE, COALESCE(k.ORDINAL_POSITION, 0) "
                      "FROM information_schema.COLUMNS c LEFT JOIN information_schema.KEY_COLUMN_USAGE k "
                      "ON k.TABLE_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME "
                      "AND k.COLUMN_NAME = c.COLUMN_NAME AND k.CONSTRAINT_NAME = 'PRIMARY' "
                      "WHERE c.TABLE_SCHEMA = COALESCE(NULLIF(?, ''), DATABASE()) AND c.TABLE_NAME = ? "
                      "ORDER BY c.ORDINAL_POSITION"),
                  {parts.value(0), parts.value(1)});
            !r)
            return unexpected(r.error());
    } else {
        const QString pragma = parts.value(0).isEmpty()
            ? QStringLiteral("SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid")
            : QStringLiteral("SELECT name, type, pk FROM pragma_table_info(?, %1) ORDER BY cid")
                  .arg(SqlDialect::quoteIdentifier(kind, parts.value(0))
                           .replace(QLatin1Char('"'), QLatin1Char('\'')));
        if (auto r = run(pragma, {parts.value(1)}); !r)
            return unexpected(r.error());
    }
    while (q.next()) {
        ColumnInfo c;
        c.name = q.value(0).toString();
        c.type = q.value(1).toString();
        c.cls = SqlDialect::classify(kind, c.type, &c.scale);
        schema.columns << c;
        if (const int pos = q.value(2).toInt(); pos > 0)
            keyParts.insert(pos, c.name);
    }
    q.finish();
    if (schema.columns.isEmpty())
        return unexpected(
            QStringLiteral("table %1 does not exist (or has no columns visible to this user)").arg(table));
    schema.primaryKey = keyParts.values();
    return schema;
}

} // namespace cockpit
