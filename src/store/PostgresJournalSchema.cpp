#include "store/PostgresJournalSchema.h"

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
        QStringLiteral("REVOKE ALL ON cockpit.events, cockpit.head, cockpit.writer_lock FROM %1").arg(role),
        QStringLiteral("GRANT USAGE ON SCHEMA cockpit TO %1").arg(role),
        QStringLiteral("GRANT SELECT, INSERT ON cockpit.events TO %1").arg(role),
        QStringLiteral("GRANT SELECT ON cockpit.head TO %1").arg(role),
        // UPDATE only so that SELECT … FOR UPDATE may lock the row; the row carries nothing.
        QStringLiteral("GRANT SELECT, UPDATE ON cockpit.writer_lock TO %1").arg(role),
    };
}

} // namespace cockpit
