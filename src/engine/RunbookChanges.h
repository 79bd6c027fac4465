#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace cockpit {

// What differs between the runbook a run started with and the one given now, item by item: stages, gates,
// rollout actions and verify checks of each stage, rollback steps and triggers, window steps, milestones,
// prerequisites, metrics, connections and the resolved parameters. Lines like
// "gate canary/success-rate changed", "rollback step set-rollout-0 added".
class RunbookChanges
{
public:
    static QStringList between(const QByteArray &beforeYaml, const QMap<QString, QString> &beforeParams,
                               const QByteArray &afterYaml, const QMap<QString, QString> &afterParams);
};

} // namespace cockpit
