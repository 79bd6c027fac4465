#include "support/TestEnv.h"

namespace cockpit::test {

QString sourcePath(const QString &relative)
{
    return QStringLiteral(COCKPIT_SOURCE_DIR "/") + relative;
}

} // namespace cockpit::test
