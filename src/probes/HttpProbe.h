#pragma once

#include "core/base/Expected.h"
#include "core/conditions/Observation.h"
#include "core/runbook/Check.h"
#include "core/runbook/Connection.h"

#include <QByteArray>
#include <QFuture>
#include <QUrl>
#include <chrono>

namespace cockpit {

// One HTTP request → one Observation (status, response headers, body, latency, certificate expiry).
// Asynchronous on the calling thread, which must run an event loop; the future is fulfilled there.
// Every request gets a network access manager with a free connection slot, so one slow endpoint never
// queues others behind QNetworkAccessManager's six-connections-per-host limit.
class HttpProbe
{
public:
    // Reading stops here (bodyTruncated), for streamed bodies too: Qt reads ahead at most 256 KiB.
    static constexpr qsizetype MaxBodyBytes = qsizetype(1024) * 1024;
    static constexpr std::chrono::milliseconds DefaultTimeout {10000};

    // The bearer token goes into the Authorization header only; the observation records response
    // headers, never request headers (in arrival order; a repeated header once, values joined with
    // ", " by QNetworkReply). TLS verification is on unless insecureSkipVerify is set. Redirects are
    // followed only when asked, never from https to http, and never to another origin while the
    // request carries credentials (Qt would forward the Authorization header). One deadline
    // (timeoutFor) covers connecting, the headers and the body.
    static QFuture<Observation> run(const HttpRequest &request, const HttpService *service,
                                    const QByteArray &bearerToken);

    // request.url when absolute, else service base_url + request.url.
    static Expected<QUrl, QString> resolveUrl(const HttpRequest &request, const HttpService *service);
    // request.timeout, else the service's, else 10 s.
    static std::chrono::milliseconds timeoutFor(const HttpRequest &request, const HttpService *service);
};

} // namespace cockpit
