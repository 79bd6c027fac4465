#include "gui/panels/RollbackPanel.h"

#include "gui/GuiText.h"
#include "gui/dialogs/Confirmation.h"
#include "gui/models/TriggersModel.h"
#include "gui/panels/CommandButton.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cockpit::gui {

namespace {

QString stepSymbol(const QString &status)
{
    if (status == QLatin1String("ok"))
        return QStringLiteral("✔");
    if (status == QLatin1String("accepted"))
        return QStringLiteral("☑");
    if (status == QLatin1String("failed"))
        return QStringLiteral("✖");
    if (status == QLatin1String("started"))
        return QStringLiteral("▶");
    return QStringLiteral("☐");
}

} // namespace

RollbackPanel::RollbackPanel(QWidget *parent)
    : RunPanel(parent)
    , m_model(new TriggersModel(this))
    , m_stopwatch(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_who(new QLabel(this))
    , m_steps(new QListWidget(this))
    , m_view(new QTableView(this))
    , m_actions(new QWidget(this))
    , m_reason(new QLineEdit(this))
    , m_rollBack(new CommandButton(tr("Roll &back…"), this))
    , m_raise(new CommandButton(tr("Raise &trigger…"), this))
{
    auto *layout = new QVBoxLayout(this);

    auto *procedure = new QGroupBox(tr("Rollback procedure"), this);
    auto *pl = new QVBoxLayout(procedure);
    m_stopwatch->setObjectName(QStringLiteral("rollbackClock"));
    QFont f = m_stopwatch->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.4);
    m_stopwatch->setFont(f);
    pl->addWidget(m_stopwatch);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(10);
    pl->addWidget(m_progress);
    m_who->setWordWrap(true);
    pl->addWidget(m_who);
    m_steps->setObjectName(QStringLiteral("rollbackChecklist"));
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setMaximumHeight(160);
    pl->addWidget(m_steps);
    layout->addWidget(procedure);

    auto *al = new QHBoxLayout(m_actions);
    al->setContentsMargins(0, 0, 0, 0);
    m_reason->setObjectName(QStringLiteral("rollbackReason"));
    m_reason->setPlaceholderText(tr("Why — journaled with your name (for a rollback or a raised trigger)"));
    m_rollBack->setObjectName(QStringLiteral("rollbackStart"));
    m_rollBack->button()->setStyleSheet(
        QStringLiteral("QPushButton:enabled { color: #b3261e; font-weight: bold; }"));
    m_raise->setObjectName(QStringLiteral("raiseTrigger"));
    al->addWidget(m_reason, 1, Qt::AlignTop);
    al->addWidget(m_rollBack, 0, Qt::AlignTop);
    al->addWidget(m_raise, 0, Qt::AlignTop);
    layout->addWidget(m_actions);

    layout->addWidget(new QLabel(tr("Triggers — each with its condition and the values last seen:"), this));
    m_view->setObjectName(QStringLiteral("triggers"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    for (int c = 0; c < TriggersModel::Seen; ++c)
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TriggersModel::Seen, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);

    connect(m_reason, &QLineEdit::textChanged, this, &RollbackPanel::refreshActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RollbackPanel::refreshActions);
    connect(m_rollBack, &CommandButton::clicked, this, &RollbackPanel::rollBack);
    connect(m_raise, &CommandButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (!current.isValid())
            return;
        const QString id = current.data(SnapshotTableModel::KeyRole).toString();
        if (Confirmation::ask(
                this, tr("Raise trigger"),
                tr("Raise trigger %1 now? Its action (rollback, extend, incident) follows.").arg(id)))
            Q_EMIT commandRequested({EngineCommand::Kind::RaiseTrigger,
                                     {},
                                     QStringLiteral("trigger"),
                                     id,
                                     true,
                                     m_reason->text().trimmed(),
                                     {}});
    });
    refreshActions();
}

void RollbackPanel::setViewer(bool viewer)
{
    RunPanel::setViewer(viewer);
    m_actions->setVisible(!viewer);
    refreshActions();
}

