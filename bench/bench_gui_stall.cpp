// bench_gui_stall: the longest stall of the window's GUI thread while a real run samples 20 metrics (a
// SQLite database, every second) and polls 100 HTTP checks (loopback server, every second), with the run
// view on screen (offscreen platform unless a display is given) rendering every snapshot.
//   --journal sqlite    the journal in a SQLite file at synchronous=FULL (one fsync per transaction)
//   --journal postgres  the journal on a throwaway PostgreSQL (with the writers' outbox); the server is
//                       stopped (pg_ctl stop, from another thread) after --stop-after seconds
// Measured on the GUI thread: the lateness of a 1 ms precise timer (any stall of the event loop, whatever
// caused it: a snapshot rendered, a command answered, a model reset), split before and after the stop.
//   bench_gui_stall [--journal sqlite|postgres] [--seconds 40] [--stop-after 20] [--dir DIR]
#include "core/base/SystemClock.h"
#include "core/runbook/RunbookLoader.h"
#include "demo/LocalPostgres.h"
#include "demo/LoopbackHttpServer.h"
#include "engine/ThreadedRunController.h"
#include "gui/GuiResources.h"
#include "gui/RunView.h"
#include "store/JournalFactory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <thread>

using namespace cockpit;

namespace {

constexpr int kMetrics = 20;
constexpr int kChecks = 100;
constexpr qint64 kFrameUs = 16'000;

QByteArray runbookText(const QString &db, const QString &url)
{
    QByteArray y = "runbook: 1\nname: gui stall bench\nconnections:\n";
    y += "  db: {sqlite: {path: \"" + db.toUtf8() + "\"}}\n";
    y += "  svc: {http: {base_url: \"" + url.toUtf8() + "\"}}\n";
    y += "metrics:\n";
    for (int i = 1; i <= kMetrics; ++i)
        y += QStringLiteral("  m%1: {connection: db, every: 1s, query: \"SELECT v + %1 FROM t\"}\n")
                 .arg(i, 2, 10, QLatin1Char('0'))
                 .toUtf8();
    y += "stages:\n  - id: canary\n    soak: 1h\n    gates:\n";
    for (int i = 1; i <= kChecks; ++i)
        y += QStringLiteral("      - {id: c%1, check: {http: {connection: svc, path: /health/%1}, expect: "
                            "[\"[STATUS] == 200\"]}, every: 1s}\n")
                 .arg(i, 3, 10, QLatin1Char('0'))
                 .toUtf8();
    for (int i = 1; i <= kMetrics; ++i)
        y += QStringLiteral("      - {id: g%1, expect: \"m%1 >= 50\", hold: 30m}\n")
                 .arg(i, 2, 10, QLatin1Char('0'))
                 .toUtf8();
    return y;
}

struct Stalls
{
    QList<qint64> us;
    qint64 max() const { return us.isEmpty() ? 0 : *std::max_element(us.cbegin(), us.cend()); }
    qint64 percentile(double p) const
    {
        if (us.isEmpty())
            return 0;
        QList<qint64> v = us;
        std::sort(v.begin(), v.end());
        return v[qsizetype(double(v.size() - 1) * p)];
    }
    qsizetype over(qint64 limit) const
    {
        return std::count_if(us.cbegin(), us.cend(), [limit](qint64 x) { return x > limit; });
    }
};

QString ms(qint64 us)
{
    return QString::number(double(us) / 1000.0, 'f', 2) + QStringLiteral(" ms");
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption journalOpt(QStringLiteral("journal"), QStringLiteral("sqlite or postgres."),
                                        QStringLiteral("KIND"), QStringLiteral("sqlite"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("How long to measure."),
                                        QStringLiteral("S"), QStringLiteral("40"));
    const QCommandLineOption stopOpt(QStringLiteral("stop-after"),
                                     QStringLiteral("postgres: stop the server after S seconds."),
                                     QStringLiteral("S"), QStringLiteral("20"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("Directory for the files."),
                                    QStringLiteral("DIR"));
    parser.addOptions({journalOpt, secondsOpt, stopOpt, dirOpt});
    parser.process(app);
    const bool postgres = parser.value(journalOpt) == QLatin1String("postgres");
    const int seconds = parser.value(secondsOpt).toInt();
    const int stopAfter = parser.value(stopOpt).toInt();
    gui::ensureResources();

    QTemporaryDir tmp((parser.isSet(dirOpt) ? parser.value(dirOpt) : QDir::tempPath())
                      + QStringLiteral("/bench-gui-XXXXXX"));
    const QString metricsDb = tmp.filePath(QStringLiteral("metrics.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
        db.setDatabaseName(metricsDb);
        if (!db.open())
            qFatal("metrics db");
        QSqlQuery q(db);
        q.exec(QStringLiteral("CREATE TABLE t (v REAL)"));
        q.exec(QStringLiteral("INSERT INTO t VALUES (90)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("setup"));

    LoopbackHttpServer service;
    service.route("GET", "/health/*", [](const LoopbackRequest &) {
        return LoopbackResponse::json(200, "{\"status\":\"healthy\"}");
    });
    if (!service.startInThread())
        qFatal("http: %s", qPrintable(service.errorString()));

    std::unique_ptr<LocalPostgres> pg;
    QString spec = tmp.filePath(QStringLiteral("run.journal"));
    JournalOpenOptions journalOptions;
    if (postgres) {
        LocalPostgres::StartOptions o;
        o.parentDir = tmp.path();
        auto started = LocalPostgres::start(o);
        if (!started)
            qFatal("postgres: %s", qPrintable(started.error().message));
        pg = std::move(*started);
        if (auto made = pg->createDatabase(QStringLiteral("journal")); !made)
            qFatal("postgres: %s", qPrintable(made.error().message));
        spec = QStringLiteral("postgresql://postgres@127.0.0.1:%1/journal?sslmode=verify-full&sslrootcert=%2")
                   .arg(pg->port())
                   .arg(pg->caFile());
        journalOptions.outboxPath = tmp.filePath(QStringLiteral("outbox.sqlite"));
    }

    auto rb = RunbookLoader::loadText(
        runbookText(metricsDb, service.url(QStringLiteral("/")).toString().chopped(1)),
        QStringLiteral("bench.yaml"));
    if (!rb)
        qFatal("runbook: %s", qPrintable(rb.error().first().toString()));
    SystemClock clock;
    RunControllerSetup setup;
    setup.runbook = std::make_shared<const Runbook>(std::move(*rb));
    setup.openJournal = [spec, journalOptions]() { return JournalFactory::open(spec, journalOptions); };
    setup.clock = &clock;
    setup.options.lead = QStringLiteral("Dana Weber");
    setup.options.useKeychain = false;
    ThreadedRunController controller(setup);
    {
        QFutureWatcher<Expected<bool, Error>> started;
        started.setFuture(controller.start());
        started.waitForFinished();
        if (!started.result())
            qFatal("start: %s", qPrintable(started.result().error().message));
    }

    gui::RunView view;
    view.setController(&controller, {QStringLiteral("Dana Weber")});
    view.resize(1360, 860);
    view.show();

    EngineCommand enter;
    enter.kind = EngineCommand::Kind::EnterStage;
    enter.who = QStringLiteral("Dana Weber");
    enter.targetKind = QStringLiteral("stage");
    enter.target = QStringLiteral("canary");
    controller.send(enter);

    Stalls before, after;
    bool stopped = false;
    std::thread stopper;
    int snapshots = 0;
    QObject::connect(&controller, &RunController::snapshotChanged, &app,
                     [&](const RunSnapshotPtr &) { ++snapshots; });
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer tick;
    tick.setInterval(1);
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        (stopped ? after : before).us.append(std::max<qint64>(0, sinceTick.nsecsElapsed() / 1000 - 1000));
        sinceTick.restart();
    });
    // The tabs are visited in turn so each one renders snapshots while it is on screen.
    QTimer tabs;
    tabs.setInterval(2000);
    QObject::connect(&tabs, &QTimer::timeout, &app, [&view] {
        view.tabs()->setCurrentIndex((view.tabs()->currentIndex() + 1) % view.tabs()->count());
    });
    if (postgres)
        QTimer::singleShot(stopAfter * 1000, &app, [&] {
            stopped = true;
            // pg_ctl blocks for a second or more: not on the thread being measured.
            stopper = std::thread([&pg] { (void)pg->stop(); });
        });
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    QElapsedTimer wall;
    wall.start();
    tick.start();
    tabs.start();
    app.exec();
    const RunSnapshotPtr last = controller.snapshot();
    controller.stop();
    if (stopper.joinable())
        stopper.join();

    QTextStream out(stdout);
    out << "journal: " << (postgres ? "PostgreSQL" : "SQLite (synchronous=FULL)") << "; " << wall.elapsed()
        << " ms measured; " << snapshots << " snapshots; journal head " << (last ? last->headSeq : 0)
        << "; service answered " << service.requestCount() << " requests\n";
    if (last && !last->journalProblem.isEmpty())
        out << "journal problem at the end: " << last->journalProblem << "\n";
    out << "\n| GUI thread (1 ms timer lateness) | ticks | p50 | p99 | max | over 16 ms "
           "|\n|---|---|---|---|---|---|\n";
    auto row = [&out](const QString &what, const Stalls &s) {
        out << "| " << what << " | " << s.us.size() << " | " << ms(s.percentile(0.5)) << " | "
            << ms(s.percentile(0.99)) << " | " << ms(s.max()) << " | " << s.over(kFrameUs) << " |\n";
    };
    row(postgres ? QStringLiteral("server running") : QStringLiteral("whole run"), before);
    if (postgres)
        row(QStringLiteral("after the server was stopped"), after);
    return 0;
}
