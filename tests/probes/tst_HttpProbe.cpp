#include "demo/LoopbackHttpServer.h"
#include "probes/HttpProbe.h"
#include "support/Await.h"
#include "support/ExpectValue.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace cockpit;
using namespace std::chrono_literals;

namespace {

// Waits in a real event loop (test::waitInEventLoop); an empty observation when it did not finish.
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

// Requests as the server saw them, recorded from the server thread.
struct Seen
{
    QMutex mutex;
    QList<LoopbackRequest> requests;
    void add(const LoopbackRequest &r)
    {
        QMutexLocker lock(&mutex);
        requests.append(r);
    }
    LoopbackRequest last()
    {
        QMutexLocker lock(&mutex);
        return requests.value(requests.size() - 1);
    }
};

} // namespace

class tst_HttpProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusBodyAndHeaders();
    void headersAreCaseInsensitive();
    void postJsonReachesServer();
    void hangingEndpointTimesOut();
    void connectionRefused();
    void redirects();
    void bodyCapped();
    void tokenNotSentToAnotherOrigin();
    void errorStatusAndBrokenServers();
    void bearerTokenNotInEvidence();
    void urlResolution();
    void tlsWithoutCaFails();
    void tlsWithCaFile();
    void tlsInsecureSkipVerifyIsMarked();
    void concurrentSlowRequests();
    void slowEndpointDoesNotDelayFastOne();

private:
    QString makeCertificate(const QString &name);

    LoopbackHttpServer m_server; // on the test thread: the probe is asynchronous, so it answers
    std::shared_ptr<Seen> m_seen = std::make_shared<Seen>();
    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
    LoopbackHttpServer m_tls;
};

