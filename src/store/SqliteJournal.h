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
// Writers: each append runs in BEGIN IMMEDIATE (the write lock is taken before the tail is read), reads
// the last seq and hash and inserts the next; so even two writing processes produce one valid chain.
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

private:
    SqliteJournal(const QString &path, Mode mode);
    Expected<void, Error> init();

    QString m_path;
    Mode m_mode;
    std::unique_ptr<QSqlQuery> m_tail;
    std::unique_ptr<QSqlQuery> m_insert;
};

} // namespace cockpit
