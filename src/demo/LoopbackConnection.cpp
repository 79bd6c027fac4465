#include "demo/LoopbackConnection.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace cockpit {

namespace {

constexpr qsizetype MaxRequestHead = qsizetype(64) * 1024;
constexpr qsizetype MaxRequestBody = qsizetype(16) * 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

bool hasHeader(const RawHeaderList &headers, QByteArrayView name)
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
        v.chop(1);
    return v;
}

} // namespace

LoopbackConnection::LoopbackConnection(std::shared_ptr<LoopbackHttpServer::State> state, QTcpSocket *socket,
                                       QObject *parent)
    : QObject(parent)
    , m_state(std::move(state))
    , m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &LoopbackConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    // Any socket error (peer reset, TLS handshake refused by the client) ends the connection.
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &QObject::deleteLater);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 n) {
        m_state->bytesSent.fetch_add(n);
        if (m_endless)
            feedEndless();
    });
}

void LoopbackConnection::onReadyRead()
{
    if (m_closing)
        return;
    m_buffer.append(m_socket->readAll());
    processBuffer();
}

void LoopbackConnection::processBuffer()
{
    while (!m_busy && !m_closing) {
        LoopbackRequest request;
        qsizetype consumed = 0;
        QByteArray problem;
        const Parse p = parse(request, consumed, problem);
        if (p == Parse::NeedMore)
            return;
        if (p == Parse::Bad) {
            LoopbackResponse bad
                = LoopbackResponse::text(problem.startsWith("431") ? 431 : 400, problem + "\n");
            send(bad, false);
            return;
        }
        m_buffer.remove(0, consumed);
        m_sentContinue = false;
        handle(request);
    }
}

bool LoopbackConnection::wantsKeepAlive(const LoopbackRequest &r)
{
    const QByteArray conn = r.header("connection").value_or(QByteArray()).toLower();
    if (r.version == "HTTP/1.0")
        return conn.contains("keep-alive");
    return !conn.contains("close");
}

void LoopbackConnection::handle(const LoopbackRequest &request)
{
    const auto handler = m_state->find(request.method, request.path);
    LoopbackResponse response = handler(request);
    m_state->requests.fetch_add(1);
    enter();
    const bool keepAlive = wantsKeepAlive(request);
    if (response.hang) {
        m_busy = true; // ignore everything else on this connection; the client gives up eventually
        return;
    }
    if (response.delay.count() > 0) {
        m_busy = true;
        QTimer::singleShot(response.delay, Qt::PreciseTimer, this, [this, response, keepAlive] {
            m_busy = false;
            send(response, keepAlive);
            processBuffer();
        });
        return;
    }
    send(response, keepAlive);
}

void LoopbackConnection::enter()
{
    m_inFlight = true;
    const int now = m_state->inFlight.fetch_add(1) + 1;
    int max = m_state->maxInFlight.load();
    while (now > max && !m_state->maxInFlight.compare_exchange_weak(max, now)) { }
}

void LoopbackConnection::leave()
{
    if (m_inFlight)
        m_state->inFlight.fetch_sub(1);
    m_inFlight = false;
}

void LoopbackConnection::startEndless(const LoopbackResponse &r)
{
    m_busy = true; // nothing more on this connection
    m_endless = true;
    m_endlessPiece = r.body.isEmpty() ? QByteArray(qsizetype(64) * 1024, 'x') : r.body;
    if (r.chunked && r.raw.isEmpty())
        m_endlessPiece = QByteArray::number(m_endlessPiece.size(), 16) + "\r\n" + m_endlessPiece + "\r\n";
    feedEndless();
}

void LoopbackConnection::feedEndless()
{
    while (m_socket->state() == QAbstractSocket::ConnectedState
           && m_socket->bytesToWrite() < qint64(256) * 1024)
        m_socket->write(m_endlessPiece);
}

