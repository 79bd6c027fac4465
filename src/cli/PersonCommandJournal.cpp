#include "cli/PersonCommandJournal.h"

#include "core/base/Console.h"
#include "engine/Credentials.h"
#include "engine/RunStatusView.h"
#include "store/JournalFactory.h"

#include <QDateTime>

namespace cockpit::cli {

int appendPersonCommand(const QString &name, const QString &journalSpec,
                        const std::function<RunCommand(const RunState &, qint64 now)> &make,
                        const QString &what, const QString &who, const QString &runId)
{
    JournalOpenOptions o;
    o.password = Credentials::postgresPassword();
    auto opened = JournalFactory::open(journalSpec, o);
    if (!opened) {
        Console::err(QStringLiteral("%1: %2\n").arg(name, opened.error().message));
        return 2;
    }
    auto loaded = RunStatusView::load(**opened, runId);
    if (!loaded) {
        Console::err(QStringLiteral("%1: %2\n").arg(name, loaded.error()));
        return 2;
    }
    const RunState &st = loaded->state;
    const qint64 now = std::max(QDateTime::currentMSecsSinceEpoch(), st.lastEventAt());
    const RunCommand cmd = make(st, now);
    if (!cmd) {
        Console::err(QStringLiteral("%1: refused: %2\n").arg(name, cmd.error().message));
        for (const QString &r : cmd.error().reasons)
            Console::err(QStringLiteral("  - %1\n").arg(r));
        return 1;
    }
    for (const JournalEventDraft &d : *cmd)
        if (auto r = (*opened)->append(d); !r) {
            Console::err(QStringLiteral("%1: %2\n").arg(name, r.error().message));
            return 2;
        }
    Console::out(QStringLiteral("Recorded: %1 (by %2).\n").arg(what, who));
    return 0;
}

} // namespace cockpit::cli
