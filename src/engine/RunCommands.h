#pragma once

#include "core/run/RunPlanner.h"
#include "core/run/RunState.h"
#include "store/Journal.h"

#include <QSet>
#include <QString>
#include <memory>
#include <optional>

namespace cockpit {

// What the engine adds around the pure RunPlanner for people's commands and for the status of a run read
// from a journal (the `run`, `status`, `decide` and `approve` subcommands and the driver share these).
class RunCommands
{
public:
    // Keys of effects, as the driver tracks them in flight ("action:<stage>:<id>").
    static QString actionKey(const QString &phase, const QString &stage, const QString &id);

    // Actions, rollback steps and schedule items journaled as `started` without a result, other than those
    // `inFlight` in this process: manual items wait for a person; any other was interrupted (the cockpit
    // stopped while it ran) and is never re-run silently. Reported as pending decisions of kind action,
    // rollback_step or schedule (an action of a milestone has the milestone as stage): accept = it is done,
    // reject = run it again. A started milestone itself is not listed: the planner carries on with it.
    static QList<PendingDecision> startedWithoutResult(const RunState &state,
                                                       const QSet<QString> &inFlight = {});

    // RunPlanner::decide, extended to the started-without-result items above.
    static RunCommand decide(const RunState &state, qint64 now, const QString &targetKind,
                             const QString &target, bool accept, const QString &who, const QString &reason);

    // The run of `runbookName` (and mode, when given) that has no run_finished yet, newest first; empty when
    // there is none. With an empty runbook name: the newest unfinished run of any runbook.
    static QString unfinishedRun(const QList<JournalEvent> &events, const QString &runbookName,
                                 std::optional<RunMode> mode = std::nullopt);
    // The newest run in the journal (finished or not); empty for a journal without runs.
    static QString latestRun(const QList<JournalEvent> &events);
    // The runbook name of a run, from its run_started event.
    static QString runbookOf(const QList<JournalEvent> &events, const QString &runId);

    // The runbook as the run loaded it: a note right after run_started carries the YAML and the resolved
    // params, so `status`, `decide` and `approve` work from the journal alone.
    static JournalEventDraft runbookNote(const QString &runId, qint64 at, const Runbook &runbook);
    static Expected<std::shared_ptr<const Runbook>, QString>
    runbookFromJournal(const QList<JournalEvent> &events, const QString &runId);

    // Whether a rollout/rollback/schedule action is a manual item.
    static bool isManual(const Action &action);
    // Whether an action changes something and needs the lead's confirmation before it runs.
    static bool writes(const Action &action);
    static const Action *findRolloutAction(const Runbook &runbook, const QString &stage, const QString &id);
    static const Action *findRollbackStep(const Runbook &runbook, const QString &id);
    static const Action *findWindowStep(const Runbook &runbook, const QString &id);
    static const Action *findMilestoneAction(const Runbook &runbook, const QString &milestone,
                                             const QString &id)
    {
        return RunPlanner::findMilestoneAction(runbook, milestone, id);
    }
};

} // namespace cockpit
