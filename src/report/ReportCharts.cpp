#include "report/ReportCharts.h"

#include "charts/Downsampler.h"
#include "core/base/Redactor.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <cmath>

namespace cockpit::report {

namespace {

const QColor kAxis(0x61, 0x61, 0x61);
const QColor kLine(0x15, 0x65, 0xc0);
const QColor kFail(0xc6, 0x28, 0x28);
const QColor kBaseline(0x9e, 0x9e, 0x9e);
const QColor kBands[] = {QColor(0xe3, 0xf2, 0xfd), QColor(0xf1, 0xf8, 0xe9)};

QFont small(qreal size = 6.5)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(size);
    f.setStyleStrategy(QFont::PreferNoShaping); // no ligatures (see PageComposer::bodyFont)
    return f;
}

QString number(double v)
{
    return std::abs(v) >= 100 ? QString::number(v, 'f', 0) : QString::number(v, 'g', 4);
}

QString timeLabel(qint64 ms, qint64 span)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return t.toString(span > 20 * 3600000LL ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
}

void text(QPainter &p, const QRectF &r, int flags, const QString &s, const QColor &c = Qt::black)
{
    p.setPen(c);
    p.drawText(r, flags, Redactor::redact(s));
}

} // namespace

void ReportCharts::drawMetric(QPainter &p, const QRectF &box, const charts::MetricChart &metric,
                              const charts::ValidationData &data)
{
    p.setFont(small(8));
    text(p, QRectF(box.left(), box.top(), box.width(), 14), Qt::AlignLeft,
         QStringLiteral("%1%2").arg(
             metric.metric, metric.unit.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(metric.unit)));
    const QRectF plot(box.left() + 40, box.top() + 18, box.width() - 48, box.height() - 40);
    const qint64 from = data.firstAt;
    const qint64 to = std::max(data.lastAt, from + 1);
    const auto xOf
        = [&](qint64 at) { return plot.left() + plot.width() * double(at - from) / double(to - from); };

    double lo = metric.minValue;
    double hi = metric.maxValue;
    for (const charts::Threshold &t : metric.thresholds) {
        lo = std::min(lo, t.value);
        hi = std::max(hi, t.value);
    }
    if (hi - lo < 1e-9) {
        lo -= 1;
        hi += 1;
    }
    const double pad = (hi - lo) * 0.08;
    lo -= pad;
    hi += pad;
    const auto yOf = [&](double v) { return plot.bottom() - plot.height() * (v - lo) / (hi - lo); };

    // Stage bands, titled at the top; a rolled-back band is hatched.
    p.setFont(small());
    int i = 0;
    for (const charts::StageBand &b : data.stages) {
        const qreal x0 = xOf(std::max(b.start, from));
        const qreal x1 = xOf(b.end.value_or(to));
        const QRectF band(x0, plot.top(), std::max<qreal>(x1 - x0, 0.5), plot.height());
        p.fillRect(band, kBands[i++ % 2]);
        if (b.rolledBack)
            p.fillRect(band, QBrush(QColor(0xc6, 0x28, 0x28, 60), Qt::BDiagPattern));
        const QString label
            = b.rolloutPercent ? QStringLiteral("%1 (%2%)").arg(b.stage).arg(*b.rolloutPercent) : b.stage;
        text(p, QRectF(x0 + 2, plot.top() + 1, std::max<qreal>(x1 - x0 - 4, 40), 10),
             Qt::AlignLeft | Qt::TextSingleLine, label, kAxis);
    }

    // Axes and value labels.
    p.setPen(QPen(kAxis, 0.6));
    p.drawRect(plot);
    for (int k = 0; k <= 4; ++k) {
        const double v = lo + (hi - lo) * k / 4;
        text(p, QRectF(box.left(), yOf(v) - 5, 36, 10), Qt::AlignRight | Qt::AlignVCenter, number(v), kAxis);
    }
    for (int k = 0; k <= 4; ++k) {
        const qint64 at = from + (to - from) * k / 4;
        text(p, QRectF(xOf(at) - 40, plot.bottom() + 2, 80, 10), Qt::AlignHCenter, timeLabel(at, to - from),
             kAxis);
    }

    // Thresholds over the stages they apply in (a stage never entered has none to show), each once.
    QSet<QString> drawn;
    for (const charts::Threshold &t : metric.thresholds) {
        qreal x0 = plot.left();
        qreal x1 = plot.right();
        bool entered = t.stage.isEmpty();
        for (const charts::StageBand &b : data.stages)
            if (b.stage == t.stage) {
                x0 = xOf(std::max(b.start, from));
                x1 = xOf(b.end.value_or(to));
                entered = true;
            }
        const QString key = QStringLiteral("%1 %2 %3").arg(t.stage, t.op).arg(t.value);
        if (!entered || drawn.contains(key))
            continue;
        drawn.insert(key);
        p.setPen(QPen(kFail, 0.9, Qt::DashLine));
        p.drawLine(QPointF(x0, yOf(t.value)), QPointF(x1, yOf(t.value)));
        text(p, QRectF(x0 + 2, yOf(t.value) - 10, 160, 9), Qt::AlignLeft,
             QStringLiteral("%1 %2 %3").arg(t.gate, t.op, number(t.value)), kFail);
    }

    // The series, reduced to the plot's width; a gap ends the line.
    const charts::ChartSeries s = charts::Downsampler::downsample(metric.series, from, to, int(plot.width()));
    QPainterPath path;
    bool open = false;
    for (qsizetype k = 0; k < s.size(); ++k) {
        if (charts::ChartSeries::isGap(s.value[k])) {
            open = false;
            continue;
        }
        const QPointF pt(xOf(s.at[k]), yOf(s.value[k]));
        if (open)
            path.lineTo(pt);
        else
            path.moveTo(pt);
        open = true;
    }
    p.setPen(QPen(kLine, 1.1));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setPen(Qt::NoPen);
    p.setBrush(kFail);
    for (qsizetype k = 0; k < s.size(); ++k)
        if (s.outcome[k] == charts::PointOutcome::Fail && !charts::ChartSeries::isGap(s.value[k]))
            p.drawEllipse(QPointF(xOf(s.at[k]), yOf(s.value[k])), 1.6, 1.6);
    p.setBrush(Qt::NoBrush);
}

