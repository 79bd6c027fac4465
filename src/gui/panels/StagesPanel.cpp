#include "gui/panels/StagesPanel.h"

#include "gui/dialogs/Confirmation.h"
#include "gui/panels/CommandButton.h"
#include "gui/panels/StageCard.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace cockpit::gui {

namespace {

const StageSnapshot *nextStage(const RunSnapshot &s)
{
    for (int i = 0; i + 1 < s.stages.size(); ++i)
        if (s.stages.at(i).state == StageSnapshot::State::Current)
            return &s.stages.at(i + 1);
    return nullptr;
}

QString stageName(const StageSnapshot &st)
{
    return st.title.isEmpty() ? st.id : st.title;
}

// A stage waiting to be entered (the first one, or one to restart after a rollback), if any.
const StageSnapshot *stageToEnter(const RunSnapshot &s)
{
    if (s.status.phase == RunState::Phase::InStage || s.status.phase == RunState::Phase::RollingBack)
        return nullptr;
    for (const PendingDecision &d : s.status.pending)
        if (d.kind == QLatin1String("enter_stage"))
            for (const StageSnapshot &st : s.stages)
                if (st.id == d.target)
                    return &st;
    return nullptr;
}

} // namespace

StagesPanel::StagesPanel(QWidget *parent)
    : RunPanel(parent)
    , m_summary(new QLabel(this))
    , m_actions(new QGroupBox(tr("Running stage"), this))
    , m_reason(new QLineEdit(this))
    , m_approver(new QLineEdit(this))
    , m_promote(new CommandButton(tr("Promote"), this))
    , m_approve(new CommandButton(tr("Approve as second person"), this))
    , m_hold(new CommandButton(tr("Hold"), this))
{
    auto *layout = new QVBoxLayout(this);
    m_summary->setObjectName(QStringLiteral("stagesSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto *actions = new QVBoxLayout(m_actions);
    auto *form = new QFormLayout;
    m_reason->setObjectName(QStringLiteral("stageReason"));
    m_reason->setPlaceholderText(tr("Why — journaled with your name (optional)"));
    form->addRow(tr("Reason:"), m_reason);
    m_approver->setObjectName(QStringLiteral("stageApprover"));
    m_approver->setPlaceholderText(tr("Name of the second person (not the lead)"));
    form->addRow(tr("Second person:"), m_approver);
    actions->addLayout(form);
    auto *buttons = new QHBoxLayout;
    m_promote->setObjectName(QStringLiteral("stagePromote"));
    m_approve->setObjectName(QStringLiteral("stageApprove"));
    m_hold->setObjectName(QStringLiteral("stageHold"));
    for (CommandButton *b : {m_promote, m_approve, m_hold})
        buttons->addWidget(b, 0, Qt::AlignTop);
    buttons->addStretch(1);
    actions->addLayout(buttons);
    layout->addWidget(m_actions);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *cards = new QWidget(scroll);
    m_cardLayout = new QVBoxLayout(cards);
    m_cardLayout->setContentsMargins(0, 0, 0, 0);
    m_cardLayout->addStretch(1);
    scroll->setWidget(cards);
    layout->addWidget(scroll, 1);

    connect(m_reason, &QLineEdit::textChanged, this, &StagesPanel::refreshActions);
    connect(m_approver, &QLineEdit::textChanged, this, &StagesPanel::refreshActions);
    connect(m_promote, &CommandButton::clicked, this, &StagesPanel::promote);
    connect(m_approve, &CommandButton::clicked, this, [this] {
        Q_EMIT commandRequested(
            {EngineCommand::Kind::Approve, m_approver->text().trimmed(), {}, {}, true, {}, m_reason->text()});
    });
    connect(m_hold, &CommandButton::clicked, this, [this] {
        const bool held = m_snapshot && m_snapshot->held;
        Q_EMIT commandRequested({held ? EngineCommand::Kind::Resume : EngineCommand::Kind::Hold,
                                 {},
                                 {},
                                 {},
                                 true,
                                 m_reason->text().trimmed(),
                                 {}});
    });
    refreshActions();
}

void StagesPanel::setViewer(bool viewer)
{
    RunPanel::setViewer(viewer);
    m_actions->setVisible(!viewer);
    refreshActions();
}

void StagesPanel::setPerson(const QString &person)
{
    m_person = person;
    refreshActions();
}

void StagesPanel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    const qsizetype n = snapshot ? snapshot->stages.size() : 0;
    while (m_cards.size() > n)
        delete m_cards.takeLast();
    while (m_cards.size() < n) {
        auto *card = new StageCard(this);
        m_cardLayout->insertWidget(int(m_cards.size()), card);
        m_cards << card;
    }
    for (int i = 0; i < n; ++i)
        m_cards.at(i)->setStage(*snapshot, i);

    if (!snapshot || snapshot->stages.isEmpty()) {
        m_summary->setText(snapshot ? tr("This runbook has no stages.") : tr("No run is open."));
    } else if (snapshot->status.stageIndex >= 0 && snapshot->status.stageIndex < n) {
        const StageSnapshot &st = snapshot->stages.at(snapshot->status.stageIndex);
        m_summary->setText(
            tr("Stage %1 of %2: %3%4")
                .arg(snapshot->status.stageIndex + 1)
                .arg(n)
                .arg(stageName(st),
                     st.trafficPercent ? tr(" (%1 % of traffic)").arg(*st.trafficPercent) : QString {}));
    } else {
        m_summary->setText(tr("%1 stages; none is running.").arg(n));
    }
    refreshActions();
}

void StagesPanel::refreshActions()
{
    const QList<CommandButton *> all {m_promote, m_approve, m_hold};
    const StageSnapshot *next = m_snapshot ? nextStage(*m_snapshot) : nullptr;
    const StageSnapshot *enter = m_snapshot ? stageToEnter(*m_snapshot) : nullptr;
    if (enter)
        m_promote->setText(enter->trafficPercent
                               ? tr("Enter %1 (%2 %)").arg(stageName(*enter)).arg(*enter->trafficPercent)
                               : tr("Enter %1").arg(stageName(*enter)));
    else
        m_promote->setText(next && next->trafficPercent ? tr("Promote to %1 %").arg(*next->trafficPercent)
                               : next                   ? tr("Promote to %1").arg(stageName(*next))
                                                        : tr("Finish the last stage"));
    if (m_viewer || (m_snapshot && m_snapshot->readOnly)) {
        for (CommandButton *b : all)
            b->setBlockedBy(tr("read-only viewer"));
        return;
    }
    if (!m_snapshot || !m_snapshot->outcome.isEmpty()) {
        const QString why = m_snapshot ? tr("the run has ended") : tr("no run is open");
        for (CommandButton *b : all)
            b->setBlockedBy(why);
        return;
    }
    const RunSnapshot &s = *m_snapshot;
    const bool inStage = s.status.phase == RunState::Phase::InStage;
    if (enter)
        m_promote->setBlockedBy(!s.status.t0Blockers.isEmpty()
                                    ? s.status.t0Blockers.join(QStringLiteral("; "))
                                    : s.held ? tr("the run is on hold: resume first")
                                             : QString {});
    else if (!inStage)
        m_promote->setBlockedBy(s.status.phase == RunState::Phase::RollingBack ? tr("the run is rolling back")
                                                                               : tr("no stage is running"));
    else if (!s.status.blockers.isEmpty())
        m_promote->setBlockedBy(s.status.blockers.join(QStringLiteral("; ")));
    else if (s.held)
        m_promote->setBlockedBy(tr("the run is on hold: resume first"));
    else
        m_promote->setBlockedBy({});

    bool approvalPending = false;
    for (const PendingDecision &d : s.status.pending)
        approvalPending = approvalPending || d.kind == QLatin1String("second_approval");
    for (const QString &b : s.status.blockers)
        approvalPending = approvalPending || b.startsWith(QLatin1String("second approver"));
    const QString approver = m_approver->text().trimmed();
    const QString lead = m_person.isEmpty() ? s.lead : m_person;
    if (!approvalPending)
        m_approve->setBlockedBy(s.status.needsSecondApprover ? tr("the next stage is approved already")
                                                             : tr("the next stage needs no second approval"));
    else if (approver.isEmpty())
        m_approve->setBlockedBy(tr("enter the second person's name"));
    else if (approver.compare(lead, Qt::CaseInsensitive) == 0
             || approver.compare(s.lead, Qt::CaseInsensitive) == 0)
        m_approve->setBlockedBy(
            tr("%1 leads this run and cannot approve their own promotion: a second person is needed")
                .arg(lead));
    else
        m_approve->setBlockedBy({});

    m_hold->setText(s.held ? tr("Resume") : tr("Hold"));
    m_hold->setBlockedBy({}); // hold is always available while the run goes on
}

void StagesPanel::promote()
{
    if (!m_snapshot)
        return;
    const RunSnapshot &s = *m_snapshot;
    if (const StageSnapshot *enter = stageToEnter(s)) {
        if (Confirmation::ask(
                this, tr("Enter stage"),
                tr("Enter stage %1%2: its rollout actions run against the real systems, and its "
                   "soak and gates start.")
                    .arg(stageName(*enter),
                         enter->trafficPercent ? tr(" (%1 % of traffic)").arg(*enter->trafficPercent)
                                               : QString {})))
            Q_EMIT commandRequested({EngineCommand::Kind::EnterStage,
                                     {},
                                     QStringLiteral("stage"),
                                     enter->id,
                                     true,
                                     m_reason->text().trimmed(),
                                     {}});
        return;
    }
    const StageSnapshot *next = nextStage(s);
    const QString what = next
        ? tr("Promote to stage %1%2: its rollout actions run against the real systems, and its soak and "
             "gates start.")
              .arg(stageName(*next),
                   next->trafficPercent ? tr(" (%1 % of traffic)").arg(*next->trafficPercent) : QString {})
        : tr("Finish the last stage: the run moves on to its follow-up or ends.");
    if (Confirmation::ask(this, tr("Promote"), what))
        Q_EMIT commandRequested(
            {EngineCommand::Kind::Promote, {}, {}, {}, true, m_reason->text().trimmed(), {}});
}

} // namespace cockpit::gui
