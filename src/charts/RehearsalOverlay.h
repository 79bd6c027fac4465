#pragma once

#include "charts/ChartSeries.h"
#include "charts/ValidationData.h"
#include "core/journal/JournalEvent.h"

#include <QHash>
#include <QList>
#include <QString>

namespace cockpit::charts {

// The same metrics from an earlier run of the same runbook (a rehearsal on staging, the previous attempt),
// moved in time so that each of its stage entries lies on the current run's entry into that stage: the
// lead compares "how did the first hour of this stage look last time" at a glance.
struct RehearsalOverlay
{
    QString runId; // the earlier run
    qint64 startedAt = 0;
    QHash<QString, ChartSeries> lines; // per metric, in the current run's time

    bool isEmpty() const { return lines.isEmpty(); }

    // For every stage the current run entered (its latest entry) and the earlier run entered too (the entry
    // with the same attempt, else its latest one): the earlier run's points of that stage shifted by the
    // difference of the two entry times, cut at the end of the current entry when that one ended. Stretches
    // are separated by a gap; points keep their outcome in the earlier run.
    static RehearsalOverlay align(const ValidationData &current, const ValidationData &earlier);

    // The newest run before `currentRunId` in `events` that ran the runbook named `runbook`; empty if none.
    static QString earlierRun(const QList<JournalEvent> &events, const QString &runbook,
                              const QString &currentRunId);
};

} // namespace cockpit::charts
