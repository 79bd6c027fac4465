#include "gui/wallboard/WallboardModel.h"

#include "core/base/SystemClock.h"
#include "gui/GuiText.h"

#include <QTimer>
#include <cmath>

namespace cockpit::gui {

namespace {

constexpr qsizetype kSparkPoints = 90;
constexpr qint64 kHour = qint64(3600) * 1000;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString number(double v)
{
    return QString::number(v, 'g', 4);
}

} // namespace

WallboardModel::WallboardModel(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    if (!m_clock) {
        m_ownClock = std::make_unique<SystemClock>();
        m_clock = m_ownClock.get();
    }
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &WallboardModel::tick);
    m_timer->start();
}

WallboardModel::~WallboardModel() = default;

void WallboardModel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    const qint64 now = m_clock->now();
    // Only a new journal event counts as an update: the follower also publishes when nothing was appended
    // (its STALE flag flipping, a journal problem), and those must not reset the heartbeat.
    if (!m_snapshot || !snapshot || snapshot->headSeq != m_snapshot->headSeq
        || snapshot->runId != m_snapshot->runId)
        m_lastNewDataAt = now;
    m_snapshot = snapshot;
    m_receivedAt = now;
    if (snapshot && !snapshot->runId.isEmpty())
        m_message.clear();
    Q_EMIT changed();
}

void WallboardModel::appendEvents(const QList<JournalEvent> &events)
{
    m_data.append(events);
    for (const JournalEvent &e : events) {
        const QJsonObject &p = e.payload();
        const QString when = GuiText::clockTime(e.at());
        if (e.type() == JournalEventType::DecisionMade) {
            const QString what
                = str(p, "decision") == QLatin1String("accept") ? tr("accepted %1 %2") : tr("rejected %1 %2");
            m_lastDecision = tr("%1 — by %2 at %3")
                                 .arg(what.arg(str(p, "target_kind"), str(p, "target")), e.actor(), when);
        } else if (e.type() == JournalEventType::Approval) {
            const QString what = str(p, "kind") == QLatin1String("manual_gate")
                ? tr("confirmed %1").arg(str(p, "gate"))
                : tr("approved %1 of %2").arg(str(p, "kind"), str(p, "stage"));
            m_lastDecision = tr("%1 — by %2 at %3").arg(what, e.actor(), when);
        } else if (e.type() == JournalEventType::RollbackStarted) {
            m_lastDecision = tr("rollback started — by %1 at %2").arg(e.actor(), when);
        }
    }
    updateSparkline();
    Q_EMIT changed();
}

void WallboardModel::updateSparkline()
{
    const charts::ValidationData data = m_data.data();
    // The success rate when the runbook has one, else the first metric a gate holds to a threshold.
    const charts::MetricChart *chart = nullptr;
    for (const charts::MetricChart &m : data.metrics) {
        if (m.metric.contains(QLatin1String("success"))) {
            chart = &m;
            break;
        }
        if (!chart && !m.thresholds.isEmpty())
            chart = &m;
    }
    if (!chart && !data.metrics.isEmpty())
        chart = &data.metrics.constFirst();
    m_sparkline.clear();
    m_sparkHasThreshold = false;
    m_sparkLabel.clear();
    if (!chart)
        return;
    const charts::ChartSeries &s = chart->series;
    std::optional<double> last;
    for (qsizetype i = std::max<qsizetype>(0, s.size() - kSparkPoints); i < s.size(); ++i) {
        const double v = s.value.at(i);
        m_sparkline.append(charts::ChartSeries::isGap(v) ? QVariant() : QVariant(v));
        if (!charts::ChartSeries::isGap(v))
            last = v;
    }
    // The threshold of the current stage's gate when there is one, else any.
    for (const charts::Threshold &t : chart->thresholds) {
        if (!m_sparkHasThreshold || (m_snapshot && t.stage == m_snapshot->status.stage)) {
            m_sparkThreshold = t.value;
            m_sparkHasThreshold = true;
            m_sparkLabel
                = tr("%1: %2 (gate %3 %4)")
                      .arg(chart->metric, last ? number(*last) : tr("no data"), t.op, number(t.value));
        }
    }
    if (!m_sparkHasThreshold)
        m_sparkLabel = tr("%1: %2").arg(chart->metric, last ? number(*last) : tr("no data"));
}

void WallboardModel::setMessage(const QString &message)
{
    m_message = message;
    Q_EMIT changed();
}

