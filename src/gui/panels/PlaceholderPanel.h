#pragma once

#include "gui/panels/RunPanel.h"

namespace cockpit::gui {

// The place of a tab that a later issue fills (validation charts, reconciliation, export).
class PlaceholderPanel : public RunPanel
{
    Q_OBJECT

public:
    PlaceholderPanel(const QString &what, QWidget *parent = nullptr);
    void setSnapshot(const RunSnapshotPtr &) override { }
};

} // namespace cockpit::gui
