#pragma once

#include <QString>
#include <QStringList>

namespace cockpit::cli {

struct LogOptions
{
    bool verbose = false; // stderr at debug level instead of warning
    QString logFile; // optional: also append to this file (info, or debug when verbose)
    // optional: also a rotating log here (info, or debug when verbose): at rotateBytes the file moves to
    // NAME.1.log and so on, rotateFiles kept. The window writes one to defaultStateLogFile().
    QString rotatingLogFile;
    qint64 rotateBytes = 5 * 1024 * 1024;
    int rotateFiles = 3;
};

// $XDG_STATE_HOME/cutover-cockpit/cutover-cockpit.log ($XDG_STATE_HOME defaults to ~/.local/state).
QString defaultStateLogFile();

// Removes the logging options (--verbose, --log-file FILE, --log-file=FILE) from ARGS and returns them.
LogOptions takeLogOptions(QStringList &args);

// Sets up spdlog (one logger per subsystem, named after the Qt logging categories in core/LogCategories.h,
// sharing a stderr sink and the optional file sink) and installs a Qt message handler that routes every
// Qt message to the logger of its category after Redactor::redact(). Can be called again to change the
// options (e.g. in tests). Returns false with ERROR set when the log file cannot be opened; stderr logging
// is installed anyway.
bool installLogging(const LogOptions &options, QString *error = nullptr);

// Flushes and detaches the sinks, restores the message handler that was installed before.
void shutdownLogging();

// Name of the spdlog logger that receives messages of a Qt category ("default" → "cockpit").
QString loggerNameForCategory(const char *category);

} // namespace cockpit::cli
