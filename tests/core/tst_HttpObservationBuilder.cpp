#include "core/conditions/HttpObservationBuilder.h"
#include "support/ExpectValue.h"

#include <QRandomGenerator>
#include <QTest>

using namespace cockpit;

class tst_HttpObservationBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rawResponses_data();
    void rawResponses();
    void malformed_data();
    void malformed();
    void charsets_data();
    void charsets();
    void charsetParameter();
    void headersKeepOrderAndCase();
    void bodyCapped();
    void interimResponsesSkipped();
    void randomBytesNeverCrash();
};

void tst_HttpObservationBuilder::rawResponses_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << 200
                                    << QByteArray("hello");
    QTest::newRow("content-length ignores trailing bytes")
        << QByteArray("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nokEXTRA") << 201 << QByteArray("ok");
    QTest::newRow("repeated equal content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc") << 200
        << QByteArray("abc");
    QTest::newRow("chunked") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        "4\r\nWiki\r\n6;ext=1\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\n\r\n")
                             << 200 << QByteArray("Wikipedia in \r\n\r\nchunks.");
    QTest::newRow("chunked with trailers") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n")
                                           << 200 << QByteArray("abc");
    QTest::newRow("chunked beats content-length") << QByteArray(
        "HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nz\r\n0\r\n\r\n")
                                                  << 200 << QByteArray("z");
    QTest::newRow("chunked cut after last chunk is accepted")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n") << 200
        << QByteArray("hi");
    QTest::newRow("until close") << QByteArray("HTTP/1.0 503 Service Unavailable\r\nServer: x\r\n\r\ndown\n")
                                 << 503 << QByteArray("down\n");
    QTest::newRow("bare LF line endings")
        << QByteArray("HTTP/1.1 404 Not Found\nContent-Length: 2\n\nno") << 404 << QByteArray("no");
    QTest::newRow("no reason phrase") << QByteArray("HTTP/1.1 204\r\n\r\n") << 204 << QByteArray();
    QTest::newRow("204 has no body even with bytes")
        << QByteArray("HTTP/1.1 204 No Content\r\n\r\ngarbage") << 204 << QByteArray();
    QTest::newRow("304 ignores content-length")
        << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n") << 304 << QByteArray();
    QTest::newRow("empty body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") << 200
                                << QByteArray();
}

void tst_HttpObservationBuilder::rawResponses()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const auto obs = HttpObservationBuilder::fromRawResponse(raw);
    QVERIFY_VALUE(obs);
    QCOMPARE(obs->kind, Observation::Kind::Http);
    QVERIFY(obs->connected);
    QCOMPARE(obs->status, status);
    QCOMPARE(obs->body, body);
    QVERIFY(!obs->bodyTruncated);
    QVERIFY(obs->error.isEmpty());
}

void tst_HttpObservationBuilder::malformed_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("truncated status line");
    QTest::newRow("garbage") << QByteArray("\x00\xff\x13garbage\n", 11)
                             << QStringLiteral("not an HTTP/1.x status line");
    QTest::newRow("HTTP/2 status line")
        << QByteArray("HTTP/2 200\r\n\r\n") << QStringLiteral("not an HTTP/1.x status line");
    QTest::newRow("letters in status")
        << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << QStringLiteral("malformed status code");
    QTest::newRow("four digit status")
        << QByteArray("HTTP/1.1 2000 OK\r\n\r\n") << QStringLiteral("malformed status code");
    QTest::newRow("truncated headers")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << QStringLiteral("truncated header section");
    QTest::newRow("no colon") << QByteArray("HTTP/1.1 200 OK\r\nbroken\r\n\r\n")
                              << QStringLiteral("malformed header line");
    QTest::newRow("space in name") << QByteArray("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n")
                                   << QStringLiteral("header name");
    QTest::newRow("folding") << QByteArray("HTTP/1.1 200 OK\r\nA: b\r\n c\r\n\r\n")
                             << QStringLiteral("folding");
    QTest::newRow("truncated content-length body")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")
        << QStringLiteral("truncated body: Content-Length 10, got 5");
    QTest::newRow("negative content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")
                                             << QStringLiteral("malformed Content-Length");
    QTest::newRow("huge content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n")
        << QStringLiteral("malformed Content-Length");
    QTest::newRow("conflicting content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
        << QStringLiteral("conflicting");
    QTest::newRow("bad chunk size") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << QStringLiteral("malformed chunk size");
    QTest::newRow("huge chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                   "ffffffffffffffffffff\r\nx\r\n")
                                     << QStringLiteral("malformed chunk size");
    QTest::newRow("truncated chunk") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc")
                                     << QStringLiteral("truncated chunked body");
    QTest::newRow("missing last chunk")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
        << QStringLiteral("missing chunk size");
    QTest::newRow("chunk without CRLF")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n")
        << QStringLiteral("CRLF");
    QTest::newRow("too many headers") << []() -> QByteArray {
        QByteArray r = "HTTP/1.1 200 OK\r\n";
        for (int i = 0; i < 300; ++i)
            r += "X-" + QByteArray::number(i) + ": v\r\n";
        return r + "\r\n";
    }() << QStringLiteral("more than 256 headers");
    QTest::newRow("header section too large")
        << QByteArray("HTTP/1.1 200 OK\r\nX: " + QByteArray(70000, 'a') + "\r\n\r\n")
        << QStringLiteral("header section larger");
}

void tst_HttpObservationBuilder::malformed()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, errorContains);
    const auto obs = HttpObservationBuilder::fromRawResponse(raw);
    QVERIFY(!obs.has_value());
    QVERIFY2(obs.error().contains(errorContains), qPrintable(obs.error()));
}

