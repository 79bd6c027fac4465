#pragma once

#include "core/base/Expected.h"
#include "core/journal/JournalEventDraft.h"
#include "core/run/PendingDecision.h"
#include "core/run/RunEffect.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cockpit {

struct RunPlan
{
    QList<JournalEventDraft> events; // append in this order (they are already applied to the preview)
    QList<RunEffect> effects;
    QList<PendingDecision> pending;
    std::optional<qint64> wakeAt; // call step() again at this time at the latest (Clock::wakeAt)
};

struct Refusal
{
    QString message;
    QStringList reasons;
};
using RunCommand = Expected<QList<JournalEventDraft>, Refusal>;

} // namespace cockpit
