#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/journal/MetricSamples.h"

#include <QList>
#include <QStringList>
#include <optional>

class QSqlDatabase;
struct sqlite3;

namespace cockpit {

// The journal's sample table: one row per sample_taken event (run, metric, time, seq, value; NULL for
// NoData), so a month of samples is read by run and metric without parsing a million JSON payloads.
//
// The database keeps it, not the application: an AFTER INSERT trigger on the events table writes the row
// in the very transaction that appends the event, so the table can never disagree with the chain (a
// crash, the PostgreSQL outbox's late flush and a second writer included). Update and delete are refused
// as on the events. A journal made before the table gets it, backfilled from its events, the next time a
// writer opens it (SQLite) or `journal init` runs (PostgreSQL), in the same transaction as the trigger;
// until then readers find no table and read the events the slow way.
class SampleTable
{
public:
    // SQLite, run by a writer inside BEGIN IMMEDIATE when the table is missing: table, trigger, backfill.
    static QStringList sqliteStatements();
    // PostgreSQL, run by `init` as the schema owner (the trigger function is SECURITY DEFINER, so the
    // appending role needs no right on the table); with backfill when the table did not exist before.
    static QStringList postgresStatements(const QString &viewerRole, bool backfill);
    static QString postgresExistsSql();

    // The run's samples with seq <= upToSeq, by metric (name order), each in time order; nullopt when the
    // journal has no sample table yet (or this role may not read it).
    static Expected<std::optional<QList<MetricSamples>>, Error> readSqlite(sqlite3 *db, const QString &runId,
                                                                           qint64 upToSeq);
    static Expected<std::optional<QList<MetricSamples>>, Error>
    readPostgres(const QSqlDatabase &db, const QString &runId, qint64 upToSeq);
};

} // namespace cockpit
