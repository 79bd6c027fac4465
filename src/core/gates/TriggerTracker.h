#pragma once

#include "core/base/Duration.h"
#include "core/conditions/Condition.h"
#include "core/runbook/Runbook.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace cockpit {

// What a fired trigger asks for.
enum class TriggerEffect {
    Rollback, // roll back now
    RollbackWithin, // roll back by a deadline
    Extend, // extend monitoring (the soak), promotion held while the condition holds
    Incident, // roll back now and open an incident
};
QString triggerEffectName(TriggerEffect e); // rollback | rollback_within | extend | incident
std::optional<TriggerEffect> triggerEffectFromName(QStringView name);

struct TriggerFiring
{
    QString triggerId;
    TriggerEffect effect = TriggerEffect::Rollback;
    QJsonObject values; // the metric values of the sample that fired it
    QString explanation; // the condition with the observed values
    Milliseconds heldFor {0}; // how long the condition had held (first to latest true sample)
    std::optional<Milliseconds> within; // RollbackWithin: time allowed
    Milliseconds extension {0}; // Extend: how long monitoring is extended from the firing
};

// One rollback trigger fed with its condition's outcome on every sample of its metrics. Fires from samples
// only (a trigger fires when a sample shows the condition true and it has held long enough), so firing
// depends on the journaled samples and never on when the engine looked. Pure.
//
// An activation starts at the first sample where the condition is true and ends at the first sample where
// it is false (NoData samples neither start, end nor fire). Per activation each effect fires at most once:
// - rollback / incident / rollback_within / extend: once the condition held `for` (0 = on the first true
//   sample);
// - rollback_if_persists: extend once it held `for`, then rollback once it held max(for, persists).
// Extension (for extend effects): max(for, persists, within), 1 h when all are 0.
class TriggerTracker
{
public:
    TriggerTracker() = default;
    explicit TriggerTracker(const Trigger &trigger);

    void addSample(qint64 at, ConditionResult::Outcome outcome, const QString &explanation,
                   const QJsonObject &values);
    void markFired(TriggerEffect effect); // from a journaled trigger_fired

    QList<TriggerFiring> due() const; // firings not yet journaled in this activation
    bool active() const { return m_activeSince.has_value(); }
    std::optional<qint64> activeSince() const { return m_activeSince; }
    const QString &explanation() const { return m_explanation; }
    const QJsonObject &values() const { return m_values; }
    Milliseconds extension() const;

private:
    QString m_id;
    Trigger::Response m_response = Trigger::Response::Rollback;
    Milliseconds m_for {0};
    Milliseconds m_within {0};
    Milliseconds m_persists {0};
    std::optional<qint64> m_activeSince;
    qint64 m_lastTrueAt = 0;
    QSet<int> m_fired; // TriggerEffect values fired in this activation
    QString m_explanation;
    QJsonObject m_values;
};

} // namespace cockpit
