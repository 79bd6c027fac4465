#pragma once

#include "engine/RunSnapshot.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace cockpit::gui {

// Exactly what a check observed, as rich text for a detail pane: target, HTTP status, headers, the body
// pretty-printed, SQL rows as a table, command output, the error, and each condition with its observed
// value. Rendered from the journaled result (CheckResult::toJson), so it shows what the evidence holds.
class ObservationHtml
{
    Q_DECLARE_TR_FUNCTIONS(ObservationHtml)

public:
    static QString prerequisite(const PrerequisiteSnapshot &p, qint64 now);
    static QString result(const QJsonObject &result); // conditions + observation
    static QString prettyBody(const QString &body); // JSON indented, anything else as is
};

} // namespace cockpit::gui