QString tst_HttpProbe::makeCertificate(const QString &name)
{
    QString cert = m_dir.filePath(name + QStringLiteral(".pem"));
    m_key = m_dir.filePath(name + QStringLiteral("-key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), m_key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                   QStringLiteral("30"), QStringLiteral("-subj"), QStringLiteral("/CN=cockpit test"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
    if (!openssl.waitForFinished(20000) || openssl.exitCode() != 0)
        return {};
    return cert;
}

void tst_HttpProbe::initTestCase()
{
    auto seen = m_seen;
    m_server.route("GET", "/health", [](const LoopbackRequest &) {
        return LoopbackResponse::json(200, R"({"status":"healthy"})")
            .withHeader("Deprecation", "true")
            .withHeader("x-lower-case", "v1")
            .withHeader("X-UPPER-CASE", "v2")
            .withHeader("X-Repeated", "a")
            .withHeader("X-Repeated", "b");
    });
    m_server.route("*", "/record", [seen](const LoopbackRequest &r) {
        seen->add(r);
        return LoopbackResponse::json(201, R"({"ok":true})");
    });
    m_server.route("GET", "/hang", [](const LoopbackRequest &) {
        LoopbackResponse r;
        r.hang = true;
        return r;
    });
    m_server.route("GET", "/old", [](const LoopbackRequest &) {
        return LoopbackResponse::text(302, "moved").withHeader("Location", "/new");
    });
    m_server.route("GET", "/new",
                   [](const LoopbackRequest &) { return LoopbackResponse::text(200, "new place"); });
    m_server.route("GET", "/big", [](const LoopbackRequest &) {
        return LoopbackResponse::text(200, QByteArray(qsizetype(3) * 1024 * 1024, 'b'));
    });
    m_server.route("GET", "/slow",
                   [](const LoopbackRequest &) { return LoopbackResponse::text(200, "slow").after(200ms); });
    m_server.route("GET", "/very-slow", [](const LoopbackRequest &) {
        return LoopbackResponse::text(200, "very slow").after(3s);
    });
    m_server.route("GET", "/fast",
                   [](const LoopbackRequest &) { return LoopbackResponse::text(200, "fast"); });
    m_server.route("GET", "/down", [](const LoopbackRequest &) {
        return LoopbackResponse::json(503, R"({"status":"down"})");
    });
    m_server.route("GET", "/close", [](const LoopbackRequest &) {
        LoopbackResponse r;
        r.closeWithoutAnswer = true;
        return r;
    });
    m_server.route("GET", "/garbage", [](const LoopbackRequest &) {
        LoopbackResponse r;
        r.raw = "this is not HTTP at all\r\n\r\n";
        return r;
    });
    m_server.route("GET", "/stuck-body", [](const LoopbackRequest &) {
        LoopbackResponse r;
        r.raw = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial";
        r.keepOpenAfterRaw = true;
        return r;
    });
    m_server.route("GET", "/latin1", [](const LoopbackRequest &) {
        return LoopbackResponse::text(200,
                                      "Gr\xfc\xdf"
                                      "e",
                                      "text/plain; charset=iso-8859-1");
    });
    QVERIFY(m_server.listen());

    QVERIFY(QSslSocket::supportsSsl());
    m_cert = makeCertificate(QStringLiteral("server"));
    QVERIFY(!m_cert.isEmpty());
    const auto tls = m_tls.setTls(m_cert, m_key);
    QVERIFY_VALUE(tls);
    m_tls.route("GET", "/", [](const LoopbackRequest &) { return LoopbackResponse::text(200, "secure"); });
    QVERIFY(m_tls.listen());
}

void tst_HttpProbe::statusBodyAndHeaders()
{
    HttpService service;
    service.baseUrl = m_server.url(QStringLiteral("/")).toString();
    HttpRequest req = get(QStringLiteral("/health"));
    const Observation o = await(HttpProbe::run(req, &service, {}));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.kind, Observation::Kind::Http);
    QVERIFY(o.connected);
    QCOMPARE(o.status, 200);
    QCOMPARE(o.method, QStringLiteral("GET"));
    QCOMPARE(o.body, QByteArray(R"({"status":"healthy"})"));
    QCOMPARE(o.target, m_server.url(QStringLiteral("/health")).toString());
    QCOMPARE(o.header("Deprecation").value_or(""), QByteArray("true"));
    QCOMPARE(o.header("content-type").value_or(""), QByteArray("application/json"));
    QVERIFY(!o.certificateExpiresInMs);
    QVERIFY(!o.tlsVerificationDisabled);
    QVERIFY(o.at.isValid());
    QCOMPARE(o.at.timeSpec(), Qt::UTC);
    QVERIFY(o.durationMs >= 0);
    // Response headers in arrival order.
    QStringList names;
    for (const auto &h : o.headers)
        names << QString::fromLatin1(h.first).toLower();
    QVERIFY(names.indexOf(QStringLiteral("content-type")) < names.indexOf(QStringLiteral("deprecation")));
    QVERIFY(names.indexOf(QStringLiteral("deprecation")) < names.indexOf(QStringLiteral("x-upper-case")));
    // A repeated header reaches the observation once, its values joined (QNetworkReply merges them).
    QCOMPARE(names.count(QStringLiteral("x-repeated")), 1);
    QCOMPARE(o.header("x-repeated").value_or(""), QByteArray("a, b"));
}

void tst_HttpProbe::headersAreCaseInsensitive()
{
    // Response headers: looked up in any case.
    const Observation o
        = await(HttpProbe::run(get(m_server.url(QStringLiteral("/health")).toString()), nullptr, {}));
    QCOMPARE(o.header("X-Lower-Case").value_or(""), QByteArray("v1"));
    QCOMPARE(o.header("x-upper-case").value_or(""), QByteArray("v2"));
    // Request headers: a request header overrides the connection's default of the same name in any case.
    HttpService service;
    service.baseUrl = m_server.url(QStringLiteral("/")).toString();
    service.headers.insert(QStringLiteral("X-Env"), QStringLiteral("default"));
    service.headers.insert(QStringLiteral("X-Team"), QStringLiteral("cutover"));
    HttpRequest req = get(QStringLiteral("record"));
    req.headers.insert(QStringLiteral("x-env"), QStringLiteral("override"));
    const Observation r = await(HttpProbe::run(req, &service, {}));
    QCOMPARE(r.status, 201);
    const LoopbackRequest seen = m_seen->last();
    int envCount = 0;
    for (const auto &h : seen.headers)
        envCount += h.first.compare("x-env", Qt::CaseInsensitive) == 0 ? 1 : 0;
    QCOMPARE(envCount, 1);
    QCOMPARE(seen.header("X-ENV").value_or(""), QByteArray("override"));
    QCOMPARE(seen.header("x-team").value_or(""), QByteArray("cutover"));
}

void tst_HttpProbe::postJsonReachesServer()
{
    HttpRequest req = get(m_server.url(QStringLiteral("/record")).toString());
    req.method = QStringLiteral("post");
    req.body = R"({"user_id":"test"})";
    const Observation o = await(HttpProbe::run(req, nullptr, {}));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.status, 201);
    QCOMPARE(o.method, QStringLiteral("POST"));
    const LoopbackRequest seen = m_seen->last();
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.body, QByteArray(R"({"user_id":"test"})"));
    QCOMPARE(seen.header("content-type").value_or(""), QByteArray("application/json"));

    req.method = QStringLiteral("PUT");
    req.body = "percent=10";
    req.headers.insert(QStringLiteral("Content-Type"), QStringLiteral("application/x-www-form-urlencoded"));
    QCOMPARE(await(HttpProbe::run(req, nullptr, {})).status, 201);
    QCOMPARE(m_seen->last().method, QByteArray("PUT"));
    QCOMPARE(m_seen->last().header("content-type").value_or(""),
             QByteArray("application/x-www-form-urlencoded"));
}

