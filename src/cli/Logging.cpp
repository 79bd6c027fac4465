#include "cli/Logging.h"

#include "core/base/LogCategories.h"
#include "core/base/Redactor.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <memory>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <vector>

namespace cockpit::cli {

namespace {

// Guards the sink list and logger creation; the message handler runs on any thread.
QMutex &loggingMutex()
{
    static QMutex m;
    return m;
}
std::vector<spdlog::sink_ptr> &sinks()
{
    static std::vector<spdlog::sink_ptr> s;
    return s;
}
bool g_installed = false;
QtMessageHandler g_previousHandler = nullptr; // restored by shutdownLogging() (e.g. QtTest's own)

const char *kPattern = "%Y-%m-%dT%H:%M:%S.%e%z [%n] %l: %v";

std::shared_ptr<spdlog::logger> loggerFor(const std::string &name)
{
    // Caller holds loggingMutex().
    if (auto existing = spdlog::get(name))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(name, sinks().begin(), sinks().end());
    logger->set_level(spdlog::level::trace); // the sinks decide what is written
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

spdlog::level::level_enum levelFor(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return spdlog::level::debug;
    case QtInfoMsg: return spdlog::level::info;
    case QtWarningMsg: return spdlog::level::warn;
    case QtCriticalMsg: return spdlog::level::err;
    case QtFatalMsg: return spdlog::level::critical;
    }
    return spdlog::level::info;
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Redact before the text reaches any sink: a secret must never be written, whatever logged it.
    const QByteArray text = Redactor::redact(message.toUtf8());
    const std::string name = loggerNameForCategory(context.category).toStdString();
    std::shared_ptr<spdlog::logger> logger;
    {
        QMutexLocker lock(&loggingMutex());
        logger = loggerFor(name);
    }
    logger->log(levelFor(type), "{}", std::string_view(text.constData(), static_cast<size_t>(text.size())));
    if (type == QtFatalMsg)
        logger->flush(); // Qt aborts right after the handler returns
}

} // namespace

QString loggerNameForCategory(const char *category)
{
    if (!category || !*category || qstrcmp(category, "default") == 0)
        return QStringLiteral("cockpit");
    return QString::fromUtf8(category);
}

LogOptions takeLogOptions(QStringList &args)
{
    LogOptions o;
    for (qsizetype i = 0; i < args.size();) {
        const QString &a = args[i];
        if (a == QLatin1String("--verbose")) {
            o.verbose = true;
            args.removeAt(i);
        } else if (a == QLatin1String("--log-file") && i + 1 < args.size()) {
            o.logFile = args[i + 1];
            args.remove(i, 2);
        } else if (a.startsWith(QLatin1String("--log-file="))) {
            o.logFile = a.mid(11);
            args.removeAt(i);
        } else if (a == QLatin1String("--")) {
            break; // everything after belongs to the subcommand
        } else {
            ++i;
        }
    }
    return o;
}

QString defaultStateLogFile()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || !QDir::isAbsolutePath(state))
        state = QDir::homePath() + QStringLiteral("/.local/state");
    return state + QStringLiteral("/cutover-cockpit/cutover-cockpit.log");
}

bool installLogging(const LogOptions &options, QString *error)
{
    bool ok = true;
    {
        QMutexLocker lock(&loggingMutex());
        spdlog::drop_all(); // loggers are rebuilt with the new sinks
        sinks().clear();

        auto err = std::make_shared<spdlog::sinks::stderr_sink_mt>();
        err->set_level(options.verbose ? spdlog::level::debug : spdlog::level::warn);
        err->set_pattern(kPattern);
        sinks().push_back(err);

        if (!options.logFile.isEmpty()) {
            try { // spdlog reports an unopenable file by exception; keep it inside this function
                auto file
                    = std::make_shared<spdlog::sinks::basic_file_sink_mt>(options.logFile.toStdString());
                file->set_level(options.verbose ? spdlog::level::debug : spdlog::level::info);
                file->set_pattern(kPattern);
                sinks().push_back(file);
            } catch (const spdlog::spdlog_ex &e) {
                ok = false;
                if (error)
                    *error = QStringLiteral("cannot open log file %1: %2")
                                 .arg(options.logFile, QString::fromUtf8(e.what()));
            }
        }

        if (!options.rotatingLogFile.isEmpty()) {
            QDir().mkpath(QFileInfo(options.rotatingLogFile).absolutePath());
            try {
                auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                    options.rotatingLogFile.toStdString(), std::size_t(options.rotateBytes),
                    std::size_t(options.rotateFiles));
                file->set_level(options.verbose ? spdlog::level::debug : spdlog::level::info);
                file->set_pattern(kPattern);
                sinks().push_back(file);
            } catch (const spdlog::spdlog_ex &e) {
                ok = false;
                if (error)
                    *error = QStringLiteral("cannot open log file %1: %2")
                                 .arg(options.rotatingLogFile, QString::fromUtf8(e.what()));
            }
        }

        for (const char *const *n = logCategoryNames(); *n; ++n)
            loggerFor(*n);
        spdlog::set_default_logger(loggerFor("cockpit"));
        g_installed = true;
    }
    const QtMessageHandler previous = qInstallMessageHandler(messageHandler);
    if (previous != messageHandler)
        g_previousHandler = previous;
    return ok;
}

void shutdownLogging()
{
    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;
    QMutexLocker lock(&loggingMutex());
    if (!g_installed)
        return;
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &l) { l->flush(); });
    spdlog::drop_all();
    sinks().clear();
    g_installed = false;
}

} // namespace cockpit::cli
