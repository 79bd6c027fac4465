#pragma once

#include "core/base/Expected.h"

#include <QString>
#include <chrono>

namespace cockpit {

using Milliseconds = std::chrono::milliseconds;

// Durations in runbooks and conditions: "500ms", "90s", "15m", "24h", "7d", and sums like "1h30m".
// A bare number is rejected: a unit is required so "15" never silently means seconds or minutes.
Expected<Milliseconds, QString> parseDuration(QStringView text);

// "1h30m", "7d", "250ms", "0s": the shortest exact form, accepted by parseDuration. For values a person
// wrote (timeouts, holds, thresholds).
QString formatDuration(Milliseconds d);

// "1d 2h", "3h 05m", "4m 10s", "12.3 s", "850 ms": a measured span rounded down to its two largest units,
// for sentences, tables and countdowns (the exact form of a measured span is noise: "6d19h36m43s413ms").
QString humanDuration(Milliseconds d);

} // namespace cockpit