void tst_HttpObservationBuilder::charsets_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("text");

    const QString umlauts = QStringLiteral("Gr\u00fc\u00dfe \u20ac");
    QTest::newRow("utf-8 default") << QByteArray("text/plain") << umlauts.toUtf8() << umlauts;
    QTest::newRow("no content-type") << QByteArray() << umlauts.toUtf8() << umlauts;
    QTest::newRow("latin1") << QByteArray("text/plain; charset=ISO-8859-1")
                            << QByteArray("Gr\xfc\xdf"
                                          "e")
                            << QStringLiteral("Gr\u00fc\u00dfe");
    QTest::newRow("latin1 alias quoted") << QByteArray("text/html;charset=\"latin1\"")
                                         << QByteArray("\xe9t\xe9") << QStringLiteral("\u00e9t\u00e9");
    QTest::newRow("us-ascii") << QByteArray("text/plain; charset=us-ascii") << QByteArray("plain")
                              << QStringLiteral("plain");
    QByteArray le("\xff\xfe", 2);
    QByteArray be("\xfe\xff", 2);
    for (QChar c : umlauts) {
        le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    QTest::newRow("utf-16 LE BOM") << QByteArray("application/json; charset=utf-16") << le << umlauts;
    QTest::newRow("utf-16 BE BOM") << QByteArray("application/json; charset=UTF-16") << be << umlauts;
    QTest::newRow("utf-16 BOM without charset") << QByteArray("text/plain") << le << umlauts;
    QTest::newRow("utf-16 without BOM is big-endian")
        << QByteArray("text/plain; charset=utf-16") << be.mid(2) << umlauts;
    QTest::newRow("utf-8 BOM stripped")
        << QByteArray("text/plain") << QByteArray("\xef\xbb\xbfok") << QStringLiteral("ok");
    QTest::newRow("invalid utf-8 replaced") << QByteArray("text/plain; charset=utf-8")
                                            << QByteArray("a\xff"
                                                          "b\xc3")
                                            << QStringLiteral("a\ufffdb\ufffd");
    QTest::newRow("unknown charset falls back to utf-8")
        << QByteArray("text/plain; charset=klingon") << umlauts.toUtf8() << umlauts;
}

void tst_HttpObservationBuilder::charsets()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, raw);
    QFETCH(QString, text);
    HttpObservationBuilder::RawHeaders headers;
    if (!contentType.isEmpty())
        headers.append({"content-type", contentType});
    const Observation o = HttpObservationBuilder::build(200, headers, raw);
    QCOMPARE(QString::fromUtf8(o.body), text);
    QVERIFY(o.body.isValidUtf8());

    // The same through a raw response.
    QByteArray response = "HTTP/1.1 200 OK\r\n";
    if (!contentType.isEmpty())
        response += "Content-Type: " + contentType + "\r\n";
    response += "Content-Length: " + QByteArray::number(raw.size()) + "\r\n\r\n" + raw;
    const auto parsed = HttpObservationBuilder::fromRawResponse(response);
    QVERIFY(parsed.has_value());
    QCOMPARE(QString::fromUtf8(parsed->body), text);
}

void tst_HttpObservationBuilder::charsetParameter()
{
    QCOMPARE(HttpObservationBuilder::charsetOf("text/plain; charset=UTF-8"), QByteArray("utf-8"));
    QCOMPARE(HttpObservationBuilder::charsetOf("text/plain;format=flowed; Charset = \"Latin1\" "),
             QByteArray("latin1"));
    QCOMPARE(HttpObservationBuilder::charsetOf("application/json"), QByteArray());
    QCOMPARE(HttpObservationBuilder::charsetOf(";;;=;charset"), QByteArray());
}

