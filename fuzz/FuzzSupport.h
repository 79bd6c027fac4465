#pragma once

#include <QString>
#include <QtGlobal>
#include <cstdio>
#include <cstdlib>

namespace cockpit::fuzz {

// Quiet Qt's logging (warnings about malformed input would flood the fuzzer and slow it down); fatal
// messages still print, and Qt aborts after them, which libFuzzer reports as a crash.
inline void quietQtMessages()
{
    static const bool installed = [] {
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
            if (type == QtFatalMsg)
                std::fprintf(stderr, "qFatal: %s\n", qPrintable(msg));
        });
        return true;
    }();
    (void)installed;
}

// A broken invariant is reported like a crash, with a reason, in fuzzing and in the replay tests.
#define COCKPIT_FUZZ_CHECK(cond)                                                                             \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);                \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (0)

} // namespace cockpit::fuzz
