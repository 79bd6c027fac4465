#pragma once

#include "core/run/RunPlanner.h"
#include "core/run/RunState.h"
#include "store/Journal.h"

#include <QJsonObject>
#include <QString>
#include <memory>

namespace cockpit {

// A run read back from a journal, for commands that have no driver (`status`, `decide`, `approve`).
struct LoadedRun
{
    QList<JournalEvent> events;
    QString runId;
    std::shared_ptr<const Runbook> runbook;
    RunState state;
};

// Where a run stands, as JSON (`status --json`) and as compact text (`status`, `run` progress, the demo).
class RunStatusView
{
public:
    // runId empty: the newest unfinished run, else the newest run.
    static Expected<LoadedRun, QString> load(Journal &journal, const QString &runId = {});

    static QJsonObject toJson(const RunState &state, const RunStatus &status, qint64 now);
    static QString toText(const RunState &state, const RunStatus &status, qint64 now);
    // One line: stage, soak remaining, gates passed/total.
    static QString progressLine(const RunState &state, const RunStatus &status, qint64 now);
    // The command a person runs for a pending decision (decide/approve), or empty.
    static QString commandFor(const PendingDecision &p, const QString &journal);
};

} // namespace cockpit
