#pragma once

#include "core/journal/RunEvents.h"
#include "core/runbook/Runbook.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace cockpit {

// What each run mode lets an action do to the outside world (docs/modes.md):
// - live: everything the runbook says;
// - rehearsal: everything, except writing to a connection marked `production: true`;
// - dry run: every read; an action that may write is not sent, only described (wouldDo) and journaled.
class ModeGuard
{
public:
    // Whether an action may change something outside: an SQL statement, a command (we cannot know what it
    // does), an HTTP request other than GET/HEAD/OPTIONS, or anything marked `writes: true`. A manual step
    // is a person's and wait_until only reads.
    static bool mayWrite(const Action &action);
    // The connection an action writes through ("" for a command or an absolute URL).
    static QString connectionOf(const Action &action);
    // Why this action must not run in this mode (rehearsal writing to production), or nothing.
    static std::optional<QString> refusal(RunMode mode, const Action &action, const Runbook &runbook);
    // Every action of the runbook a rehearsal would refuse, as "where: id → connection" lines; a rehearsal
    // with any is refused before it starts.
    static QStringList productionWrites(const Runbook &runbook);
    // What the action would send, for the journal and the screen: method and URL and body, or the SQL and
    // its connection, or the argv (secret values are masked by the journal's and console's redaction).
    static QJsonObject wouldDo(const Action &action, const Runbook &runbook);
    static QString wouldDoText(const QJsonObject &would);
};

} // namespace cockpit
