// Redactor: a registered secret is masked as it is, and in the forms a server commonly echoes it back
// in (base64 at any alignment, URL-safe base64, percent- and form-encoding, hex, JSON escaping).
#include "core/base/Redactor.h"

#include <QTest>
#include <QUrl>

using namespace cockpit;

class tst_Redactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { Redactor::clearForTests(); }
    void cleanupTestCase() { Redactor::clearForTests(); }
    void plainValue();
    void shortValuesAreNotRegistered();
    void base64_data();
    void base64();
    void base64InsideALongerValue_data();
    void base64InsideALongerValue();
    void percentAndFormEncoded();
    void hex();
    void jsonEscaped();
    void ordinaryTextUntouched();
};

namespace {
// Bytes chosen so that base64 has '+' and '/' (and base64url '-' and '_').
const QByteArray kToken = QByteArrayLiteral("tok>>>en?/?s3cr3t ~~~&=x");
} // namespace

void tst_Redactor::plainValue()
{
    Redactor::add(kToken);
    QCOMPARE(Redactor::redact(QByteArray("a " + kToken + " b")), QByteArray("a *** b"));
    QCOMPARE(Redactor::redact(QString::fromUtf8("x" + kToken)), QStringLiteral("x***"));
}

void tst_Redactor::shortValuesAreNotRegistered()
{
    Redactor::add("abc");
    QCOMPARE(Redactor::redact(QByteArray("abc YWJj 616263")), QByteArray("abc YWJj 616263"));
}

void tst_Redactor::base64_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("standard") << kToken.toBase64();
    QTest::newRow("no padding") << kToken.toBase64(QByteArray::OmitTrailingEquals);
    QTest::newRow("url-safe") << kToken.toBase64(QByteArray::Base64UrlEncoding);
    QTest::newRow("url-safe no padding")
        << kToken.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

void tst_Redactor::base64()
{
    QFETCH(QByteArray, encoded);
    Redactor::add(kToken);
    const QByteArray echoed = R"({"you_sent":")" + encoded + R"("})";
    const QByteArray redacted = Redactor::redact(echoed);
    QVERIFY2(!redacted.contains(encoded), redacted.constData());
    QVERIFY2(redacted.contains("***"), redacted.constData());
}

void tst_Redactor::base64InsideALongerValue_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::newRow("offset 0") << QByteArray("abc:");
    QTest::newRow("offset 1") << QByteArray("user:");
    QTest::newRow("offset 2") << QByteArray("admin:");
}

// A server echoing "Authorization: Basic base64(user:token)": the token starts 0, 1 or 2 bytes into a
// 3-byte group, so its base64 differs by alignment. Decoding what is left must not give the token back.
void tst_Redactor::base64InsideALongerValue()
{
    QFETCH(QByteArray, prefix);
    Redactor::add(kToken);
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        const QByteArray plain = prefix + kToken + ":tail";
        const QByteArray encoded = plain.toBase64(options);
        const QByteArray redacted = Redactor::redact(QByteArray("Basic " + encoded));
        QVERIFY2(redacted.contains("***"), redacted.constData());
        const QByteArray decoded = QByteArray::fromBase64(redacted.mid(6), options);
        QVERIFY2(!decoded.contains(kToken.left(kToken.size() / 2)), decoded.constData());
        QVERIFY2(!decoded.contains(kToken.right(kToken.size() / 2)), decoded.constData());
    }
}

void tst_Redactor::percentAndFormEncoded()
{
    Redactor::add(kToken);
    const QByteArray percent = QUrl::toPercentEncoding(QString::fromUtf8(kToken));
    QVERIFY(percent != kToken);
    QCOMPARE(Redactor::redact(QByteArray("https://x/cb?token=" + percent + "&a=1")),
             QByteArray("https://x/cb?token=***&a=1"));
    const QByteArray form = QByteArray(percent).replace("%20", "+");
    QCOMPARE(Redactor::redact(QByteArray("token=" + form)), QByteArray("token=***"));
}

void tst_Redactor::hex()
{
    Redactor::add(kToken);
    QCOMPARE(Redactor::redact(QByteArray("h=" + kToken.toHex())), QByteArray("h=***"));
    QCOMPARE(Redactor::redact(QByteArray("H=" + kToken.toHex().toUpper())), QByteArray("H=***"));
}

void tst_Redactor::jsonEscaped()
{
    const QByteArray secret = R"(pa"ss\w/rd-1234)";
    Redactor::add(secret);
    QCOMPARE(Redactor::redact(QByteArray(R"({"echo":"pa\"ss\\w/rd-1234"})")),
             QByteArray(R"({"echo":"***"})"));
    QCOMPARE(Redactor::redact(QByteArray(R"({"echo":"pa\"ss\\w\/rd-1234"})")),
             QByteArray(R"({"echo":"***"})"));
}

void tst_Redactor::ordinaryTextUntouched()
{
    Redactor::add(kToken);
    const QByteArray text = "status healthy, 42 rows, dG9r, 746f6b";
    QCOMPARE(Redactor::redact(text), text);
}

QTEST_GUILESS_MAIN(tst_Redactor)
#include "tst_Redactor.moc"
