#pragma once

#include "core/runbook/Connection.h"

#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// Small helpers the RunbookLoader*.cpp files share: quoting and the patterns of ids and names.
namespace cockpit::runbook_loader {

inline QString q(const QString &s)
{
    return u'"' + s + u'"';
}

inline QStringList keysOf(const QMap<QString, Connection> &m)
{
    return m.keys();
}

inline const QRegularExpression &idPattern()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    return re;
}

inline const QRegularExpression &namePattern()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re;
}

} // namespace cockpit::runbook_loader
