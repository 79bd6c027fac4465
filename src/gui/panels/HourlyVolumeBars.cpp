#include "gui/panels/HourlyVolumeBars.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <cmath>

namespace cockpit::gui {

namespace {
constexpr double kBarsLeft = 56;
constexpr double kBarsTop = 22;
constexpr double kBarsBottom = 28;
} // namespace

HourlyVolumeBars::HourlyVolumeBars(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(220);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QSize HourlyVolumeBars::sizeHint() const
{
    return {900, 300};
}

void HourlyVolumeBars::setVolume(const charts::HourlyVolume &volume)
{
    m_volume = volume;
    m_max = 0;
    for (const charts::HourlyVolume::Hour &h : std::as_const(m_volume.hours))
        m_max = qMax(m_max, qMax(h.value, h.typical));
    if (m_max <= 0)
        m_max = 1;
    update();
}

QRectF HourlyVolumeBars::plot() const
{
    return QRectF(kBarsLeft, kBarsTop, qMax(10.0, width() - kBarsLeft - 8),
                  qMax(10.0, height() - kBarsTop - kBarsBottom));
}

int HourlyVolumeBars::hourAt(double x) const
{
    const QRectF r = plot();
    if (m_volume.hours.isEmpty() || x < r.left() || x > r.right())
        return -1;
    return qMin(int(m_volume.hours.size()) - 1,
                int((x - r.left()) / r.width() * double(m_volume.hours.size())));
}

void HourlyVolumeBars::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QRectF r = plot();
    p.setPen(palette().color(QPalette::Text));
    if (m_volume.hours.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No samples of this metric yet."));
        return;
    }
    const double n = double(m_volume.hours.size());
    const double w = r.width() / n;
    const auto y = [&](double v) { return r.bottom() - v / m_max * r.height(); };
    p.drawLine(r.bottomLeft(), r.bottomRight());
    p.drawText(QRectF(0, y(m_max) - 8, kBarsLeft - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
               QLocale().toString(m_max, 'g', 4));
    p.drawText(QRectF(0, r.bottom() - 8, kBarsLeft - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("0"));
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    p.drawText(QRectF(r.left(), r.bottom() + 4, r.width(), kBarsBottom - 6), Qt::AlignLeft | Qt::AlignTop,
               QDateTime::fromMSecsSinceEpoch(m_volume.hours.constFirst().start, Qt::UTC).toString(format));
    p.drawText(QRectF(r.left(), r.bottom() + 4, r.width(), kBarsBottom - 6), Qt::AlignRight | Qt::AlignTop,
               QDateTime::fromMSecsSinceEpoch(m_volume.hours.constLast().start, Qt::UTC).toString(format)
                   + QStringLiteral(" UTC"));
    const QColor bar(0x60, 0x7d, 0x8b);
    const QColor drop(0xc6, 0x28, 0x28);
    QPolygonF typical;
    for (qsizetype i = 0; i < m_volume.hours.size(); ++i) {
        const charts::HourlyVolume::Hour &h = m_volume.hours.at(i);
        const double x = r.left() + double(i) * w;
        if (!h.hasData) {
            p.fillRect(QRectF(x, r.top(), qMax(1.0, w), r.height()),
                       QBrush(QColor(0x9e, 0x9e, 0x9e, 60), Qt::BDiagPattern));
            continue;
        }
        const QRectF b(x + (w > 4 ? 1 : 0), y(h.value), qMax(1.0, w > 4 ? w - 2 : w),
                       r.bottom() - y(h.value));
        p.fillRect(b, h.drop ? drop : bar);
        if (h.typical > 0)
            typical << QPointF(x + w / 2, y(h.typical));
        if (h.drop) {
            p.setPen(drop);
            p.drawText(QRectF(x + w / 2 - 20, kBarsTop - 20, 40, 18), Qt::AlignCenter, QStringLiteral("▼"));
        }
    }
    p.setPen(QPen(QColor(0x0d, 0x47, 0xa1), 1, Qt::DashLine));
    p.drawPolyline(typical);
}

bool HourlyVolumeBars::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(e);
        const int i = hourAt(help->pos().x());
        if (i < 0) {
            QToolTip::hideText();
            return true;
        }
        const charts::HourlyVolume::Hour &h = m_volume.hours.at(i);
        const QString when = QDateTime::fromMSecsSinceEpoch(h.start, Qt::UTC)
                                 .toString(QStringLiteral("yyyy-MM-dd HH:00 'UTC'"));
        QString text = h.hasData ? tr("%1: %2").arg(when, QLocale().toString(h.value, 'g', 6))
                                 : tr("%1: no data").arg(when);
        if (h.typical > 0)
            text += tr("\ntypical before: %1").arg(QLocale().toString(h.typical, 'g', 6));
        if (h.drop)
            text += tr("\nsudden drop");
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

} // namespace cockpit::gui
