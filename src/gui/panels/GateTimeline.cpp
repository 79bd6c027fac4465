#include "gui/panels/GateTimeline.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace cockpit::gui {

namespace {

constexpr int kLabelWidth = 220;
constexpr int kLane = 22;
constexpr int kTop = 22;

QColor outcomeColor(const QString &outcome, const QString &phase)
{
    if (outcome == QLatin1String("pass"))
        return QColor(0x2e, 0x7d, 0x32);
    if (outcome == QLatin1String("fail"))
        return QColor(0xc6, 0x28, 0x28);
    if (outcome == QLatin1String("no_data"))
        return QColor(0x9e, 0x9e, 0x9e);
    if (outcome == QLatin1String("inconclusive") || phase == QLatin1String("awaiting_decision"))
        return QColor(0xef, 0x8f, 0x00);
    if (phase == QLatin1String("recovering"))
        return QColor(0xf4, 0xa2, 0x9a);
    return QColor(0x90, 0xca, 0xf9); // pending: holding or waiting
}

} // namespace

GateTimeline::GateTimeline(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setObjectName(QStringLiteral("gateTimeline"));
}

void GateTimeline::setData(const charts::ValidationDataPtr &data, qint64 from, qint64 to, qint64 now)
{
    m_data = data;
    m_now = now;
    updateGeometry();
    setRange(from, to);
}

void GateTimeline::setRange(qint64 from, qint64 to)
{
    m_from = from;
    m_to = qMax(to, from + 1);
    update();
}

QSize GateTimeline::sizeHint() const
{
    return QSize(600, kTop + kLane * qMax(1, lanes()) + 30);
}

qint64 GateTimeline::openEnd(const charts::GateLane &lane, const charts::GateLane::Segment &segment) const
{
    // A gate's state lasts as long as the stage entry it belongs to, not past a promotion or a rollback.
    std::optional<qint64> end;
    for (const charts::StageBand &band : m_data->stages)
        if (band.stage == lane.stage && band.start <= segment.start)
            end = band.end;
    return qMax(end.value_or(m_now), segment.start);
}

double GateTimeline::xAt(qint64 t) const
{
    const double w = width() - kLabelWidth - 8;
    return kLabelWidth + double(t - m_from) / double(m_to - m_from) * w;
}

void GateTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (!m_data || m_data->gates.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No gate has been evaluated yet."));
        return;
    }
    const double left = kLabelWidth;
    const double right = width() - 8;
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(left, 2, right - left, kTop - 4), Qt::AlignLeft | Qt::AlignVCenter,
               QDateTime::fromMSecsSinceEpoch(m_from, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    p.drawText(
        QRectF(left, 2, right - left, kTop - 4), Qt::AlignRight | Qt::AlignVCenter,
        QDateTime::fromMSecsSinceEpoch(m_to, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    for (int i = 0; i < m_data->gates.size(); ++i) {
        const charts::GateLane &lane = m_data->gates.at(i);
        const double y = kTop + i * kLane;
        p.setPen(palette().color(QPalette::Text));
        QString label = lane.stage + QStringLiteral(" / ") + lane.gate;
        if (lane.resets > 0)
            label += tr(" (%n reset(s))", nullptr, lane.resets);
        p.drawText(QRectF(4, y, kLabelWidth - 8, kLane - 4), Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(label, Qt::ElideMiddle, kLabelWidth - 8));
        for (int k = 0; k < lane.segments.size(); ++k) {
            const charts::GateLane::Segment &s = lane.segments.at(k);
            const double x0 = qMax(left, xAt(s.start));
            const double x1 = qMin(right, xAt(s.end.value_or(openEnd(lane, s))));
            if (x1 < left || x0 > right)
                continue;
            p.fillRect(QRectF(x0, y + 3, qMax(1.0, x1 - x0), kLane - 8), outcomeColor(s.outcome, s.phase));
            const bool reset = k > 0 && lane.segments.at(k - 1).phase == QLatin1String("holding")
                && (s.phase == QLatin1String("failed") || s.phase == QLatin1String("recovering"));
            if (reset) {
                p.setPen(QPen(Qt::black, 2));
                p.drawLine(QPointF(x0, y + 1), QPointF(x0, y + kLane - 3));
            }
        }
    }
    // The legend, so the colours read without knowing them.
    double x = left;
    const double ly = kTop + kLane * double(m_data->gates.size()) + 6;
    const std::pair<QColor, QString> legend[] = {
        {outcomeColor(QStringLiteral("pass"), {}), tr("pass")},
        {outcomeColor(QStringLiteral("fail"), {}), tr("fail")},
        {outcomeColor(QStringLiteral("no_data"), {}), tr("no data")},
        {outcomeColor({}, QStringLiteral("holding")), tr("holding / waiting")},
        {outcomeColor({}, QStringLiteral("recovering")), tr("recovering")},
        {outcomeColor(QStringLiteral("inconclusive"), {}), tr("awaiting a decision")},
        {Qt::black, tr("| window reset")},
    };
    for (const auto &[color, text] : legend) {
        p.fillRect(QRectF(x, ly + 4, 12, 10), color);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPointF(x + 16, ly + 13), text);
        x += 16 + p.fontMetrics().horizontalAdvance(text) + 14;
    }
    if (m_now >= m_from && m_now <= m_to) {
        p.setPen(QPen(QColor(0x0d, 0x47, 0xa1), 1.5, Qt::DashDotLine));
        p.drawLine(QPointF(xAt(m_now), kTop), QPointF(xAt(m_now), kTop + kLane * m_data->gates.size()));
    }
}

bool GateTimeline::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip || !m_data)
        return QWidget::event(event);
    const auto *help = static_cast<QHelpEvent *>(event);
    const int lane = (help->pos().y() - kTop) / kLane;
    if (lane < 0 || lane >= m_data->gates.size() || help->pos().x() < kLabelWidth) {
        QToolTip::hideText();
        return true;
    }
    const double w = width() - kLabelWidth - 8;
    const qint64 t = m_from + qint64((help->pos().x() - kLabelWidth) / w * double(m_to - m_from));
    for (const charts::GateLane::Segment &s : m_data->gates.at(lane).segments) {
        if (t >= s.start && t < s.end.value_or(std::numeric_limits<qint64>::max())) {
            QToolTip::showText(help->globalPos(),
                               tr("%1: %2 since %3 UTC%4")
                                   .arg(m_data->gates.at(lane).gate, s.phase.isEmpty() ? s.outcome : s.phase,
                                        QDateTime::fromMSecsSinceEpoch(s.start, Qt::UTC)
                                            .toString(QStringLiteral("MM-dd HH:mm:ss")),
                                        s.reason.isEmpty() ? QString() : QStringLiteral("\n") + s.reason),
                               this);
            return true;
        }
    }
    QToolTip::hideText();
    return true;
}

} // namespace cockpit::gui
