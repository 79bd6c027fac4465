#pragma once

// Driving a real RunDriver in tests: wait until its probes are quiet, advance the fake clock from wake-up to
// wake-up, read the journal's events of one type. Waits are for events, never for a wall-clock bound that
// decides the outcome (the 60 s cap only ends a test that hangs).

#include "engine/RunDriver.h"
#include "store/Journal.h"
#include "support/FakeClock.h"

#include <QElapsedTimer>
#include <QTest>

namespace cockpit::test {

inline bool settleDriver(const RunDriver &d)
{
    QElapsedTimer t;
    t.start();
    int quiet = 0;
    while (t.elapsed() < 60000) {
        QTest::qWait(2);
        quiet = d.isBusy() ? 0 : quiet + 1;
        if (quiet >= 3)
            return true;
    }
    return false;
}

// Advances `clock` to `until`, stopping at every wake-up and letting the probes answer.
inline bool runDriverUntil(const RunDriver &d, FakeClock &clock, qint64 until)
{
    if (!settleDriver(d))
        return false;
    while (clock.now() < until) {
        const qint64 next = std::min(clock.nextWakeAt().value_or(until), until);
        clock.advanceTo(std::max(next, clock.now()));
        if (!settleDriver(d))
            return false;
        if (next >= until)
            break;
    }
    return true;
}

inline QList<JournalEvent> journalEventsOf(Journal &j, JournalEventType type)
{
    QList<JournalEvent> out;
    for (const JournalEvent &e : j.readAll().value_or(QList<JournalEvent> {}))
        if (e.type() == type)
            out << e;
    return out;
}

inline bool hasPendingDecision(const RunDriver &d, const QString &kind, const QString &target)
{
    for (const PendingDecision &p : d.pending())
        if (p.kind == kind && p.target == target)
            return true;
    return false;
}

} // namespace cockpit::test
