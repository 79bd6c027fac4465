#pragma once

// A small FuzzedDataProvider-style splitter. clang's <fuzzer/FuzzedDataProvider.h> is not on g++'s
// include path, and the same target sources also build as plain replay drivers with g++ (see
// ReplayMain.cpp), so this keeps the subset we need. Strings are taken from the front (terminated by a
// lone backslash, as in FuzzedDataProvider, so dictionary words stay contiguous); integers from the back.

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>

namespace cockpit::fuzz {

class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size)
        : m_data(data)
        , m_size(size)
    {
    }

    size_t remaining() const { return m_size; }

    // Bytes up to a lone backslash ("\\\\" stands for one backslash) or maxLength or the end.
    QByteArray takeBytes(size_t maxLength)
    {
        QByteArray out;
        size_t i = 0;
        while (i < m_size && static_cast<size_t>(out.size()) < maxLength) {
            char c = static_cast<char>(m_data[i++]);
            if (c == '\\' && i < m_size) {
                c = static_cast<char>(m_data[i++]);
                if (c != '\\')
                    break;
            }
            out.append(c);
        }
        advance(i);
        return out;
    }

    QString takeString(size_t maxLength) { return QString::fromUtf8(takeBytes(maxLength)); }

    // Unsigned integer in [lo, hi] from up to 4 bytes at the back; lo when the input is used up.
    uint32_t takeInRange(uint32_t lo, uint32_t hi)
    {
        const uint64_t range = uint64_t(hi) - lo;
        uint64_t v = 0;
        for (int shift = 0; shift < 32 && (range >> shift) != 0 && m_size > 0; shift += 8) {
            v = (v << 8) | m_data[m_size - 1];
            --m_size;
        }
        return static_cast<uint32_t>(lo + v % (range + 1));
    }

    bool takeBool() { return takeInRange(0, 1) == 1; }

    QByteArray takeRest()
    {
        QByteArray out(reinterpret_cast<const char *>(m_data), static_cast<qsizetype>(m_size));
        advance(m_size);
        return out;
    }

private:
    void advance(size_t n)
    {
        m_data += n;
        m_size -= n;
    }

    const uint8_t *m_data;
    size_t m_size;
};

} // namespace cockpit::fuzz
