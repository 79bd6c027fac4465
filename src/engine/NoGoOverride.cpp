#include "engine/NoGoOverride.h"

#include "core/base/JsonFields.h"
#include "core/journal/RunEvents.h"

namespace cockpit {

namespace {

struct PendingOverride
{
    qint64 seq = 0;
    PersonDecision override;
    std::optional<PersonDecision> approvedBy;
};

// The newest go_no_go of the run if it is an override waiting for a second approver, with its approval.
std::optional<PendingOverride> pendingOverride(const QList<JournalEvent> &runEvents)
{
    std::optional<PendingOverride> pending;
    for (const JournalEvent &e : runEvents) {
        const QJsonObject &p = e.payload();
        if (e.type() == JournalEventType::GoNoGo) {
            pending.reset();
            if (jsonText(p, "decision") == QLatin1String("override_pending"))
                pending
                    = PendingOverride {e.seq(), {jsonText(p, "overridden_by"), jsonText(p, "reason")}, {}};
        } else if (e.type() == JournalEventType::Approval && pending && !pending->approvedBy
                   && jsonText(p, "kind") == QLatin1String(NoGoOverride::kApprovalKind)
                   && qint64(p.value(QLatin1String("override_seq")).toDouble()) == pending->seq) {
            pending->approvedBy = PersonDecision {e.actor(), jsonText(p, "statement")};
        }
    }
    return pending;
}

} // namespace

bool NoGoOverride::samePerson(const QString &a, const QString &b)
{
    return a.simplified().compare(b.simplified(), Qt::CaseInsensitive) == 0;
}

std::optional<PersonDecision> NoGoOverride::approvalOf(const QList<JournalEvent> &runEvents,
                                                       const PersonDecision &override)
{
    const auto pending = pendingOverride(runEvents);
    if (!pending || !pending->approvedBy || !samePerson(pending->override.who, override.who)
        || pending->override.reason.simplified() != override.reason.simplified())
        return std::nullopt;
    return pending->approvedBy;
}

RunCommand NoGoOverride::approve(const QList<JournalEvent> &runEvents, const QString &runId, qint64 now,
                                 const QString &who, const QString &statement)
{
    const QString refused = QStringLiteral("approval of the NO-GO override refused");
    if (who.trimmed().isEmpty())
        return unexpected(
            Refusal {refused, {QStringLiteral("an approval needs the name of the person giving it")}});
    const auto pending = pendingOverride(runEvents);
    if (!pending)
        return unexpected(Refusal {
            refused, {QStringLiteral("no NO-GO override of run %1 waits for a second approver").arg(runId)}});
    if (pending->approvedBy)
        return unexpected(Refusal {refused,
                                   {QStringLiteral("the override by %1 is approved already, by %2")
                                        .arg(pending->override.who, pending->approvedBy->who)}});
    if (samePerson(who, pending->override.who))
        return unexpected(Refusal {
            refused,
            {QStringLiteral(
                 "segregation of duties: %1 overrode the NO-GO and cannot also approve the override; "
                 "a second person must")
                 .arg(pending->override.who)}});
    JournalEventDraft d = RunEvents::approval(runId, now, who.trimmed(), QString(),
                                              QString::fromLatin1(kApprovalKind), QString(), statement);
    d.payload.insert(QStringLiteral("override_seq"), double(pending->seq));
    d.payload.insert(QStringLiteral("overridden_by"), pending->override.who);
    d.payload.insert(QStringLiteral("reason"), pending->override.reason);
    return QList<JournalEventDraft> {d};
}

} // namespace cockpit
