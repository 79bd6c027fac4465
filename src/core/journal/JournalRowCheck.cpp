#include "core/journal/JournalRowCheck.h"

#include "core/journal/JournalEventType.h"

#include <QList>
#include <array>
#include <cstring>

namespace cockpit {

namespace {

bool canonicalInt(QByteArrayView text, qint64 *out)
{
    // What QByteArray::number() writes: no sign, no leading zero, at most 18 digits here (fromRawRow
    // decides the rare 19-digit case).
    if (text.isEmpty() || text.size() > 18 || (text.size() > 1 && text[0] == '0'))
        return false;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

bool knownType(QByteArrayView name)
{
    static const QList<QByteArray> names = [] {
        QList<QByteArray> out;
        for (JournalEventType t : allJournalEventTypes())
            out.append(journalEventTypeName(t).toUtf8());
        return out;
    }();
    for (const QByteArray &n : names) {
        if (name == n)
            return true;
    }
    return false;
}

// A strict JSON validator over bytes (RFC 8259), recursive descent with a depth bound.
class JsonScan
{
public:
    explicit JsonScan(QByteArrayView s)
        : p(s.data())
        , end(s.data() + s.size())
    {
    }
    bool object(int depth)
    {
        if (depth > 256 || !eat('{'))
            return false;
        ws();
        if (eat('}'))
            return true;
        for (;;) {
            ws();
            if (!string())
                return false;
            ws();
            if (!eat(':'))
                return false;
            ws();
            if (!value(depth))
                return false;
            ws();
            if (eat('}'))
                return true;
            if (!eat(','))
                return false;
        }
    }
    bool atEndAfterWs()
    {
        ws();
        return p == end;
    }

private:
    const char *p;
    const char *end;

    bool eat(char c)
    {
        if (p < end && *p == c) {
            ++p;
            return true;
        }
        return false;
    }
    void ws()
    {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            ++p;
    }
    bool literal(const char *word, int n)
    {
        if (end - p < n || std::memcmp(p, word, size_t(n)) != 0)
            return false;
        p += n;
        return true;
    }
    bool array(int depth)
    {
        if (depth > 256 || !eat('['))
            return false;
        ws();
        if (eat(']'))
            return true;
        for (;;) {
            ws();
            if (!value(depth))
                return false;
            ws();
            if (eat(']'))
                return true;
            if (!eat(','))
                return false;
        }
    }
    bool value(int depth)
    {
        if (p >= end)
            return false;
        switch (*p) {
        case '{': return object(depth + 1);
        case '[': return array(depth + 1);
        case '"': return string();
        case 't': return literal("true", 4);
        case 'f': return literal("false", 5);
        case 'n': return literal("null", 4);
        default: return number();
        }
    }
    bool digits()
    {
        const char *start = p;
        while (p < end && *p >= '0' && *p <= '9')
            ++p;
        return p > start;
    }
    bool number()
    {
        // Integers and plain fractions only (what the engine writes); exponents and long numbers go to
        // the full parser, whose range handling is the reference.
        const char *start = p;
        eat('-');
        if (eat('0')) {
            if (p < end && *p >= '0' && *p <= '9')
                return false;
        } else if (!digits()) {
            return false;
        }
        if (eat('.') && !digits())
            return false;
        if (p < end && (*p == 'e' || *p == 'E'))
            return false;
        return p - start <= 17;
    }
    bool string()
    {
        if (!eat('"'))
            return false;
        while (p < end) {
            const unsigned char c = static_cast<unsigned char>(*p);
            if (c == '"') {
                ++p;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                if (++p >= end)
                    return false;
                const char e = *p++;
                if (e == 'u') {
                    if (end - p < 4)
                        return false;
                    unsigned v = 0;
                    for (int i = 0; i < 4; ++i) {
                        const char h = *p++;
                        v <<= 4;
                        if (h >= '0' && h <= '9')
                            v |= unsigned(h - '0');
                        else if (h >= 'a' && h <= 'f')
                            v |= unsigned(h - 'a' + 10);
                        else if (h >= 'A' && h <= 'F')
                            v |= unsigned(h - 'A' + 10);
                        else
                            return false;
                    }
                    if (v >= 0xD800 && v <= 0xDFFF)
                        return false; // surrogates: the full parser decides
                } else if (!(e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                             || e == 't')) {
                    return false;
                }
                continue;
            }
            ++p; // UTF-8 validity of the whole payload is checked separately
        }
        return false;
    }
};

} // namespace

bool JournalRowCheck::isUtf8(QByteArrayView bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = s + bytes.size();
    while (s < end) {
        // ASCII eight bytes at a time.
        if (end - s >= 8) {
            quint64 w;
            std::memcpy(&w, s, 8);
            if ((w & 0x8080808080808080ULL) == 0) {
                s += 8;
                continue;
            }
        }
        const unsigned char c = *s;
        if (c < 0x80) {
            ++s;
            continue;
        }
        int n;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - s <= n)
            return false;
        for (int i = 1; i <= n; ++i) {
            if ((s[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        s += n + 1;
    }
    return true;
}

bool JournalRowCheck::isJsonObject(QByteArrayView json)
{
    // fromRawRow's parser skips leading whitespace too.
    while (!json.isEmpty() && (json[0] == ' ' || json[0] == '\t' || json[0] == '\n' || json[0] == '\r'))
        json = json.sliced(1);
    JsonScan trimmed(json);
    return trimmed.object(1) && trimmed.atEndAfterWs();
}

namespace {
// Value of a lowercase hex digit, -1 for anything else (uppercase too: the stored form is lowercase).
constexpr std::array<int, 256> kHexValue = [] {
    std::array<int, 256> t {};
    for (int i = 0; i < 256; ++i)
        t[size_t(i)] = i >= '0' && i <= '9' ? i - '0' : i >= 'a' && i <= 'f' ? i - 'a' + 10 : -1;
    return t;
}();
} // namespace

bool JournalRowCheck::isHashHex(QByteArrayView h)
{
    if (h.size() != 64)
        return false;
    int bad = 0;
    for (char c : h)
        bad |= kHexValue[static_cast<unsigned char>(c)];
    return bad >= 0;
}

bool JournalRowCheck::hexEquals(QByteArrayView hex, QByteArrayView digest)
{
    if (hex.size() != 2 * digest.size())
        return false;
    for (qsizetype i = 0; i < digest.size(); ++i) {
        const int hi = kHexValue[static_cast<unsigned char>(hex[2 * i])];
        const int lo = kHexValue[static_cast<unsigned char>(hex[2 * i + 1])];
        if (hi < 0 || lo < 0 || ((hi << 4) | lo) != static_cast<unsigned char>(digest[i]))
            return false;
    }
    return true;
}

bool JournalRowCheck::wellFormed(const JournalRawRow &row, qint64 *seq)
{
    qint64 at = 0;
    return canonicalInt(row.seq, seq) && *seq > 0 && canonicalInt(row.at, &at) && isUtf8(row.runId)
        && knownType(row.type) && isUtf8(row.actor) && isUtf8(row.payload) && isJsonObject(row.payload)
        && isHashHex(row.prevHash) && isHashHex(row.hash);
}

} // namespace cockpit
