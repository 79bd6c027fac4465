#include "core/conditions/HttpObservationBuilder.h"
#include "demo/LoopbackHttpServer.h"
#include "support/ExpectValue.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace cockpit;
using namespace std::chrono_literals;

namespace {

// Reads from `socket` until `raw` holds one complete response (or the peer closes / time runs out).
QByteArray readResponse(QTcpSocket &socket, int timeoutMs = 5000, bool untilClose = false)
{
    QByteArray raw;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (!untilClose) {
            // Complete once the parser accepts it with explicit framing (Content-Length or chunked).
            const auto o = HttpObservationBuilder::fromRawResponse(raw);
            if (o && (o->header("content-length") || o->header("transfer-encoding")))
                return raw;
        }
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(50)
            && socket.state() != QAbstractSocket::ConnectedState)
            break;
        raw += socket.readAll();
    }
    return raw + socket.readAll();
}

} // namespace

class tst_LoopbackHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void routesSeeTheRequest();
    void fallbackIs404();
    void keepAliveServesSeveralRequests();
    void chunkedRequestBody();
    void pipelinedRequestsAnsweredInOrder();
    void hangCloseAndRaw();
    void chunkedResponse();
    void manyDelayedConnectionsInOneThread();
    void tlsHandshakeWithGeneratedCertificate();

private:
    std::unique_ptr<LoopbackHttpServer> m_server; // threaded: the tests block on sockets
    QTemporaryDir m_dir;
};

void tst_LoopbackHttpServer::initTestCase()
{
    m_server = std::make_unique<LoopbackHttpServer>();
    m_server->route("GET", "/echo", [](const LoopbackRequest &r) {
        QByteArray body = r.method + ' ' + r.path + ' ' + r.queryItem(QStringLiteral("name")).toUtf8() + ' '
            + r.header("x-test").value_or("-") + ' ' + QByteArray::number(r.body.size());
        return LoopbackResponse::text(200, body).withHeader("X-Seen", "yes");
    });
    m_server->route("*", "/body",
                    [](const LoopbackRequest &r) { return LoopbackResponse::text(200, r.body); });
    m_server->route("GET", "/slow",
                    [](const LoopbackRequest &) { return LoopbackResponse::text(200, "slow").after(200ms); });
    m_server->route("GET", "/hang", [](const LoopbackRequest &) {
        LoopbackResponse r;
        r.hang = true;
        return r;
    });
    m_server->route("GET", "/close", [](const LoopbackRequest &) {
        LoopbackResponse r;
        r.closeWithoutAnswer = true;
        return r;
    });
    m_server->route("GET", "/raw", [](const LoopbackRequest &) {
        LoopbackResponse r;
        r.raw = "HTTP/1.0 299 Odd\r\nX-Raw: 1\r\n\r\nraw body";
        return r;
    });
    m_server->route("GET", "/chunked*", [](const LoopbackRequest &) {
        LoopbackResponse r = LoopbackResponse::text(200, QByteArray(2500, 'c'));
        r.chunked = true;
        return r;
    });
    QVERIFY(m_server->startInThread());
    QVERIFY(m_server->port() > 0);
    QVERIFY(m_server->isListening());
    QCOMPARE(m_server->url(QStringLiteral("/x?a=b")).toString(),
             QStringLiteral("http://127.0.0.1:%1/x?a=b").arg(m_server->port()));
}

void tst_LoopbackHttpServer::routesSeeTheRequest()
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(s.waitForConnected(2000));
    s.write("GET /echo?name=J%C3%BCrgen HTTP/1.1\r\nHost: x\r\nX-Test: hi\r\n\r\n");
    const auto o = HttpObservationBuilder::fromRawResponse(readResponse(s));
    QVERIFY(o.has_value());
    QCOMPARE(o->status, 200);
    QCOMPARE(QString::fromUtf8(o->body), QStringLiteral("GET /echo J\u00fcrgen hi 0"));
    QCOMPARE(o->header("x-seen").value_or(""), QByteArray("yes"));
    QCOMPARE(o->header("content-length").value_or(""), QByteArray::number(o->body.size()));
}

