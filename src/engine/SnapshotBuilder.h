#pragma once

#include "core/journal/JournalEvent.h"
#include "core/run/RunPlanner.h"
#include "core/run/RunState.h"
#include "engine/RunSnapshot.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace cockpit {

// The headline and the one sentence under it, derived from a run's state (never by a view).
struct HeadlineVerdict
{
    Headline headline = Headline::NotStarted;
    QString topBlocker;
};

// Builds RunSnapshots for one run, for the controller (from the driver) and the follower (from the
// journal) alike, so a viewer sees exactly what the lead sees. Keeps what RunState does not: the journal
// head, prerequisite verdicts journaled by `check`, and the version counter (strictly increasing).
// Threading: used on one thread (the engine's or the follower's); the snapshots it returns are values.
class SnapshotBuilder
{
public:
    struct Context
    {
        QString runbookPath;
        QString runbookSha256;
        LeaseInfo lease;
        QString journalProblem;
        bool readOnly = false;
        bool held = false;
        qint64 journalWritesPending = 0;
        qint64 lastUpdateWallAt = 0;
        bool stale = false;
        QStringList prerequisitesRunning;
        PrerequisiteProgress prerequisiteProgress;
        std::optional<QSet<QString>> secretsAvailable; // names the run has a value for; empty: unknown
    };

    // Every event read or appended, of any run, in journal order.
    void observe(const JournalEvent &event);

    // Forgets what observe() collected (a follower switching to a newer run); versions keep counting.
    void clearObserved();

    RunSnapshotPtr build(const RunState &state, const RunStatus &status, qint64 now, const Context &context);
    quint64 lastVersion() const { return m_version; }

    static HeadlineVerdict headline(const RunState &state, const RunStatus &status, qint64 now);
    // Gates whose metrics' latest samples failed: a gate reading them is never shown green.
    static QStringList erroredMetrics(const RunState &state, const Gate &gate);

private:
    quint64 m_version = 0;
    qint64 m_headSeq = 0;
    QString m_headHash;
    QHash<QString, PrerequisiteSnapshot> m_prerequisites; // id -> latest journaled verdict
    QHash<QString, QString> m_runbookSha256; // run id -> runbook_sha256 of its run_started
    QHash<QString, QHash<QString, GateHistory>> m_gateHistory; // "run/stage" -> gate -> history
};

} // namespace cockpit
