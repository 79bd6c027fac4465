#pragma once

#include "store/SqlJournal.h"

#include <QSqlQuery>
#include <memory>

namespace cockpit {

// The embedded default: one SQLite file in WAL mode, table `events` with seq as INTEGER PRIMARY KEY
// (unique, and the rowid, so seq order is storage order). Triggers refuse UPDATE and DELETE.
//
// Durability: synchronous=FULL. In WAL mode NORMAL survives an application crash but may lose the last
// commits on power loss or an OS crash; a lost `action_run` event would make a resumed run repeat an
// action that already changed production. An fsync per append costs well under the rate a cutover
// produces events (see docs/benchmarks.md), so FULL it is.
//
// Writers: each append (or appendBatch: several events, one transaction, one fsync) runs in BEGIN
// IMMEDIATE; under that write lock it re-reads the tail only when PRAGMA data_version says another
// connection committed since our last append, and inserts the next events; so even two writing
// processes produce one valid chain.
// Each sample_taken event also lands in table `samples` (SampleTable), by trigger, in the same transaction.
// Readers in other threads or processes open their own SqliteJournal (ReadOnly) and read concurrently
// (WAL: readers never block the writer and see whole transactions).
// Threading: see Journal - the connection belongs to the thread that called open().
class SqliteJournal : public SqlJournal
{
    Q_OBJECT
public:
    enum class Mode { ReadWrite, ReadOnly };

    // ReadWrite creates the file and schema when missing; ReadOnly fails on a missing file.
    static Expected<std::unique_ptr<SqliteJournal>, Error> open(const QString &path,
                                                                Mode mode = Mode::ReadWrite);
    ~SqliteJournal() override;

    QString location() const override { return m_path; }
    Expected<JournalEvent, Error> append(const JournalEventDraft &draft) override;
    Expected<Events, Error> appendBatch(const QList<JournalEventDraft> &drafts) override;
    Expected<void, Error> scanRaw(qint64 fromSeq, const RawRowSink &sink) override;

private:
    SqliteJournal(const QString &path, Mode mode);
    Expected<void, Error> init();
    Expected<void, Error> prepareWriter();
    // The sample table (SampleTable), created and backfilled once when a writer opens an older file.
    Expected<void, Error> addSampleTable();
    // Inside the write transaction: re-reads the tail only when another connection committed since ours.
    Expected<void, Error> refreshTail();
    Error refusalOr(const QSqlError &error) const;

    QString m_path;
    Mode m_mode;
    std::unique_ptr<QSqlQuery> m_tail;
    std::unique_ptr<QSqlQuery> m_insert;
    std::unique_ptr<QSqlQuery> m_begin;
    std::unique_ptr<QSqlQuery> m_commit;
    std::unique_ptr<QSqlQuery> m_dataVersion;
    // The tail as of our last commit (valid while PRAGMA data_version still reads m_tailVersion).
    bool m_tailKnown = false;
    qint64 m_tailVersion = 0;
    qint64 m_lastSeq = 0;
    QByteArray m_lastHash;
};

} // namespace cockpit
