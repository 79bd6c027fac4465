#include "core/run/ScheduleTimeline.h"

#include <QDateTime>
#include <algorithm>

namespace cockpit {

namespace {

QString offsetLabel(const QString &prefix, Milliseconds offset)
{
    if (offset.count() == 0 && !prefix.isEmpty())
        return prefix + QStringLiteral("-0");
    const QString sign = offset.count() < 0 ? QStringLiteral("-") : QStringLiteral("+");
    return prefix + sign + formatDuration(Milliseconds(std::abs(offset.count())));
}

} // namespace

std::optional<qint64> ScheduleItem::plannedEnd() const
{
    if (!plannedDuration)
        return std::nullopt;
    return plannedStart + plannedDuration->count();
}

std::optional<Milliseconds> ScheduleItem::startLateness() const
{
    if (!actualStart)
        return std::nullopt;
    return Milliseconds(*actualStart - plannedStart);
}

std::optional<Milliseconds> ScheduleItem::endLateness() const
{
    const auto end = plannedEnd();
    if (!actualEnd || !end)
        return std::nullopt;
    return Milliseconds(*actualEnd - *end);
}

std::optional<Milliseconds> ScheduleItem::completionLateness() const
{
    if (!actualEnd)
        return std::nullopt;
    return Milliseconds(*actualEnd - plannedEnd().value_or(plannedStart));
}

std::optional<Milliseconds> ScheduleItem::actualDuration() const
{
    if (!actualStart || !actualEnd)
        return std::nullopt;
    return Milliseconds(*actualEnd - *actualStart);
}

std::optional<Milliseconds> ScheduleItem::overrun() const
{
    const auto d = actualDuration();
    if (!d || !plannedDuration)
        return std::nullopt;
    return *d - *plannedDuration;
}

Milliseconds ScheduleItem::lateSoFar(qint64 now) const
{
    if (actualStart)
        return *startLateness();
    return Milliseconds(std::max<qint64>(0, now - plannedStart));
}

ScheduleItem::Status ScheduleItem::status(qint64 now) const
{
    if (actualEnd)
        return failed ? Status::Failed : Status::Done;
    if (actualStart) {
        if (plannedDuration && now - *actualStart > plannedDuration->count())
            return Status::Overrunning;
        return Status::Running;
    }
    return now >= plannedStart ? Status::Due : Status::Planned;
}

QString ScheduleItem::runsText() const
{
    return QStringLiteral("passed %1 of %2 runs").arg(okRuns).arg(minRuns);
}

QString ScheduleItem::statusName(Status s)
{
    switch (s) {
    case Status::Planned: return QStringLiteral("planned");
    case Status::Due: return QStringLiteral("due");
    case Status::Running: return QStringLiteral("running");
    case Status::Overrunning: return QStringLiteral("overrunning");
    case Status::Done: return QStringLiteral("done");
    case Status::Failed: return QStringLiteral("failed");
    }
    return {};
}

ScheduleTimeline::ScheduleTimeline(const Schedule &schedule, qint64 t0)
    : m_t0(t0)
    , m_windowLength(schedule.windowLength)
{
    for (const Milestone &m : schedule.milestones) {
        ScheduleItem i;
        i.kind = ScheduleItem::Kind::Milestone;
        i.id = m.id;
        i.title = m.title.isEmpty() ? m.id : m.title;
        i.label = offsetLabel(QStringLiteral("T"), m.offset);
        i.plannedStart = t0 + m.offset.count();
        i.minRuns = m.minRuns;
        i.beforeT0 = m.offset.count() < 0;
        m_items.append(i);
    }
    for (const Action &a : schedule.window) {
        ScheduleItem i;
        i.kind = ScheduleItem::Kind::WindowStep;
        i.id = a.id;
        i.title = a.title.isEmpty() ? a.id : a.title;
        const Milliseconds start = a.plannedStart.value_or(Milliseconds(0));
        i.label = offsetLabel(QString(), start);
        i.plannedStart = t0 + start.count();
        i.plannedDuration = a.plannedDuration;
        m_items.append(i);
    }
    std::stable_sort(m_items.begin(), m_items.end(), [](const ScheduleItem &a, const ScheduleItem &b) {
        return a.plannedStart < b.plannedStart;
    });
    for (qsizetype k = 0; k < m_items.size(); ++k)
        m_index.insert(m_items[k].id, k);
}

std::optional<qint64> ScheduleTimeline::parseT0(const QString &iso)
{
    if (iso.isEmpty())
        return std::nullopt;
    const QDateTime dt = QDateTime::fromString(iso, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

void ScheduleTimeline::recordStart(const QString &id, qint64 at)
{
    const auto k = m_index.value(id, -1);
    if (k < 0)
        return;
    ScheduleItem &i = m_items[k];
    // A milestone may run again (dry run twice): a new start opens a new run.
    if (!i.actualStart || i.actualEnd)
        ++i.runs;
    i.actualStart = at;
    i.actualEnd.reset();
    i.failed = false;
}

void ScheduleTimeline::reopen(const QString &id)
{
    const auto k = m_index.value(id, -1);
    if (k < 0)
        return;
    ScheduleItem &i = m_items[k];
    i.actualStart.reset();
    i.actualEnd.reset();
    i.failed = false;
}

void ScheduleTimeline::recordEnd(const QString &id, qint64 at, bool ok)
{
    const auto k = m_index.value(id, -1);
    if (k < 0)
        return;
    ScheduleItem &i = m_items[k];
    if (!i.actualStart) {
        i.actualStart = at;
        ++i.runs;
    }
    i.actualEnd = at;
    i.failed = !ok;
    if (ok)
        ++i.okRuns;
}

std::optional<ScheduleItem> ScheduleTimeline::item(const QString &id) const
{
    const auto k = m_index.value(id, -1);
    if (k < 0)
        return std::nullopt;
    return m_items[k];
}

QList<ScheduleItem> ScheduleTimeline::due(qint64 now) const
{
    QList<ScheduleItem> out;
    for (const ScheduleItem &i : m_items) {
        if (i.status(now) == ScheduleItem::Status::Due)
            out.append(i);
    }
    return out;
}

Milliseconds ScheduleTimeline::slip(qint64 now) const
{
    Milliseconds s {0};
    for (const ScheduleItem &i : m_items) {
        if (i.actualStart)
            s = i.endLateness().value_or(*i.startLateness());
        else if (now > i.plannedStart)
            s = std::max(s, i.lateSoFar(now));
    }
    return s;
}

qint64 ScheduleTimeline::windowPlannedEnd() const
{
    qint64 end = m_t0 + m_windowLength.count();
    if (m_windowLength.count() == 0) {
        for (const ScheduleItem &i : m_items) {
            if (i.kind == ScheduleItem::Kind::WindowStep)
                end = std::max(end, i.plannedEnd().value_or(i.plannedStart));
        }
    }
    return end;
}

} // namespace cockpit
