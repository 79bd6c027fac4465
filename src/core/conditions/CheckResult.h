#pragma once

#include "core/conditions/Condition.h"
#include "core/conditions/Observation.h"
#include "core/conditions/Verdict.h"

#include <QJsonObject>
#include <QList>

namespace cockpit {

struct Check;

// A check's observation with each condition's result; the verdict follows from them.
struct CheckResult
{
    QString checkId;
    Observation observation;
    QList<ConditionResult> conditions;
    Verdict verdict = Verdict::NoData;
    QString summary; // one line for tables: what was observed / why it failed

    // Verdict from the observation and the conditions: a probe error or failed condition is Fail,
    // NoData from any condition is NoData, otherwise Pass.
    static CheckResult evaluate(const Check &check, Observation observation);
    QJsonObject toJson() const;
};

} // namespace cockpit
