#pragma once

// QVERIFY_VALUE(expected): the check passes when `expected` holds a value; on failure the message is
// its error. The error is formatted only when there is one: error() on an expected that holds a value
// is undefined behaviour, and QVERIFY2 evaluates its message even when the check passes (a Release
// build aborted on `QVERIFY2(d.has_value(), qPrintable(d.error()))`).

#include "core/base/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTest>
#include <type_traits>

namespace cockpit::test {

inline QString describeError(const QString &e)
{
    return e;
}

inline QString describeError(const Error &e)
{
    return e.toString();
}

inline QString describeError(const Errors &errors)
{
    QStringList lines;
    for (const Error &e : errors)
        lines << e.toString();
    return lines.join(u'\n');
}

// Any other error type with a `message` (SqlError, CommandError...).
template<class E>
requires requires(const E &e)
{
    QString(e.message);
}
QString describeError(const E &e)
{
    return QString(e.message);
}

// Empty when `expected` holds a value; otherwise its error, for a test's failure message.
template<class X> QByteArray errorText(const X &expected)
{
    if (expected.has_value())
        return {};
    return describeError(expected.error()).toLocal8Bit();
}

} // namespace cockpit::test

#define QVERIFY_VALUE(expected)                                                                              \
    do {                                                                                                     \
        const auto &cockpitExpected_ = (expected);                                                           \
        QVERIFY2(cockpitExpected_.has_value(), ::cockpit::test::errorText(cockpitExpected_).constData());    \
    } while (false)
