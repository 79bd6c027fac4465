#pragma once

#include "core/conditions/Observation.h"
#include "core/runbook/Check.h"
#include "core/runbook/Connection.h"

#include <QByteArray>
#include <QFuture>

namespace cockpit {

// Source vs target row counts (seed D): both sides are counted concurrently on the SQL worker pool, each
// in one READ ONLY transaction. Fast = planner estimates (pg_class.reltuples; count(*) where no estimate
// exists yet and for SQLite), Exact = count(*). A table that fails (unknown, no permission) gets its own
// error; the other tables are still counted. Never blocks the calling thread.
class RowCountProbe
{
public:
    static QFuture<Observation> run(const RowCountCheck &check, const Connection &source,
                                    const QByteArray &sourcePassword, const Connection &target,
                                    const QByteArray &targetPassword);

    // Rows the target may differ from the source: absolute, or percent of the source count (floored).
    static qint64 allowedDifference(const RowCountCheck &check, std::optional<qint64> sourceRows);
    // `table` or `schema.table`, each part a plain or "quoted" SQL identifier: it is put into SQL text.
    static bool isTableName(const QString &name);
};

} // namespace cockpit
