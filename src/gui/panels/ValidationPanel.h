#pragma once

#include "charts/ValidationData.h"
#include "core/journal/JournalEvent.h"
#include "gui/panels/RunPanel.h"
#include "store/Journal.h"

#include <QHash>
#include <QMap>
#include <functional>
#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTableView;
class QTabWidget;
class QTimer;
class QToolButton;
class QVBoxLayout;

namespace cockpit::charts {
class MinMaxPyramid;
class ValidationDataBuilder;
} // namespace cockpit::charts

namespace cockpit::gui {

class DurationHistogramView;
class ErrorPatternsView;
class GateTimeline;
class HourlyVolumeView;
class MetricChartView;
class SeriesTableModel;

// The Validation tab: every metric over time, the duration histogram against the previous stage and the
// gate state timeline, from the run's journal events.
//
// Threading: events are folded into chart data and every line is downsampled to the pixel width on a
// worker (QtConcurrent, one job at a time; its QFutureWatcher is parented to this panel). The GUI thread
// only hands over events and ranges and draws the few points per pixel column it gets back.
class ValidationPanel : public RunPanel
{
    Q_OBJECT

public:
    explicit ValidationPanel(QWidget *parent = nullptr);
    ~ValidationPanel() override;

    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    void appendEvents(const QList<JournalEvent> &events);

    // An earlier run of the same runbook, drawn over every chart aligned at each stage entry (null: none).
    void setRehearsal(const charts::ValidationDataPtr &earlier);
    // Opens the journal the run is in (called on a worker; the caller decides the credentials): once the
    // run's runbook is known, the newest earlier run of that runbook is read from it on a worker and becomes
    // the rehearsal overlay.
    using JournalOpener = std::function<Expected<std::unique_ptr<Journal>, Error>()>;
    void setJournal(JournalOpener open);
    charts::ValidationDataPtr rehearsal() const { return m_rehearsal; }
    HourlyVolumeView *hourlyVolume() const { return m_volume; }
    // Whether the first events' samples came from the journal's sample table (not their JSON payloads).
    bool samplesFromTable() const { return m_samplesFromTable; }

    // Shows [from, to] on every chart (zoom / pan), or everything up to now again.
    void setRange(qint64 from, qint64 to);
    void showAll();

    charts::ValidationDataPtr data() const { return m_data; }
    MetricChartView *chart(const QString &metric) const;
    QTabWidget *views() const { return m_views; }
    int framesShown() const { return m_frames; }
    qint64 rangeFrom() const { return m_from; }
    qint64 rangeTo() const { return m_to; }
    bool following() const { return m_follow; }
    bool busy() const { return m_running; }

Q_SIGNALS:
    void frameShown();

private:
    struct MetricBox
    {
        QWidget *box = nullptr;
        MetricChartView *chart = nullptr;
        QStackedWidget *stack = nullptr;
        QTableView *table = nullptr;
        SeriesTableModel *model = nullptr;
        QPlainTextEdit *query = nullptr;
        QLabel *title = nullptr;
    };
    struct Frame;
    using Pyramids = std::shared_ptr<const QHash<QString, std::shared_ptr<const charts::MinMaxPyramid>>>;

    void schedule();
    void startJob();
    void showFrame(const Frame &frame);
    void loadRehearsal();
    MetricBox &box(const QString &metric);
    // On the worker: folds the events with the run's samples from the journal's sample table; false when
    // the journal has none (nothing folded then).
    static bool foldWithSampleTable(charts::ValidationDataBuilder &builder, const QList<JournalEvent> &events,
                                    const JournalOpener &open);
    int plotWidth() const;

    std::shared_ptr<charts::ValidationDataBuilder> m_builder; // used only by the running job
    QList<JournalEvent> m_pending;
    bool m_running = false;
    bool m_dirty = false;
    bool m_rangeChanged = false; // a person zoomed or panned: the next frame starts at once
    qint64 m_drawnNow = 0; // the clock of the last frame started
    charts::ValidationDataPtr m_data;
    Pyramids m_pyramids; // of m_data's series, built by the job that folded new events
    charts::ValidationDataPtr m_rehearsal;
    Pyramids m_rehearsalPyramids; // its lines aligned to m_data's stage entries
    bool m_rehearsalChanged = false;
    QString m_rehearsalLabel;
    JournalOpener m_openJournal;
    bool m_rehearsalAsked = false;
    bool m_tableTried = false; // the first events' samples were looked up in the sample table
    bool m_samplesFromTable = false;
    bool m_finishPending = false; // a frame came without pyramids and hourly volumes: build them next
    qint64 m_from = 0;
    qint64 m_to = 0;
    bool m_follow = true;
    qint64 m_now = 0;
    int m_frames = 0;
    QMap<QString, MetricBox> m_boxes;
    QTabWidget *m_views;
    QVBoxLayout *m_metricsLayout;
    QLabel *m_status;
    QCheckBox *m_rehearsalToggle;
    GateTimeline *m_gates;
    DurationHistogramView *m_durations;
    ErrorPatternsView *m_errors;
    HourlyVolumeView *m_volume;
    QTimer *m_pace;
};

} // namespace cockpit::gui
