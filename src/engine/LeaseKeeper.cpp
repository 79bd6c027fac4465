#include "engine/LeaseKeeper.h"

#include "core/base/LogCategories.h"
#include "core/journal/RunEvents.h"

#include <QTimer>

namespace cockpit {

namespace {

QJsonObject holderJson(const LeaseHolder &h)
{
    return QJsonObject {{QStringLiteral("who"), h.who},
                        {QStringLiteral("host"), h.host},
                        {QStringLiteral("pid"), double(h.pid)},
                        {QStringLiteral("since"), double(h.since)},
                        {QStringLiteral("heartbeat"), double(h.heartbeat)},
                        {QStringLiteral("ttl_ms"), double(h.ttlMs)}};
}

} // namespace

LeaseKeeper::LeaseKeeper(std::unique_ptr<RunLease> lease, Journal *journal, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_lease(std::move(lease))
    , m_journal(journal)
    , m_clock(clock)
{
    m_timer = new QTimer(this);
    m_timer->setInterval(int(std::max<qint64>(250, m_lease->mine().ttlMs / 4)));
    connect(m_timer, &QTimer::timeout, this, &LeaseKeeper::beat);
}

LeaseKeeper::~LeaseKeeper()
{
    release(QStringLiteral("the run's process stopped"));
}

Expected<void, Error> LeaseKeeper::taken(const QString &runId)
{
    m_runId = runId;
    if (auto ok = m_lease->heartbeat(runId); !ok)
        return ok;
    const LeaseHolder &me = m_lease->mine();
    QString text = QStringLiteral("lease taken by %1 on %2 (pid %3)").arg(me.who, me.host).arg(me.pid);
    JournalEventDraft d = RunEvents::note(runId, m_clock->now(), me.who, text);
    d.payload.insert(QStringLiteral("kind"), QStringLiteral("lease_taken"));
    d.payload.insert(QStringLiteral("holder"), holderJson(me));
    if (const auto &prev = m_lease->previous()) {
        const bool takeOver = m_lease->how() == RunLease::How::TakenOver;
        d.payload.insert(QStringLiteral("kind"),
                         takeOver ? QStringLiteral("lease_taken_over") : QStringLiteral("lease_taken"));
        d.payload.insert(QStringLiteral("replaced"), holderJson(*prev));
        d.payload.insert(
            QStringLiteral("text"),
            QString(text
                    + (takeOver ? QStringLiteral("; took over the expired lease of %1 on %2 (pid %3)")
                                : QStringLiteral("; the process of %1 on %2 (pid %3) had ended"))
                          .arg(prev->who, prev->host)
                          .arg(prev->pid)));
    }
    if (auto r = m_journal->append(d); !r)
        return unexpected(r.error());
    m_timer->start();
    return {};
}

void LeaseKeeper::release(const QString &why)
{
    m_timer->stop();
    if (!m_lease->isHeld())
        return;
    if (!m_runId.isEmpty()) {
        const LeaseHolder &me = m_lease->mine();
        JournalEventDraft d = RunEvents::note(m_runId, m_clock->now(), me.who,
                                              QStringLiteral("lease released by %1: %2").arg(me.who, why));
        d.payload.insert(QStringLiteral("kind"), QStringLiteral("lease_released"));
        d.payload.insert(QStringLiteral("holder"), holderJson(me));
        if (auto r = m_journal->append(d); !r)
            qCWarning(lcRunner) << "journaling the lease release:" << r.error().message;
    }
    if (auto r = m_lease->release(); !r)
        qCWarning(lcRunner) << "releasing the lease:" << r.error().message;
}

void LeaseKeeper::beat()
{
    if (auto r = m_lease->heartbeat(); !r) {
        if (m_lease->isHeld()) {
            qCWarning(lcRunner) << "lease heartbeat:" << r.error().message; // a passing outage: try again
            return;
        }
        m_timer->stop();
        Q_EMIT lost(r.error());
    }
}

} // namespace cockpit
