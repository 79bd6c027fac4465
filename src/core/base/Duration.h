#pragma once

#include "core/base/Expected.h"

#include <QString>
#include <chrono>

namespace cockpit {

using Milliseconds = std::chrono::milliseconds;

// Durations in runbooks and conditions: "500ms", "90s", "15m", "24h", "7d", and sums like "1h30m".
// A bare number is rejected: a unit is required so "15" never silently means seconds or minutes.
Expected<Milliseconds, QString> parseDuration(QStringView text);

// "1h30m", "7d", "250ms", "0s": the shortest exact form, accepted by parseDuration.
QString formatDuration(Milliseconds d);

} // namespace cockpit