void tst_HttpProbe::hangingEndpointTimesOut()
{
    HttpRequest req = get(m_server.url(QStringLiteral("/hang")).toString());
    req.timeout = 1500ms;
    QElapsedTimer t;
    t.start();
    const Observation o = await(HttpProbe::run(req, nullptr, {}));
    const qint64 took = t.elapsed();
    // Timers never fire early; how late they fire depends on the machine, so only the lower bound.
    QVERIFY2(took >= 1400, qPrintable(QString::number(took)));
    QCOMPARE(o.error, QStringLiteral("timed out after 1s500ms"));
    QVERIFY(!o.connected);
    QCOMPARE(o.status, 0);

    // Headers arrived, the body never completes: the answer is kept, and the timeout reported too.
    HttpRequest stuck = get(m_server.url(QStringLiteral("/stuck-body")).toString());
    stuck.timeout = 800ms;
    const Observation partial = await(HttpProbe::run(stuck, nullptr, {}));
    QCOMPARE(partial.status, 200);
    QVERIFY(partial.connected);
    QCOMPARE(partial.error, QStringLiteral("timed out after 800ms (reading the body)"));
    QCOMPARE(partial.body, QByteArray("partial"));

    // Without a request timeout, the connection's applies.
    HttpService service;
    service.baseUrl = m_server.url(QStringLiteral("/")).toString();
    service.timeout = 2s;
    const Observation s = await(HttpProbe::run(get(QStringLiteral("/hang")), &service, {}));
    QCOMPARE(s.error, QStringLiteral("timed out after 2s"));
    QCOMPARE(HttpProbe::timeoutFor(get(QStringLiteral("/x")), nullptr), 10000ms);
}

void tst_HttpProbe::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    const Observation o
        = await(HttpProbe::run(get(QStringLiteral("http://127.0.0.1:%1/health").arg(port)), nullptr, {}));
    QCOMPARE(o.error, QStringLiteral("connection refused (127.0.0.1:%1)").arg(port));
    QVERIFY(!o.connected);
    QCOMPARE(o.status, 0);
    QCOMPARE(o.toJson().value(QStringLiteral("connected")).toBool(true), false);
}

void tst_HttpProbe::redirects()
{
    HttpRequest req = get(m_server.url(QStringLiteral("/old")).toString());
    const Observation manual = await(HttpProbe::run(req, nullptr, {}));
    QVERIFY2(manual.error.isEmpty(), qPrintable(manual.error));
    QCOMPARE(manual.status, 302);
    QCOMPARE(manual.header("location").value_or(""), QByteArray("/new"));
    QCOMPARE(manual.body, QByteArray("moved"));

    req.followRedirects = true;
    const Observation followed = await(HttpProbe::run(req, nullptr, {}));
    QVERIFY2(followed.error.isEmpty(), qPrintable(followed.error));
    QCOMPARE(followed.status, 200);
    QCOMPARE(followed.body, QByteArray("new place"));
}

