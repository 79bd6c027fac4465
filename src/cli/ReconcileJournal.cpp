#include "cli/ReconcileJournal.h"

#include "engine/Credentials.h"
#include "store/JournalFactory.h"

#include <QDateTime>

namespace cockpit::cli {

Expected<std::unique_ptr<ReconcileJournal>, QString> ReconcileJournal::open(const QString &spec,
                                                                            QString runId, QString actor)
{
    JournalOpenOptions o;
    o.password = Credentials::postgresPassword();
    auto opened = JournalFactory::open(spec, o);
    if (!opened)
        return unexpected(opened.error().message);
    if (runId.isEmpty())
        runId = QStringLiteral("reconcile-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    return std::unique_ptr<ReconcileJournal>(
        new ReconcileJournal(std::move(*opened), std::move(runId), std::move(actor)));
}

ReconcileJournal::ReconcileJournal(std::unique_ptr<Journal> journal, QString runId, QString actor)
    : m_journal(std::move(journal))
    , m_runId(std::move(runId))
    , m_actor(std::move(actor))
{
}

qint64 ReconcileJournal::now() const
{
    // Never before the previous event: the journal's order is the order things happened.
    return std::max(QDateTime::currentMSecsSinceEpoch(), m_lastAt);
}

bool ReconcileJournal::append(const JournalEventDraft &draft)
{
    if (!m_error.isEmpty())
        return false;
    auto r = m_journal->append(draft);
    if (!r) {
        m_error = QStringLiteral("journal %1: %2").arg(m_journal->location(), r.error().message);
        return false;
    }
    m_lastAt = draft.at;
    return true;
}

void ReconcileJournal::flush()
{
    QList<ReconcileProgress> queued;
    {
        QMutexLocker lock(&m_mutex);
        queued.swap(m_queued);
    }
    for (const ReconcileProgress &p : std::as_const(queued))
        append(ReconcileEvents::progress(m_runId, now(), m_actor, p, {}));
}

bool ReconcileJournal::started(const Reconciliation &r)
{
    {
        QMutexLocker lock(&m_mutex);
        m_last = ReconcileProgress {};
    }
    return append(ReconcileEvents::started(m_runId, now(), m_actor, r, {}));
}

void ReconcileJournal::progress(const ReconcileProgress &p)
{
    {
        QMutexLocker lock(&m_mutex);
        if (!ReconcileEvents::isMilestone(m_last, p))
            return;
        m_last = p;
        m_queued << p;
    }
    QMetaObject::invokeMethod(
        this, [this] { flush(); }, Qt::QueuedConnection);
}

bool ReconcileJournal::fixStarted(const QString &reconciliation, const Action &fix)
{
    flush();
    return append(ReconcileEvents::fixStarted(m_runId, now(), m_actor, reconciliation, fix, {}));
}

bool ReconcileJournal::fixFinished(const QString &reconciliation, const FixOutcome &fix)
{
    return append(ReconcileEvents::fixFinished(m_runId, now(), m_actor, reconciliation, fix, {}));
}

bool ReconcileJournal::finished(const ReconciliationResult &result)
{
    flush();
    return append(ReconcileEvents::finished(m_runId, now(), m_actor, result, {}));
}

} // namespace cockpit::cli
