#include "store/PostgresJournal.h"
#include "store/PostgresJournalSchema.h"
#include "store/RunLease.h"
#include "store/SampleTable.h"
#include "store/ScramVerifier.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace cockpit {

// The journal's roles: the schema with its append-only triggers and the SELECT-only viewer role (init),
// and the lead's append-only role (initLeadRole).

bool PostgresJournal::isValidRoleName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    return re.match(name).hasMatch();
}

Expected<void, Error> PostgresJournal::init(const QString &viewerRole, const QByteArray &viewerPassword)
{
    if (auto ok = checkThread(); !ok)
        return ok;
    if (!isValidRoleName(viewerRole))
        return unexpected(
            Error::plain(QStringLiteral("viewer role %1: use lowercase letters, digits and _ (at most 63)")
                             .arg(viewerRole)));
    if (!m_online) {
        if (auto c = connect(); !c)
            return c;
    }
    const QString what = QStringLiteral("initialising journal");
    QSqlQuery q(m_db);
    auto run = [&](const QString &sql) -> bool { return q.exec(sql); };
    const QString role = PostgresJournalSchema::quoteIdent(viewerRole);

    // LOCAL: only for this transaction; "already exists, skipping" notices are expected on a re-run.
    if (!run(QStringLiteral("BEGIN")) || !run(QStringLiteral("SET LOCAL client_min_messages = warning")))
        return rollback(q.lastError(), what);
    q.prepare(QStringLiteral("SELECT rolsuper OR rolcreaterole OR rolbypassrls, rolname = current_user"
                             " FROM pg_roles WHERE rolname = ?"));
    q.addBindValue(viewerRole);
    if (!q.exec())
        return rollback(q.lastError(), what);
    const bool exists = q.next();
    if (exists && (q.value(0).toBool() || q.value(1).toBool())) {
        rollback(QSqlError(), what);
        return unexpected(Error::plain(
            QStringLiteral("role %1 exists and is privileged (or is you); a viewer role must be a plain role")
                .arg(viewerRole)));
    }
    QString password;
    if (!viewerPassword.isEmpty())
        password
            = QStringLiteral(" PASSWORD '%1'").arg(QString::fromLatin1(ScramVerifier::make(viewerPassword)));
    else if (!exists)
        password = QStringLiteral(" PASSWORD NULL");

    const QStringList statements {
        QStringLiteral("CREATE SCHEMA IF NOT EXISTS cockpit"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS cockpit.events ("
                       " seq bigint PRIMARY KEY CHECK (seq > 0),"
                       " run_id text NOT NULL, at bigint NOT NULL, type text NOT NULL, actor text NOT NULL,"
                       // text, not jsonb: the payload is hashed byte for byte as written
                       " payload text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL UNIQUE)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS events_run_idx ON cockpit.events (run_id, seq)"),
        QStringLiteral(
            "CREATE OR REPLACE FUNCTION cockpit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS"
            " $$BEGIN RAISE EXCEPTION 'cockpit.events is append-only'; END$$"),
        QStringLiteral("DROP TRIGGER IF EXISTS events_append_only ON cockpit.events"),
        QStringLiteral("CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON cockpit.events"
                       " FOR EACH ROW EXECUTE FUNCTION cockpit.refuse_change()"),
        QStringLiteral("DROP TRIGGER IF EXISTS events_no_truncate ON cockpit.events"),
        QStringLiteral("CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON cockpit.events"
                       " FOR EACH STATEMENT EXECUTE FUNCTION cockpit.refuse_change()"),
        QStringLiteral("REVOKE ALL ON SCHEMA cockpit FROM PUBLIC"),
        QStringLiteral("REVOKE ALL ON cockpit.events FROM PUBLIC"),
        (exists ? QStringLiteral("ALTER ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION%2")
                : QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION%2"))
            .arg(role, password),
        QStringLiteral("ALTER ROLE %1 SET default_transaction_read_only = on").arg(role),
        QStringLiteral("REVOKE ALL ON cockpit.events FROM %1").arg(role),
        QStringLiteral("GRANT USAGE ON SCHEMA cockpit TO %1").arg(role),
        QStringLiteral("GRANT SELECT ON cockpit.events TO %1").arg(role),
    };
    if (!q.exec(SampleTable::postgresExistsSql()) || !q.next())
        return rollback(q.lastError(), what);
    const bool backfill = !q.value(0).toBool(); // a new table: fill it from the events there are
    for (const QString &sql : statements + PostgresJournalSchema::writerLockStatements(viewerRole)
             + PostgresJournalSchema::headStatements(viewerRole) + RunLease::postgresStatements(viewerRole)
             + SampleTable::postgresStatements(viewerRole, backfill)) {
        if (!run(sql))
            return rollback(q.lastError(), what); // the error text never contains the clear password
    }
    if (!q.exec(QStringLiteral("SELECT current_database()")) || !q.next())
        return rollback(q.lastError(), what);
    if (!run(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2")
                 .arg(PostgresJournalSchema::quoteIdent(q.value(0).toString()), role))
        || !run(QStringLiteral("COMMIT")))
        return rollback(q.lastError(), what);
    return loadTail();
}

Expected<void, Error> PostgresJournal::initLeadRole(const QString &leadRole, const QByteArray &leadPassword)
{
    if (auto ok = checkThread(); !ok)
        return ok;
    if (!isValidRoleName(leadRole))
        return unexpected(Error::plain(
            QStringLiteral("lead role %1: use lowercase letters, digits and _ (at most 63)").arg(leadRole)));
    if (!m_online) {
        if (auto c = connect(); !c)
            return c;
    }
    QString refused;
    QSqlQuery q(m_db);
    if (PostgresJournalSchema::createLeadRole(q, leadRole, leadPassword, &refused)) {
        // The run's lease: the lead role takes and renews it (RunLease).
        for (const QString &sql : RunLease::postgresLeadStatements(leadRole))
            if (!q.exec(sql))
                return rollback(q.lastError(), QStringLiteral("granting the lease table of journal"));
        return {};
    }
    if (!refused.isEmpty()) {
        rollback(QSqlError(), QString());
        return unexpected(Error::plain(refused));
    }
    return rollback(q.lastError(), QStringLiteral("creating the lead role of journal"));
}

} // namespace cockpit
