#pragma once

#include "demo/LoopbackHttpServer.h"

#include <QString>
#include <atomic>
#include <memory>

namespace cockpit {

// The demo's stand-in for example runbook A's rollout manager ("rlm"), on 127.0.0.1, implementing the
// HTTP contract written at the top of resources/runbooks/a-pipeline-rollout.yaml:
//   GET /health, GET|PUT /config/rollout-percent, POST /process-full (Deprecation + Sunset headers),
//   GET /routing/split (follows the rollout percent).
// A Fault makes one part of the contract misbehave, to show what a NO-GO looks like.
class DemoService
{
public:
    enum class Fault {
        None,
        Unhealthy, // /health: processors_available false
        NoSunset, // /process-full without the Sunset header
        Hang, // /health never answers
    };

    explicit DemoService(Fault fault = Fault::None);
    ~DemoService();

    // Listens on a free port of 127.0.0.1. In the calling thread (needs an event loop) or, with
    // ownThread, on a private thread. Returns false with errorString() set when it cannot listen.
    bool start(bool ownThread = false);
    void stop();

    QString baseUrl() const; // http://127.0.0.1:PORT, no trailing slash
    QString errorString() const { return m_server.errorString(); }
    int rolloutPercent() const { return m_state->percent.load(); }
    int requestCount() const { return m_server.requestCount(); }

    static constexpr const char *kSunset = "Sat, 01 Mar 2026 00:00:00 GMT";

private:
    struct State
    {
        std::atomic<int> percent {0};
        Fault fault = Fault::None;
    };
    std::shared_ptr<State> m_state; // shared with the handlers, which run on the serving thread
    LoopbackHttpServer m_server;
};

} // namespace cockpit