void tst_HttpObservationBuilder::headersKeepOrderAndCase()
{
    const auto o = HttpObservationBuilder::fromRawResponse(
        "HTTP/1.1 200 OK\r\nDeprecation: true\r\nset-cookie: a=1\r\nSet-Cookie: b=2\r\nX-Empty:\r\n"
        "Sunset:   Wed, 11 Nov 2026 23:59:59 GMT  \r\nContent-Length: 0\r\n\r\n");
    QVERIFY(o.has_value());
    QCOMPARE(o->headers.size(), 6);
    QCOMPARE(o->headers[0].first, QByteArray("Deprecation"));
    QCOMPARE(o->headers[1], (QPair<QByteArray, QByteArray>("set-cookie", "a=1")));
    QCOMPARE(o->headers[2], (QPair<QByteArray, QByteArray>("Set-Cookie", "b=2")));
    QCOMPARE(o->headers[3].second, QByteArray());
    QCOMPARE(o->headers[4].second, QByteArray("Wed, 11 Nov 2026 23:59:59 GMT"));
    QCOMPARE(o->header("DEPRECATION").value_or(""), QByteArray("true"));
    QCOMPARE(o->header("set-COOKIE").value_or(""), QByteArray("a=1"));
}

void tst_HttpObservationBuilder::bodyCapped()
{
    const QByteArray big(HttpObservationBuilder::MaxBodyBytes + 10, 'x');
    const auto cl = HttpObservationBuilder::fromRawResponse(
        "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(big.size()) + "\r\n\r\n" + big);
    QVERIFY(cl.has_value());
    QVERIFY(cl->bodyTruncated);
    QCOMPARE(cl->body.size(), HttpObservationBuilder::MaxBodyBytes);

    QByteArray chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    const QByteArray piece(300000, 'y');
    for (int i = 0; i < 4; ++i)
        chunked += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    chunked += "0\r\n\r\n";
    const auto ch = HttpObservationBuilder::fromRawResponse(chunked);
    QVERIFY(ch.has_value());
    QVERIFY(ch->bodyTruncated);
    QCOMPARE(ch->body.size(), HttpObservationBuilder::MaxBodyBytes);

    const auto small = HttpObservationBuilder::fromRawResponse("HTTP/1.1 200 OK\r\n\r\nxyz");
    QVERIFY(small.has_value());
    QVERIFY(!small->bodyTruncated);
}

void tst_HttpObservationBuilder::interimResponsesSkipped()
{
    const auto o = HttpObservationBuilder::fromRawResponse(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 202 "
        "Accepted\r\nContent-Length: 2\r\n\r\nok");
    QVERIFY(o.has_value());
    QCOMPARE(o->status, 202);
    QCOMPARE(o->body, QByteArray("ok"));
    const auto only = HttpObservationBuilder::fromRawResponse("HTTP/1.1 100 Continue\r\n\r\n");
    QVERIFY(!only.has_value());
}

void tst_HttpObservationBuilder::randomBytesNeverCrash()
{
    // A smoke version of the fuzzer: mutated valid responses and random bytes must give a value or an
    // error, never a crash, and a body never larger than the cap.
    const QByteArray seeds[] = {
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain; charset=utf-16\r\n\r\n"
        "4\r\nWiki\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/html; charset=latin1\r\n\r\nhello",
    };
    QRandomGenerator rng(42);
    int parsed = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray input = seeds[i % 2];
        if (i % 5 == 0) {
            input = QByteArray(int(rng.bounded(200)), Qt::Uninitialized);
            for (char &c : input)
                c = char(rng.bounded(256));
        } else {
            const int flips = 1 + int(rng.bounded(4));
            for (int f = 0; f < flips; ++f)
                input[int(rng.bounded(int(input.size())))] = char(rng.bounded(256));
        }
        const auto o = HttpObservationBuilder::fromRawResponse(input);
        if (o) {
            ++parsed;
            QVERIFY(o->body.size() <= 2 * HttpObservationBuilder::MaxBodyBytes);
            QVERIFY(o->status >= 100 && o->status <= 999);
        } else {
            QVERIFY(!o.error().isEmpty());
        }
    }
    QVERIFY(parsed > 0);
}

QTEST_GUILESS_MAIN(tst_HttpObservationBuilder)
#include "tst_HttpObservationBuilder.moc"
