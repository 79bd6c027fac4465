#pragma once

#include "core/run/RunPlanner.h"
#include "core/run/RunState.h"
#include "core/runbook/Runbook.h"
#include "engine/EngineCommand.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace cockpit {

// The sign-off of a finished run (seed C: date, time, lead, SUCCESS or ROLLBACK, issues, notes), one rule
// for every front end: the window's SignOffDialog sends it to the controller, `sign-off` appends it from a
// terminal; both end in plan().
class SignOff
{
public:
    // The runbook's `sign_off` fields, or seed C's when it has none.
    static QList<SignOffField> fieldsOf(const Runbook &runbook);
    // The field that holds SUCCESS / ROLLBACK, if the form has one.
    static const SignOffField *outcomeField(const QList<SignOffField> &fields);

    // The command of a person signing off from a terminal: `values` by field name; a date or time field
    // left out is today / now (local time, as the window fills it in), a person field is `who`, the
    // outcome field is `success`.
    static EngineCommand command(const Runbook &runbook, const QString &who, bool success,
                                 QMap<QString, QString> values, const QDateTime &now);

    // The sign_off event, or why it is refused: the run has not finished or rolled back, it is signed off
    // already, a required field is empty, a value is not one of its choices or not a date/time, a field the
    // form does not have, an outcome that contradicts the command, SUCCESS for a rolled-back run.
    static RunCommand plan(const RunState &state, qint64 now, const EngineCommand &command);
};

} // namespace cockpit