void ReportCharts::drawHistogram(QPainter &p, const QRectF &box, const charts::HistogramComparison &h,
                                 const QString &title)
{
    p.setFont(small(8));
    text(p, QRectF(box.left(), box.top(), box.width(), 14), Qt::AlignLeft, title);
    const QRectF plot(box.left() + 40, box.top() + 18, box.width() - 48, box.height() - 58);
    qsizetype most = 1;
    for (const auto &b : h.bins)
        most = std::max({most, b.baseline, b.current});
    p.setPen(QPen(kAxis, 0.6));
    p.drawRect(plot);
    p.setFont(small());
    text(p, QRectF(box.left(), plot.top() - 5, 36, 10), Qt::AlignRight, QString::number(most), kAxis);
    text(p, QRectF(box.left(), plot.bottom() - 5, 36, 10), Qt::AlignRight, QStringLiteral("0"), kAxis);
    if (!h.bins.isEmpty()) {
        const qreal bw = plot.width() / h.bins.size();
        for (qsizetype k = 0; k < h.bins.size(); ++k) {
            const auto &b = h.bins[k];
            const qreal x = plot.left() + k * bw;
            const qreal hb = plot.height() * double(b.baseline) / double(most);
            const qreal hc = plot.height() * double(b.current) / double(most);
            p.fillRect(QRectF(x + 1, plot.bottom() - hb, bw / 2 - 1, hb), kBaseline);
            p.fillRect(QRectF(x + bw / 2, plot.bottom() - hc, bw / 2 - 1, hc), kLine);
        }
        for (qsizetype k = 0; k <= h.bins.size(); k += std::max<qsizetype>(1, h.bins.size() / 4)) {
            const double v = k < h.bins.size() ? h.bins[k].from : h.bins.last().to;
            text(p, QRectF(plot.left() + k * bw - 30, plot.bottom() + 2, 60, 10), Qt::AlignHCenter, number(v),
                 kAxis);
        }
    }
    QStringList q;
    for (const auto &c : h.quantiles)
        q << QStringLiteral("p%1 %2 → %3").arg(int(c.p * 100)).arg(number(c.baseline), number(c.current));
    p.fillRect(QRectF(plot.left(), box.bottom() - 24, 8, 8), kBaseline);
    text(p, QRectF(plot.left() + 11, box.bottom() - 26, 200, 11), Qt::AlignLeft,
         QStringLiteral("previous stage (%1 values)").arg(h.baselineCount), kAxis);
    p.fillRect(QRectF(plot.left() + 170, box.bottom() - 24, 8, 8), kLine);
    text(p, QRectF(plot.left() + 181, box.bottom() - 26, 200, 11), Qt::AlignLeft,
         QStringLiteral("this stage (%1 values)").arg(h.currentCount), kAxis);
    text(p, QRectF(plot.left(), box.bottom() - 12, plot.width(), 11), Qt::AlignLeft,
         QStringLiteral("%1 — %2").arg(q.join(QStringLiteral(", ")), h.verdict), kAxis);
}

} // namespace cockpit::report
