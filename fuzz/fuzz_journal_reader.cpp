// Fuzz target: arbitrary bytes as stored journal rows (one per line, fields tab-separated in JournalRawRow
// order) -> JournalVerifier. Whatever a damaged or forged journal holds must end in a verification
// result naming the first bad event, never a crash.
// Seeds: fuzz/corpus/journal_reader (a valid chain and tampered copies, fuzz/tools/make_journal_seeds.py).

#include "FuzzSupport.h"
#include "core/journal/JournalVerifier.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cockpit::fuzz::quietQtMessages();
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const cockpit::JournalVerifyReport report = cockpit::JournalVerifier::verifySerialized(bytes);
    COCKPIT_FUZZ_CHECK(report.verifiedCount >= 0 && report.verifiedCount <= report.eventCount);
    if (report.ok()) {
        COCKPIT_FUZZ_CHECK(report.verifiedCount == report.eventCount);
    } else {
        // A fault names an event and says what is wrong with it.
        COCKPIT_FUZZ_CHECK(!report.fault->toString().isEmpty());
        COCKPIT_FUZZ_CHECK(report.verifiedCount < report.eventCount || report.eventCount == 0);
    }
    return 0;
}
