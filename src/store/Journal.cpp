#include "store/Journal.h"

namespace cockpit {

Expected<Journal::Events, Error> Journal::readFrom(qint64 fromSeq, qint64 limit)
{
    return query(fromSeq, limit, {}, false);
}

Expected<Journal::Events, Error> Journal::readRun(const QString &runId)
{
    return query(1, 0, runId, false);
}

Expected<std::optional<JournalEvent>, Error> Journal::lastEvent()
{
    auto events = query(1, 1, {}, true);
    if (!events)
        return unexpected(events.error());
    if (events->isEmpty())
        return std::optional<JournalEvent>();
    return std::optional<JournalEvent>(events->first());
}

Expected<qint64, Error> Journal::count()
{
    auto last = lastEvent();
    if (!last)
        return unexpected(last.error());
    // seq is contiguous from 1, so the newest seq is the count (verify() checks that it really is).
    return last->has_value() ? (*last)->seq() : qint64(0);
}

Expected<Journal::Events, Error> Journal::appendBatch(const QList<JournalEventDraft> &drafts)
{
    // Stores without a transaction of their own: one after another, in order (not all-or-none).
    Events out;
    out.reserve(drafts.size());
    for (const JournalEventDraft &d : drafts) {
        auto e = append(d);
        if (!e)
            return unexpected(e.error());
        out.append(std::move(*e));
    }
    return out;
}

Expected<JournalHead, Error> Journal::head()
{
    auto last = lastEvent();
    if (!last)
        return unexpected(last.error());
    if (!last->has_value())
        return JournalHead {};
    return JournalHead {(*last)->seq(), (*last)->hash()};
}

Expected<JournalVerifyReport, Error> Journal::verify(const std::optional<JournalHead> &expectedHead)
{
    JournalVerifier verifier;
    auto recorded = recordedHead();
    if (!recorded)
        return unexpected(recorded.error());
    if (*recorded)
        verifier.expectHead(**recorded, recordedHeadSource());
    if (expectedHead)
        verifier.expectHead(*expectedHead, QStringLiteral("the expected head"));
    auto scanned = scanRaw(1, [&verifier](const JournalRawRow &row) {
        verifier.add(row);
        return true; // keep scanning after a fault: a later row may turn a gap into a reorder
    });
    if (!scanned)
        return unexpected(scanned.error());
    return verifier.report();
}

} // namespace cockpit
