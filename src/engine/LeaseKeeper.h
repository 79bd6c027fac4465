#pragma once

#include "core/base/Clock.h"
#include "store/Journal.h"
#include "store/RunLease.h"

#include <QObject>
#include <memory>

class QTimer;

namespace cockpit {

// Holds a run's lease while the run is driven: renews its heartbeat (a quarter of the ttl), journals the
// taking and the release as notes of the run (kind lease_taken | lease_released), and reports a lease
// lost to a take-over so the run stops writing.
//
// Threading: lives on the thread that owns the journal.
class LeaseKeeper : public QObject
{
    Q_OBJECT
public:
    LeaseKeeper(std::unique_ptr<RunLease> lease, Journal *journal, Clock *clock, QObject *parent = nullptr);
    ~LeaseKeeper() override;

    // Records the run id in the lease and journals lease_taken (with the lease it replaced, if any).
    Expected<void, Error> taken(const QString &runId);
    // Journals lease_released and releases the lease (idempotent).
    void release(const QString &why);
    const RunLease &lease() const { return *m_lease; }

Q_SIGNALS:
    void lost(const cockpit::Error &error);

private:
    void beat();

    std::unique_ptr<RunLease> m_lease;
    Journal *m_journal;
    Clock *m_clock;
    QString m_runId;
    QTimer *m_timer = nullptr;
};

} // namespace cockpit
