// bench_validation: the Validation tab with a month of 10-second samples (4 metrics, about 1 M points),
// side by side with handing Qt Charts the raw points. Offscreen, one process; see docs/benchmarks.md.
//
//   bench_validation [--days 30] [--every-s 10] [--frames 30] [--raw-frames 3] [--journal FILE]
//   bench_validation --zoom-only raw|pyramid [--frames STEPS]   (the worker's zoom/pan part alone)
//
// 1. redraw: render the 4 charts of the tab (1200 px plot width each) from their downsampled lines, per
//    frame, against the same 4 charts holding every raw point (QLineSeries::replace with all of them).
// 2. first display: the tab's part - events handed to ValidationPanel until its first frame is drawn
//    (fold on the worker, downsampling, building and rendering the charts). With --journal FILE also the
//    journal's part: open the SQLite file and read the run's events (the file is written first if missing).
// 3. pan / zoom: one step (a shifted or narrowed range) until the new frame is drawn, per step.
#include "charts/Downsampler.h"
#include "charts/MinMaxPyramid.h"
#include "charts/ValidationDataBuilder.h"
#include "core/journal/RunEvents.h"
#include "gui/panels/MetricChartView.h"
#include "gui/panels/ValidationPanel.h"
#include "store/SqliteJournal.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QSignalSpy>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace cockpit;

namespace {

constexpr qint64 kT0 = 1'800'000'000'000;
const QString kRun = QStringLiteral("rehearsal-bench");
const char *const kMetrics[] = {"success_rate_pct", "stuck_imports", "slow_imports_pct", "hourly_volume"};

QString runbookYaml(int everyS)
{
    return QStringLiteral(
               "runbook: 1\nname: validation bench\nconnections:\n"
               "  app_db: {postgres: {host: 127.0.0.1, database: app, user: ro}}\n"
               "metrics:\n"
               "  success_rate_pct: {connection: app_db, every: %1s, unit: \"%\", query: \"SELECT 1\"}\n"
               "  stuck_imports: {connection: app_db, every: %1s, query: \"SELECT 1\"}\n"
               "  slow_imports_pct: {connection: app_db, every: %1s, unit: \"%\", query: \"SELECT 1\"}\n"
               "  hourly_volume: {connection: app_db, every: %1s, query: \"SELECT 1\"}\n"
               "stages:\n"
               "  - id: canary\n    soak: 10d\n    gates:\n"
               "      - {id: success-rate, expect: \"success_rate_pct >= 95\", hold: 1d}\n"
               "      - {id: durations, expect: \"slow_imports_pct < 10\"}\n"
               "  - id: half\n    soak: 20d\n    gates:\n"
               "      - {id: success-rate, expect: \"success_rate_pct >= 95\", hold: 1d}\n"
               "      - {id: no-stuck, expect: \"stuck_imports == 0\"}\n")
        .arg(everyS);
}

QList<JournalEventDraft> drafts(int days, int everyS)
{
    QList<JournalEventDraft> out;
    RunInfo info;
    info.id = kRun;
    info.startedAt = kT0;
    info.runbook = QStringLiteral("validation bench");
    info.lead = QStringLiteral("bench");
    out << RunEvents::runStarted(info);
    JournalEventDraft note
        = RunEvents::note(kRun, kT0, QStringLiteral("engine"), QStringLiteral("runbook as loaded"));
    note.payload.insert(QStringLiteral("runbook_yaml"), runbookYaml(everyS));
    out << note;
    out << RunEvents::stageEntered(kRun, kT0, QStringLiteral("bench"), QStringLiteral("canary"), 0, 1, false,
                                   {}, {});
    const qint64 n = qint64(days) * 86'400 / everyS;
    quint64 x = 88172645463325252ull;
    for (qint64 i = 0; i < n; ++i) {
        const qint64 at = kT0 + i * everyS * 1000;
        if (i == n / 3)
            out << RunEvents::stageEntered(kRun, at, QStringLiteral("bench"), QStringLiteral("half"), 1, 1,
                                           false, QStringLiteral("canary"), {});
        for (int m = 0; m < 4; ++m) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            const double noise = double(x % 1000) / 1000.0;
            std::optional<double> v;
            if (x % 5000 != 0) // now and then no data
                v = m == 0   ? 96 + 3 * noise - (x % 997 == 0 ? 10 : 0)
                    : m == 1 ? double(x % 100 == 0)
                    : m == 2 ? 5 + 6 * noise
                             : 400 + 80 * noise;
            out << RunEvents::sampleTaken(kRun, at, QString::fromLatin1(kMetrics[m]), v);
        }
    }
    return out;
}

QList<JournalEvent> seal(const QList<JournalEventDraft> &ds)
{
    QList<JournalEvent> out;
    out.reserve(ds.size());
    QByteArray prev = JournalEvent::genesisHash();
    for (const JournalEventDraft &d : ds) {
        out << JournalEvent::seal(d, out.size() + 1, prev);
        prev = out.last().hash();
    }
    return out;
}

