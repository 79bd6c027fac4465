#pragma once

#include "core/conditions/Condition.h"
#include "core/conditions/ConditionParser.h"

namespace cockpit {

// Evaluates a parsed condition on one observation and explains the result with the observed values:
// `[STATUS] (503) == 200`. Stateless; the JSON body is parsed at most once per call.
//
// Comparison rules (Gatus-compatible where Gatus has them):
// - == and != compare numerically when both sides read as numbers (`93.0 == 93`), as text otherwise;
//   a quoted literal always compares as text (`[BODY].version == "1.10"`).
// - < <= > >= compare numerically when both sides are numbers (durations such as 48h count as
//   milliseconds), as text when neither is, and fail when only one side is a number.
// - A missing value (JSON path, header, certificate, SQL NULL) equals nothing: == and ordering fail,
//   != passes, has() is false.
// - A metric without a sample makes the whole condition NoData, never Pass or Fail.
// - [COLUMN].name holds every kept value of the column and the condition must hold for each of them:
//   `[COLUMN].state == any(done, skipped)` means every state is done or skipped, `!= failed` means no
//   state is failed. With no rows it fails (nothing was seen), and only the rows the probe kept are
//   checked, so pair it with `[ROWS]` when the result may be truncated.
class ConditionEvaluator
{
public:
    static constexpr qsizetype maxShownLength = 80;

    static ConditionResult evaluate(const condition::Node &node, const Observation &observation);

    // An observed value as shown in explanations: one line, at most maxShownLength characters.
    static QString shorten(QStringView text);
};

} // namespace cockpit
