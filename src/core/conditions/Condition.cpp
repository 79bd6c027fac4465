#include "core/conditions/Condition.h"

#include "core/conditions/ConditionEvaluator.h"
#include "core/conditions/ConditionParser.h"

namespace cockpit {

Expected<Condition, ConditionSyntaxError> Condition::parse(const QString &text)
{
    auto root = ConditionParser::parse(text);
    if (!root)
        return unexpected(root.error());
    Condition c;
    c.m_text = text;
    c.m_root = std::move(*root);
    return c;
}

ConditionResult Condition::evaluate(const Observation &observation) const
{
    if (!m_root) // a default-constructed Condition never passes
        return ConditionResult {ConditionResult::Outcome::Fail, QStringLiteral("<empty condition>")};
    return ConditionEvaluator::evaluate(*m_root, observation);
}

QStringList Condition::metricNames() const
{
    QStringList names;
    if (!m_root)
        return names;
    for (const condition::Operand *op : {&m_root->lhs, &m_root->rhs}) {
        const bool readsMetric
            = op->kind == condition::Operand::Kind::Placeholder || op->kind == condition::Operand::Kind::Has;
        if (readsMetric && op->placeholder == condition::Source::Metric && !names.contains(op->name))
            names.append(op->name);
    }
    return names;
}

} // namespace cockpit
