#include "gui/panels/ValidationPanel.h"

#include "charts/Downsampler.h"
#include "charts/Histogram.h"
#include "charts/HourlyVolume.h"
#include "charts/MinMaxPyramid.h"
#include "charts/RehearsalOverlay.h"
#include "charts/ValidationDataBuilder.h"
#include "gui/models/SeriesTableModel.h"
#include "gui/panels/DurationHistogramView.h"
#include "gui/panels/ErrorPatternsView.h"
#include "gui/panels/GateTimeline.h"
#include "gui/panels/HourlyVolumeView.h"
#include "gui/panels/MetricChartView.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit::gui {

namespace {
// Values of a no_degradation gate are seconds; seed A's "slow" bucket starts at 30 minutes.
constexpr double kSlowSeconds = 30 * 60;
constexpr int kHistogramBins = 20;
// At most this often a new frame for new events or a moved clock (not for a person's zoom or pan).
constexpr int kPaceMs = 250;
// A fold of more events than this (a resumed or watched history) shows its first frame before the pyramids.
constexpr qsizetype kDeferAbove = 20000;
} // namespace

struct ValidationPanel::Frame
{
    charts::ValidationDataPtr data;
    QHash<QString, charts::ChartSeries> lines;
    QList<DurationHistogramView::Entry> histograms;
    Pyramids pyramids;
    QHash<QString, charts::HourlyVolume> volumes;
    Pyramids rehearsal; // the earlier run's lines aligned to this run's stage entries
    QHash<QString, charts::ChartSeries> rehearsalLines; // downsampled to [from, to]
    bool newData = false;
    bool fromTable = false; // the samples came from the journal's sample table
    bool deferred = false; // pyramids and hourly volumes not built yet: the next job builds them
    bool volumesBuilt = false;
    qint64 from = 0;
    qint64 to = 0;
};

ValidationPanel::ValidationPanel(QWidget *parent)
    : RunPanel(parent)
    , m_builder(std::make_shared<charts::ValidationDataBuilder>())
    , m_views(new QTabWidget(this))
    , m_metricsLayout(nullptr)
    , m_status(new QLabel(this))
    , m_rehearsalToggle(new QCheckBox(this))
    , m_gates(new GateTimeline(this))
    , m_durations(new DurationHistogramView(this))
    , m_errors(new ErrorPatternsView(this))
    , m_volume(new HourlyVolumeView(this))
    , m_pace(new QTimer(this))
{
    m_pace->setSingleShot(true);
    m_pace->setInterval(kPaceMs);
    connect(m_pace, &QTimer::timeout, this, [this] {
        if (!m_running && (m_dirty || !m_pending.isEmpty()))
            startJob();
    });
    auto *layout = new QVBoxLayout(this);
    m_status->setObjectName(QStringLiteral("validationStatus"));
    m_status->setText(tr("Waiting for samples from the journal…"));
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    m_rehearsalToggle->setObjectName(QStringLiteral("rehearsalToggle"));
    m_rehearsalToggle->setText(tr("Earlier run"));
    m_rehearsalToggle->setToolTip(tr("Draw the same metrics from an earlier run of this runbook, aligned at "
                                     "each stage entry"));
    m_rehearsalToggle->setChecked(true);
    m_rehearsalToggle->hide(); // until there is an earlier run
    statusRow->addWidget(m_rehearsalToggle);
    layout->addLayout(statusRow);
    connect(m_rehearsalToggle, &QCheckBox::toggled, this, [this](bool on) {
        for (const MetricBox &b : std::as_const(m_boxes))
            b.chart->setRehearsalVisible(on);
    });
    m_views->setObjectName(QStringLiteral("validationViews"));
    layout->addWidget(m_views, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *metrics = new QWidget(scroll);
    m_metricsLayout = new QVBoxLayout(metrics);
    m_metricsLayout->addStretch(1);
    scroll->setWidget(metrics);
    m_views->addTab(scroll, tr("Metrics over time"));
    m_views->addTab(m_durations, tr("Durations vs previous stage"));
    auto *gateScroll = new QScrollArea(this);
    gateScroll->setWidgetResizable(true);
    gateScroll->setWidget(m_gates);
    m_views->addTab(gateScroll, tr("Gate timeline"));
    m_views->addTab(m_errors, tr("Error patterns"));
    m_views->addTab(m_volume, tr("Hourly volume"));
}

ValidationPanel::~ValidationPanel() = default;

void ValidationPanel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    if (!snapshot)
        return;
    m_now = qMax(m_now, snapshot->now);
    // The "now" line and the followed range move with the engine's clock, redrawn once it moved a pixel:
    // a month on 1 200 pixels is 36 minutes a pixel, no reason to downsample it again every 100 ms.
    const qint64 msPerPixel = qMax<qint64>(1, (m_to - m_from) / qMax(1, plotWidth()));
    if (m_follow && m_data && m_now - m_drawnNow >= msPerPixel)
        schedule();
}

