#include "core/gates/TriggerTracker.h"

#include <array>
#include <utility>

namespace cockpit {

namespace {
constexpr std::array<std::pair<TriggerEffect, const char *>, 4> kEffects {{
    {TriggerEffect::Rollback, "rollback"},
    {TriggerEffect::RollbackWithin, "rollback_within"},
    {TriggerEffect::Extend, "extend"},
    {TriggerEffect::Incident, "incident"},
}};
}

QString triggerEffectName(TriggerEffect e)
{
    for (const auto &[effect, name] : kEffects) {
        if (effect == e)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<TriggerEffect> triggerEffectFromName(QStringView name)
{
    for (const auto &[effect, n] : kEffects) {
        if (name == QLatin1StringView(n))
            return effect;
    }
    return std::nullopt;
}

TriggerTracker::TriggerTracker(const Trigger &trigger)
    : m_id(trigger.id)
    , m_response(trigger.response)
    , m_for(trigger.forDuration)
    , m_within(trigger.within)
    , m_persists(trigger.persists)
{
}

void TriggerTracker::addSample(qint64 at, ConditionResult::Outcome outcome, const QString &explanation,
                               const QJsonObject &values)
{
    switch (outcome) {
    case ConditionResult::Outcome::NoData: return; // unknown: neither starts, ends nor fires
    case ConditionResult::Outcome::Fail: // the trigger's condition is false: re-arm
        m_activeSince.reset();
        m_fired.clear();
        m_explanation = explanation;
        m_values = values;
        return;
    case ConditionResult::Outcome::Pass:
        if (!m_activeSince) {
            m_activeSince = at;
            m_fired.clear();
        }
        m_lastTrueAt = at;
        m_explanation = explanation;
        m_values = values;
        return;
    }
}

void TriggerTracker::markFired(TriggerEffect effect)
{
    m_fired.insert(int(effect));
}

Milliseconds TriggerTracker::extension() const
{
    const Milliseconds e = std::max({m_for, m_persists, m_within});
    return e.count() > 0 ? e : Milliseconds(3600 * 1000);
}

QList<TriggerFiring> TriggerTracker::due() const
{
    QList<TriggerFiring> out;
    if (!m_activeSince)
        return out;
    const Milliseconds held(m_lastTrueAt - *m_activeSince);
    auto fire = [&](TriggerEffect effect) {
        if (m_fired.contains(int(effect)))
            return;
        TriggerFiring f;
        f.triggerId = m_id;
        f.effect = effect;
        f.values = m_values;
        f.explanation = m_explanation;
        f.heldFor = held;
        if (effect == TriggerEffect::RollbackWithin)
            f.within = m_within;
        if (effect == TriggerEffect::Extend)
            f.extension = extension();
        out.append(f);
    };
    if (held < m_for)
        return out;
    switch (m_response) {
    case Trigger::Response::Rollback: fire(TriggerEffect::Rollback); break;
    case Trigger::Response::Incident: fire(TriggerEffect::Incident); break;
    case Trigger::Response::RollbackWithin: fire(TriggerEffect::RollbackWithin); break;
    case Trigger::Response::Extend: fire(TriggerEffect::Extend); break;
    case Trigger::Response::RollbackIfPersists:
        fire(TriggerEffect::Extend);
        if (held >= std::max(m_for, m_persists))
            fire(TriggerEffect::Rollback);
        break;
    }
    return out;
}

} // namespace cockpit
