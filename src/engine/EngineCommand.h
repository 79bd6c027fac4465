#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace cockpit {

// A person's command to a run, as a front end sends it to the controller (window, `run` prompt) or
// appends it to the journal from another terminal (`decide`, `approve`, `confirm`, `trigger raise`).
struct EngineCommand
{
    enum class Kind {
        EnterStage, // target = stage
        Promote,
        Approve, // second approval for the next stage; statement optional
        ConfirmManualGate, // target = gate; statement
        Decide, // targetKind + target, accept, reason
        ConfirmWrite, // target = action key; the lead confirms one write
        Hold, // stop starting new effects until resumed
        Resume,
        RollBack, // reason
        FinishRollback, // accept = ok, reason = note
        RaiseTrigger, // target = trigger, reason
        SignOff, // accept = SUCCESS (false: ROLLBACK), reason = issues, statement = notes
        Abort, // reason
        CheckPrerequisites, // targetKind "" (all) | "category" | "check", target; runs in parallel
        CancelPrerequisites, // stops the prerequisites being checked (those not finished: no_data)
        ConfirmPrerequisite, // target = manual prerequisite; statement = comment
    };
    Kind kind = Kind::Promote;
    QString who; // always a named person
    QString targetKind;
    QString target;
    bool accept = true;
    QString reason;
    QString statement;
    QJsonObject fields; // SignOff: every field of the runbook's sign_off form, by name
};

// Accepted, or the reason it was refused, in words.
using CommandResult = Expected<void, Error>;

} // namespace cockpit
