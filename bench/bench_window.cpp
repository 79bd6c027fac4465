// bench_window: the window as a whole process, measured from outside.
//   --launch N [-- ARGS]  launch `cutover-cockpit ARGS` N times and time it from the start of the process to
//                         its first painted frame (the app reports it on stderr when COCKPIT_FIRST_PAINT is
//                         set; see gui/FirstPaintProbe); each process is then killed.
//   --memory JOURNAL      open the viewer on JOURNAL (`--viewer --journal JOURNAL`), wait until its resident
//                         memory has settled (no change over 1 MiB for 5 s), report resident and peak memory.
// The offscreen platform unless DISPLAY is set. --app PATH (default: the cutover-cockpit built beside).
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>
#include <QThread>
#include <algorithm>

namespace {

qint64 statusKb(qint64 pid, const char *field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    return -1;
}

// Starts the app and waits for its first-paint line; returns ms from start() to the line, -1 on failure.
qint64 startAndWaitForPaint(QProcess &p, const QString &app, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COCKPIT_FIRST_PAINT"), QStringLiteral("1"));
    if (!env.contains(QStringLiteral("DISPLAY")) && !env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(app, args);
    QByteArray err;
    while (p.state() != QProcess::NotRunning || p.bytesAvailable()) {
        p.waitForReadyRead(50);
        err += p.readAllStandardError();
        if (err.contains("cockpit: first paint"))
            return t.elapsed();
        if (t.elapsed() > 60000)
            break;
    }
    QTextStream(stderr) << "no first paint; stderr: " << err << "\n";
    return -1;
}

void stop(QProcess &p)
{
    p.kill();
    p.waitForFinished(10000);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption launchOpt(QStringLiteral("launch"), QStringLiteral("Launch N times."),
                                       QStringLiteral("N"));
    const QCommandLineOption memoryOpt(
        QStringLiteral("memory"), QStringLiteral("Open the viewer on JOURNAL."), QStringLiteral("JOURNAL"));
    const QCommandLineOption appOpt(
        QStringLiteral("app"), QStringLiteral("The cutover-cockpit binary."), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../src/app/cutover-cockpit"));
    parser.addOptions({launchOpt, memoryOpt, appOpt});
    parser.addPositionalArgument(QStringLiteral("args"), QStringLiteral("Arguments for the app (--launch)."));
    parser.process(app);
    const QString binary = QDir::cleanPath(parser.value(appOpt));
    QTextStream out(stdout);

    if (parser.isSet(launchOpt)) {
        const int n = parser.value(launchOpt).toInt();
        QList<qint64> times;
        for (int i = 0; i < n; ++i) {
            QProcess p;
            p.setProcessChannelMode(QProcess::SeparateChannels);
            const qint64 ms = startAndWaitForPaint(p, binary, parser.positionalArguments());
            stop(p);
            if (ms < 0)
                return 1;
            times << ms;
        }
        std::sort(times.begin(), times.end());
        out << "launch to first paint of `cutover-cockpit "
            << parser.positionalArguments().join(QLatin1Char(' ')) << "`, " << n << " launches: min "
            << times.first() << " ms, median " << times.at(times.size() / 2) << " ms, max " << times.last()
            << " ms\n";
        return 0;
    }

    if (parser.isSet(memoryOpt)) {
        QProcess p;
        const qint64 paint = startAndWaitForPaint(
            p, binary, {QStringLiteral("--viewer"), QStringLiteral("--journal"), parser.value(memoryOpt)});
        if (paint < 0)
            return 1;
        QElapsedTimer t;
        t.start();
        qint64 last = 0, stableSince = 0;
        while (t.elapsed() < 300000) {
            QThread::msleep(500);
            const qint64 rss = statusKb(p.processId(), "VmRSS:");
            if (rss < 0)
                break;
            if (qAbs(rss - last) > 1024) {
                last = rss;
                stableSince = t.elapsed();
            } else if (t.elapsed() - stableSince >= 5000) {
                break;
            }
        }
        const qint64 rss = statusKb(p.processId(), "VmRSS:");
        const qint64 peak = statusKb(p.processId(), "VmHWM:");
        stop(p);
        out << "viewer on " << parser.value(memoryOpt) << ": first paint after " << paint << " ms; settled "
            << stableSince << " ms later at " << rss / 1024 << " MiB resident, peak " << peak / 1024
            << " MiB\n";
        return 0;
    }
    parser.showHelp(2);
}
