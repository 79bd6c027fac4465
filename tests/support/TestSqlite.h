#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/runbook/Connection.h"

#include <QString>
#include <QStringList>

namespace cockpit::test {

// A new SQLite file at `path` with `statements` run in it (setup, outside the code under test), and the
// runbook connection `name` to it.
Expected<Connection, Error> createSqliteFile(const QString &path, const QStringList &statements,
                                             const QString &name);

} // namespace cockpit::test