void tst_LoopbackHttpServer::fallbackIs404()
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(s.waitForConnected(2000));
    s.write("POST /echo HTTP/1.1\r\nContent-Length: 0\r\n\r\n"); // route is GET only
    const auto o = HttpObservationBuilder::fromRawResponse(readResponse(s));
    QVERIFY(o.has_value());
    QCOMPARE(o->status, 404);
}

void tst_LoopbackHttpServer::keepAliveServesSeveralRequests()
{
    const int before = m_server->connectionCount();
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(s.waitForConnected(2000));
    for (int i = 0; i < 3; ++i) {
        s.write("POST /body HTTP/1.1\r\nContent-Length: 3\r\n\r\nab" + QByteArray::number(i));
        const auto o = HttpObservationBuilder::fromRawResponse(readResponse(s));
        QVERIFY(o.has_value());
        QCOMPARE(o->body, "ab" + QByteArray::number(i));
        QVERIFY(!o->header("connection"));
    }
    QCOMPARE(s.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_server->connectionCount(), before + 1);

    // Connection: close is honoured: answered, then closed.
    s.write("GET /echo HTTP/1.1\r\nConnection: close\r\n\r\n");
    const QByteArray raw = readResponse(s, 3000, true);
    QVERIFY(raw.contains("Connection: close"));
    QCOMPARE(s.state(), QAbstractSocket::UnconnectedState);
}

void tst_LoopbackHttpServer::chunkedRequestBody()
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(s.waitForConnected(2000));
    // Sent in pieces so the server has to wait for the rest of the body.
    s.write("PUT /body HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    s.flush();
    QVERIFY(!s.waitForReadyRead(150));
    s.write("7;ext=x\r\n, world\r\n0\r\nTrailer: t\r\n\r\n");
    const auto o = HttpObservationBuilder::fromRawResponse(readResponse(s));
    QVERIFY(o.has_value());
    QCOMPARE(o->body, QByteArray("hello, world"));
}

void tst_LoopbackHttpServer::pipelinedRequestsAnsweredInOrder()
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(s.waitForConnected(2000));
    s.write("GET /slow HTTP/1.1\r\n\r\nPOST /body HTTP/1.1\r\nContent-Length: 4\r\n\r\nfast");
    QByteArray raw;
    QElapsedTimer t;
    t.start();
    while (!raw.endsWith("fast") && t.elapsed() < 5000) {
        s.waitForReadyRead(50);
        raw += s.readAll();
    }
    QVERIFY(t.elapsed() >= 150); // the second answer waited for the delayed first one
    const qsizetype second = raw.indexOf("HTTP/1.1", 1);
    QVERIFY(second > 0);
    const auto first = HttpObservationBuilder::fromRawResponse(raw.left(second));
    const auto next = HttpObservationBuilder::fromRawResponse(raw.mid(second));
    QVERIFY(first && next);
    QCOMPARE(first->body, QByteArray("slow"));
    QCOMPARE(next->body, QByteArray("fast"));
}

void tst_LoopbackHttpServer::hangCloseAndRaw()
{
    QTcpSocket hang;
    hang.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(hang.waitForConnected(2000));
    hang.write("GET /hang HTTP/1.1\r\n\r\n");
    QVERIFY(!hang.waitForReadyRead(400));
    QCOMPARE(hang.state(), QAbstractSocket::ConnectedState);

    QTcpSocket closing;
    closing.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(closing.waitForConnected(2000));
    closing.write("GET /close HTTP/1.1\r\n\r\n");
    QVERIFY(closing.waitForDisconnected(2000) || closing.state() == QAbstractSocket::UnconnectedState);
    QCOMPARE(closing.readAll(), QByteArray());

    QTcpSocket raw;
    raw.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(raw.waitForConnected(2000));
    raw.write("GET /raw HTTP/1.1\r\n\r\n");
    const QByteArray bytes = readResponse(raw, 3000, true);
    QCOMPARE(bytes, QByteArray("HTTP/1.0 299 Odd\r\nX-Raw: 1\r\n\r\nraw body"));
    const auto o = HttpObservationBuilder::fromRawResponse(bytes);
    QVERIFY(o.has_value());
    QCOMPARE(o->status, 299);
}

