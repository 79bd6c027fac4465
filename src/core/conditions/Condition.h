#pragma once

#include "core/base/Expected.h"
#include "core/conditions/Observation.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace cockpit {

namespace condition {
struct Node; // parsed expression, defined in ConditionParser.h
}

// The outcome of evaluating one condition on one observation. NoData when the condition refers to a
// metric that has no sample: never silently a pass or a fail.
struct ConditionResult
{
    enum class Outcome { Pass, Fail, NoData };
    Outcome outcome = Outcome::Fail;
    QString explanation; // the condition with observed values, e.g. `[STATUS] (503) == 200`

    bool passed() const { return outcome == Outcome::Pass; }
};

struct ConditionSyntaxError
{
    int column = 1; // 1-based column inside the condition text
    QString message;
};

// One expression of the condition language, compatible with Gatus where they overlap
// (`[STATUS] == 200`, `[BODY].status == healthy`, `len([BODY].items) > 0`) and extended with
// [HEADER].Name, [ROWS], [VALUE], [COLUMN].name and metric names. Immutable, cheap to copy.
class Condition
{
public:
    static Expected<Condition, ConditionSyntaxError> parse(const QString &text);

    const QString &text() const { return m_text; }
    ConditionResult evaluate(const Observation &observation) const;
    QStringList metricNames() const; // bare identifiers the condition reads from Observation::metrics

private:
    QString m_text;
    std::shared_ptr<const condition::Node> m_root;
};

} // namespace cockpit
