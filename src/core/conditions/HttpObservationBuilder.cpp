#include "core/conditions/HttpObservationBuilder.h"

#include <QStringDecoder>

namespace cockpit {

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return false;
    }
}

QByteArrayView trimmedOws(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

// Reads lines ending in LF (an optional CR before it is dropped) from a byte buffer without copying.
class LineReader
{
public:
    explicit LineReader(QByteArrayView data)
        : m_data(data)
    {
    }
    // False when no complete line is left.
    bool next(QByteArrayView &line)
    {
        const qsizetype nl = m_data.indexOf('\n', m_pos);
        if (nl < 0)
            return false;
        line = m_data.sliced(m_pos, nl - m_pos);
        if (!line.isEmpty() && line.back() == '\r')
            line.chop(1);
        m_pos = nl + 1;
        return true;
    }
    qsizetype pos() const { return m_pos; }
    void skip(qsizetype n) { m_pos += n; }
    qsizetype remaining() const { return m_data.size() - m_pos; }
    QByteArrayView rest() const { return m_data.sliced(m_pos); }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
};

std::optional<qint64> parseDecimal(QByteArrayView v)
{
    if (v.isEmpty() || v.size() > 18) // 18 digits cannot overflow qint64
        return std::nullopt;
    qint64 n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

std::optional<qint64> parseHex(QByteArrayView v)
{
    if (v.isEmpty() || v.size() > 15) // 15 hex digits cannot overflow qint64
        return std::nullopt;
    qint64 n = 0;
    for (char c : v) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return std::nullopt;
        n = n * 16 + d;
    }
    return n;
}

struct Head
{
    int status = 0;
    HttpObservationBuilder::RawHeaders headers;
};

Expected<Head, QString> parseHead(LineReader &in)
{
    using B = HttpObservationBuilder;
    const qsizetype start = in.pos();
    QByteArrayView line;
    if (!in.next(line))
        return unexpected(QStringLiteral("truncated status line"));
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (!line.startsWith("HTTP/1.") || line.size() < 12 || line[7] < '0' || line[7] > '9' || line[8] != ' ')
        return unexpected(QStringLiteral("not an HTTP/1.x status line"));
    const QByteArrayView code = line.sliced(9, 3);
    if (line.size() > 12 && line[12] != ' ')
        return unexpected(QStringLiteral("malformed status code"));
    const auto status = parseDecimal(code);
    if (!status || *status < 100)
        return unexpected(QStringLiteral("malformed status code"));

    Head head;
    head.status = int(*status);
    for (;;) {
        if (in.pos() - start > B::MaxHeaderBytes)
            return unexpected(QStringLiteral("header section larger than %1 bytes").arg(B::MaxHeaderBytes));
        if (!in.next(line))
            return unexpected(QStringLiteral("truncated header section"));
        if (line.isEmpty())
            break;
        if (line.front() == ' ' || line.front() == '\t')
            return unexpected(QStringLiteral("obsolete header line folding"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return unexpected(QStringLiteral("malformed header line"));
        const QByteArrayView name = line.first(colon);
        for (char c : name)
            if (!isTokenChar(c))
                return unexpected(QStringLiteral("invalid character in header name"));
        if (head.headers.size() >= B::MaxHeaderCount)
            return unexpected(QStringLiteral("more than %1 headers").arg(B::MaxHeaderCount));
        head.headers.append({name.toByteArray(), trimmedOws(line.sliced(colon + 1)).toByteArray()});
    }
    if (in.pos() - start > B::MaxHeaderBytes)
        return unexpected(QStringLiteral("header section larger than %1 bytes").arg(B::MaxHeaderBytes));
    return head;
}

struct Body
{
    QByteArray bytes;
    bool truncated = false;
};

// Appends at most up to the body cap; the rest is counted as truncated, not stored.
void appendCapped(Body &body, QByteArrayView chunk)
{
    const qsizetype room = HttpObservationBuilder::MaxBodyBytes - body.bytes.size();
    if (chunk.size() > room) {
        body.bytes.append(chunk.first(qMax<qsizetype>(room, 0)));
        body.truncated = true;
    } else {
        body.bytes.append(chunk);
    }
}

Expected<Body, QString> readChunked(LineReader &in)
{
    Body body;
    QByteArrayView line;
    for (;;) {
        if (!in.next(line))
            return unexpected(QStringLiteral("truncated chunked body: missing chunk size"));
        const qsizetype semi = line.indexOf(';'); // chunk extensions are ignored
        const auto size = parseHex(trimmedOws(semi < 0 ? line : line.first(semi)));
        if (!size)
            return unexpected(QStringLiteral("malformed chunk size"));
        if (*size == 0)
            break;
        if (*size > in.remaining())
            return unexpected(QStringLiteral("truncated chunked body: chunk of %1 bytes, %2 left")
                                  .arg(*size)
                                  .arg(in.remaining()));
        appendCapped(body, in.rest().first(qsizetype(*size)));
        in.skip(qsizetype(*size));
        if (!in.next(line) || !line.isEmpty())
            return unexpected(QStringLiteral("chunk not followed by CRLF"));
    }
    // Trailer fields until the empty line; a response cut right after the last chunk is accepted.
    while (in.next(line) && !line.isEmpty()) { }
    return body;
}

bool hasNoBody(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

} // namespace

QByteArray HttpObservationBuilder::charsetOf(QByteArrayView contentType)
{
    // type/subtype; param=value; charset="utf-8"
    qsizetype i = contentType.indexOf(';');
    while (i >= 0) {
        QByteArrayView rest = contentType.sliced(i + 1);
        const qsizetype next = rest.indexOf(';');
        const QByteArrayView param = trimmedOws(next < 0 ? rest : rest.first(next));
        const qsizetype eq = param.indexOf('=');
        if (eq > 0 && trimmedOws(param.first(eq)).compare("charset", Qt::CaseInsensitive) == 0) {
            QByteArrayView value = trimmedOws(param.sliced(eq + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.sliced(1, value.size() - 2);
            return value.toByteArray().toLower();
        }
        i = next < 0 ? -1 : i + 1 + next;
    }
    return {};
}

QByteArray HttpObservationBuilder::decodeBody(const QByteArray &raw, QByteArrayView contentType)
{
    std::optional<QStringConverter::Encoding> enc;
    qsizetype skip = 0;
    // A byte order mark wins over the declared charset (as browsers do).
    if (raw.startsWith("\xEF\xBB\xBF")) {
        enc = QStringConverter::Utf8;
        skip = 3;
    } else if (raw.startsWith("\xFE\xFF")) {
        enc = QStringConverter::Utf16BE;
        skip = 2;
    } else if (raw.startsWith("\xFF\xFE")) {
        enc = QStringConverter::Utf16LE;
        skip = 2;
    } else {
        const QByteArray charset = charsetOf(contentType);
        if (charset == "us-ascii" || charset == "ascii" || charset == "windows-1252" || charset == "cp1252")
            enc = QStringConverter::Latin1; // close enough for evidence text; never fails
        else if (charset == "utf-16")
            enc = QStringConverter::Utf16BE; // RFC 2781: no BOM means big-endian
        else if (!charset.isEmpty())
            enc = QStringConverter::encodingForName(charset.constData());
        if (!enc || *enc == QStringConverter::System)
            enc = QStringConverter::Utf8; // unknown charset: UTF-8, invalid bytes replaced
    }
    const QByteArrayView bytes = QByteArrayView(raw).sliced(skip);
    if (*enc == QStringConverter::Utf8 && bytes.isValidUtf8())
        return skip == 0 ? raw : bytes.toByteArray();
    QStringDecoder decoder(*enc, QStringConverter::Flag::Stateless); // a cut-off tail becomes U+FFFD too
    const QString text = decoder(bytes);
    return text.toUtf8();
}

Observation HttpObservationBuilder::build(int status, const RawHeaders &headers, const QByteArray &rawBody,
                                          bool truncated)
{
    Observation o;
    o.kind = Observation::Kind::Http;
    o.connected = true;
    o.status = status;
    o.headers = headers;
    QByteArray contentType;
    for (const auto &[k, v] : headers)
        if (k.compare("content-type", Qt::CaseInsensitive) == 0) {
            contentType = v;
            break;
        }
    o.body = decodeBody(rawBody, contentType);
    o.bodyTruncated = truncated;
    return o;
}

Expected<Observation, QString> HttpObservationBuilder::fromRawResponse(const QByteArray &raw)
{
    LineReader in(raw);
    auto head = parseHead(in);
    // Interim 1xx responses (100 Continue) precede the final one; 101 switches protocols and is final.
    // Each one consumes input, so this loop is bounded by the input size.
    while (head && head->status >= 100 && head->status < 200 && head->status != 101)
        head = parseHead(in);
    if (!head)
        return unexpected(head.error());

    auto headerValues = [&](QByteArrayView name) {
        QList<QByteArrayView> values;
        for (const auto &[k, v] : head->headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                values.append(v);
        return values;
    };

    Body body;
    if (hasNoBody(head->status)) {
        // no body by definition
    } else if (const auto te = headerValues("transfer-encoding"); !te.isEmpty()) {
        // The last transfer coding decides the framing; anything but chunked runs to the end.
        const QByteArrayView last = te.back();
        const qsizetype comma = last.lastIndexOf(',');
        const QByteArrayView coding = trimmedOws(comma < 0 ? last : last.sliced(comma + 1));
        if (coding.compare("chunked", Qt::CaseInsensitive) == 0) {
            auto chunked = readChunked(in);
            if (!chunked)
                return unexpected(chunked.error());
            body = std::move(*chunked);
        } else {
            appendCapped(body, in.rest());
        }
    } else if (const auto cl = headerValues("content-length"); !cl.isEmpty()) {
        std::optional<qint64> length;
        for (const QByteArrayView value : cl) {
            for (const QByteArrayView part : value.toByteArray().split(',')) {
                const auto n = parseDecimal(trimmedOws(part));
                if (!n)
                    return unexpected(QStringLiteral("malformed Content-Length"));
                if (length && *length != *n)
                    return unexpected(QStringLiteral("conflicting Content-Length values"));
                length = n;
            }
        }
        if (*length > in.remaining())
            return unexpected(QStringLiteral("truncated body: Content-Length %1, got %2 bytes")
                                  .arg(*length)
                                  .arg(in.remaining()));
        appendCapped(body, in.rest().first(qsizetype(*length)));
    } else {
        appendCapped(body, in.rest()); // framed by connection close
    }
    return build(head->status, head->headers, body.bytes, body.truncated);
}

} // namespace cockpit
