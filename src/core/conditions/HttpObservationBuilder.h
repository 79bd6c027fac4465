#pragma once

#include "core/base/Expected.h"
#include "core/conditions/Observation.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace cockpit {

// Turns an HTTP response into an Observation. Pure (QtCore only) so the probe, the loopback server tests
// and the fuzzer share one implementation. The body is stored as UTF-8 text, decoded from the charset of
// the Content-Type (UTF-8 by default; a BOM wins); undecodable bytes become U+FFFD.
class HttpObservationBuilder
{
public:
    using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

    static constexpr qsizetype MaxBodyBytes = qsizetype(1024) * 1024; // longer bodies are cut (bodyTruncated)
    static constexpr qsizetype MaxHeaderBytes = qsizetype(64) * 1024; // status line + header section
    static constexpr qsizetype MaxHeaderCount = 256;

    // kind Http, connected, status, headers and the decoded body. `truncated` is carried into bodyTruncated.
    static Observation build(int status, const RawHeaders &headers, const QByteArray &rawBody,
                             bool truncated = false);

    // The charset parameter of a Content-Type value, lowercased, without quotes; empty when none.
    static QByteArray charsetOf(QByteArrayView contentType);

    // `raw` decoded to UTF-8 bytes according to `contentType` (and a BOM, which takes precedence).
    static QByteArray decodeBody(const QByteArray &raw, QByteArrayView contentType);

    // Parses one complete HTTP/1.x response (status line, headers, body framed by Content-Length or
    // chunked encoding, else up to the end of `raw`). Robust to arbitrary bytes: linear work, bounded
    // header section, no crash; malformed or truncated input is an error describing what is wrong.
    static Expected<Observation, QString> fromRawResponse(const QByteArray &raw);
};

} // namespace cockpit
