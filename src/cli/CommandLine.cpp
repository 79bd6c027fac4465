#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QTextStream>

namespace cockpit::cli {

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cutover-cockpit"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COCKPIT_VERSION));
    QTextStream(stdout) << "cutover-cockpit " << COCKPIT_VERSION << "\n";
    return 0;
}

} // namespace cockpit::cli
