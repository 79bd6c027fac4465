#pragma once

#include "core/journal/JournalEvent.h"
#include "gui/panels/RunPanel.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;

namespace cockpit::gui {

class JournalModel;

// Every event, newest first, filtered by kind and by text (stage, person, anything in the payload), the
// selected event as JSON (copyable), and the journal head.
class JournalPanel : public RunPanel
{
    Q_OBJECT

public:
    explicit JournalPanel(QWidget *parent = nullptr);
    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    void appendEvents(const QList<JournalEvent> &events);
    int visibleRows() const;

private:
    void applyFilter();

    JournalModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QComboBox *m_type;
    QLineEdit *m_filter;
    QLabel *m_head;
    QPlainTextEdit *m_detail;
};

} // namespace cockpit::gui
