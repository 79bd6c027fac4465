#pragma once

#include <QByteArray>

namespace cockpit {

// A PostgreSQL SCRAM-SHA-256 password verifier ("SCRAM-SHA-256$4096:salt$StoredKey:ServerKey", RFC 5802 /
// 7677), computed on the client so CREATE/ALTER ROLE … PASSWORD never carries the clear text: it can't end
// up in the server log or pg_stat_activity. ASCII passwords only need no SASLprep; others are used as UTF-8.
class ScramVerifier
{
public:
    static QByteArray make(const QByteArray &password, int iterations = 4096);
    static QByteArray make(const QByteArray &password, const QByteArray &salt, int iterations);
};

} // namespace cockpit
