#pragma once

#include "demo/LoopbackHttpServer.h"

#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QSslCertificate>
#include <QSslKey>
#include <atomic>

namespace cockpit {

// What the server's owner and its serving thread share: routes, TLS material and the counters. The
// mutex guards the lists and the error; the counters are atomics.
struct LoopbackHttpServer::State
{
    struct Route
    {
        QByteArray method;
        QByteArray path;
        Handler handler;
    };
    mutable QMutex mutex;
    QList<Route> routes;
    Handler fallback;
    QList<QSslCertificate> certChain;
    QSslKey key;
    std::atomic<int> requests {0};
    std::atomic<int> connections {0};
    std::atomic<int> inFlight {0};
    std::atomic<int> maxInFlight {0};
    std::atomic<qint64> bytesSent {0};
    std::atomic<quint16> port {0};
    std::atomic<bool> listening {false};
    QString error;

    Handler find(const QByteArray &method, const QByteArray &path) const
    {
        QMutexLocker lock(&mutex);
        for (auto it = routes.crbegin(); it != routes.crend(); ++it) {
            if (it->method != "*" && it->method != method)
                continue;
            const bool prefix = it->path.endsWith('*');
            if (prefix ? path.startsWith(QByteArrayView(it->path).chopped(1)) : path == it->path)
                return it->handler;
        }
        if (fallback)
            return fallback;
        return [](const LoopbackRequest &) { return LoopbackResponse::text(404, "no route\n"); };
    }
};

} // namespace cockpit
