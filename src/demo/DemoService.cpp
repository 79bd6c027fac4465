#include "demo/DemoService.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cockpit {

namespace {

LoopbackResponse json(int status, const QJsonObject &o)
{
    return LoopbackResponse::json(status, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject percentBody(int percent)
{
    return QJsonObject {{QStringLiteral("key"), QStringLiteral("rollout_percent")},
                        {QStringLiteral("value"), percent}};
}

} // namespace

DemoService::DemoService(Fault fault)
    : m_state(std::make_shared<State>())
{
    m_state->fault = fault;
    const std::shared_ptr<State> state = m_state;

    m_server.route("GET", "/health", [state](const LoopbackRequest &) {
        if (state->fault == Fault::Hang) {
            LoopbackResponse r;
            r.hang = true;
            return r;
        }
        return json(200,
                    QJsonObject {{QStringLiteral("status"), QStringLiteral("healthy")},
                                 {QStringLiteral("processors_available"), state->fault != Fault::Unhealthy}});
    });
    m_server.route("GET", "/config/rollout-percent", [state](const LoopbackRequest &) {
        return json(200, percentBody(state->percent.load()));
    });
    m_server.route("PUT", "/config/rollout-percent", [state](const LoopbackRequest &req) {
        const QJsonObject body = QJsonDocument::fromJson(req.body).object();
        const QJsonValue v = body.value(QStringLiteral("value"));
        const int n = v.toInt(-1);
        if (!v.isDouble() || n < 0 || n > 100)
            return json(400, QJsonObject {{QStringLiteral("error"), QStringLiteral("value must be 0..100")}});
        state->percent.store(n);
        return json(200, percentBody(n));
    });
    m_server.route("POST", "/process-full", [state](const LoopbackRequest &) {
        LoopbackResponse r = json(202, QJsonObject {{QStringLiteral("accepted"), true}});
        r.withHeader("Deprecation", "true");
        if (state->fault != Fault::NoSunset)
            r.withHeader("Sunset", kSunset);
        return r;
    });
    m_server.route("GET", "/routing/split", [state](const LoopbackRequest &) {
        const int p = state->percent.load();
        return json(200,
                    QJsonObject {{QStringLiteral("v2_percent"), double(p)},
                                 {QStringLiteral("v1_percent"), double(100 - p)},
                                 {QStringLiteral("requests"), 1000}});
    });
}

DemoService::~DemoService() = default;

bool DemoService::start(bool ownThread)
{
    return ownThread ? m_server.startInThread(0) : m_server.listen(0);
}

void DemoService::stop()
{
    m_server.close();
}

QString DemoService::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.port());
}

} // namespace cockpit
