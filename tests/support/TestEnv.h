#pragma once

#include <QString>

namespace cockpit::test {

// Root of the source tree, for tests/data and resources.
QString sourcePath(const QString &relative);

// A loopback TCP port nothing listens on: taken from the kernel and released again.
int unusedPort();

} // namespace cockpit::test
