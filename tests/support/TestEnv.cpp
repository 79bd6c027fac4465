#include "support/TestEnv.h"

#include <QTcpServer>

namespace cockpit::test {

QString sourcePath(const QString &relative)
{
    return QStringLiteral(COCKPIT_SOURCE_DIR "/") + relative;
}

int unusedPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        qFatal("no free loopback port: %s", qPrintable(s.errorString()));
    return s.serverPort();
}

} // namespace cockpit::test
