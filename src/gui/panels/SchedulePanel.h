#pragma once

#include "gui/panels/RunPanel.h"

class QLabel;
class QTableView;

namespace cockpit::gui {

class ScheduleModel;

// T-minus milestones and window steps, planned vs actual with lateness, what holds T-0, and the point
// of no return.
class SchedulePanel : public RunPanel
{
    Q_OBJECT

public:
    explicit SchedulePanel(QWidget *parent = nullptr);
    void setSnapshot(const RunSnapshotPtr &snapshot) override;

private:
    ScheduleModel *m_model;
    QLabel *m_summary;
};

} // namespace cockpit::gui
