#pragma once

#include "core/base/Duration.h"
#include "core/runbook/Runbook.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace cockpit {

// One T-minus milestone or maintenance-window step with its plan and what actually happened.
struct ScheduleItem
{
    enum class Kind { Milestone, WindowStep };
    enum class Status {
        Planned, // not started, planned start in the future
        Due, // not started, planned start reached (late once past it)
        Running,
        Overrunning, // running beyond its planned duration
        Done,
        Failed,
    };
    Kind kind = Kind::Milestone;
    QString id;
    QString title;
    QString label; // "T-7d", "T+1h", "+5m"
    qint64 plannedStart = 0; // UTC ms
    std::optional<Milliseconds> plannedDuration;
    std::optional<qint64> actualStart;
    std::optional<qint64> actualEnd;
    bool failed = false;
    int runs = 0; // milestones: runs started (a new start after an ended run opens a new run)
    int okRuns = 0; // milestones: successful runs (a dry run that must pass twice)
    int minRuns = 1;
    bool beforeT0 = false; // milestones: a T-minus offset (below zero)

    std::optional<qint64> plannedEnd() const;
    // Positive = late, negative = early. Start lateness needs a start; while not started and past the
    // planned start, lateSoFar(now) is the running lateness.
    std::optional<Milliseconds> startLateness() const;
    std::optional<Milliseconds> endLateness() const;
    // How late the item was complete: its end against the planned end, or, for a milestone (due at a point
    // in time, its actions and checks all done), against the planned start. Empty until it ended.
    std::optional<Milliseconds> completionLateness() const;
    std::optional<Milliseconds> actualDuration() const;
    std::optional<Milliseconds> overrun() const; // actual - planned duration
    Milliseconds lateSoFar(qint64 now) const;
    Status status(qint64 now) const;
    bool satisfied() const { return okRuns >= minRuns; }
    // "passed 1 of 2 runs" (milestones).
    QString runsText() const;
    static QString statusName(Status s); // planned, due, running, overrunning, done, failed
};

// The timed schedule of seeds B and C: milestones at T-0 + offset, window steps at T-0 + start with a
// planned duration. Actual starts and ends are recorded as they happen (from the journal); lateness and
// overruns are computed from them. Pure.
class ScheduleTimeline
{
public:
    ScheduleTimeline() = default;
    ScheduleTimeline(const Schedule &schedule, qint64 t0);
    // T-0 from the schedule's ISO date-time, if it has one.
    static std::optional<qint64> parseT0(const QString &iso);

    bool contains(const QString &id) const { return m_index.contains(id); }
    void recordStart(const QString &id, qint64 at);
    void recordEnd(const QString &id, qint64 at, bool ok);
    // A window step a person asked to run again after it failed: due again, as if never started.
    void reopen(const QString &id);

    qint64 t0() const { return m_t0; }
    const QList<ScheduleItem> &items() const { return m_items; }
    std::optional<ScheduleItem> item(const QString &id) const;
    QList<ScheduleItem> due(qint64 now) const; // not started, planned start reached, in plan order
    // How far the schedule has slipped: lateness of the latest started or overdue item.
    Milliseconds slip(qint64 now) const;
    qint64 windowPlannedEnd() const; // T-0 + window_length (or the end of the last step)

private:
    qint64 m_t0 = 0;
    Milliseconds m_windowLength {0};
    QList<ScheduleItem> m_items;
    QHash<QString, qsizetype> m_index;
};

} // namespace cockpit