void tst_HttpProbe::tokenNotSentToAnotherOrigin()
{
    // A redirect to another origin (here: another port) must not carry the bearer token along.
    LoopbackHttpServer other;
    auto seen = std::make_shared<Seen>();
    other.route("GET", "/landing", [seen](const LoopbackRequest &r) {
        seen->add(r);
        return LoopbackResponse::text(200, "landed");
    });
    QVERIFY(other.listen());
    const QByteArray target = other.url(QStringLiteral("/landing")).toEncoded();
    m_server.route("GET", "/elsewhere", [target](const LoopbackRequest &) {
        return LoopbackResponse::text(302, "moved").withHeader("Location", target);
    });
    HttpRequest req = get(m_server.url(QStringLiteral("/elsewhere")).toString());
    req.followRedirects = true;
    const Observation o = await(HttpProbe::run(req, nullptr, "tok-cross-origin-secret"));
    QCOMPARE(o.status, 302);
    QCOMPARE(o.error,
             QStringLiteral("redirect to %1 not followed: another origin, and the request carries "
                            "credentials")
                 .arg(QString::fromLatin1(target)));
    QCOMPARE(seen->requests.size(), 0);
    QVERIFY(!QJsonDocument(o.toJson()).toJson().contains("tok-cross-origin-secret"));

    // Without a token, cross-origin redirects are followed.
    const Observation plain = await(HttpProbe::run(req, nullptr, {}));
    QCOMPARE(plain.status, 200);
    QCOMPARE(plain.body, QByteArray("landed"));

    // Same origin with a token: followed.
    HttpRequest sameOrigin = get(m_server.url(QStringLiteral("/old")).toString());
    sameOrigin.followRedirects = true;
    const Observation same = await(HttpProbe::run(sameOrigin, nullptr, "tok"));
    QVERIFY2(same.error.isEmpty(), qPrintable(same.error));
    QCOMPARE(same.status, 200);
    QCOMPARE(same.body, QByteArray("new place"));
}

void tst_HttpProbe::bodyCapped()
{
    const Observation o
        = await(HttpProbe::run(get(m_server.url(QStringLiteral("/big")).toString()), nullptr, {}));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.status, 200);
    QVERIFY(o.bodyTruncated);
    QCOMPARE(o.body.size(), HttpProbe::MaxBodyBytes);
    QVERIFY(o.toJson().value(QStringLiteral("body_truncated")).toBool());

    const Observation small
        = await(HttpProbe::run(get(m_server.url(QStringLiteral("/fast")).toString()), nullptr, {}));
    QVERIFY(!small.bodyTruncated);
}

void tst_HttpProbe::errorStatusAndBrokenServers()
{
    // An HTTP error status is an answer: connected, no probe error, the body kept as evidence.
    const Observation down
        = await(HttpProbe::run(get(m_server.url(QStringLiteral("/down")).toString()), nullptr, {}));
    QVERIFY2(down.error.isEmpty(), qPrintable(down.error));
    QVERIFY(down.connected);
    QCOMPARE(down.status, 503);
    QCOMPARE(down.body, QByteArray(R"({"status":"down"})"));

    // The body is stored as UTF-8, decoded from the declared charset.
    const Observation latin
        = await(HttpProbe::run(get(m_server.url(QStringLiteral("/latin1")).toString()), nullptr, {}));
    QCOMPARE(QString::fromUtf8(latin.body), QStringLiteral("Gr\u00fc\u00dfe"));

    const Observation closed
        = await(HttpProbe::run(get(m_server.url(QStringLiteral("/close")).toString()), nullptr, {}));
    QVERIFY(!closed.connected);
    QCOMPARE(closed.status, 0);
    QVERIFY2(closed.error.contains(QStringLiteral("closed")), qPrintable(closed.error));

    const Observation garbage
        = await(HttpProbe::run(get(m_server.url(QStringLiteral("/garbage")).toString()), nullptr, {}));
    QVERIFY(!garbage.connected);
    QCOMPARE(garbage.status, 0);
    QVERIFY(!garbage.error.isEmpty());

    HttpRequest head = get(m_server.url(QStringLiteral("/fast")).toString());
    head.method = QStringLiteral("HEAD");
    const Observation h = await(HttpProbe::run(head, nullptr, {}));
    QVERIFY2(h.error.isEmpty(), qPrintable(h.error));
    QCOMPARE(h.status, 404); // HEAD has no route: the server's fallback answers
    QCOMPARE(h.method, QStringLiteral("HEAD"));
}

