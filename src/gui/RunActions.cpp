#include "gui/RunActions.h"

#include "gui/panels/CommandButton.h"
#include "gui/panels/DecisionsPanel.h"
#include "gui/panels/RollbackPanel.h"
#include "gui/panels/StagesPanel.h"

#include <QAction>
#include <QPushButton>
#include <QTabWidget>

namespace cockpit::gui {

namespace {
// The tab's title without its mnemonic ampersand and badge, for a menu entry.
QString plainTitle(const QString &title)
{
    QString t = title;
    t.remove(QLatin1Char('&'));
    return t;
}
} // namespace

RunActions::RunActions(QWidget *view, QTabWidget *tabs, StagesPanel *stages, DecisionsPanel *decisions,
                       RollbackPanel *rollback)
    : QObject(view)
    , m_view(view)
    , m_tabWidget(tabs)
    , m_decisions(decisions)
{
    m_hold = mirror(stages->holdButton(), stages, QKeySequence(Qt::CTRL | Qt::Key_H), "actionHold");
    m_promote = mirror(stages->promoteButton(), stages, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                       "actionPromote");
    m_approve = mirror(stages->approveButton(), stages, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                       "actionApprove");

    m_decide = new QAction(tr("&Decide…"), this);
    m_decide->setObjectName(QStringLiteral("actionDecide"));
    m_decide->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_decide, &QAction::triggered, this, [this] {
        m_tabWidget->setCurrentWidget(m_decisions);
        m_decisions->beginDecision();
    });
    m_commands << m_decide;

    m_rollBack = mirror(rollback->rollBackButton(), rollback, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                        "actionRollBack");

    for (QAction *a : std::as_const(m_commands)) {
        a->setShortcutContext(Qt::WindowShortcut);
        view->addAction(a);
    }
    refreshDecide();
    refreshTabs();
}

QAction *RunActions::mirror(CommandButton *button, QWidget *panel, const QKeySequence &key, const char *name)
{
    auto *action = new QAction(this);
    action->setObjectName(QLatin1String(name));
    action->setShortcut(key);
    auto sync = [this, action, button, key] {
        // A viewer has no shortcut to name: the button's tooltip is only why it is unavailable.
        button->setShortcutHint(m_viewer ? QString {} : key.toString(QKeySequence::NativeText));
        QString text = button->button()->text();
        action->setText(text);
        action->setEnabled(!m_viewer && button->isAvailable());
        action->setToolTip(button->isAvailable() ? plainTitle(text) : button->blockedBy());
        action->setStatusTip(action->toolTip());
    };
    connect(button, &CommandButton::availabilityChanged, this, sync);
    connect(action, &QAction::triggered, this, [this, button, panel] {
        if (m_viewer || !button->isAvailable())
            return;
        // The person sees where the action happens (and its confirmation, its reason field).
        m_tabWidget->setCurrentWidget(panel);
        button->button()->click();
    });
    sync();
    m_commands << action;
    m_syncs << sync;
    return action;
}

void RunActions::refresh(const RunSnapshotPtr &snapshot)
{
    m_pending = snapshot && snapshot->outcome.isEmpty() ? snapshot->status.pending.size() : 0;
    for (const auto &sync : std::as_const(m_syncs))
        sync();
    refreshDecide();
    refreshTabs();
}

void RunActions::refreshDecide()
{
    const int pending = int(m_pending);
    m_decide->setEnabled(!m_viewer && pending > 0);
    m_decide->setToolTip(pending > 0
                             ? tr("Go to the first of %n decision(s) waiting for you", nullptr, pending)
                             : tr("no decision is waiting"));
    m_decide->setStatusTip(m_decide->toolTip());
}

void RunActions::setViewer(bool viewer)
{
    m_viewer = viewer;
    for (QAction *a : std::as_const(m_commands))
        a->setVisible(!viewer);
    for (const auto &sync : std::as_const(m_syncs))
        sync();
    refreshDecide();
}

void RunActions::refreshTabs()
{
    while (m_tabs.size() < m_tabWidget->count() && m_tabs.size() < 10) {
        const int index = int(m_tabs.size());
        auto *a = new QAction(this);
        a->setObjectName(QStringLiteral("actionTab%1").arg(index + 1));
        // Ctrl+1 … Ctrl+9, Ctrl+0 for the tenth, as browsers do.
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key((index == 9 ? Qt::Key_0 : Qt::Key_1 + index))));
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, [this, index] { m_tabWidget->setCurrentIndex(index); });
        m_view->addAction(a);
        m_tabs << a;
    }
    for (int i = 0; i < m_tabs.size(); ++i)
        m_tabs.at(i)->setText(m_tabWidget->tabText(i));
}

} // namespace cockpit::gui