void LoopbackConnection::send(const LoopbackResponse &r, bool keepAlive)
{
    if (!r.endless && !(r.raw.size() && r.keepOpenAfterRaw))
        leave(); // answered (a stuck or endless answer stays in flight until the client leaves)
    if (r.closeWithoutAnswer) {
        closeConnection();
        return;
    }
    if (!r.raw.isEmpty()) {
        m_socket->write(r.raw);
        if (r.endless)
            startEndless(r);
        else if (r.keepOpenAfterRaw)
            m_busy = true; // like hang: nothing more on this connection
        else
            closeConnection();
        return;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) + "\r\n";
    for (const auto &[k, v] : r.headers)
        out += k + ": " + v + "\r\n";
    const bool bodyless = (r.status >= 100 && r.status < 200) || r.status == 204 || r.status == 304;
    if (r.chunked && !bodyless)
        out += "Transfer-Encoding: chunked\r\n";
    else if (!bodyless && !hasHeader(r.headers, "content-length"))
        out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (r.endless && !bodyless) {
        m_socket->write(out);
        startEndless(r);
        return;
    }
    if (!bodyless) {
        if (r.chunked) {
            // A few chunks, so clients really exercise de-chunking.
            constexpr qsizetype piece = 1000;
            for (qsizetype i = 0; i < r.body.size(); i += piece) {
                const QByteArray part = r.body.mid(i, piece);
                out += QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n";
            }
            out += "0\r\n\r\n";
        } else {
            out += r.body;
        }
    }
    m_socket->write(out);
    if (!keepAlive)
        closeConnection();
}

void LoopbackConnection::closeConnection()
{
    m_closing = true;
    m_socket->disconnectFromHost(); // flushes pending writes first; `disconnected` deletes us
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        deleteLater();
}

LoopbackConnection::Parse LoopbackConnection::parse(LoopbackRequest &req, qsizetype &consumed,
                                                    QByteArray &problem)
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (m_buffer.size() > MaxRequestHead) {
            problem = "431 request header section too large";
            return Parse::Bad;
        }
        return Parse::NeedMore;
    }
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = trimmed(lines.first()).toByteArray().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        problem = "malformed request line";
        return Parse::Bad;
    }
    req.method = requestLine[0];
    const QByteArray &target = requestLine[1];
    const qsizetype q = target.indexOf('?');
    req.path = q < 0 ? target : target.left(q);
    req.query = q < 0 ? QByteArray() : target.mid(q + 1);
    req.version = requestLine[2];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = trimmed(lines[i]);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            problem = "malformed header line";
            return Parse::Bad;
        }
        req.headers.append({line.first(colon).toByteArray(), trimmed(line.sliced(colon + 1)).toByteArray()});
    }
    qsizetype pos = headEnd + 4;
    const QByteArray te = req.header("transfer-encoding").value_or(QByteArray()).toLower();
    if (te.contains("chunked")) {
        // Re-parsed from the start each time more arrives: simple, and request bodies here are small.
        for (;;) {
            const qsizetype nl = m_buffer.indexOf("\r\n", pos);
            if (nl < 0)
                return needMoreBody(req);
            QByteArrayView sizeLine = QByteArrayView(m_buffer).sliced(pos, nl - pos);
            if (const qsizetype semi = sizeLine.indexOf(';'); semi >= 0)
                sizeLine = sizeLine.first(semi);
            bool ok = false;
            const qint64 size = trimmed(sizeLine).toByteArray().toLongLong(&ok, 16);
            if (!ok || size < 0 || size > MaxRequestBody) {
                problem = "malformed chunk size";
                return Parse::Bad;
            }
            pos = nl + 2;
            if (size == 0) {
                // trailers up to an empty line
                for (;;) {
                    const qsizetype end = m_buffer.indexOf("\r\n", pos);
                    if (end < 0)
                        return needMoreBody(req);
                    const bool last = end == pos;
                    pos = end + 2;
                    if (last)
                        break;
                }
                consumed = pos;
                return Parse::Done;
            }
            if (m_buffer.size() < pos + size + 2)
                return needMoreBody(req);
            req.body.append(m_buffer.mid(pos, size));
            if (req.body.size() > MaxRequestBody) {
                problem = "request body too large";
                return Parse::Bad;
            }
            pos += size + 2;
        }
    }
    bool ok = true;
    const qint64 length = req.header("content-length").value_or("0").trimmed().toLongLong(&ok);
    if (!ok || length < 0 || length > MaxRequestBody) {
        problem = "malformed Content-Length";
        return Parse::Bad;
    }
    if (m_buffer.size() < pos + length)
        return needMoreBody(req);
    req.body = m_buffer.mid(pos, length);
    consumed = pos + length;
    return Parse::Done;
}

LoopbackConnection::Parse LoopbackConnection::needMoreBody(const LoopbackRequest &req)
{
    // Clients that wait for "100 Continue" before sending the body get it once per request.
    if (!m_sentContinue && req.header("expect").value_or(QByteArray()).toLower() == "100-continue") {
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_sentContinue = true;
    }
    return Parse::NeedMore;
}

} // namespace cockpit
