#include "gui/panels/OverviewPanel.h"

#include "gui/GuiText.h"
#include "gui/models/GatesModel.h"
#include "gui/panels/StageStepper.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace cockpit::gui {

OverviewPanel::OverviewPanel(QWidget *parent)
    : RunPanel(parent)
    , m_stepper(new StageStepper(this))
    , m_soak(new QLabel(this))
    , m_blockers(new QLabel(this))
    , m_pending(new QLabel(this))
    , m_gates(new GatesModel(this))
    , m_gateView(new QTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *stages = new QGroupBox(tr("Stages"), this);
    auto *stagesLayout = new QVBoxLayout(stages);
    stagesLayout->addWidget(m_stepper);
    m_soak->setObjectName(QStringLiteral("soak"));
    QFont f = m_soak->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_soak->setFont(f);
    stagesLayout->addWidget(m_soak);
    layout->addWidget(stages);

    m_blockers->setObjectName(QStringLiteral("blockers"));
    m_blockers->setWordWrap(true);
    m_blockers->setTextFormat(Qt::PlainText);
    layout->addWidget(m_blockers);
    m_pending->setObjectName(QStringLiteral("pendingSummary"));
    layout->addWidget(m_pending);

    auto *gates = new QGroupBox(tr("Gates of the current stage"), this);
    auto *gatesLayout = new QVBoxLayout(gates);
    m_gateView->setModel(m_gates);
    m_gateView->setObjectName(QStringLiteral("gates"));
    m_gateView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_gateView->setWordWrap(true);
    m_gateView->verticalHeader()->hide();
    m_gateView->horizontalHeader()->setSectionResizeMode(GatesModel::Sentence, QHeaderView::Stretch);
    for (const int c : {int(GatesModel::Gate), int(GatesModel::Outcome), int(GatesModel::Streak),
                        int(GatesModel::TimeLeft)})
        m_gateView->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_gateView->setWordWrap(false);
    gatesLayout->addWidget(m_gateView);
    layout->addWidget(gates, 1);
}

void OverviewPanel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    m_gates->setSnapshot(snapshot);
    if (!snapshot) {
        m_stepper->setStages({});
        m_soak->clear();
        m_blockers->clear();
        m_pending->clear();
        return;
    }
    const RunStatus &st = snapshot->status;
    m_stepper->setStages(snapshot->stages);
    if (st.soakEnd && st.soakStart) {
        const qint64 total = *st.soakEnd - *st.soakStart;
        m_soak->setText(st.soakRemaining.count() > 0
                            ? tr("Soak: %1 left of %2 · ends %3")
                                  .arg(GuiText::countdown(st.soakRemaining.count()), GuiText::duration(total),
                                       GuiText::clockTime(*st.soakEnd))
                            : tr("Soak: complete (%1)").arg(GuiText::duration(total)));
    } else {
        m_soak->setText(st.waitingFor);
    }
    QStringList blockers = st.t0Blockers + st.blockers;
    if (st.needsSecondApprover)
        blockers << tr("promoting into the next stage needs a second person's approval");
    m_blockers->setText(blockers.isEmpty()
                            ? tr("No blockers.")
                            : tr("Blockers:\n• %1").arg(blockers.join(QStringLiteral("\n• "))));
    m_pending->setText(st.pending.isEmpty() ? QString {}
                                            : tr("%n decision(s) waiting — see the Decisions tab.", nullptr,
                                                 int(st.pending.size())));
    m_badge = blockers.isEmpty() ? QString {} : QString::number(blockers.size());
}

} // namespace cockpit::gui
