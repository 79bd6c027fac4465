// HttpProbe against hostile servers: an endless chunked body, a header line that never ends, 64 MB of
// header. The body cap holds for streamed bodies and one deadline covers headers and body; a server
// that keeps Qt's HTTP thread busy delays no other check.
#include "demo/LoopbackHttpServer.h"
#include "probes/HttpProbe.h"
#include "support/Await.h"

#include <QElapsedTimer>
#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;

namespace {

Observation await(const QFuture<Observation> &f)
{
    return test::awaitOr(f, Observation {});
}

HttpRequest get(const QString &url)
{
    HttpRequest r;
    r.url = url;
    return r;
}

} // namespace

class tst_HttpProbeLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void endlessChunkedBodyIsCut();
    void endlessHeaderEndsAtTheDeadline();
    void hugeHeaderEndsAtTheDeadline();

private:
    LoopbackHttpServer m_server; // well-behaved, on the test thread
};

void tst_HttpProbeLimits::initTestCase()
{
    m_server.route("GET", "/fast",
                   [](const LoopbackRequest &) { return LoopbackResponse::text(200, "fast"); });
    QVERIFY(m_server.listen());
}

void tst_HttpProbeLimits::endlessChunkedBodyIsCut()
{
    // The server sends chunks for as long as the client reads. The probe keeps the first MiB and
    // leaves: the server sees the connection close after a few MiB, not gigabytes.
    LoopbackHttpServer server;
    server.route("GET", "/endless", [](const LoopbackRequest &) {
        LoopbackResponse r = LoopbackResponse::text(200, QByteArray(16 * 1024, 'e'));
        r.chunked = true;
        r.endless = true;
        return r;
    });
    QVERIFY(server.startInThread());
    HttpRequest req = get(server.url(QStringLiteral("/endless")).toString());
    req.timeout = 60s; // the cap, not the deadline, must end it
    const Observation o = await(HttpProbe::run(req, nullptr, {}));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.status, 200);
    QVERIFY(o.bodyTruncated);
    QCOMPARE(o.body.size(), HttpProbe::MaxBodyBytes);
    QTRY_COMPARE_WITH_TIMEOUT(server.inFlight(), 0, 15000); // the client closed the connection
    qInfo("endless body: the server sent %lld bytes", server.bytesSent());
    QVERIFY2(server.bytesSent() < 32 * 1024 * 1024, qPrintable(QString::number(server.bytesSent())));
}

void tst_HttpProbeLimits::endlessHeaderEndsAtTheDeadline()
{
    // A header line that never ends: one deadline covers the headers too.
    LoopbackHttpServer server;
    server.route("GET", "/endless-header", [](const LoopbackRequest &) {
        LoopbackResponse r;
        r.raw = "HTTP/1.1 200 OK\r\nX-Big: ";
        r.body = QByteArray(64 * 1024, 'h');
        r.endless = true;
        return r;
    });
    QVERIFY(server.startInThread());
    HttpRequest req = get(server.url(QStringLiteral("/endless-header")).toString());
    req.timeout = 1500ms;
    QElapsedTimer t;
    t.start();
    const Observation o = await(HttpProbe::run(req, nullptr, {}));
    const qint64 took = t.elapsed();
    QCOMPARE(o.status, 0);
    QVERIFY2(!o.error.isEmpty(), "an endless header is an error");
    // The server never stops sending: ending at all proves the deadline fired (the margin is for loaded
    // machines, not a speed requirement).
    QVERIFY2(took < 1500 + 20000, qPrintable(QStringLiteral("took %1 ms: %2").arg(took).arg(o.error)));
    qInfo("endless header: %lld ms, error: %s", took, qPrintable(o.error));

    // The server is still sending that header. A check started now is not queued behind it.
    HttpRequest next = get(m_server.url(QStringLiteral("/fast")).toString());
    next.timeout = 5s;
    const Observation fast = await(HttpProbe::run(next, nullptr, {}));
    QVERIFY2(fast.error.isEmpty(), qPrintable(fast.error));
    QCOMPARE(fast.status, 200);
}

void tst_HttpProbeLimits::hugeHeaderEndsAtTheDeadline()
{
    // 64 MB of one header, sent at once and never finished.
    LoopbackHttpServer server;
    server.route("GET", "/huge-header", [](const LoopbackRequest &) {
        LoopbackResponse r;
        r.raw = "HTTP/1.1 200 OK\r\nX-Big: " + QByteArray(64 * 1024 * 1024, 'h');
        r.keepOpenAfterRaw = true;
        return r;
    });
    QVERIFY(server.startInThread());
    HttpRequest req = get(server.url(QStringLiteral("/huge-header")).toString());
    req.timeout = 1500ms;
    QElapsedTimer t;
    t.start();
    const Observation o = await(HttpProbe::run(req, nullptr, {}));
    const qint64 took = t.elapsed();
    QCOMPARE(o.status, 0);
    QVERIFY(!o.error.isEmpty());
    QVERIFY2(took < 1500 + 20000, qPrintable(QStringLiteral("took %1 ms: %2").arg(took).arg(o.error)));
    qInfo("64 MB header: %lld ms, error: %s", took, qPrintable(o.error));
}

QTEST_GUILESS_MAIN(tst_HttpProbeLimits)
#include "tst_HttpProbeLimits.moc"
