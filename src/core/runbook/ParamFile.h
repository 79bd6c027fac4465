#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"

#include <QMap>
#include <QString>

namespace cockpit {

// Parameter overrides from a file (`--params FILE`): a YAML or JSON mapping of name to scalar value.
// Names are checked against the runbook's declared params later, by RunbookLoader.
class ParamFile
{
public:
    static Expected<QMap<QString, QString>, Errors> load(const QString &path);
    static Expected<QMap<QString, QString>, Errors> parse(const QByteArray &text, const QString &fileName);
    // "NAME=VALUE" from `--param`; the value may be empty, the name may not.
    static Expected<QPair<QString, QString>, Error> parseAssignment(const QString &assignment);
};

} // namespace cockpit