void tst_HttpProbe::bearerTokenNotInEvidence()
{
    const QByteArray token = "tok-3f9a1c7e5d-secret";
    const Observation o
        = await(HttpProbe::run(get(m_server.url(QStringLiteral("/record")).toString()), nullptr, token));
    QCOMPARE(o.status, 201);
    QCOMPARE(m_seen->last().header("authorization").value_or(""), "Bearer " + token);
    const QByteArray json = QJsonDocument(o.toJson()).toJson();
    QVERIFY(!json.contains(token));
    QVERIFY(!json.toLower().contains("authorization"));
    for (const auto &h : o.headers)
        QVERIFY(!h.second.contains(token));
}

void tst_HttpProbe::urlResolution()
{
    HttpService service;
    service.baseUrl = QStringLiteral("http://127.0.0.1:8000/api/");
    QCOMPARE(HttpProbe::resolveUrl(get(QStringLiteral("/health")), &service).value(),
             QUrl(QStringLiteral("http://127.0.0.1:8000/api/health")));
    QCOMPARE(HttpProbe::resolveUrl(get(QStringLiteral("v1?x=1")), &service).value(),
             QUrl(QStringLiteral("http://127.0.0.1:8000/api/v1?x=1")));
    QCOMPARE(HttpProbe::resolveUrl(get(QStringLiteral("https://other:9/x")), &service).value(),
             QUrl(QStringLiteral("https://other:9/x")));
    QVERIFY(!HttpProbe::resolveUrl(get(QStringLiteral("/health")), nullptr).has_value());
    QVERIFY(!HttpProbe::resolveUrl(get(QStringLiteral("ftp://h/x")), nullptr).has_value());

    // The error reaches the observation, and user info never reaches the target.
    const Observation o = await(HttpProbe::run(get(QStringLiteral("/health")), nullptr, {}));
    QVERIFY(o.error.contains(QStringLiteral("base_url")));
    const Observation u = await(HttpProbe::run(
        get(QStringLiteral("http://user:pw@127.0.0.1:%1/fast").arg(m_server.port())), nullptr, {}));
    QVERIFY(!u.target.contains(QStringLiteral("pw")));
}

void tst_HttpProbe::tlsWithoutCaFails()
{
    const Observation o = await(HttpProbe::run(get(m_tls.url().toString()), nullptr, {}));
    QVERIFY(!o.connected);
    QCOMPARE(o.status, 0);
    QVERIFY2(o.error.startsWith(QStringLiteral("TLS verification failed: ")), qPrintable(o.error));
    QVERIFY2(o.error.contains(QStringLiteral("self signed"), Qt::CaseInsensitive)
                 || o.error.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
             qPrintable(o.error));
    QVERIFY(!o.tlsVerificationDisabled);
    QVERIFY(o.body.isEmpty());
}

