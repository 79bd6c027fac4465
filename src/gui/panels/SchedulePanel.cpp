#include "gui/panels/SchedulePanel.h"

#include "gui/GuiText.h"
#include "gui/models/ScheduleModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace cockpit::gui {

SchedulePanel::SchedulePanel(QWidget *parent)
    : RunPanel(parent)
    , m_model(new ScheduleModel(this))
    , m_summary(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_summary->setObjectName(QStringLiteral("scheduleSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    auto *view = new QTableView(this);
    view->setObjectName(QStringLiteral("schedule"));
    view->setModel(m_model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(ScheduleModel::Item, QHeaderView::Stretch);
    layout->addWidget(view, 1);
}

void SchedulePanel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    m_model->setSnapshot(snapshot);
    if (!snapshot) {
        m_summary->clear();
        return;
    }
    const RunStatus &st = snapshot->status;
    QStringList lines;
    if (!st.waitingFor.isEmpty())
        lines << st.waitingFor;
    for (const QString &b : st.t0Blockers)
        lines << tr("T-0 held: %1").arg(b);
    if (st.pointOfNoReturnAt) {
        lines << (*st.pointOfNoReturnAt > snapshot->now
                      ? tr("Point of no return at %1, in %2")
                            .arg(GuiText::clockTime(*st.pointOfNoReturnAt),
                                 GuiText::duration(*st.pointOfNoReturnAt - snapshot->now))
                      : tr("Point of no return passed at %1: a rollback is a decision now")
                            .arg(GuiText::clockTime(*st.pointOfNoReturnAt)));
    }
    if (snapshot->schedule.isEmpty())
        lines << tr("The runbook has no schedule.");
    m_summary->setText(lines.join(QLatin1Char('\n')));
}

} // namespace cockpit::gui
