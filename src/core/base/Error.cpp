#include "core/base/Error.h"

namespace cockpit {

QString Error::toString() const
{
    if (file.isEmpty() && line == 0)
        return message;
    return QStringLiteral("%1:%2:%3: %4")
        .arg(file.isEmpty() ? QStringLiteral("<input>") : file)
        .arg(line)
        .arg(column)
        .arg(message);
}

} // namespace cockpit
