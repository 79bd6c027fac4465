#include "store/PostgresJournalSchema.h"

#include "store/ScramVerifier.h"

#include <QSqlQuery>
#include <QVariant>

namespace cockpit {

QString PostgresJournalSchema::quoteIdent(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString PostgresJournalSchema::lockSql()
{
    return QStringLiteral("SELECT id FROM cockpit.writer_lock WHERE id = 1 FOR UPDATE");
}

QStringList PostgresJournalSchema::writerLockStatements(const QString &viewerRole)
{
    const QString role = quoteIdent(viewerRole);
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS cockpit.writer_lock (id int PRIMARY KEY CHECK (id = 1))"),
        QStringLiteral("INSERT INTO cockpit.writer_lock VALUES (1) ON CONFLICT DO NOTHING"),
        QStringLiteral("REVOKE ALL ON cockpit.writer_lock FROM PUBLIC"),
        QStringLiteral("REVOKE ALL ON cockpit.writer_lock FROM %1").arg(role),
    };
}

QStringList PostgresJournalSchema::headStatements(const QString &viewerRole)
{
    const QString role = quoteIdent(viewerRole);
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS cockpit.head (id int PRIMARY KEY CHECK (id = 1),"
                       " seq bigint NOT NULL, hash text NOT NULL)"),
        // An existing journal gets its head from what it holds now.
        QStringLiteral(
            "INSERT INTO cockpit.head SELECT 1, coalesce(max(seq), 0),"
            " coalesce((SELECT hash FROM cockpit.events ORDER BY seq DESC LIMIT 1), repeat('0', 64))"
            " FROM cockpit.events ON CONFLICT DO NOTHING"),
        // Runs as the owner: the appending role needs no right on cockpit.head. search_path pinned so a
        // caller's objects can't stand in for ours.
        QStringLiteral("CREATE OR REPLACE FUNCTION cockpit.advance_head() RETURNS trigger LANGUAGE plpgsql"
                       " SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS"
                       " $$BEGIN UPDATE cockpit.head SET seq = NEW.seq, hash = NEW.hash"
                       " WHERE id = 1 AND seq < NEW.seq; RETURN NULL; END$$"),
        QStringLiteral("REVOKE ALL ON FUNCTION cockpit.advance_head() FROM PUBLIC"),
        QStringLiteral("DROP TRIGGER IF EXISTS events_advance_head ON cockpit.events"),
        QStringLiteral("CREATE TRIGGER events_advance_head AFTER INSERT ON cockpit.events"
                       " FOR EACH ROW EXECUTE FUNCTION cockpit.advance_head()"),
        QStringLiteral("REVOKE ALL ON cockpit.head FROM PUBLIC"),
        QStringLiteral("REVOKE ALL ON cockpit.head FROM %1").arg(role),
        QStringLiteral("GRANT SELECT ON cockpit.head TO %1").arg(role),
    };
}

QString PostgresJournalSchema::readHeadSql()
{
    return QStringLiteral("SELECT seq, hash FROM cockpit.head WHERE id = 1");
}

QStringList PostgresJournalSchema::leadRoleStatements(const QString &leadRole, bool exists,
                                                      const QString &passwordClause)
{
    const QString role = quoteIdent(leadRole);
    return {
        (exists ? QStringLiteral("ALTER ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION%2")
                : QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION%2"))
            .arg(role, passwordClause),
        QStringLiteral(
            "REVOKE ALL ON cockpit.events, cockpit.head, cockpit.writer_lock, cockpit.samples FROM %1")
            .arg(role),
        QStringLiteral("GRANT USAGE ON SCHEMA cockpit TO %1").arg(role),
        QStringLiteral("GRANT SELECT, INSERT ON cockpit.events TO %1").arg(role),
        QStringLiteral("GRANT SELECT ON cockpit.head TO %1").arg(role),
        QStringLiteral("GRANT SELECT ON cockpit.samples TO %1").arg(role),
        // UPDATE only so that SELECT … FOR UPDATE may lock the row; the row carries nothing.
        QStringLiteral("GRANT SELECT, UPDATE ON cockpit.writer_lock TO %1").arg(role),
    };
}

bool PostgresJournalSchema::createLeadRole(QSqlQuery &q, const QString &leadRole, const QByteArray &password,
                                           QString *refused)
{
    if (!q.exec(QStringLiteral("BEGIN")))
        return false;
    q.prepare(QStringLiteral("SELECT rolsuper OR rolcreaterole OR rolbypassrls, rolname = current_user"
                             " FROM pg_roles WHERE rolname = ?"));
    q.addBindValue(leadRole);
    if (!q.exec())
        return false;
    const bool exists = q.next();
    if (exists && (q.value(0).toBool() || q.value(1).toBool())) {
        *refused
            = QStringLiteral("role %1 exists and is privileged (or is you, the schema owner); the lead's "
                             "role must be a plain role, or it could rewrite the head record")
                  .arg(leadRole);
        return false;
    }
    QString clause;
    if (!password.isEmpty())
        clause = QStringLiteral(" PASSWORD '%1'").arg(QString::fromLatin1(ScramVerifier::make(password)));
    else if (!exists)
        clause = QStringLiteral(" PASSWORD NULL");
    for (const QString &sql : leadRoleStatements(leadRole, exists, clause)) {
        if (!q.exec(sql))
            return false; // the error text never contains the clear password
    }
    if (!q.exec(QStringLiteral("SELECT current_database()")) || !q.next())
        return false;
    return q.exec(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2")
                      .arg(quoteIdent(q.value(0).toString()), quoteIdent(leadRole)))
        && q.exec(QStringLiteral("COMMIT"));
}

} // namespace cockpit