void RollbackPanel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    m_model->setSnapshot(snapshot);
    int firing = 0;
    if (snapshot)
        for (const TriggerSnapshot &t : snapshot->triggers)
            firing += t.firing ? 1 : 0;
    m_badge = firing > 0 ? QString::number(firing) : QString {};

    const std::optional<RollbackClock> clock = snapshot ? snapshot->status.rollback : std::nullopt;
    if (clock) {
        const QString target = GuiText::duration(clock->target.count());
        const qint64 elapsed = clock->elapsed.count();
        if (clock->finished)
            m_stopwatch->setText(tr("%1 Rollback %2 in %3 — target %4, %5")
                                     .arg(clock->ok ? QStringLiteral("✔") : QStringLiteral("✖"),
                                          clock->ok ? tr("finished") : tr("ended with failures"),
                                          GuiText::countdown(elapsed), target,
                                          clock->overdue ? tr("OVER TARGET") : tr("within target")));
        else if (clock->overdue)
            m_stopwatch->setText(
                tr("◷ %1 — OVERDUE by %2 (target %3)")
                    .arg(GuiText::countdown(elapsed), GuiText::countdown(-clock->remaining.count()), target));
        else
            m_stopwatch->setText(
                tr("◷ %1 of %2 — %3 left")
                    .arg(GuiText::countdown(elapsed), target, GuiText::countdown(clock->remaining.count())));
        const qint64 t = std::max<qint64>(1, clock->target.count());
        m_progress->setValue(int(std::clamp<qint64>(elapsed * 1000 / t, 0, 1000)));
        m_progress->setStyleSheet(
            clock->overdue ? QStringLiteral("QProgressBar::chunk { background: #b3261e; }") : QString {});
        QString who = tr("Started %1").arg(GuiText::clockTime(clock->startedAt));
        if (snapshot->rollbackStartedBy == QLatin1String(RunPlanner::kEngine))
            who += tr(" automatically");
        else if (!snapshot->rollbackStartedBy.isEmpty())
            who += tr(" by %1").arg(snapshot->rollbackStartedBy);
        if (!snapshot->rollbackTrigger.isEmpty())
            who += tr(" (trigger %1)").arg(snapshot->rollbackTrigger);
        if (!clock->reason.isEmpty())
            who += tr(": %1").arg(clock->reason);
        m_who->setText(who);
    } else {
        const qint64 steps = snapshot ? snapshot->rollbackSteps.size() : 0;
        m_stopwatch->setText(tr("Not rolling back"));
        m_progress->setValue(0);
        m_who->setText(snapshot ? tr("The procedure's %1 steps run in order once a rollback starts; the "
                                     "stopwatch then runs against the target.")
                                      .arg(steps)
                                : QString {});
    }

    m_steps->clear();
    if (snapshot)
        for (const RollbackStepSnapshot &st : snapshot->rollbackSteps) {
            QString line
                = QStringLiteral("%1  %2").arg(stepSymbol(st.status), st.title.isEmpty() ? st.id : st.title);
            if (st.status != QLatin1String("pending")) {
                line += QStringLiteral(" — %1, %2").arg(st.status, GuiText::clockTime(st.at));
                if (!st.actor.isEmpty() && st.actor != QLatin1String(RunPlanner::kEngine))
                    line += tr(" by %1").arg(st.actor);
            }
            auto *item = new QListWidgetItem(line, m_steps);
            if (st.status == QLatin1String("failed"))
                item->setForeground(QColor(0xb3, 0x26, 0x1e));
        }
    refreshActions();
}

void RollbackPanel::refreshActions()
{
    if (m_viewer || (m_snapshot && m_snapshot->readOnly)) {
        m_rollBack->setBlockedBy(tr("read-only viewer"));
        m_raise->setBlockedBy(tr("read-only viewer"));
        return;
    }
    if (!m_snapshot || !m_snapshot->outcome.isEmpty()) {
        const QString why = m_snapshot ? tr("the run has ended") : tr("no run is open");
        m_rollBack->setBlockedBy(why);
        m_raise->setBlockedBy(why);
        return;
    }
    const RunSnapshot &s = *m_snapshot;
    const bool hasReason = !m_reason->text().trimmed().isEmpty();
    const RunState::Phase phase = s.status.phase;
    if (phase == RunState::Phase::RollingBack)
        m_rollBack->setBlockedBy(tr("a rollback is under way"));
    else if (phase == RunState::Phase::RolledBack)
        m_rollBack->setBlockedBy(tr("the run is rolled back already"));
    else if (phase != RunState::Phase::InStage && phase != RunState::Phase::FollowUp)
        m_rollBack->setBlockedBy(tr("no stage is running: nothing to roll back"));
    else if (!hasReason)
        m_rollBack->setBlockedBy(tr("write a reason first"));
    else
        m_rollBack->setBlockedBy({});

    if (!m_view->currentIndex().isValid())
        m_raise->setBlockedBy(tr("select a trigger"));
    else if (!hasReason)
        m_raise->setBlockedBy(tr("write what was observed first"));
    else
        m_raise->setBlockedBy({});
}

void RollbackPanel::rollBack()
{
    if (!m_snapshot)
        return;
    QStringList steps;
    for (const RollbackStepSnapshot &st : m_snapshot->rollbackSteps)
        steps << QStringLiteral("  %1. %2").arg(steps.size() + 1).arg(st.title.isEmpty() ? st.id : st.title);
    const QString reason = m_reason->text().trimmed();
    const QString what
        = tr("Start the rollback now? These steps run in order against the real systems, and "
             "the stopwatch starts against the target:\n\n%1\n\nReason: %2")
              .arg(steps.isEmpty() ? tr("  (the runbook lists no steps)") : steps.join(QLatin1Char('\n')),
                   reason);
    if (Confirmation::ask(this, tr("Roll back"), what))
        Q_EMIT commandRequested({EngineCommand::Kind::RollBack, {}, {}, {}, true, reason, {}});
}

QString RollbackPanel::stopwatchText() const
{
    return m_stopwatch->text();
}

QStringList RollbackPanel::checklist() const
{
    QStringList out;
    for (int i = 0; i < m_steps->count(); ++i)
        out << m_steps->item(i)->text();
    return out;
}

} // namespace cockpit::gui
