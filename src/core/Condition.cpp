#include "core/Condition.h"

// Placeholder until the condition language lands.
namespace cockpit {
namespace condition {
struct Node
{
};
} // namespace condition
Expected<Condition, ConditionSyntaxError> Condition::parse(const QString &)
{
    return unexpected(ConditionSyntaxError{1, QStringLiteral("not implemented")});
}
ConditionResult Condition::evaluate(const Observation &) const { return {}; }
QStringList Condition::metricNames() const { return {}; }
} // namespace cockpit
