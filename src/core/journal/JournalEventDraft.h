#pragma once

#include "core/journal/JournalEventType.h"

#include <QJsonObject>
#include <QString>

namespace cockpit {

// What the run engine hands to Journal::append(): everything except the position in the chain, which the
// store assigns. `at` comes from the engine's injected clock (UTC, ms since the epoch); stores never read
// the wall clock.
struct JournalEventDraft
{
    QString runId;
    qint64 at = 0;
    JournalEventType type = JournalEventType::Note;
    QString actor; // who caused it: a person's name, or "engine"
    QJsonObject payload;
};

} // namespace cockpit
