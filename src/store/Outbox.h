#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/journal/JournalEvent.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <memory>
#include <optional>

namespace cockpit {

// Sealed events waiting for an unreachable shared journal: a small SQLite file (WAL, synchronous=FULL)
// next to the user's data. Events keep the seq and hashes they were sealed with, so flushing them later
// is idempotent (PostgresJournal: ON CONFLICT DO NOTHING, then the stored hash must equal ours).
// Bound to one journal: an outbox holding events for another journal refuses to open.
// Threading: like Journal, used only on the thread that opened it (PostgresJournal's thread).
class Outbox
{
public:
    static Expected<std::unique_ptr<Outbox>, Error> open(const QString &path, const QString &journalId);
    ~Outbox();
    Outbox(const Outbox &) = delete;
    Outbox &operator=(const Outbox &) = delete;

    QString path() const { return m_path; }
    Expected<void, Error> enqueue(const JournalEvent &event);
    // Everything waiting, oldest first.
    Expected<QList<JournalEvent>, Error> pending();
    // Forgets events up to and including seq (after they are safely in the shared journal).
    Expected<void, Error> removeThrough(qint64 seq);
    qint64 count() const { return m_count; }
    // The newest waiting event, if any.
    std::optional<JournalEvent> last() const { return m_last; }

private:
    Outbox(const QString &path);
    Expected<void, Error> init(const QString &journalId);
    Expected<void, Error> refresh();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    qint64 m_count = 0;
    std::optional<JournalEvent> m_last;
};

} // namespace cockpit