void WallboardModel::tick()
{
    Q_EMIT changed();
}

const RunSnapshot &WallboardModel::snap() const
{
    static const RunSnapshot empty;
    return m_snapshot ? *m_snapshot : empty;
}

qint64 WallboardModel::sinceReceived() const
{
    return std::max<qint64>(0, m_clock->now() - m_receivedAt);
}

QString WallboardModel::verdict() const
{
    return GuiText::headlineWord(snap().headline);
}

QString WallboardModel::verdictKey() const
{
    switch (snap().headline) {
    case Headline::Go: return QStringLiteral("go");
    case Headline::Hold: return QStringLiteral("hold");
    case Headline::NoGo: return QStringLiteral("no-go");
    case Headline::RollingBack: return QStringLiteral("rolling-back");
    case Headline::RolledBack: return QStringLiteral("rolled-back");
    case Headline::Finished: return QStringLiteral("finished");
    case Headline::NotStarted: break;
    }
    return QStringLiteral("not-started");
}

QString WallboardModel::verdictSymbol() const
{
    return GuiText::headlineSymbol(snap().headline);
}

QString WallboardModel::verdictColor() const
{
    return GuiText::headlineColor(snap().headline);
}

QString WallboardModel::verdictIcon() const
{
    return QStringLiteral("qrc") + GuiText::headlineIconPath(snap().headline);
}

QString WallboardModel::modeKey() const
{
    const RunSnapshot &s = snap();
    if (s.dryRun || s.mode == RunMode::DryRun)
        return QStringLiteral("dry-run");
    return s.mode == RunMode::Live ? QStringLiteral("live") : QStringLiteral("rehearsal");
}

QString WallboardModel::modeWord() const
{
    const QString key = modeKey();
    if (key == QLatin1String("live"))
        return tr("LIVE");
    return key == QLatin1String("dry-run") ? tr("DRY RUN") : tr("REHEARSAL");
}

QString WallboardModel::modeDetail() const
{
    const RunSnapshot &s = snap();
    if (s.dryRun)
        return GuiText::modeBand(RunMode::DryRun);
    return GuiText::modeBand(s.mode);
}

QString WallboardModel::modeColor() const
{
    const RunSnapshot &s = snap();
    return GuiText::modeColor(s.dryRun ? RunMode::DryRun : s.mode);
}

QString WallboardModel::runName() const
{
    return snap().runbookName;
}

QString WallboardModel::runLine() const
{
    const RunSnapshot &s = snap();
    if (s.runId.isEmpty())
        return {};
    const QString lead = s.lead.isEmpty() ? s.lease.holder : s.lead;
    return lead.isEmpty() ? tr("run %1").arg(s.runId) : tr("run %1 · led by %2").arg(s.runId, lead);
}

QVariantList WallboardModel::stages() const
{
    QVariantList out;
    const QList<StageSnapshot> &stages = snap().stages;
    qsizetype current = -1;
    for (qsizetype i = 0; i < stages.size(); ++i)
        if (stages[i].state == StageSnapshot::State::Current)
            current = i;
    qsizetype next = -1;
    for (qsizetype i = current + 1; i < stages.size() && next < 0; ++i)
        if (stages[i].state == StageSnapshot::State::Future)
            next = i;
    for (qsizetype i = 0; i < stages.size(); ++i) {
        const StageSnapshot &st = stages[i];
        QString state;
        switch (st.state) {
        case StageSnapshot::State::Future: state = QStringLiteral("future"); break;
        case StageSnapshot::State::Current: state = QStringLiteral("current"); break;
        case StageSnapshot::State::Done: state = QStringLiteral("done"); break;
        case StageSnapshot::State::RolledBack: state = QStringLiteral("rolled-back"); break;
        }
        out.append(QVariantMap {
            {QStringLiteral("title"), st.title.isEmpty() ? st.id : st.title},
            {QStringLiteral("traffic"),
             st.trafficPercent ? tr("%1 % traffic").arg(*st.trafficPercent) : QString()},
            {QStringLiteral("state"), state},
            {QStringLiteral("stateWord"), GuiText::stageStateWord(st.state)},
            {QStringLiteral("next"), i == next},
        });
    }
    return out;
}

