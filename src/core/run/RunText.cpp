#include "core/run/RunText.h"

#include "core/run/RunRules.h"

#include <QDateTime>

namespace cockpit {

QString RunText::dur(qint64 ms)
{
    return formatDuration(Milliseconds(ms));
}

// Roughly, for people: the two largest units ("2h 10m", "89d 23h", "40s").
QString RunText::roughly(qint64 ms)
{
    static constexpr struct
    {
        qint64 factor;
        const char *unit;
    } units[] = {{86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1000, "s"}};
    QStringList parts;
    for (const auto &u : units) {
        const qint64 n = ms / u.factor;
        ms %= u.factor;
        if (n > 0)
            parts << QString::number(n) + QLatin1String(u.unit);
        if (!parts.isEmpty() && (n == 0 || parts.size() == 2))
            break; // the largest unit and the one below it, if any
    }
    return parts.isEmpty() ? QStringLiteral("0s") : parts.join(QLatin1Char(' '));
}

QString RunText::iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// The parameter T-0 comes from (schedule.t0: ${t0}, ${window_start}), by its resolved value.
QString RunText::t0Param(const Runbook &rb)
{
    for (auto it = rb.params.constBegin(); it != rb.params.constEnd(); ++it) {
        if (!rb.schedule.t0.isEmpty() && it.value() == rb.schedule.t0)
            return it.key();
    }
    return QStringLiteral("t0");
}

QString RunText::t0Text(const RunState &s, qint64 now)
{
    return QStringLiteral("T-0 is %1, in %2")
        .arg(RunText::iso(s.schedule().t0()), RunText::roughly(s.schedule().t0() - now));
}

// "T+90d t-plus-90d (redirect window closes) due in 89d 23h": what a run in follow-up waits for.
QString RunText::followUpText(const RunState &s, qint64 now)
{
    const QList<ScheduleItem> left = RunRules::outstanding(s);
    if (left.isEmpty())
        return QStringLiteral("follow-up: every schedule item is complete");
    const ScheduleItem &i = left.first();
    QString what = i.label + QLatin1Char(' ') + i.id;
    if (!i.title.isEmpty() && i.title != i.id)
        what += QStringLiteral(" (%1)").arg(i.title);
    QString when;
    if (i.actualEnd)
        when = QStringLiteral("ended %1: decision pending")
                   .arg(i.failed ? QStringLiteral("failed") : i.runsText());
    else if (i.actualStart)
        when = QStringLiteral("running since %1").arg(RunText::iso(*i.actualStart));
    else if (i.plannedStart > now)
        when = QStringLiteral("due in %1").arg(RunText::roughly(i.plannedStart - now));
    else
        when = QStringLiteral("due now (%1 late)").arg(RunText::roughly(now - i.plannedStart));
    return QStringLiteral("follow-up: %1 %2; %3 schedule item(s) left").arg(what, when).arg(left.size());
}

} // namespace cockpit
