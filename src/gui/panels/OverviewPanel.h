#pragma once

#include "gui/panels/RunPanel.h"

class QLabel;
class QTableView;

namespace cockpit::gui {

class GatesModel;
class StageStepper;

// Where the run stands: the stage stepper, the soak countdown with its end, the list of blockers and the
// current stage's gates with their sentences, streaks and time left.
class OverviewPanel : public RunPanel
{
    Q_OBJECT

public:
    explicit OverviewPanel(QWidget *parent = nullptr);
    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    QString badge() const override { return m_badge; }

private:
    StageStepper *m_stepper;
    QLabel *m_soak;
    QLabel *m_blockers;
    QLabel *m_pending;
    GatesModel *m_gates;
    QTableView *m_gateView;
    QString m_badge;
};

} // namespace cockpit::gui
