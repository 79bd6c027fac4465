#include "gui/panels/ErrorPatternsView.h"

#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace cockpit::gui {

namespace {

enum Column { Stage, Message, Before, Now, New, ColumnCount };

struct Row
{
    QString stage;
    QString message;
    int before = 0;
    int now = 0;
    bool isNew() const { return now > 0 && before == 0; }
};

} // namespace

ErrorPatternsView::ErrorPatternsView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    auto *layout = new QVBoxLayout(this);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("errorPatternsSummary"));
    layout->addWidget(m_summary);
    m_table->setObjectName(QStringLiteral("errorPatterns"));
    m_table->setHorizontalHeaderLabels(
        {tr("Stage"), tr("Message"), tr("Previous stage"), tr("This stage"), tr("New")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(Message, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    setData(nullptr);
}

void ErrorPatternsView::setData(const charts::ValidationDataPtr &data)
{
    QList<Row> rows;
    if (data) {
        for (const charts::GateValueSet &set : data->valueSets) {
            if (set.baselineText.isEmpty() && set.currentText.isEmpty())
                continue;
            QMap<QString, Row> byMessage;
            for (const QString &m : set.baselineText) {
                Row &r = byMessage[m.trimmed()];
                r.before += 1;
            }
            for (const QString &m : set.currentText) {
                Row &r = byMessage[m.trimmed()];
                r.now += 1;
            }
            for (auto it = byMessage.begin(); it != byMessage.end(); ++it) {
                if (it.key().isEmpty())
                    continue;
                it->stage = set.stage;
                it->message = it.key();
                rows << *it;
            }
        }
    }
    // NEW first; otherwise by stage as the run went, messages in order.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row &a, const Row &b) { return a.isNew() && !b.isNew(); });
    m_table->setRowCount(int(rows.size()));
    int fresh = 0;
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        fresh += r.isNew() ? 1 : 0;
        m_table->setItem(i, Stage, new QTableWidgetItem(r.stage));
        m_table->setItem(i, Message, new QTableWidgetItem(r.message));
        m_table->setItem(i, Before, new QTableWidgetItem(QString::number(r.before)));
        m_table->setItem(i, Now, new QTableWidgetItem(QString::number(r.now)));
        auto *flag = new QTableWidgetItem(r.isNew() ? tr("NEW") : QString());
        if (r.isNew()) {
            QFont f = flag->font();
            f.setBold(true);
            flag->setFont(f);
            flag->setForeground(QColor(0xc6, 0x28, 0x28));
        }
        m_table->setItem(i, New, flag);
    }
    m_summary->setText(
        rows.isEmpty()
            ? tr("No error patterns collected yet (no_new_values gates collect the messages of "
                 "this stage and the previous one when the gate is evaluated).")
            : tr("%n message(s) new in this stage, not seen in the previous one.", nullptr, fresh));
}

} // namespace cockpit::gui
