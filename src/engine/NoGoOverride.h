#pragma once

#include "core/run/RunPlanner.h"
#include "core/run/RunState.h"
#include "engine/Preflight.h"
#include "store/Journal.h"

#include <QList>
#include <QString>
#include <optional>

namespace cockpit {

// Going ahead despite a NO-GO, where the runbook asks for two people (go_no_go.second_approver):
// the author's override is journaled as a go_no_go event with decision override_pending; a second person
// approves it from any terminal (`approve --no-go-override`: an approval event of kind no_go_override naming
// the pending event); the author's next `run --override-no-go` with the same reason then starts. The
// override's author can never approve it (segregation of duties).
class NoGoOverride
{
public:
    static constexpr const char *kApprovalKind = "no_go_override";

    // The approval of `override` (same author, same reason) among a run's events, if a second person gave it
    // after the newest pending override.
    static std::optional<PersonDecision> approvalOf(const QList<JournalEvent> &runEvents,
                                                    const PersonDecision &override);
    // The approval event, or why it is refused: nothing waits for approval, it is approved already, or `who`
    // wrote the override.
    static RunCommand approve(const QList<JournalEvent> &runEvents, const QString &runId, qint64 now,
                              const QString &who, const QString &statement);
    // Names as people type them: case and spacing do not make a second person.
    static bool samePerson(const QString &a, const QString &b);
};

} // namespace cockpit
