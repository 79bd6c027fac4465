#pragma once

#include "engine/RunSnapshot.h"

#include <QList>
#include <QObject>
#include <functional>

class QAction;
class QTabWidget;
class QWidget;

namespace cockpit::gui {

class CommandButton;
class DecisionsPanel;
class RollbackPanel;
class StagesPanel;

// The run's main actions as window actions with keyboard shortcuts, for the menu bar and the keyboard:
// hold/resume, promote (or enter the waiting stage), approve as second person, decide, roll back, and one
// per tab. Each command action mirrors the panel button it clicks: enabled exactly when the button is, its
// tooltip the button's reason when not, and the click goes through the button (so through its
// confirmation). Hidden in a viewer.
class RunActions : public QObject
{
    Q_OBJECT

public:
    RunActions(QWidget *view, QTabWidget *tabs, StagesPanel *stages, DecisionsPanel *decisions,
               RollbackPanel *rollback);

    QList<QAction *> commandActions() const { return m_commands; }
    QList<QAction *> tabActions() const { return m_tabs; }
    QAction *hold() const { return m_hold; }
    QAction *promote() const { return m_promote; }
    QAction *approve() const { return m_approve; }
    QAction *decide() const { return m_decide; }
    QAction *rollBack() const { return m_rollBack; }

    void setViewer(bool viewer);
    // After the panels took a snapshot: texts ("Promote to 50 %", "Resume"), decisions waiting, tab titles.
    void refresh(const RunSnapshotPtr &snapshot);

private:
    QAction *mirror(CommandButton *button, QWidget *panel, const QKeySequence &key, const char *name);
    void refreshDecide();
    void refreshTabs();

    QWidget *m_view;
    QTabWidget *m_tabWidget;
    DecisionsPanel *m_decisions;
    QAction *m_hold;
    QAction *m_promote;
    QAction *m_approve;
    QAction *m_decide;
    QAction *m_rollBack;
    QList<QAction *> m_commands;
    QList<QAction *> m_tabs;
    QList<std::function<void()>> m_syncs;
    qsizetype m_pending = 0;
    bool m_viewer = false;
};

} // namespace cockpit::gui