void tst_HttpProbe::tlsWithCaFile()
{
    HttpRequest req = get(m_tls.url().toString());
    req.caFile = m_cert;
    const Observation o = await(HttpProbe::run(req, nullptr, {}));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.status, 200);
    QCOMPARE(o.body, QByteArray("secure"));
    QVERIFY(!o.tlsVerificationDisabled);
    QVERIFY(o.certificateExpiresInMs.has_value());
    const qint64 day = 24LL * 3600 * 1000;
    QVERIFY2(*o.certificateExpiresInMs > 29 * day && *o.certificateExpiresInMs <= 30 * day + 60000,
             qPrintable(QString::number(*o.certificateExpiresInMs)));
    QVERIFY(o.toJson().contains(QStringLiteral("certificate_expires_in_ms")));

    // The CA can also come from the connection.
    HttpService service;
    service.baseUrl = m_tls.url().toString();
    service.caFile = m_cert;
    QCOMPARE(await(HttpProbe::run(get(QStringLiteral("/")), &service, {})).status, 200);

    HttpRequest badCa = req;
    badCa.caFile = m_dir.filePath(QStringLiteral("missing.pem"));
    QVERIFY(await(HttpProbe::run(badCa, nullptr, {})).error.contains(QStringLiteral("no CA certificate")));
}

void tst_HttpProbe::tlsInsecureSkipVerifyIsMarked()
{
    HttpRequest req = get(m_tls.url().toString());
    req.insecureSkipVerify = true;
    const Observation o = await(HttpProbe::run(req, nullptr, {}));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.status, 200);
    QVERIFY(o.tlsVerificationDisabled);
    QVERIFY(o.certificateExpiresInMs.has_value());
    QVERIFY(o.toJson().value(QStringLiteral("tls_verification_disabled")).toBool());

    // A connection kept alive from the insecure request must not serve a verifying one.
    const Observation strict = await(HttpProbe::run(get(m_tls.url().toString()), nullptr, {}));
    QVERIFY2(strict.error.startsWith(QStringLiteral("TLS verification failed")), qPrintable(strict.error));
    QCOMPARE(strict.status, 0);
}

void tst_HttpProbe::concurrentSlowRequests()
{
    // 200 checks against one host whose answers take a second: run at once, not six at a time. Proven
    // by the server's count of requests in flight at once, not by the wall time (which load changes).
    LoopbackHttpServer server;
    server.route("GET", "/slow",
                 [](const LoopbackRequest &) { return LoopbackResponse::text(200, "slow").after(1s); });
    QVERIFY(server.startInThread());
    const QString url = server.url(QStringLiteral("/slow")).toString();
    QList<QFuture<Observation>> futures;
    for (int i = 0; i < 200; ++i) {
        HttpRequest req = get(url);
        req.timeout = 60s;
        futures.append(HttpProbe::run(req, nullptr, {}));
    }
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(futures.cbegin(), futures.cend(),
                               [](const auto &f) { return f.isFinished(); });
        },
        90000));
    int ok = 0;
    for (const auto &f : futures) {
        const Observation o = f.result();
        ok += (o.status == 200 && o.body == "slow") ? 1 : 0;
    }
    QCOMPARE(ok, 200);
    QCOMPARE(server.requestCount(), 200);
    qInfo("200 requests with 1 s server delay: %d in flight at once", server.maxInFlight());
    // Queued behind Qt's 6 connections per host, the server would never hold more than 6 at once.
    QVERIFY2(server.maxInFlight() > 6, qPrintable(QString::number(server.maxInFlight())));
}

void tst_HttpProbe::slowEndpointDoesNotDelayFastOne()
{
    HttpRequest slow = get(m_server.url(QStringLiteral("/very-slow")).toString());
    slow.timeout = 5s;
    QList<QFuture<Observation>> slowOnes;
    for (int i = 0; i < 12; ++i) // more than QNAM's six connections per host
        slowOnes.append(HttpProbe::run(slow, nullptr, {}));
    QElapsedTimer t;
    t.start();
    const Observation fast
        = await(HttpProbe::run(get(m_server.url(QStringLiteral("/fast")).toString()), nullptr, {}));
    QCOMPARE(fast.status, 200);
    for (const auto &f : slowOnes)
        QVERIFY(!f.isFinished()); // still waiting, yet the fast one was answered
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(slowOnes.cbegin(), slowOnes.cend(),
                               [](const auto &f) { return f.isFinished(); });
        },
        6000));
    for (const auto &f : slowOnes)
        QCOMPARE(f.result().status, 200);
}

QTEST_GUILESS_MAIN(tst_HttpProbe)
#include "tst_HttpProbe.moc"
