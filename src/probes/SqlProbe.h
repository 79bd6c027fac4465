#pragma once

#include "core/conditions/Observation.h"
#include "core/runbook/Action.h"
#include "core/runbook/Check.h"
#include "core/runbook/Connection.h"

#include <QByteArray>
#include <QFuture>

namespace cockpit {

// Runs SQL checks (QPSQL, QSQLITE) on the SQL worker pool; never blocks the calling thread.
// A check runs in a READ ONLY transaction with a statement timeout (query's, else the connection's) and
// is always rolled back. The password is passed per call, used for the connection and never kept
// anywhere but in the libpq connection itself; it never appears in an observation.
class SqlProbe
{
public:
    static QFuture<Observation> run(const Connection &conn, const SqlQuery &query,
                                    const QByteArray &password);

    // For the run engine: a WRITING statement in a normal transaction (committed when it succeeds), only
    // when conn.writable; otherwise an error observation without touching the database.
    static QFuture<Observation> execute(const Connection &conn, const SqlStatement &statement,
                                        const QByteArray &password);

    // The blocking bodies of run()/execute(), for code already on a SQL worker thread.
    static Observation runBlocking(const Connection &conn, const SqlQuery &query, const QByteArray &password);
    static Observation executeBlocking(const Connection &conn, const SqlStatement &statement,
                                       const QByteArray &password);
};

} // namespace cockpit
