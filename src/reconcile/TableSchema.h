#pragma once

#include "core/base/Expected.h"
#include "reconcile/SqlDialect.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace cockpit {

struct ColumnInfo
{
    QString name;
    QString type; // as declared
    ValueClass cls = ValueClass::Text;
    int scale = -1;
};

// A table's columns and primary key as one database describes them, read from its catalog
// (pg_attribute, information_schema, pragma_table_info). Runs inside the caller's transaction.
struct TableSchema
{
    QString table; // the runbook's name
    QList<ColumnInfo> columns;
    QStringList primaryKey; // in key order; empty when the table has none

    // Case-insensitive lookup; nullptr when absent.
    const ColumnInfo *column(const QString &name) const;

    static Expected<TableSchema, QString> read(QSqlDatabase &db, const QString &table,
                                               const QByteArray &password);
};

} // namespace cockpit
