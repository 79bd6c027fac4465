#include "gui/panels/DurationHistogramView.h"

#include <QComboBox>
#include <QLabel>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>
#include <cmath>

namespace cockpit::gui {

namespace {

QString number(double v)
{
    return std::isfinite(v) ? QString::number(v, 'f', v < 100 ? 1 : 0) : QStringLiteral("–");
}

QString change(double c)
{
    return std::isfinite(c)
        ? QStringLiteral("%1%2 %").arg(c >= 0 ? QStringLiteral("+") : QString()).arg(c * 100, 0, 'f', 1)
        : QStringLiteral("–");
}

} // namespace

DurationHistogramView::DurationHistogramView(QWidget *parent)
    : QWidget(parent)
    , m_choice(new QComboBox(this))
    , m_chart(new QChartView(new QChart, this))
    , m_summary(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_choice->setObjectName(QStringLiteral("histogramChoice"));
    layout->addWidget(m_choice);
    m_chart->setMinimumHeight(260);
    m_chart->chart()->setMargins(QMargins(2, 2, 2, 2));
    layout->addWidget(m_chart, 1);
    m_summary->setObjectName(QStringLiteral("histogramSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &DurationHistogramView::show);
    show(-1);
}

void DurationHistogramView::setEntries(const QList<Entry> &entries)
{
    const QString previous = m_choice->currentText();
    m_entries = entries;
    const QSignalBlocker block(m_choice);
    m_choice->clear();
    for (const Entry &e : entries)
        m_choice->addItem(tr("%1 / %2").arg(e.stage, e.gate));
    const int keep = m_choice->findText(previous);
    m_choice->setCurrentIndex(keep >= 0 ? keep : int(entries.size()) - 1);
    show(m_choice->currentIndex());
}

QString DurationHistogramView::summaryText() const
{
    return m_summary->text();
}

void DurationHistogramView::show(int index)
{
    QChart *chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *a : chart->axes()) {
        chart->removeAxis(a); // gives the axis back to us
        delete a;
    }
    if (index < 0 || index >= m_entries.size()) {
        chart->setTitle({});
        m_summary->setText(tr("No comparison gate has collected values yet (no_degradation gates collect the "
                              "durations of this stage and the previous one when the gate is evaluated)."));
        return;
    }
    const charts::HistogramComparison &h = m_entries.at(index).comparison;
    auto *previous = new QBarSet(tr("previous stage (%1)").arg(h.baselineCount));
    auto *current = new QBarSet(tr("this stage (%1)").arg(h.currentCount));
    previous->setColor(QColor(0x90, 0xa4, 0xae));
    current->setColor(QColor(0x1f, 0x4e, 0x79));
    QStringList categories;
    // Shares, not counts: a stage at 100 % of the traffic has many times the values of one at 10 %, and it
    // is the shape that is compared.
    double top = 1;
    const auto share
        = [](qsizetype n, qsizetype total) { return total > 0 ? 100.0 * double(n) / double(total) : 0.0; };
    for (const auto &b : h.bins) {
        *previous << share(b.baseline, h.baselineCount);
        *current << share(b.current, h.currentCount);
        categories << number(b.from);
        top = qMax(top, qMax(share(b.baseline, h.baselineCount), share(b.current, h.currentCount)));
    }
    auto *series = new QBarSeries;
    series->append(previous);
    series->append(current);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("value in seconds (bin start)"));
    auto *y = new QValueAxis;
    y->setRange(0, top * 1.1);
    y->setLabelFormat(QStringLiteral("%.0f %%"));
    y->setTitleText(tr("share of the stage's values"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignTop);

    QString rows;
    for (const auto &q : h.quantiles)
        rows += QStringLiteral("<tr><td>p%1</td><td align=right>%2</td><td align=right>%3</td><td "
                               "align=right>%4</td></tr>")
                    .arg(int(std::round(q.p * 100)))
                    .arg(number(q.baseline), number(q.current), change(q.change));
    QString slow;
    if (h.limit)
        slow = tr("<p>Above %1 s (30 min): %2 % of this stage against %3 % before.</p>")
                   .arg(number(*h.limit))
                   .arg(h.currentShareAbove * 100, 0, 'f', 1)
                   .arg(h.baselineShareAbove * 100, 0, 'f', 1);
    m_summary->setText(
        tr("<table cellspacing=6><tr><th></th><th>previous stage</th><th>this stage</th><th>change</th></tr>"
           "%1</table>%2<p><b>%3</b></p>")
            .arg(rows, slow, h.words.toHtmlEscaped()));
}

} // namespace cockpit::gui
