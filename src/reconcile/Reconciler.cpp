#include "reconcile/Reconciler.h"

#include "probes/RowCountProbe.h"
#include "probes/SqlConnectionPool.h"
#include "probes/SqlProbe.h"

#include <QDateTime>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>

namespace cockpit {

namespace {

using Mode = SqlConnectionPool::Mode;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString sideName(int s)
{
    return s == kSource ? QStringLiteral("source") : QStringLiteral("target");
}

// One value of a single-row query, as text ("NULL" for NULL).
Expected<QStringList, QString> singleRow(QSqlDatabase &db, const QString &sql, const QVariantList &binds,
                                         const QByteArray &password)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    bool ok = q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    ok = ok && q.exec();
    if (!ok)
        return unexpected(SqlConnectionPool::errorText(q.lastError(), password));
    QStringList out;
    if (q.next())
        for (int i = 0; i < q.record().count(); ++i)
            out << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
    return out;
}

QString whereClause(const QString &where)
{
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE (%1)").arg(where);
}

} // namespace

Reconciler::Reconciler(Runbook runbook, QHash<QString, QByteArray> passwords, Options options)
    : m_runbook(std::move(runbook))
    , m_passwords(std::move(passwords))
    , m_options(options)
{
}

QString Reconciler::methodName(RowCountCheck::Method m)
{
    switch (m) {
    case RowCountCheck::Method::Fast: return QStringLiteral("fast");
    case RowCountCheck::Method::Exact: return QStringLiteral("exact");
    case RowCountCheck::Method::Aggregates: return QStringLiteral("aggregates");
    case RowCountCheck::Method::Diff: break;
    }
    return QStringLiteral("diff");
}

void Reconciler::report(ReconcileProgress p)
{
    if (!m_progress)
        return;
    p.elapsedMs = nowMs() - m_startedMs;
    m_progress(p);
}

ReconciliationResult Reconciler::verify(const Reconciliation &r, const std::atomic<bool> *cancel)
{
    m_startedMs = nowMs();
    ReconciliationResult result;
    result.id = r.id;
    result.title = r.title;
    result.method = methodName(r.counts.method);
    result.startedAt = QDateTime::currentDateTimeUtc();
    const Connection src = m_runbook.connections.value(r.counts.source);
    const Connection dst = m_runbook.connections.value(r.counts.target);
    result.source = SqlConnectionPool::describe(src);
    result.target = SqlConnectionPool::describe(dst);
    for (int i = 0; i < r.counts.tables.size(); ++i) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            result.cancelledAt
                = QStringLiteral("before table %1 of %2").arg(i + 1).arg(r.counts.tables.size());
            break;
        }
        TableResult t = reconcileTable(r, i, cancel);
        if (cancel && cancel->load()) {
            result.cancelled = true;
            result.cancelledAt = QStringLiteral("in table %1 of %2 (%3), its result discarded")
                                     .arg(i + 1)
                                     .arg(r.counts.tables.size())
                                     .arg(t.source);
            break;
        }
        result.tables << t;
    }
    if (!result.cancelled)
        result.checks = runChecks(r, cancel);
    if (cancel && cancel->load() && !result.cancelled) {
        result.cancelled = true;
        result.cancelledAt = QStringLiteral("during the consistency checks");
    }
    result.finishedAt = QDateTime::currentDateTimeUtc();
    return result;
}

