#pragma once

#include "core/base/Expected.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace cockpit {

using RawHeaderList = QList<QPair<QByteArray, QByteArray>>;

// One request as the loopback server parsed it.
struct LoopbackRequest
{
    QByteArray method;
    QByteArray path; // the request target without the query, as sent (percent-encoded)
    QByteArray query; // raw query string without '?'
    QByteArray version; // "HTTP/1.1"
    RawHeaderList headers;
    QByteArray body; // Content-Length or de-chunked body

    std::optional<QByteArray> header(QByteArrayView name) const; // case-insensitive, first value
    QString queryItem(const QString &key) const; // decoded, empty when absent
};

// What a route answers. Plain fields so handlers can build any misbehaviour a test needs.
struct LoopbackResponse
{
    int status = 200;
    RawHeaderList headers; // Content-Length is added unless present (or chunked)
    QByteArray body;
    std::chrono::milliseconds delay {0}; // answer after this long (timer, the server thread never sleeps)
    bool hang = false; // never answer; the connection stays open until the client leaves
    bool closeWithoutAnswer = false; // close the connection instead of answering
    bool chunked = false; // send the body with Transfer-Encoding: chunked
    QByteArray
        raw; // when non-empty: sent verbatim instead of a formatted response, then the connection closes
    bool keepOpenAfterRaw = false; // ...or stays open with nothing more sent (a response stuck mid-body)
    // After the head (formatted, or `raw`), `body` is sent again and again, as chunks when `chunked`,
    // for as long as the client reads: an endless body, or with `raw` an endless header line.
    bool endless = false;

    static LoopbackResponse text(int status, const QByteArray &body,
                                 const QByteArray &contentType = "text/plain; charset=utf-8");
    static LoopbackResponse json(int status, const QByteArray &body);
    LoopbackResponse &withHeader(const QByteArray &name, const QByteArray &value);
    LoopbackResponse &after(std::chrono::milliseconds d);
};

// A small asynchronous HTTP/1.1 server on 127.0.0.1 for tests, benchmarks and the demo's simulated
// services. One thread serves hundreds of concurrent connections (delays are timers); keep-alive,
// Content-Length and chunked request bodies, optional TLS. Handlers run on the server's thread: with
// startInThread() that is a private thread, so they must only touch thread-safe state.
class LoopbackHttpServer
{
public:
    using Handler = std::function<LoopbackResponse(const LoopbackRequest &)>;

    LoopbackHttpServer();
    ~LoopbackHttpServer();
    LoopbackHttpServer(const LoopbackHttpServer &) = delete;
    LoopbackHttpServer &operator=(const LoopbackHttpServer &) = delete;

    // method "*" matches any method; a path ending in '*' matches by prefix. Later routes win over
    // earlier ones for the same key. Safe to call while serving.
    void route(const QByteArray &method, const QByteArray &path, Handler handler);
    void setFallback(Handler handler); // default: 404 "no route"

    // Serve HTTPS with this PEM certificate (chain) and private key (RSA or EC). Call before listening.
    Expected<void, QString> setTls(const QString &certFile, const QString &keyFile);

    // Listens on 127.0.0.1:port (0 = any free port) in the calling thread, which needs an event loop.
    bool listen(quint16 port = 0);
    // Listens from a private QThread, so a test or benchmark that blocks its own thread still gets answers.
    bool startInThread(quint16 port = 0);
    // Stops listening and drops every connection; also called by the destructor.
    void close();

    bool isListening() const;
    bool isTls() const;
    quint16 port() const;
    QUrl url(const QString &path = QStringLiteral("/")) const; // http(s)://127.0.0.1:port/path
    QString errorString() const;

    int requestCount() const; // requests handled since start (all routes)
    int connectionCount() const; // connections accepted since start
    // Requests whose answer is pending or still being sent (delay, hang, endless) right now, and the
    // most there ever were at once: how a test proves that requests ran concurrently.
    int inFlight() const;
    int maxInFlight() const;
    qint64 bytesSent() const; // bytes of answers the sockets have written since start

    struct State; // shared with the serving thread

private:
    std::shared_ptr<State> m_state;
    class Engine;
    Engine *m_engine = nullptr;
    QThread *m_thread = nullptr;
};

} // namespace cockpit
