#pragma once

#include "engine/EngineCommand.h"
#include "engine/RunSnapshot.h"

#include <QWidget>

namespace cockpit::gui {

// One tab of the run view. Renders snapshots; a tab that can change the run emits commands, which the
// view sends to the controller (the panel never talks to the engine itself).
class RunPanel : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual void setSnapshot(const RunSnapshotPtr &snapshot) = 0;
    // A viewer hides every control that changes something (and disables it, with the reason).
    virtual void setViewer(bool viewer) { m_viewer = viewer; }
    bool isViewer() const { return m_viewer; }
    // Short text for the tab's badge ("3" decisions waiting); empty for none.
    virtual QString badge() const { return {}; }

Q_SIGNALS:
    void commandRequested(const cockpit::EngineCommand &command);

protected:
    bool m_viewer = false;
};

} // namespace cockpit::gui
