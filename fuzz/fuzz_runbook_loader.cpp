// Fuzz target: runbook YAML text -> RunbookLoader -> model, or every validation error.
// Seeds: fuzz/corpus/runbook_loader (example runbooks, tests/data runbooks); dictionary: fuzz/yaml.dict.

#include "FuzzSupport.h"
#include "core/runbook/RunbookLoader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cockpit::fuzz::quietQtMessages();
    const QByteArray yaml(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto result = cockpit::RunbookLoader::loadText(yaml, QStringLiteral("fuzz.yaml"));
    if (!result) {
        // A rejected runbook always says why; every message renders (FILE:LINE:COL: message).
        COCKPIT_FUZZ_CHECK(!result.error().isEmpty());
        for (const cockpit::Error &e : result.error()) {
            COCKPIT_FUZZ_CHECK(!e.message.isEmpty());
            COCKPIT_FUZZ_CHECK(e.line >= 0 && e.column >= 0);
            COCKPIT_FUZZ_CHECK(!e.toString().isEmpty());
        }
    }
    return 0;
}
