#include "gui/panels/DecisionsPanel.h"

#include "gui/dialogs/Confirmation.h"
#include "gui/models/PendingModel.h"
#include "gui/panels/CommandButton.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cockpit::gui {

namespace {
const QStringList kDecideKinds {QStringLiteral("gate"),          QStringLiteral("action"),
                                QStringLiteral("check"),         QStringLiteral("trigger"),
                                QStringLiteral("rollback_step"), QStringLiteral("schedule")};

CommandButton *commandButton(const QString &text, const char *name, QWidget *parent)
{
    auto *b = new CommandButton(text, parent);
    b->setObjectName(QLatin1String(name));
    return b;
}

const StageSnapshot *nextStage(const RunSnapshot &s)
{
    for (int i = 0; i + 1 < s.stages.size(); ++i)
        if (s.stages.at(i).state == StageSnapshot::State::Current)
            return &s.stages.at(i + 1);
    return nullptr;
}
} // namespace

DecisionsPanel::DecisionsPanel(QWidget *parent)
    : RunPanel(parent)
    , m_model(new PendingModel(this))
    , m_view(new QTableView(this))
    , m_reason(new QLineEdit(this))
    , m_approver(new QLineEdit(this))
    , m_actions(new QWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Decisions waiting for a person:"), this));
    m_view->setObjectName(QStringLiteral("pending"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(PendingModel::Why, QHeaderView::Stretch);
    layout->addWidget(m_view, 1);

    auto *actionsLayout = new QVBoxLayout(m_actions);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("Why — journaled with your name"));
    form->addRow(tr("&Reason:"), m_reason);
    m_approver->setObjectName(QStringLiteral("approver"));
    m_approver->setPlaceholderText(tr("Name of the second person (not the lead)"));
    form->addRow(tr("Se&cond person:"), m_approver);
    actionsLayout->addLayout(form);

    auto *decision = new QGroupBox(tr("Selected decision"), m_actions);
    auto *decisionRow = new QGridLayout(decision);
    m_accept = commandButton(tr("&Accept"), "accept", decision);
    m_reject = commandButton(tr("Re&ject / run again"), "reject", decision);
    m_confirmGate = commandButton(tr("&Confirm manual gate"), "confirmGate", decision);
    m_confirmWrite = commandButton(tr("Confirm &write"), "confirmWrite", decision);
    m_approve = commandButton(tr("A&pprove as second person"), "approve", decision);
    const QList<CommandButton *> row1 {m_accept, m_reject, m_confirmGate, m_confirmWrite, m_approve};
    for (int i = 0; i < row1.size(); ++i)
        decisionRow->addWidget(row1.at(i), 0, i, Qt::AlignTop);
    actionsLayout->addWidget(decision);

    auto *run = new QGroupBox(tr("Run"), m_actions);
    auto *runRow = new QGridLayout(run);
    m_enterStage = commandButton(tr("&Enter stage"), "enterStage", run);
    m_promote = commandButton(tr("Pro&mote"), "promote", run);
    m_hold = commandButton(tr("&Hold"), "hold", run);
    m_resume = commandButton(tr("Res&ume"), "resume", run);
    m_rollBack = commandButton(tr("&Roll back…"), "rollBack", run);
    m_rollBack->button()->setStyleSheet(
        QStringLiteral("QPushButton:enabled { color: #b3261e; font-weight: bold; }"));
    const QList<CommandButton *> row2 {m_enterStage, m_promote, m_hold, m_resume, m_rollBack};
    for (int i = 0; i < row2.size(); ++i)
        runRow->addWidget(row2.at(i), 0, i, Qt::AlignTop);
    actionsLayout->addWidget(run);
    layout->addWidget(m_actions);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_selectedKey
                    = current.isValid() ? current.data(SnapshotTableModel::KeyRole).toString() : QString {};
                refreshActions();
            });
    connect(m_reason, &QLineEdit::textChanged, this, &DecisionsPanel::refreshActions);
    connect(m_approver, &QLineEdit::textChanged, this, &DecisionsPanel::refreshActions);
    connect(m_accept, &CommandButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &CommandButton::clicked, this, [this] { decide(false); });
    connect(m_confirmGate, &CommandButton::clicked, this, [this] {
        if (const PendingDecision *p = selected())
            send(
                {EngineCommand::Kind::ConfirmManualGate, {}, p->kind, p->target, true, {}, m_reason->text()});
    });
    connect(m_confirmWrite, &CommandButton::clicked, this, [this] {
        const PendingDecision *p = selected();
        if (p
            && Confirmation::ask(this, tr("Confirm write"),
                                 tr("Run the write %1 now?\n\n%2").arg(p->target, p->why)))
            send({EngineCommand::Kind::ConfirmWrite, {}, p->kind, p->target, true, m_reason->text(), {}});
    });
    connect(m_approve, &CommandButton::clicked, this, [this] {
        send(
            {EngineCommand::Kind::Approve, m_approver->text().trimmed(), {}, {}, true, {}, m_reason->text()});
    });
    connect(m_enterStage, &CommandButton::clicked, this, [this] {
        if (const PendingDecision *p = selected(); p && p->kind == QLatin1String("enter_stage"))
            send({EngineCommand::Kind::EnterStage, {}, QStringLiteral("stage"), p->target, true, {}, {}});
        else if (m_snapshot)
            for (const PendingDecision &d : m_snapshot->status.pending)
                if (d.kind == QLatin1String("enter_stage")) {
                    send({EngineCommand::Kind::EnterStage,
                          {},
                          QStringLiteral("stage"),
                          d.target,
                          true,
                          {},
                          {}});
                    break;
                }
    });
    connect(m_promote, &CommandButton::clicked, this, &DecisionsPanel::promote);
    connect(m_hold, &CommandButton::clicked, this, [this] {
        send({EngineCommand::Kind::Hold, {}, {}, {}, true, m_reason->text(), {}});
    });
    connect(m_resume, &CommandButton::clicked, this, [this] {
        send({EngineCommand::Kind::Resume, {}, {}, {}, true, m_reason->text(), {}});
    });
    connect(m_rollBack, &CommandButton::clicked, this, &DecisionsPanel::rollBack);
    refreshActions();
}