// CPU time of this thread in ms: on a shared, loaded machine the wall clock also counts other processes.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// CPU time of the whole process in ms (the GUI thread and the tab's worker).
double processCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

void row(const char *what, double ms, const QString &note = {})
{
    std::printf("| %s | %.1f ms | %s |\n", what, ms, qPrintable(note));
    std::fflush(stdout);
}

// Renders every chart once into an image, as a repaint of the tab would draw them.
template<class View> void render(const QList<View *> &views, QImage &image)
{
    for (View *v : views) {
        QPainter p(&image);
        v->render(&p);
    }
}

} // namespace

// --zoom-only METHOD: the worker's part of zoom and pan as a process of its own, for timing from outside
// side by side: 4 series of the month built directly (no events, no window), then `steps` zoom/pan ranges
// downsampled to 1209 px, by walking the raw points (raw) or from min/max pyramids built first (pyramid).
int zoomOnly(int days, int everyS, int steps, bool pyramid)
{
    QList<charts::ChartSeries> series(4);
    const qint64 n = qint64(days) * 86'400 / everyS;
    quint64 x = 88172645463325252ull;
    for (qint64 i = 0; i < n; ++i) {
        for (charts::ChartSeries &s : series) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            const double v = x % 5000 == 0 ? charts::ChartSeries::gap() : 90 + double(x % 1000) / 100.0;
            s.append(kT0 + i * everyS * 1000, v,
                     v < 95 ? charts::PointOutcome::Fail : charts::PointOutcome::Pass);
        }
    }
    QList<charts::MinMaxPyramid> pyramids;
    if (pyramid)
        for (const charts::ChartSeries &s : std::as_const(series))
            pyramids.append(charts::MinMaxPyramid(s));
    const qint64 span = n * everyS * 1000;
    qsizetype points = 0;
    for (int i = 0; i < steps; ++i) {
        const qint64 width = i % 2 ? span / 3 : span / 2;
        const qint64 from = kT0 + (span - width) * (i % 20) / 20;
        for (int k = 0; k < 4; ++k)
            points += pyramid
                ? pyramids.at(k).downsample(from, from + width, 1209).size()
                : charts::Downsampler::downsample(series.at(k), from, from + width, 1209).size();
    }
    std::printf("%d steps, %lld points handed to the charts\n", steps, qlonglong(points));
    return 0;
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption daysOpt(QStringLiteral("days"), QStringLiteral("Days of samples."),
                                     QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption everyOpt(QStringLiteral("every-s"), QStringLiteral("Sampling interval."),
                                      QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption framesOpt(QStringLiteral("frames"), QStringLiteral("Frames timed."),
                                       QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption rawOpt(QStringLiteral("raw-frames"), QStringLiteral("Raw frames timed."),
                                    QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption journalOpt(QStringLiteral("journal"),
                                        QStringLiteral("SQLite journal to read (written when missing)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption zoomOpt(QStringLiteral("zoom-only"),
                                     QStringLiteral("Only the worker's zoom/pan part: raw or pyramid."),
                                     QStringLiteral("METHOD"));
    for (const auto &o : {daysOpt, everyOpt, framesOpt, rawOpt, journalOpt, zoomOpt})
        p.addOption(o);
    p.process(app);
    if (p.isSet(zoomOpt))
        return zoomOnly(p.value(daysOpt).toInt(), p.value(everyOpt).toInt(), p.value(framesOpt).toInt(),
                        p.value(zoomOpt) == QLatin1String("pyramid"));
    const int days = p.value(daysOpt).toInt();
    const int everyS = p.value(everyOpt).toInt();
    const int frames = p.value(framesOpt).toInt();
    const int rawFrames = p.value(rawOpt).toInt();

    QElapsedTimer t;
    t.start();
    const QList<JournalEventDraft> ds = drafts(days, everyS);
    QList<JournalEvent> events;
    if (p.isSet(journalOpt)) {
        const QString path = p.value(journalOpt);
        if (!QFile::exists(path)) {
            auto j = SqliteJournal::open(path);
            if (!j) {
                std::fprintf(stderr, "journal: %s\n", qPrintable(j.error().message));
                return 1;
            }
            for (qsizetype i = 0; i < ds.size(); i += 20000)
                if (!(*j)->appendBatch(ds.mid(i, 20000)))
                    return 1;
            std::printf("wrote %lld events to %s in %lld ms\n", qlonglong(ds.size()), qPrintable(path),
                        t.elapsed());
        }
        t.restart();
        auto j = SqliteJournal::open(path, SqliteJournal::Mode::ReadOnly);
        if (!j)
            return 1;
        auto read = (*j)->readRun(kRun);
        if (!read)
            return 1;
        events = std::move(*read);
        std::printf("| step | figure | note |\n|---|---|---|\n");
        row("open the journal and read the run's events", double(t.elapsed()),
            QStringLiteral("%1 events").arg(events.size()));
    } else {
        events = seal(ds);
        std::printf("| step | figure | note |\n|---|---|---|\n");
    }

    // 2a. First display with the journal at hand: the samples from its sample table, the other events folded.
    if (p.isSet(journalOpt)) {
        const QString path = p.value(journalOpt);
        for (int round = 0; round < 3; ++round) {
            gui::ValidationPanel tablePanel;
            tablePanel.resize(1320, 4 * 300 + 120);
            // Only for the samples: the tab's second open (looking for an earlier run for the overlay) would
            // read the whole month again on the pool while the next figures are taken.
            auto opened = std::make_shared<int>(0);
            tablePanel.setJournal([path, opened]() -> Expected<std::unique_ptr<Journal>, Error> {
                if ((*opened)++ > 0)
                    return unexpected(Error::plain(QStringLiteral("not in this benchmark")));
                auto j = SqliteJournal::open(path, SqliteJournal::Mode::ReadOnly);
                if (!j)
                    return unexpected(j.error());
                return std::unique_ptr<Journal>(std::move(*j));
            });
            tablePanel.show();
            app.processEvents();
            QSignalSpy tableShown(&tablePanel, &gui::ValidationPanel::frameShown);
            t.restart();
            const double tableCpu = processCpuMs();
            tablePanel.appendEvents(events);
            while (tableShown.isEmpty())
                tableShown.wait(60000);
            QList<gui::MetricChartView *> tableViews;
            for (const char *m : kMetrics)
                tableViews << tablePanel.chart(QString::fromLatin1(m));
            QImage tableImage(tableViews.first()->size(), QImage::Format_ARGB32_Premultiplied);
            render(tableViews, tableImage);
            qsizetype tablePoints = 0;
            for (const auto &m : tablePanel.data()->metrics)
                tablePoints += m.series.size();
            row("first display from the sample table: events handed to the tab → first frame drawn",
                double(t.elapsed()),
                QStringLiteral("round %1; CPU of the process %4 ms; samples from the table: %2; %3 points")
                    .arg(round + 1)
                    .arg(tablePanel.samplesFromTable() ? QStringLiteral("yes") : QStringLiteral("no"))
                    .arg(tablePoints)
                    .arg(processCpuMs() - tableCpu, 0, 'f', 0));
            while (tablePanel.busy())
                tableShown.wait(60000);
            row("… then the zoom pyramids and hourly volumes built (the next job)", double(t.elapsed()),
                QStringLiteral("CPU of the process since the events were handed over: %1 ms")
                    .arg(processCpuMs() - tableCpu, 0, 'f', 0));
        }
    }

    // 2. First display: the tab gets the events and draws its first frame.
    gui::ValidationPanel panel;
    panel.resize(1320, 4 * 300 + 120);
    panel.show();
    app.processEvents();
    QSignalSpy shown(&panel, &gui::ValidationPanel::frameShown);
    t.restart();
    const double foldCpu = processCpuMs();
    panel.appendEvents(events);
    while (shown.isEmpty())
        shown.wait(60000);
    QList<gui::MetricChartView *> views;
    for (const char *m : kMetrics)
        views << panel.chart(QString::fromLatin1(m));
    QImage image(views.first()->size(), QImage::Format_ARGB32_Premultiplied);
    render(views, image);
    const double firstFrameMs = double(t.elapsed());
    const double firstFrameCpu = processCpuMs() - foldCpu;
    while (panel.busy())
        shown.wait(60000);
    qsizetype points = 0;
    for (const auto &m : panel.data()->metrics)
        points += m.series.size();
    row("first display from the events alone (the floor): events handed to the tab → first frame drawn",
        firstFrameMs,
        QStringLiteral("CPU of the process %4 ms; %1 points in %2 series, plot %3 px")
            .arg(points)
            .arg(views.size())
            .arg(views.first()->plotWidth())
            .arg(firstFrameCpu, 0, 'f', 0));

    // 1. Redraw: the downsampled charts, then the raw ones.
    QList<double> ours;
    QList<double> oursCpu;
    for (int i = 0; i < frames; ++i) {
        t.restart();
        const double c0 = threadCpuMs();
        render(views, image);
        oursCpu << threadCpuMs() - c0;
        ours << double(t.nsecsElapsed()) / 1e6;
    }
    qsizetype shownPoints = 0;
    for (auto *v : views)
        shownPoints += v->pointsShown();
    row("redraw of the 4 charts, downsampled (median)", median(ours),
        QStringLiteral("%1 points drawn; CPU %2 ms").arg(shownPoints).arg(median(oursCpu), 0, 'f', 1));

    QList<QChartView *> raw;
    for (const auto &m : panel.data()->metrics) {
        auto *view = new QChartView(new QChart);
        view->resize(views.first()->size());
        auto *s = new QLineSeries;
        QList<QPointF> pts;
        pts.reserve(m.series.size());
        for (qsizetype i = 0; i < m.series.size(); ++i)
            if (!charts::ChartSeries::isGap(m.series.value.at(i)))
                pts << QPointF(double(m.series.at.at(i)), m.series.value.at(i));
        s->replace(pts);
        view->chart()->addSeries(s);
        view->chart()->createDefaultAxes();
        view->chart()->legend()->hide();
        view->show();
        raw << view;
    }
    app.processEvents();
    render(raw, image); // the first render lays the charts out
    QList<double> rawTimes;
    QList<double> rawCpu;
    for (int i = 0; i < rawFrames; ++i) {
        t.restart();
        const double c0 = threadCpuMs();
        render(raw, image);
        rawCpu << threadCpuMs() - c0;
        rawTimes << double(t.nsecsElapsed()) / 1e6;
    }
    row("redraw of the 4 charts, raw points handed to Qt Charts (median)", median(rawTimes),
        QStringLiteral("%1x the downsampled redraw; CPU %2 ms (%3x)")
            .arg(median(rawTimes) / qMax(0.001, median(ours)), 0, 'f', 1)
            .arg(median(rawCpu), 0, 'f', 1)
            .arg(median(rawCpu) / qMax(0.001, median(oursCpu)), 0, 'f', 1));
    qDeleteAll(raw);

    // 3. Pan and zoom: each step until its frame is drawn.
    QList<double> steps;
    QList<double> stepCpu;
    QList<double> workers;
    QList<double> pyramidSteps;
    QList<double> axisCpu; // the axes moved at once, in setRange
    QList<double> frameCpu; // until the worker's frame is shown (events, refilled lines, the window's paints)
    QList<charts::MinMaxPyramid> pyramids;
    QElapsedTimer built;
    built.start();
    for (const auto &m : panel.data()->metrics)
        pyramids.append(charts::MinMaxPyramid(m.series));
    const double buildMs = double(built.nsecsElapsed()) / 1e6;
    const qint64 span = panel.rangeTo() - panel.rangeFrom();
    for (int i = 0; i < frames; ++i) {
        const qint64 width = i % 2 ? span / 3 : span / 2; // alternate zoom levels, moving right
        const qint64 from = panel.rangeFrom() + span / 50;
        const int before = panel.framesShown();
        t.restart();
        const double c0 = threadCpuMs();
        panel.setRange(from, from + width);
        const double c1 = threadCpuMs();
        while (panel.framesShown() == before || panel.busy())
            shown.wait(60000);
        const double c2 = threadCpuMs();
        render(views, image);
        steps << double(t.nsecsElapsed()) / 1e6;
        stepCpu << threadCpuMs() - c0;
        axisCpu << c1 - c0;
        frameCpu << c2 - c1;
        // The worker's part both ways, in turns, the best of three each (the machine is shared).
        double rawBest = 1e9, pyramidBest = 1e9;
        for (int k = 0; k < 3; ++k) {
            QElapsedTimer w;
            w.start();
            for (const auto &m : panel.data()->metrics)
                charts::Downsampler::downsample(m.series, from, from + width, views.first()->plotWidth());
            rawBest = qMin(rawBest, double(w.nsecsElapsed()) / 1e6);
            w.restart();
            for (const charts::MinMaxPyramid &p : std::as_const(pyramids))
                p.downsample(from, from + width, views.first()->plotWidth());
            pyramidBest = qMin(pyramidBest, double(w.nsecsElapsed()) / 1e6);
        }
        workers << rawBest;
        pyramidSteps << pyramidBest;
    }
    row("pan / zoom step: new range → frame drawn (median)", median(steps),
        QStringLiteral("GUI thread CPU %1 ms: axes moved at once %2 ms, then until the frame is shown %3 ms, "
                       "the render the rest")
            .arg(median(stepCpu), 0, 'f', 1)
            .arg(median(axisCpu), 0, 'f', 1)
            .arg(median(frameCpu), 0, 'f', 1));
    row("pan / zoom step, worker part: 4 series from their min/max pyramids (median)", median(pyramidSteps),
        QStringLiteral("%1x faster than walking the raw points; building the 4 pyramids once: %2 ms")
            .arg(median(workers) / qMax(0.001, median(pyramidSteps)), 0, 'f', 1)
            .arg(buildMs, 0, 'f', 1));
    row("pan / zoom step, worker part: 4 series downsampled from the raw points (median)", median(workers),
        QStringLiteral("Downsampler::downsample over the points in range"));
    return 0;
}