QString WallboardModel::nextStep() const
{
    const RunSnapshot &s = snap();
    if (s.runId.isEmpty())
        return {};
    if (!s.outcome.isEmpty())
        return tr("The run has ended (%1).").arg(s.outcome);
    if (!s.status.pending.isEmpty()) {
        const PendingDecision &p = s.status.pending.constFirst();
        const QString what = p.target.isEmpty() ? GuiText::pendingKindWord(p.kind)
                                                : tr("%1 %2").arg(GuiText::pendingKindWord(p.kind), p.target);
        return p.why.isEmpty() ? tr("Waiting for a person: %1").arg(what)
                               : tr("Waiting for a person: %1 — %2").arg(what, p.why);
    }
    for (const QVariant &v : stages()) {
        const QVariantMap st = v.toMap();
        if (st.value(QStringLiteral("next")).toBool()) {
            const QString traffic = st.value(QStringLiteral("traffic")).toString();
            return traffic.isEmpty()
                ? tr("Next: %1").arg(st.value(QStringLiteral("title")).toString())
                : tr("Next: %1 (%2)").arg(st.value(QStringLiteral("title")).toString(), traffic);
        }
    }
    return s.status.waitingFor;
}

QString WallboardModel::soakText() const
{
    const RunStatus &st = snap().status;
    if (!st.soakEnd || st.soakRemaining.count() <= 0 || !snap().outcome.isEmpty())
        return {};
    return tr("soak %1 left").arg(GuiText::countdown(st.soakRemaining.count() - sinceReceived()));
}

const GateView *WallboardModel::streakGateView() const
{
    // The condition gate still building its window, else the first one with a window.
    const GateView *first = nullptr;
    for (const GateView &g : snap().status.gates) {
        if (g.kind != Gate::Kind::Condition || g.status.held.count() + g.status.remaining.count() <= 0)
            continue;
        if (!first)
            first = &g;
        if (!g.status.passed())
            return &g;
    }
    return first;
}

QString WallboardModel::streakText() const
{
    const GateView *g = streakGateView();
    if (!g)
        return {};
    const qint64 held = g->status.held.count(), hold = held + g->status.remaining.count();
    if (hold >= 2 * kHour)
        return tr("%1 h / %2 h").arg(held / kHour).arg(hold / kHour);
    return tr("%1 / %2").arg(GuiText::duration(held), GuiText::duration(hold));
}

QString WallboardModel::streakGate() const
{
    const GateView *g = streakGateView();
    return g ? (g->title.isEmpty() ? g->id : g->title) : QString();
}

double WallboardModel::streakFraction() const
{
    const GateView *g = streakGateView();
    if (!g)
        return 0;
    const double held = double(g->status.held.count()), hold = held + double(g->status.remaining.count());
    return hold > 0 ? std::clamp(held / hold, 0.0, 1.0) : 0;
}

QString WallboardModel::etaText() const
{
    const RunSnapshot &s = snap();
    if (s.runId.isEmpty() || !s.outcome.isEmpty())
        return {};
    // The next step may come once the soak is over and every gate's window is complete.
    qint64 eta = s.status.soakEnd.value_or(0);
    const GateView *g = streakGateView();
    if (g && !g->status.passed() && g->status.phase == GateStatus::Phase::Holding)
        eta = std::max(eta, s.now + g->status.remaining.count());
    if (eta <= s.now)
        return {};
    return tr("ETA %1").arg(GuiText::clockTime(eta));
}

QStringList WallboardModel::blockers() const
{
    const RunSnapshot &s = snap();
    QStringList out;
    if (!s.topBlocker.isEmpty() && !s.topBlocker.startsWith(QLatin1String("soak")))
        out << s.topBlocker;
    // The soak is the countdown already; the rest are sentences with what was seen.
    for (const QString &b : s.status.blockers)
        if (out.size() < 3 && !out.contains(b) && !b.startsWith(QLatin1String("soak")))
            out << b;
    return out;
}

QString WallboardModel::heartbeat() const
{
    if (!m_snapshot)
        return tr("waiting for the journal");
    const qint64 age = std::max<qint64>(0, m_clock->now() - m_lastNewDataAt);
    if (stale())
        return tr("STALE — no update for %1").arg(GuiText::duration(age));
    return tr("updated %1").arg(GuiText::age(age));
}

bool WallboardModel::stale() const
{
    if (!m_snapshot || !m_snapshot->outcome.isEmpty())
        return false;
    return m_snapshot->stale || !m_snapshot->journalProblem.isEmpty()
        || m_clock->now() - m_lastNewDataAt > m_staleAfterMs;
}

} // namespace cockpit::gui
