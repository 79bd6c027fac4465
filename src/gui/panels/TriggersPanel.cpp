#include "gui/panels/TriggersPanel.h"

#include "gui/GuiText.h"
#include "gui/dialogs/Confirmation.h"
#include "gui/models/TriggersModel.h"
#include "gui/panels/CommandButton.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace cockpit::gui {

TriggersPanel::TriggersPanel(QWidget *parent)
    : RunPanel(parent)
    , m_model(new TriggersModel(this))
    , m_view(new QTableView(this))
    , m_rollback(new QLabel(this))
    , m_raiseBox(new QWidget(this))
    , m_reason(new QLineEdit(this))
    , m_raise(new CommandButton(tr("Raise &trigger…"), this))
{
    auto *layout = new QVBoxLayout(this);
    m_rollback->setObjectName(QStringLiteral("rollbackClock"));
    QFont f = m_rollback->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_rollback->setFont(f);
    layout->addWidget(m_rollback);
    m_view->setObjectName(QStringLiteral("triggers"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(TriggersModel::Seen, QHeaderView::Stretch);
    layout->addWidget(m_view, 1);

    auto *raise = new QHBoxLayout(m_raiseBox);
    raise->setContentsMargins(0, 0, 0, 0);
    m_reason->setPlaceholderText(tr("What was observed (user complaints, OOM, …)"));
    m_raise->setObjectName(QStringLiteral("raiseTrigger"));
    raise->addWidget(m_reason, 1);
    raise->addWidget(m_raise);
    layout->addWidget(m_raiseBox);

    connect(m_reason, &QLineEdit::textChanged, this, &TriggersPanel::refreshActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TriggersPanel::refreshActions);
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

void TriggersPanel::setViewer(bool viewer)
{
    RunPanel::setViewer(viewer);
    m_raiseBox->setVisible(!viewer);
    refreshActions();
}

void TriggersPanel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    m_model->setSnapshot(snapshot);
    int firing = 0;
    if (snapshot)
        for (const TriggerSnapshot &t : snapshot->triggers)
            firing += t.firing ? 1 : 0;
    m_badge = firing > 0 ? QString::number(firing) : QString {};
    if (snapshot && snapshot->status.rollback) {
        const RollbackClock &rb = *snapshot->status.rollback;
        const QString target = GuiText::duration(rb.target.count());
        if (rb.finished)
            m_rollback->setText(tr("Rollback %1 in %2 (target %3)")
                                    .arg(rb.ok ? tr("finished") : tr("ended with failures"),
                                         GuiText::countdown(rb.elapsed.count()), target));
        else
            m_rollback->setText(tr("⏱ Rollback running: %1 elapsed, target %2%3")
                                    .arg(GuiText::countdown(rb.elapsed.count()), target,
                                         rb.overdue ? tr(" — OVERDUE") : QString {}));
        m_rollback->show();
    } else {
        m_rollback->hide();
    }
    refreshActions();
}

void TriggersPanel::refreshActions()
{
    if (m_viewer || (m_snapshot && m_snapshot->readOnly))
        m_raise->setBlockedBy(tr("read-only viewer"));
    else if (!m_snapshot || !m_snapshot->outcome.isEmpty())
        m_raise->setBlockedBy(m_snapshot ? tr("the run has ended") : tr("no run is open"));
    else if (!m_view->currentIndex().isValid())
        m_raise->setBlockedBy(tr("select a trigger"));
    else if (m_reason->text().trimmed().isEmpty())
        m_raise->setBlockedBy(tr("write what was observed first"));
    else
        m_raise->setBlockedBy({});
}

} // namespace cockpit::gui
