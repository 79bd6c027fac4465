#include "gui/JournalChainCheck.h"

namespace cockpit::gui {

JournalChainCheck::Result JournalChainCheck::check(const QList<JournalEvent> &events)
{
    Result r;
    r.events = events.size();
    const JournalEvent *previous = nullptr;
    for (const JournalEvent &e : events) {
        if (!previous)
            r.firstSeq = e.seq();
        if (JournalEvent::computeHash(e.toRawRow()) != e.hash()) {
            r.ok = false;
            r.problem = tr("event %1: its bytes do not hash to its stored hash (modified)").arg(e.seq());
            return r;
        }
        const bool follows = previous && previous->seq() + 1 == e.seq();
        if ((follows && e.prevHash() != previous->hash())
            || (e.seq() == 1 && e.prevHash() != JournalEvent::genesisHash())) {
            r.ok = false;
            r.problem = tr("event %1: does not name the event before it (chain break)").arg(e.seq());
            return r;
        }
        previous = &e;
        r.head = e.hash();
    }
    return r;
}

QString JournalChainCheck::Result::sentence() const
{
    if (!ok)
        return tr("CHAIN BROKEN: %1").arg(problem);
    if (events == 0)
        return tr("no events yet");
    const QString head = QString::fromLatin1(this->head.left(6));
    return firstSeq <= 1 ? tr("verified, head %1… (%2 events)").arg(head).arg(events)
                         : tr("verified from #%1, head %2… (%3 events)").arg(firstSeq).arg(head).arg(events);
}

} // namespace cockpit::gui
