// Fuzz target: condition text + an observation built from the rest of the input -> verdict and
// explanation. The input is split FuzzedDataProvider-style (FuzzInput.h): the condition text first,
// then status, latency, headers, body, SQL columns and rows, metrics, command output, secret state.
// Seeds: fuzz/corpus/condition; dictionary: fuzz/condition.dict.

#include "FuzzInput.h"
#include "FuzzSupport.h"
#include "core/conditions/Condition.h"
#include "core/conditions/Observation.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace {

using cockpit::Observation;
using cockpit::fuzz::FuzzInput;

double takeDouble(FuzzInput &in)
{
    switch (in.takeInRange(0, 7)) {
    case 0: return std::numeric_limits<double>::quiet_NaN();
    case 1: return std::numeric_limits<double>::infinity();
    case 2: return -std::numeric_limits<double>::infinity();
    case 3: return 1e300;
    case 4: return -double(in.takeInRange(0, 1000)) / 10.0;
    default: return double(in.takeInRange(0, 100000)) / 100.0;
    }
}

QVariant takeCell(FuzzInput &in)
{
    switch (in.takeInRange(0, 5)) {
    case 0: return QVariant();
    case 1: return QVariant(in.takeBool());
    case 2: return QVariant(qint64(in.takeInRange(0, UINT32_MAX)) - qint64(INT32_MAX));
    case 3: return QVariant(takeDouble(in));
    default: return QVariant(in.takeString(64));
    }
}

Observation takeObservation(FuzzInput &in)
{
    Observation o;
    o.kind = static_cast<Observation::Kind>(in.takeInRange(0, 6));
    o.status = static_cast<int>(in.takeInRange(0, 999));
    o.durationMs = in.takeInRange(0, 600000);
    o.connected = in.takeBool();
    if (in.takeBool())
        o.error = in.takeString(64);
    for (uint32_t i = 0, n = in.takeInRange(0, 4); i < n; ++i) {
        QByteArray name = in.takeBytes(32);
        o.headers.append({name, in.takeBytes(128)});
    }
    o.body = in.takeBytes(2048);
    o.bodyTruncated = in.takeBool();
    if (in.takeBool())
        o.certificateExpiresInMs = (qint64(in.takeInRange(0, UINT32_MAX)) - qint64(INT32_MAX)) * 1000;
    const uint32_t columns = in.takeInRange(0, 3);
    for (uint32_t c = 0; c < columns; ++c)
        o.columns.append(in.takeString(32));
    const uint32_t rows = in.takeInRange(0, 4);
    for (uint32_t r = 0; r < rows; ++r) {
        QVariantList row;
        // Rows may be ragged (fewer or more cells than columns): evaluation must not index past either.
        for (uint32_t c = 0, n = in.takeInRange(0, 4); c < n; ++c)
            row.append(takeCell(in));
        o.rows.append(row);
    }
    o.rowCount = in.takeBool() ? qint64(rows) : qint64(in.takeInRange(0, UINT32_MAX));
    o.rowsTruncated = in.takeBool();
    for (uint32_t i = 0, n = in.takeInRange(0, 3); i < n; ++i) {
        QString name = in.takeString(32);
        o.metrics.insert(name, takeDouble(in));
    }
    o.exitCode = static_cast<int>(in.takeInRange(0, 256)) - 1;
    o.stdOut = in.takeBytes(256);
    o.secretPresent = in.takeBool();
    if (in.takeBool())
        o.secretFormatValid = in.takeBool();
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cockpit::fuzz::quietQtMessages();
    FuzzInput in(data, size);
    const QString text = in.takeString(512);
    const auto parsed = cockpit::Condition::parse(text);
    if (!parsed) {
        // A syntax error points into the text (or just past its end) and says what is wrong.
        const cockpit::ConditionSyntaxError &e = parsed.error();
        COCKPIT_FUZZ_CHECK(e.column >= 1 && e.column <= text.size() + 1);
        COCKPIT_FUZZ_CHECK(!e.message.isEmpty());
        return 0;
    }
    const cockpit::Condition &condition = *parsed;
    (void)condition.metricNames();
    const Observation observation = takeObservation(in);
    const cockpit::ConditionResult first = condition.evaluate(observation);
    COCKPIT_FUZZ_CHECK(first.passed() || !first.explanation.isEmpty()); // a failure says what it saw
    // Evaluation is a pure function of condition and observation.
    const cockpit::ConditionResult again = condition.evaluate(observation);
    COCKPIT_FUZZ_CHECK(again.outcome == first.outcome && again.explanation == first.explanation);
    return 0;
}
