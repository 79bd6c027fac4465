#pragma once

#include "gui/panels/RunPanel.h"

class QLabel;
class QPlainTextEdit;
class QTableView;

namespace cockpit::gui {

class PrerequisitesModel;

// Prerequisites by category with their verdict, what was seen and its age; the detail of the selected one.
class PrerequisitesPanel : public RunPanel
{
    Q_OBJECT

public:
    explicit PrerequisitesPanel(QWidget *parent = nullptr);
    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    QString badge() const override { return m_badge; }

private:
    void showDetail();

    RunSnapshotPtr m_snapshot;
    PrerequisitesModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QPlainTextEdit *m_detail;
    QString m_badge;
};

} // namespace cockpit::gui
