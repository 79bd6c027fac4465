#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QSqlQuery;

namespace cockpit {

// The parts of the shared journal's schema beyond cockpit.events, as SQL that `init` runs (idempotently)
// as the schema owner. Kept apart from PostgresJournal so each protection reads as one piece.
class PostgresJournalSchema
{
public:
    // "name" with embedded quotes doubled.
    static QString quoteIdent(const QString &name);

    // The writers' lock: one row in cockpit.writer_lock, taken with SELECT … FOR UPDATE for the length of
    // an append transaction. Row locks need UPDATE privilege, which a viewer never has, so - unlike an
    // advisory lock, which any role may take - a viewer cannot freeze the lead's appends.
    static QString lockSql();
    static QStringList writerLockStatements(const QString &viewerRole);

    // The head record: cockpit.head holds the seq and hash of the newest event, kept by an AFTER INSERT
    // trigger that runs as the schema owner (SECURITY DEFINER). Writers and viewers may only read it, so a
    // role that can append cannot move the head back after events were cut off the tail.
    static QStringList headStatements(const QString &viewerRole);
    static QString readHeadSql();

    // A LOGIN role that may append (INSERT, take the writers' lock) and read, nothing else: no UPDATE or
    // DELETE anywhere, not the head record's owner. `passwordClause` is " PASSWORD '…'" or empty.
    static QStringList leadRoleStatements(const QString &leadRole, bool exists,
                                          const QString &passwordClause);
    // Runs them in one transaction on q's connection (password stored as a SCRAM verifier). False on a
    // failure: *refused says why when the role may not be used, else q.lastError() has the SQL error and
    // the transaction is left for the caller to roll back.
    static bool createLeadRole(QSqlQuery &q, const QString &leadRole, const QByteArray &password,
                               QString *refused);
};

} // namespace cockpit
