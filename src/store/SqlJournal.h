#pragma once

#include "store/Journal.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QThread>

namespace cockpit {

// What SqliteJournal and PostgresJournal share: one named QSqlDatabase connection owned by the creating
// thread, and the reads (same columns and SQL on both). Subclasses implement append().
class SqlJournal : public Journal
{
    Q_OBJECT
public:
    ~SqlJournal() override;

    // The event columns in JournalRawRow order, for every SELECT and INSERT on both databases.
    static constexpr QLatin1StringView kColumns {"seq, run_id, at, type, actor, payload, prev_hash, hash"};

    Expected<void, Error> scanRaw(qint64 fromSeq, const RawRowSink &sink) override;
    Expected<std::optional<QList<MetricSamples>>, Error> readSamples(const QString &runId,
                                                                     qint64 upToSeq) override;

    // The connection name, unique per instance ("cockpit.journal.N").
    QString connectionName() const { return m_connectionName; }

protected:
    SqlJournal(const QString &driver, const QString &table, QObject *parent = nullptr);

    Expected<Events, Error> query(qint64 fromSeq, qint64 limit, const QString &runId,
                                  bool newestOnly) override;

    // Fails when called from a thread other than the one that created the connection.
    Expected<void, Error> checkThread() const;
    static Error sqlError(const QString &what, const QSqlError &error);
    // INSERT statement text for the table with positional placeholders, in JournalRawRow order.
    QString insertSql(const QString &suffix = {}) const;

    QSqlDatabase m_db;
    QString m_table;

private:
    QString m_connectionName;
    QThread *m_ownerThread = nullptr;
};

} // namespace cockpit
