#include "core/base/Duration.h"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace cockpit {

Expected<Milliseconds, QString> parseDuration(QStringView text)
{
    const QStringView s = text.trimmed();
    if (s.isEmpty())
        return unexpected(QStringLiteral("expected a duration like 90s, 15m, 24h or 7d, got an empty value"));
    qint64 total = 0;
    qsizetype i = 0;
    while (i < s.size()) {
        const qsizetype numStart = i;
        while (i < s.size() && s[i].isDigit())
            ++i;
        if (i == numStart)
            return unexpected(
                QStringLiteral("expected a duration like 90s, 15m, 24h or 7d, got \"%1\"").arg(s));
        bool ok = false;
        const qint64 n = s.mid(numStart, i - numStart).toLongLong(&ok);
        const qsizetype unitStart = i;
        while (i < s.size() && s[i].isLetter())
            ++i;
        const QStringView unit = s.mid(unitStart, i - unitStart);
        qint64 factor = 0;
        if (unit == u"ms")
            factor = 1;
        else if (unit == u"s")
            factor = 1000;
        else if (unit == u"m")
            factor = 60'000;
        else if (unit == u"h")
            factor = 3'600'000;
        else if (unit == u"d")
            factor = 86'400'000;
        else if (unit == u"w")
            factor = 7 * 86'400'000LL;
        if (factor == 0)
            return unexpected(
                unit.isEmpty()
                    ? QStringLiteral("duration \"%1\" needs a unit (ms, s, m, h, d or w)").arg(s)
                    : QStringLiteral("unknown duration unit \"%1\" in \"%2\" (expected ms, s, m, h, d or w)")
                          .arg(unit, s));
        if (!ok || n > std::numeric_limits<qint64>::max() / factor
            || total > std::numeric_limits<qint64>::max() - n * factor)
            return unexpected(QStringLiteral("duration \"%1\" is too large").arg(s));
        total += n * factor;
    }
    return Milliseconds(total);
}

QString formatDuration(Milliseconds d)
{
    qint64 ms = d.count();
    if (ms == 0)
        return QStringLiteral("0s");
    QString out;
    if (ms < 0) {
        out += u'-';
        ms = -ms;
    }
    static constexpr struct
    {
        qint64 factor;
        const char16_t *unit;
    } units[] = {{86'400'000, u"d"}, {3'600'000, u"h"}, {60'000, u"m"}, {1000, u"s"}, {1, u"ms"}};
    for (const auto &u : units) {
        if (ms >= u.factor) {
            out += QString::number(ms / u.factor) + QString::fromUtf16(u.unit);
            ms %= u.factor;
        }
    }
    return out;
}

QString humanDuration(Milliseconds d)
{
    const bool negative = d.count() < 0;
    const qint64 ms = std::abs(d.count());
    const qint64 s = ms / 1000;
    QString out;
    if (s >= 86400)
        out = QStringLiteral("%1d %2h").arg(s / 86400).arg((s % 86400) / 3600);
    else if (s >= 3600)
        out = QStringLiteral("%1h %2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    else if (s >= 60)
        out = QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    else if (s >= 1)
        out = QStringLiteral("%1.%2 s").arg(s).arg((ms % 1000) / 100);
    else
        out = QStringLiteral("%1 ms").arg(ms);
    return negative ? QLatin1Char('-') + out : out;
}

} // namespace cockpit
