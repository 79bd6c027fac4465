#pragma once

// Shared by the reconciliation tests: run a Reconciler call on the SQL threads (its connections are per
// thread) and describe a table's result when an assertion fails.

#include "probes/SqlConnectionPool.h"
#include "reconcile/ReconcileResult.h"

#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit::test {

struct ReconcileTestSupport
{
    // Blocks until `f` ran on a thread of the SQL pool; nothing here needs an event loop.
    template<class F> static auto onSqlPool(F f)
    {
        auto future = QtConcurrent::run(SqlConnectionPool::threadPool(), std::move(f));
        future.waitForFinished();
        return future.result();
    }

    static QString describe(const TableResult &t)
    {
        QStringList lines {QStringLiteral("error=%1 rows %2/%3 missing=%4 extra=%5 changed=%6")
                               .arg(t.error)
                               .arg(t.sourceRows.value_or(-1))
                               .arg(t.targetRows.value_or(-1))
                               .arg(t.missingInTarget)
                               .arg(t.extraInTarget)
                               .arg(t.changed)};
        for (const RowDifference &d : t.differences)
            lines << RowDifference::kindName(d.kind) + QLatin1Char(' ') + d.key + QLatin1Char(' ')
                    + d.columns.join(u',') + QLatin1Char(' ') + d.sourceValues.join(u',')
                    + QStringLiteral(" | ") + d.targetValues.join(u',');
        for (const AggregateValue &a : t.aggregates)
            if (!a.equal())
                lines
                    << QStringLiteral("aggregate %1.%2: %3 vs %4").arg(a.column, a.name, a.source, a.target);
        return lines.join(u'\n');
    }
};

} // namespace cockpit::test
