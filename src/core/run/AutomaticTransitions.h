#pragma once

#include "core/journal/JournalEventDraft.h"
#include "core/run/GateView.h"
#include "core/run/RunState.h"

#include <QList>

namespace cockpit {

// The events the engine journals by itself: point of no return, milestone steps, the end of a follow-up
// or a rollback, fired triggers, gate changes and checkpoints.
class AutomaticTransitions
{
public:
    // One round of automatic events; the caller applies them and asks again until there are none.
    static QList<JournalEventDraft> events(const RunState &s, qint64 now, const QList<GateView> &views);
};

} // namespace cockpit