void DecisionsPanel::beginDecision()
{
    if (m_selectedKey.isEmpty() && m_model->rowCount() > 0) {
        m_view->setCurrentIndex(m_model->index(0, 0));
        m_selectedKey = m_model->index(0, 0).data(SnapshotTableModel::KeyRole).toString();
        refreshActions();
    }
    m_view->scrollTo(m_view->currentIndex());
    m_reason->setFocus(Qt::ShortcutFocusReason);
}

CommandButton *DecisionsPanel::action(const QString &name) const
{
    return findChild<CommandButton *>(name);
}

void DecisionsPanel::setPerson(const QString &person)
{
    m_person = person;
    refreshActions();
}

void DecisionsPanel::setViewer(bool viewer)
{
    RunPanel::setViewer(viewer);
    m_actions->setVisible(!viewer);
    refreshActions();
}

QString DecisionsPanel::badge() const
{
    const qsizetype n = m_snapshot ? m_snapshot->status.pending.size() : 0;
    return n > 0 ? QString::number(n) : QString {};
}

void DecisionsPanel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    const QString keep = m_selectedKey;
    m_model->setSnapshot(snapshot);
    selectKey(keep);
    refreshActions();
}

void DecisionsPanel::selectKey(const QString &key)
{
    const int row = key.isEmpty() ? -1 : m_model->rowOf(key);
    m_selectedKey = row >= 0 ? key : QString {};
    QItemSelectionModel *sel = m_view->selectionModel();
    const QSignalBlocker block(sel);
    if (row < 0) {
        sel->clear();
        return;
    }
    const QModelIndex idx = m_model->index(row, 0);
    if (sel->currentIndex().row() != row)
        sel->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

const PendingDecision *DecisionsPanel::selected() const
{
    const int row = m_selectedKey.isEmpty() ? -1 : m_model->rowOf(m_selectedKey);
    return m_model->decisionAt(row);
}

void DecisionsPanel::refreshActions()
{
    const QList<CommandButton *> all {m_accept,     m_reject,  m_confirmGate, m_confirmWrite, m_approve,
                                      m_enterStage, m_promote, m_hold,        m_resume,       m_rollBack};
    if (m_viewer || (m_snapshot && m_snapshot->readOnly)) {
        for (CommandButton *b : all)
            b->setBlockedBy(tr("read-only viewer"));
        return;
    }
    if (!m_snapshot || m_snapshot->outcome.size() > 0) {
        const QString why = m_snapshot ? tr("the run has ended") : tr("no run is open");
        for (CommandButton *b : all)
            b->setBlockedBy(why);
        return;
    }
    const RunSnapshot &s = *m_snapshot;
    const PendingDecision *p = selected();
    const bool hasReason = !m_reason->text().trimmed().isEmpty();
    const QString kind = p ? p->kind : QString {};

    QString decideWhy;
    if (!p)
        decideWhy = tr("select a decision in the list above");
    else if (!kDecideKinds.contains(kind))
        decideWhy = tr("a %1 is not accepted or rejected here").arg(kind);
    else if (!hasReason)
        decideWhy = tr("write a reason first");
    m_accept->setBlockedBy(decideWhy);
    m_reject->setBlockedBy(decideWhy);

    m_confirmGate->setBlockedBy(kind == QLatin1String("manual_gate") ? QString {}
                                                                     : tr("select a manual gate to confirm"));
    m_confirmWrite->setBlockedBy(
        kind == QLatin1String("confirm_write") ? QString {} : tr("select a write waiting for confirmation"));

    bool approvalPending = s.status.needsSecondApprover;
    for (const PendingDecision &d : s.status.pending)
        approvalPending = approvalPending || d.kind == QLatin1String("second_approval");
    const QString approver = m_approver->text().trimmed();
    if (!approvalPending)
        m_approve->setBlockedBy(tr("no second approval is needed now"));
    else if (approver.isEmpty())
        m_approve->setBlockedBy(tr("enter the second person's name"));
    else if (approver.compare(m_person, Qt::CaseInsensitive) == 0 || approver == s.lead)
        m_approve->setBlockedBy(tr("the lead cannot approve their own promotion: a second person is needed"));
    else
        m_approve->setBlockedBy({});

    bool enterPending = false;
    for (const PendingDecision &d : s.status.pending)
        enterPending = enterPending || d.kind == QLatin1String("enter_stage");
    m_enterStage->setBlockedBy(enterPending ? QString {} : tr("no stage is waiting to be entered"));

    const StageSnapshot *next = nextStage(s);
    const bool inStage = s.status.phase == RunState::Phase::InStage;
    m_promote->setText(next && next->trafficPercent ? tr("Pro&mote to %1 % (%2)")
                                                          .arg(*next->trafficPercent)
                                                          .arg(next->title.isEmpty() ? next->id : next->title)
                           : next ? tr("Pro&mote to %1").arg(next->title.isEmpty() ? next->id : next->title)
                                  : tr("Pro&mote (finish the last stage)"));
    if (!inStage)
        m_promote->setBlockedBy(tr("no stage is running"));
    else if (!s.status.blockers.isEmpty())
        m_promote->setBlockedBy(s.status.blockers.join(QStringLiteral("; ")));
    else
        m_promote->setBlockedBy({});

    m_hold->setBlockedBy(s.held ? tr("the run is on hold already") : QString {});
    m_resume->setBlockedBy(s.held ? QString {} : tr("the run is not on hold"));
    const bool canRollBack = inStage || s.status.phase == RunState::Phase::FollowUp;
    m_rollBack->setBlockedBy(!canRollBack     ? tr("no stage is running: nothing to roll back")
                                 : !hasReason ? tr("write a reason first")
                                              : QString {});
}

void DecisionsPanel::send(const EngineCommand &command)
{
    Q_EMIT commandRequested(command);
}

void DecisionsPanel::decide(bool accept)
{
    const PendingDecision *p = selected();
    if (!p)
        return;
    send({EngineCommand::Kind::Decide, {}, p->kind, p->target, accept, m_reason->text().trimmed(), {}});
}

void DecisionsPanel::promote()
{
    if (!m_snapshot)
        return;
    const StageSnapshot *next = nextStage(*m_snapshot);
    const QString what = next
        ? tr("Promote to stage %1%2: its rollout actions run against the real systems.")
              .arg(next->title.isEmpty() ? next->id : next->title,
                   next->trafficPercent ? tr(" (%1 % of traffic)").arg(*next->trafficPercent) : QString {})
        : tr("Promote the last stage: the run finishes.");
    if (Confirmation::ask(this, tr("Promote"), what))
        send({EngineCommand::Kind::Promote, {}, {}, {}, true, m_reason->text().trimmed(), {}});
}

void DecisionsPanel::rollBack()
{
    const QString reason = m_reason->text().trimmed();
    if (Confirmation::ask(this, tr("Roll back"),
                          tr("Start the rollback now? Its steps run in order against the real systems; the "
                             "stopwatch starts against the target.\n\nReason: %1")
                              .arg(reason)))
        send({EngineCommand::Kind::RollBack, {}, {}, {}, true, reason, {}});
}

} // namespace cockpit::gui