void ValidationPanel::appendEvents(const QList<JournalEvent> &events)
{
    if (m_pending.isEmpty())
        m_pending = events; // shared, not copied: a resumed month arrives as one list of a million events
    else
        m_pending += events;
    schedule();
}

void ValidationPanel::setRehearsal(const charts::ValidationDataPtr &earlier)
{
    m_rehearsal = earlier && !earlier->metrics.isEmpty() ? earlier : nullptr;
    m_rehearsalLabel = m_rehearsal ? tr("earlier run %1, started %2")
                                         .arg(m_rehearsal->runId,
                                              QDateTime::fromMSecsSinceEpoch(m_rehearsal->firstAt, Qt::UTC)
                                                  .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                                   : QString();
    m_rehearsalChanged = true;
    m_rangeChanged = true; // drawn at once, like a person's zoom
    schedule();
}

void ValidationPanel::setJournal(JournalOpener open)
{
    m_openJournal = std::move(open);
    m_rehearsalAsked = false;
    if (m_data && !m_data->runbook.isEmpty() && m_openJournal)
        loadRehearsal();
}

void ValidationPanel::loadRehearsal()
{
    m_rehearsalAsked = true;
    // A read of its own (the journal's connection belongs to another thread), on a worker: a month-long
    // journal takes seconds to read, the tab is usable meanwhile and the overlay appears when it is there.
    auto job = [open = m_openJournal, runbook = m_data->runbook,
                runId = m_data->runId]() -> charts::ValidationDataPtr {
        auto journal = open();
        if (!journal)
            return nullptr;
        auto events = (*journal)->readAll();
        if (!events)
            return nullptr;
        const QString earlier = charts::RehearsalOverlay::earlierRun(*events, runbook, runId);
        if (earlier.isEmpty())
            return nullptr;
        charts::ValidationDataBuilder builder(earlier);
        builder.append(*events);
        return std::make_shared<const charts::ValidationData>(builder.data());
    };
    auto *watcher = new QFutureWatcher<charts::ValidationDataPtr>(this);
    connect(watcher, &QFutureWatcher<charts::ValidationDataPtr>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0 && watcher->future().result())
            setRehearsal(watcher->future().result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

void ValidationPanel::setRange(qint64 from, qint64 to)
{
    m_follow = false;
    m_from = from;
    m_to = qMax(to, from + 1000);
    for (const MetricBox &b : std::as_const(m_boxes))
        b.chart->setRange(m_from, m_to);
    m_gates->setRange(m_from, m_to);
    m_rangeChanged = true;
    schedule();
}

void ValidationPanel::showAll()
{
    m_follow = true;
    m_rangeChanged = true;
    schedule();
}

MetricChartView *ValidationPanel::chart(const QString &metric) const
{
    const auto it = m_boxes.constFind(metric);
    return it == m_boxes.constEnd() ? nullptr : it->chart;
}

int ValidationPanel::plotWidth() const
{
    for (const MetricBox &b : m_boxes)
        return b.chart->plotWidth();
    return qMax(400, width() - 120);
}

void ValidationPanel::schedule()
{
    // A person's zoom or pan goes first; new events and the clock wait for the pace timer, so a live run
    // with a long history does not keep the worker downsampling all the time.
    if (m_running || (m_pace->isActive() && !m_rangeChanged)) {
        m_dirty = true;
        return;
    }
    m_pace->stop();
    startJob();
}

void ValidationPanel::startJob()
{
    m_running = true;
    m_dirty = false;
    m_rangeChanged = false;
    m_drawnNow = m_now;
    const bool hasEvents = !m_pending.isEmpty() || !m_data;
    const bool realign = hasEvents || std::exchange(m_rehearsalChanged, false);
    // The first events (a resumed or watched run's whole history): their samples are read from the
    // journal's sample table instead of being folded one JSON payload at a time.
    JournalOpener table;
    if (hasEvents && !m_pending.isEmpty() && !std::exchange(m_tableTried, true))
        table = m_openJournal;
    // The job owns what it reads: the builder (only one job runs at a time), the events, the old data.
    // New events build the pyramids themselves (unless they are a whole history again).
    const bool finish = std::exchange(m_finishPending, false) && !hasEvents;
    auto job = [builder = m_builder, events = std::exchange(m_pending, {}), old = m_data,
                pyramids = m_pyramids, rehearsal = m_rehearsal, rehearsalPyramids = m_rehearsalPyramids,
                realign, hasEvents, finish, table = std::move(table), follow = m_follow, from = m_from,
                to = m_to, now = m_now, width = plotWidth()]() {
        Frame f;
        f.data = old;
        f.pyramids = pyramids;
        f.rehearsal = rehearsalPyramids;
        const auto buildPyramidsAndVolumes = [&f] {
            // So that every zoom and pan step until the next events only reads a few of their nodes per
            // pixel column.
            auto built = std::make_shared<QHash<QString, std::shared_ptr<const charts::MinMaxPyramid>>>();
            for (const charts::MetricChart &m : f.data->metrics)
                built->insert(m.metric, std::make_shared<const charts::MinMaxPyramid>(m.series));
            f.pyramids = std::move(built);
            for (const charts::MetricChart &m : f.data->metrics)
                f.volumes.insert(m.metric, charts::HourlyVolume::of(m));
            f.volumesBuilt = true;
        };
        if (finish && f.data)
            buildPyramidsAndVolumes();
        if (hasEvents) {
            f.fromTable = table && foldWithSampleTable(*builder, events, table);
            if (!f.fromTable)
                builder->append(events);
            f.data = std::make_shared<const charts::ValidationData>(builder->data());
            f.newData = true;
            // A whole history: the first frame is drawn from one pass over the points, the pyramids and
            // the hourly volumes follow in the next job (the tab is already there meanwhile).
            f.deferred = f.fromTable || events.size() > kDeferAbove;
            if (f.deferred)
                f.pyramids = nullptr;
            else
                buildPyramidsAndVolumes();
            for (const charts::GateValueSet &set : f.data->valueSets) {
                if (set.baseline.isEmpty() && set.current.isEmpty())
                    continue;
                f.histograms.append({set.stage, set.gate,
                                     charts::Histogram::compare(set.baseline, set.current, kHistogramBins,
                                                                kSlowSeconds, set.alpha, set.tolerance)});
            }
        }
        if (realign) {
            auto built = std::make_shared<QHash<QString, std::shared_ptr<const charts::MinMaxPyramid>>>();
            if (rehearsal) {
                const charts::RehearsalOverlay overlay = charts::RehearsalOverlay::align(*f.data, *rehearsal);
                for (auto it = overlay.lines.cbegin(); it != overlay.lines.cend(); ++it)
                    built->insert(it.key(), std::make_shared<const charts::MinMaxPyramid>(it.value()));
            }
            f.rehearsal = std::move(built);
        }
        const qint64 end = qMax(f.data->lastAt, now);
        f.from = follow ? f.data->firstAt : from;
        f.to = follow ? qMax(end, f.from + 60'000) : to;
        for (const charts::MetricChart &m : f.data->metrics) {
            const auto pyramid = f.pyramids ? f.pyramids->value(m.metric) : nullptr;
            f.lines.insert(m.metric,
                           pyramid ? pyramid->downsample(f.from, f.to, width)
                                   : charts::Downsampler::downsample(m.series, f.from, f.to, width));
            if (const auto earlier = f.rehearsal ? f.rehearsal->value(m.metric) : nullptr)
                f.rehearsalLines.insert(m.metric, earlier->downsample(f.from, f.to, width));
        }
        return f;
    };
    auto *watcher = new QFutureWatcher<Frame>(this);
    connect(watcher, &QFutureWatcher<Frame>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_running = false;
        if (watcher->future().resultCount() > 0)
            showFrame(watcher->future().result());
        if (m_rangeChanged || m_finishPending)
            startJob();
        else if (m_dirty || !m_pending.isEmpty())
            m_pace->start();
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

bool ValidationPanel::foldWithSampleTable(charts::ValidationDataBuilder &builder,
                                          const QList<JournalEvent> &events, const JournalOpener &open)
{
    // The run the builder will show: the newest one started in these events.
    QString run;
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (it->type() == JournalEventType::RunStarted) {
            run = it->runId();
            break;
        }
    }
    if (run.isEmpty())
        return false;
    auto journal = open();
    if (!journal)
        return false;
    // Up to the last event we hold: later samples arrive as events and fold as usual. Only when that event
    // is the journal's own (same hash): events from anywhere else are folded as they are.
    const qint64 upTo = events.constLast().seq();
    const auto last = (*journal)->readFrom(upTo, 1);
    if (!last || last->isEmpty() || last->constFirst().hash() != events.constLast().hash())
        return false;
    auto samples = (*journal)->readSamples(run, upTo);
    if (!samples || !*samples)
        return false; // no sample table (an older journal opened read-only): the events then
    builder.skipSamplesUpTo(upTo);
    builder.append(events);
    builder.addTableSamples(**samples);
    return true;
}

ValidationPanel::MetricBox &ValidationPanel::box(const QString &metric)
{
    auto it = m_boxes.find(metric);
    if (it != m_boxes.end())
        return *it;
    MetricBox b;
    b.box = new QWidget(m_metricsLayout->parentWidget());
    auto *layout = new QVBoxLayout(b.box);
    layout->setContentsMargins(0, 4, 0, 4);
    auto *header = new QHBoxLayout;
    b.title = new QLabel(b.box);
    b.title->setTextFormat(Qt::PlainText);
    QFont f = b.title->font();
    f.setBold(true);
    b.title->setFont(f);
    header->addWidget(b.title, 1);
    auto *toggle = new QToolButton(b.box);
    toggle->setObjectName(QStringLiteral("tableToggle"));
    toggle->setText(tr("Table"));
    toggle->setCheckable(true);
    toggle->setToolTip(tr("Show the samples as a table instead of the chart"));
    auto *queryButton = new QToolButton(b.box);
    queryButton->setObjectName(QStringLiteral("queryToggle"));
    queryButton->setText(tr("Query"));
    queryButton->setCheckable(true);
    queryButton->setToolTip(tr("Show the query behind this chart"));
    header->addWidget(toggle);
    header->addWidget(queryButton);
    layout->addLayout(header);
    b.query = new QPlainTextEdit(b.box);
    b.query->setObjectName(QStringLiteral("query"));
    b.query->setReadOnly(true);
    b.query->setMaximumHeight(90);
    b.query->hide();
    layout->addWidget(b.query);
    b.stack = new QStackedWidget(b.box);
    b.chart = new MetricChartView(b.stack);
    b.chart->setObjectName(QStringLiteral("chart-") + metric);
    b.model = new SeriesTableModel(b.box);
    b.table = new QTableView(b.stack);
    b.table->setModel(b.model);
    b.table->verticalHeader()->hide();
    b.table->horizontalHeader()->setStretchLastSection(true);
    b.stack->addWidget(b.chart);
    b.stack->addWidget(b.table);
    b.stack->setMinimumHeight(240);
    layout->addWidget(b.stack);
    connect(toggle, &QToolButton::toggled, b.stack,
            [stack = b.stack](bool table) { stack->setCurrentIndex(table ? 1 : 0); });
    connect(queryButton, &QToolButton::toggled, b.query, &QWidget::setVisible);
    b.chart->setRehearsalVisible(m_rehearsalToggle->isChecked());
    connect(b.chart, &MetricChartView::rangeRequested, this, &ValidationPanel::setRange);
    connect(b.chart, &MetricChartView::resetRequested, this, &ValidationPanel::showAll);
    m_metricsLayout->insertWidget(m_metricsLayout->count() - 1, b.box);
    b.box->show();
    return *m_boxes.insert(metric, b);
}

void ValidationPanel::showFrame(const Frame &frame)
{
    m_data = frame.data;
    m_pyramids = frame.pyramids;
    m_samplesFromTable = m_samplesFromTable || frame.fromTable;
    m_rehearsalPyramids = frame.rehearsal;
    if (m_follow) {
        m_from = frame.from;
        m_to = frame.to;
    }
    qsizetype samples = 0;
    for (const charts::MetricChart &m : m_data->metrics) {
        MetricBox &b = box(m.metric);
        samples += m.series.size();
        if (frame.newData) { // a zoom or pan changes none of this: no text layout per step
            QString title = m.metric;
            if (!m.unit.isEmpty())
                title += QStringLiteral(" (%1)").arg(m.unit);
            if (!m.description.isEmpty())
                title += QStringLiteral(" — ") + m.description;
            b.title->setText(title);
            const QString query = m.query.isEmpty()
                ? tr("No query: this metric is not in the runbook.")
                : tr("-- on connection %1\n%2").arg(m.connection, m.query);
            if (b.query->toPlainText() != query)
                b.query->setPlainText(query);
        }
        const auto earlier = frame.rehearsal ? frame.rehearsal->value(m.metric) : nullptr;
        b.chart->setRehearsal(frame.rehearsalLines.value(m.metric), m_rehearsalLabel,
                              earlier ? earlier->bounds() : std::nullopt);
        b.chart->setFrame(m_data, m.metric, frame.lines.value(m.metric), frame.from, frame.to,
                          qMax(m_data->lastAt, m_now));
        if (frame.newData)
            b.model->setSeries(m_data, m.metric);
    }
    m_gates->setData(m_data, frame.from, frame.to, qMax(m_data->lastAt, m_now));
    if (frame.newData) {
        m_durations->setEntries(frame.histograms);
        m_errors->setData(m_data);
    }
    if (frame.volumesBuilt || (frame.newData && !frame.deferred))
        m_volume->setData(m_data, frame.volumes);
    if (frame.deferred) {
        m_finishPending = true;
        m_dirty = true; // the job that builds them starts right after this frame
    }
    if (frame.newData && m_openJournal && !m_rehearsalAsked && !m_data->runbook.isEmpty())
        loadRehearsal();
    QString status = m_data->metrics.isEmpty()
        ? tr("No metric samples in this run yet.")
        : tr("%n sample(s) of %1 metric(s). Wheel or +/− zooms, drag or ←/→ pans, Home shows all.", nullptr,
             int(samples))
              .arg(m_data->metrics.size());
    m_rehearsalToggle->setVisible(!m_rehearsalLabel.isEmpty());
    if (!m_rehearsalLabel.isEmpty() && m_rehearsalToggle->isChecked())
        status += QLatin1Char(' ') + tr("Orange: %1, aligned at each stage entry.").arg(m_rehearsalLabel);
    m_status->setText(status);
    ++m_frames;
    Q_EMIT frameShown();
}

} // namespace cockpit::gui