TableResult Reconciler::reconcileTable(const Reconciliation &r, int index, const std::atomic<bool> *cancel)
{
    const TablePair &pair = r.counts.tables[index];
    TableResult out;
    out.source = pair.source;
    out.target = pair.target.isEmpty() ? pair.source : pair.target;
    out.estimated = r.counts.method == RowCountCheck::Method::Fast;
    ReconcileProgress progress {r.id, index + 1, int(r.counts.tables.size()), out.source,
                                QStringLiteral("counting")};
    report(progress);
    for (const QString &t : {out.source, out.target})
        if (!RowCountProbe::isTableName(t)) {
            out.error = QStringLiteral("'%1' is not a table name (expected table or schema.table)").arg(t);
            return out;
        }

    const Connection conns[2]
        = {m_runbook.connections.value(r.counts.source), m_runbook.connections.value(r.counts.target)};
    DiffSide sides[2];
    QSqlDatabase dbs[2];
    const QString tables[2] = {out.source, out.target};
    auto rollbackAll = [&] {
        for (QSqlDatabase &db : dbs)
            if (db.isValid())
                SqlConnectionPool::rollback(db);
    };
    for (int s : {kSource, kTarget}) {
        const QByteArray pw = m_passwords.value(conns[s].name);
        auto db = SqlConnectionPool::acquire(conns[s], Mode::ReadOnly, pw);
        auto timeout = SqlConnectionPool::defaultStatementTimeout(conns[s]);
        Expected<void, QString> begun = db
            ? SqlConnectionPool::begin(*db, conns[s], Mode::ReadOnly, timeout, pw)
            : Expected<void, QString>(unexpected(db.error()));
        if (db && !begun) {
            // A reused connection may have died; one fresh attempt.
            *db = QSqlDatabase();
            SqlConnectionPool::discard(conns[s], Mode::ReadOnly);
            db = SqlConnectionPool::acquire(conns[s], Mode::ReadOnly, pw);
            begun = db ? SqlConnectionPool::begin(*db, conns[s], Mode::ReadOnly, timeout, pw)
                       : Expected<void, QString>(unexpected(db.error()));
        }
        if (!begun) {
            out.error = sideName(s) + QStringLiteral(": ") + begun.error();
            rollbackAll();
            return out;
        }
        dbs[s] = *db;
        sides[s] = DiffSide {*db, SqlDialect::of(*db), tables[s], pair.where, {}, pw};
    }

    // Counts: estimates (labelled) or count(*) under the pair's filter.
    std::optional<qint64> rows[2];
    for (int s : {kSource, kTarget}) {
        const SqlDialect::Kind k = sides[s].kind;
        const QString table = SqlDialect::tableName(k, tables[s]);
        if (out.estimated && pair.where.isEmpty() && k != SqlDialect::Kind::Sqlite) {
            const QStringList parts = SqlDialect::tableParts(tables[s]);
            auto est = k == SqlDialect::Kind::Postgres
                ? singleRow(
                    dbs[s],
                    QStringLiteral("SELECT c.reltuples::bigint FROM pg_class c WHERE c.oid = to_regclass(?)"),
                    {table}, sides[s].password)
                : singleRow(
                    dbs[s],
                    QStringLiteral("SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                   "COALESCE(NULLIF(?, ''), DATABASE()) AND TABLE_NAME = ?"),
                    {parts.value(0), parts.value(1)}, sides[s].password);
            if (est && !est->isEmpty() && est->first() != u"NULL" && est->first().toLongLong() >= 0)
                rows[s] = est->first().toLongLong();
        }
        if (!rows[s]) {
            auto n = singleRow(
                dbs[s], QStringLiteral("SELECT count(*) FROM %1%2").arg(table, whereClause(pair.where)), {},
                sides[s].password);
            if (!n || n->isEmpty()) {
                out.error = sideName(s) + QStringLiteral(": ")
                    + (n ? QStringLiteral("count(*) on %1 returned no row").arg(tables[s]) : n.error());
                rollbackAll();
                return out;
            }
            rows[s] = n->first().toLongLong();
        }
    }
    out.sourceRows = rows[kSource];
    out.targetRows = rows[kTarget];
    out.allowedDifference = RowCountProbe::allowedDifference(r.counts, out.sourceRows);
    const qint64 total = *rows[kSource] + *rows[kTarget];
    progress.rowsTotal = total;

    if (r.counts.method == RowCountCheck::Method::Aggregates
        || r.counts.method == RowCountCheck::Method::Diff) {
        for (int s : {kSource, kTarget}) {
            auto schema = TableSchema::read(dbs[s], tables[s], sides[s].password);
            if (!schema) {
                out.error = sideName(s) + QStringLiteral(": ") + schema.error();
                rollbackAll();
                return out;
            }
            sides[s].schema = *schema;
        }
        progress.phase = QStringLiteral("aggregates");
        report(progress);
        QStringList columns = pair.columns;
        if (columns.isEmpty())
            for (const ColumnInfo &c : std::as_const(sides[kSource].schema.columns))
                if (sides[kTarget].schema.column(c.name))
                    columns << c.name;
        QStringList values[2];
        QList<QPair<QString, QString>> names; // column, aggregate
        for (int s : {kSource, kTarget}) {
            const SqlDialect::Kind k = sides[s].kind;
            QStringList select {QStringLiteral("count(*)")};
            for (const QString &name : std::as_const(columns)) {
                const ColumnInfo *own = sides[s].schema.column(name);
                const ColumnInfo *other = sides[1 - s].schema.column(name);
                if (!own || !other) {
                    out.error = QStringLiteral("column %1 is missing on the %2")
                                    .arg(name, sideName(own ? 1 - s : s));
                    rollbackAll();
                    return out;
                }
                int scale = -1;
                const ValueClass as = s == kSource
                    ? SqlDialect::combine(own->cls, own->scale, other->cls, other->scale, &scale)
                    : SqlDialect::combine(other->cls, other->scale, own->cls, own->scale, &scale);
                const QString c = SqlDialect::quoteIdentifier(k, own->name);
                select << QStringLiteral("count(%1)").arg(c);
                if (s == kSource)
                    names << qMakePair(name, QStringLiteral("nulls"));
                const bool numeric = as == ValueClass::Integer || as == ValueClass::Decimal;
                const bool ordered = numeric || as == ValueClass::Timestamp || as == ValueClass::TimestampTz
                    || as == ValueClass::Date;
                if (numeric) {
                    select << SqlDialect::normalised(k, QStringLiteral("sum(%1)").arg(c), own->cls, as,
                                                     scale);
                    if (s == kSource)
                        names << qMakePair(name, QStringLiteral("sum"));
                }
                if (ordered) {
                    select << SqlDialect::normalised(k, QStringLiteral("min(%1)").arg(c), own->cls, as, scale)
                           << SqlDialect::normalised(k, QStringLiteral("max(%1)").arg(c), own->cls, as,
                                                     scale);
                    if (s == kSource)
                        names << qMakePair(name, QStringLiteral("min"))
                              << qMakePair(name, QStringLiteral("max"));
                }
            }
            auto row = singleRow(dbs[s],
                                 QStringLiteral("SELECT %1 FROM %2%3")
                                     .arg(select.join(QStringLiteral(", ")),
                                          SqlDialect::tableName(k, tables[s]), whereClause(pair.where)),
                                 {}, sides[s].password);
            if (!row) {
                out.error = sideName(s) + QStringLiteral(" aggregates: ") + row.error();
                rollbackAll();
                return out;
            }
            // count(c) becomes the null count: rows - count(c).
            const qint64 all = row->value(0).toLongLong();
            QStringList v = row->mid(1);
            int col = 0;
            for (const auto &n : std::as_const(names)) {
                if (n.second == u"nulls")
                    v[col] = QString::number(all - v.value(col).toLongLong());
                ++col;
            }
            values[s] = v;
        }
        for (qsizetype i = 0; i < names.size(); ++i)
            out.aggregates << AggregateValue {names[i].first, names[i].second, values[kSource].value(i),
                                              values[kTarget].value(i)};
    }

    if (r.counts.method == RowCountCheck::Method::Diff) {
        progress.phase = QStringLiteral("diff");
        report(progress);
        ChecksumDiff diff(sides[kSource], sides[kTarget], cancel, m_options.diff);
        auto planned = diff.plan(pair);
        if (!planned) {
            out.error = planned.error();
        } else {
            auto ran = diff.run(*rows[kSource], *rows[kTarget], out, [&](qint64 scanned) {
                progress.rowsScanned = scanned;
                report(progress);
            });
            if (!ran)
                out.error = ran.error();
        }
    }
    rollbackAll();
    return out;
}

QList<CheckResult> Reconciler::runChecks(const Reconciliation &r, const std::atomic<bool> *cancel)
{
    QList<CheckResult> out;
    for (const Check &check : r.checks) {
        if (cancel && cancel->load())
            break;
        report(ReconcileProgress {r.id, 0, 0, check.id, QStringLiteral("checks")});
        Observation o;
        if (const auto *sql = std::get_if<SqlQuery>(&check.probe)) {
            SqlQuery q = *sql;
            q.maxRows = std::min(q.maxRows, m_options.maxCheckRows);
            const Connection conn = m_runbook.connections.value(q.connection);
            o = SqlProbe::runBlocking(conn, q, m_passwords.value(conn.name));
        } else {
            o.kind = Observation::Kind::Manual;
            o.at = QDateTime::currentDateTimeUtc();
            o.error = QStringLiteral("a reconciliation runs SQL checks only; this one runs inside a run");
        }
        out << CheckResult::evaluate(check, o);
    }
    return out;
}

FixOutcome Reconciler::applyFix(const Action &fix)
{
    FixOutcome f;
    f.id = fix.id;
    f.title = fix.title;
    if (const auto *sql = std::get_if<SqlStatement>(&fix.what)) {
        f.kind = QStringLiteral("sql");
        const Connection conn = m_runbook.connections.value(sql->connection);
        const Observation o = SqlProbe::executeBlocking(conn, *sql, m_passwords.value(conn.name));
        f.applied = o.error.isEmpty();
        f.error = o.error;
        f.rowsAffected = o.error.isEmpty() ? o.rowCount : -1;
    } else if (const auto *cmd = std::get_if<CommandSpec>(&fix.what)) {
        f.kind = QStringLiteral("command");
        QProcess p;
        p.setProgram(cmd->argv.value(0));
        p.setArguments(cmd->argv.mid(1));
        if (!cmd->workingDirectory.isEmpty())
            p.setWorkingDirectory(cmd->workingDirectory);
        p.start();
        const bool finished = p.waitForStarted() && p.waitForFinished(int(cmd->timeout.count()));
        if (!finished) {
            p.kill();
            p.waitForFinished();
            f.error = QStringLiteral("the command did not finish: %1").arg(p.errorString());
        } else if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            f.error = QStringLiteral("exit code %1").arg(p.exitCode());
        }
        f.applied = f.error.isEmpty();
    } else {
        f.kind = QStringLiteral("manual");
        f.needsReview = true;
        if (const auto *m = std::get_if<ManualCheck>(&fix.what))
            f.instruction = m->instruction;
        else
            f.instruction = fix.description.isEmpty() ? fix.title : fix.description;
    }
    return f;
}

} // namespace cockpit