void tst_LoopbackHttpServer::chunkedResponse()
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY(s.waitForConnected(2000));
    s.write("GET /chunked/any HTTP/1.1\r\n\r\n");
    QByteArray raw;
    QElapsedTimer t;
    t.start();
    while (!raw.endsWith("0\r\n\r\n") && t.elapsed() < 3000) {
        s.waitForReadyRead(50);
        raw += s.readAll();
    }
    QVERIFY(raw.contains("Transfer-Encoding: chunked"));
    QVERIFY(!raw.contains("Content-Length"));
    const auto o = HttpObservationBuilder::fromRawResponse(raw);
    QVERIFY(o.has_value());
    QCOMPARE(o->body, QByteArray(2500, 'c'));
}

void tst_LoopbackHttpServer::manyDelayedConnectionsInOneThread()
{
    // 300 connections whose answers each take 200 ms: served concurrently by the one server thread.
    constexpr int n = 300;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < n; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        sockets.push_back(std::move(s));
    }
    for (auto &s : sockets) {
        QVERIFY(s->state() == QAbstractSocket::ConnectedState || s->waitForConnected(3000));
        s->write("GET /slow HTTP/1.1\r\n\r\n");
        s->flush();
    }
    int answered = 0;
    for (auto &s : sockets) {
        const auto o = HttpObservationBuilder::fromRawResponse(readResponse(*s, 3000));
        answered += (o && o->status == 200 && o->body == "slow") ? 1 : 0;
    }
    QCOMPARE(answered, n);
    // The server's own counter proves the delayed answers were pending at the same time.
    QVERIFY2(m_server->maxInFlight() > 1, qPrintable(QString::number(m_server->maxInFlight())));
}

void tst_LoopbackHttpServer::tlsHandshakeWithGeneratedCertificate()
{
    if (!QSslSocket::supportsSsl())
        QFAIL("no TLS backend");
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                   QStringLiteral("3"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
    QVERIFY(openssl.waitForFinished(20000));
    QCOMPARE(openssl.exitCode(), 0);

    LoopbackHttpServer tls;
    QVERIFY(!tls.setTls(m_dir.filePath(QStringLiteral("missing.pem")), key).has_value());
    const auto set = tls.setTls(cert, key);
    QVERIFY_VALUE(set);
    tls.route("GET", "/", [](const LoopbackRequest &) { return LoopbackResponse::text(200, "secure"); });
    QVERIFY(tls.startInThread());
    QVERIFY(tls.isTls());
    QCOMPARE(tls.url().scheme(), QStringLiteral("https"));

    QSslSocket s;
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.addCaCertificates(cert);
    s.setSslConfiguration(conf);
    s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), tls.port());
    QVERIFY2(s.waitForEncrypted(5000), qPrintable(s.errorString()));
    QCOMPARE(s.peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0),
             QStringLiteral("127.0.0.1"));
    s.write("GET / HTTP/1.1\r\n\r\n");
    const auto o = HttpObservationBuilder::fromRawResponse(readResponse(s));
    QVERIFY(o.has_value());
    QCOMPARE(o->body, QByteArray("secure"));

    // Without the CA the client refuses the self-signed certificate.
    QSslSocket untrusted;
    untrusted.connectToHostEncrypted(QStringLiteral("127.0.0.1"), tls.port());
    QVERIFY(!untrusted.waitForEncrypted(5000));
    QVERIFY(!untrusted.sslHandshakeErrors().isEmpty());
}

QTEST_GUILESS_MAIN(tst_LoopbackHttpServer)
#include "tst_LoopbackHttpServer.moc"
