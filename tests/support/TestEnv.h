#pragma once

#include <QString>

namespace cockpit::test {

// Root of the source tree, for tests/data and resources.
QString sourcePath(const QString &relative);

} // namespace cockpit::test
