// Fuzz target: raw HTTP/1.x response bytes -> HttpObservationBuilder::fromRawResponse -> Observation, then
// a fixed set of conditions evaluated on it, so JSON path lookups ([BODY].a[0].b), len(), has(), pat()
// and header lookups run over arbitrary bodies and headers.
// Seeds: fuzz/corpus/http_observation (hand-written responses); dictionary: fuzz/http.dict.

#include "FuzzSupport.h"
#include "core/conditions/Condition.h"
#include "core/conditions/HttpObservationBuilder.h"

#include <QList>
#include <cstddef>
#include <cstdint>

namespace {

const QList<cockpit::Condition> &conditions()
{
    static const QList<cockpit::Condition> list = [] {
        const char *texts[] = {
            "[STATUS] == 200",
            "[STATUS] < 500",
            "[BODY].a[0].b == x",
            "[BODY].status == healthy",
            "[BODY].processors_available == true",
            "[BODY].data[1][2].id >= 3",
            "[BODY][0] == 1",
            "[BODY].n > 1.5",
            "[BODY] == pat(*ok*)",
            "[BODY].name == pat(v2*)",
            "len([BODY].items) > 0",
            "len([BODY]) < 100",
            "has([BODY].errors) == false",
            "[BODY].status == any(ok, healthy)",
            "[BODY].a[0] != any(1, \"x\", true)",
            "len([BODY].data[1]) >= 2",
            "[BODY][2].a[1] == true",
            "[HEADER].Content-Type == pat(*json*)",
            "[HEADER].Deprecation == true",
            "[HEADER].Sunset == Sat, 01 Mar 2026 00:00:00 GMT",
            "[RESPONSE_TIME] < 300",
            "[CONNECTED] == true",
            "[CERTIFICATE_EXPIRATION] > 48h",
        };
        QList<cockpit::Condition> out;
        for (const char *t : texts) {
            auto c = cockpit::Condition::parse(QString::fromUtf8(t));
            if (!c) {
                std::fprintf(stderr, "fuzz_http_observation: condition does not parse: %s: %s\n", t,
                             qPrintable(c.error().message));
                std::abort(); // keep the list in step with the language
            }
            out.append(*c);
        }
        return out;
    }();
    return list;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cockpit::fuzz::quietQtMessages();
    const QByteArray raw(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto observation = cockpit::HttpObservationBuilder::fromRawResponse(raw);
    if (!observation) {
        COCKPIT_FUZZ_CHECK(!observation.error().isEmpty()); // malformed input is an error that says what
        return 0;
    }
    COCKPIT_FUZZ_CHECK(observation->headers.size() <= cockpit::HttpObservationBuilder::MaxHeaderCount);
    COCKPIT_FUZZ_CHECK(observation->body.size() <= 4 * cockpit::HttpObservationBuilder::MaxBodyBytes);
    (void)observation->header("content-type");
    for (const cockpit::Condition &c : conditions()) {
        const cockpit::ConditionResult r = c.evaluate(*observation);
        COCKPIT_FUZZ_CHECK(r.passed() || !r.explanation.isEmpty()); // a failure says what it saw
    }
    (void)observation->toJson();
    return 0;
}
