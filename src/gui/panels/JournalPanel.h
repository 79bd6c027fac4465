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

// Every event, newest first, filtered by kind, stage, person and text, the selected event as JSON
// (copyable), and the hash chain's status, checked on a worker thread whenever events arrive.
class JournalPanel : public RunPanel
{
    Q_OBJECT

public:
    explicit JournalPanel(QWidget *parent = nullptr);
    void setSnapshot(const RunSnapshotPtr &snapshot) override;
    void appendEvents(const QList<JournalEvent> &events);
    int visibleRows() const;
    QString chainStatus() const;
    void copySelected(); // the selected event as JSON to the clipboard

Q_SIGNALS:
    void chainChecked(const QString &status);

private:
    void applyFilter();
    void refill(QComboBox *box, const QStringList &items);
    void checkChain();

    JournalModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QComboBox *m_type;
    QComboBox *m_stage;
    QComboBox *m_actor;
    QLabel *m_chain;
    bool m_checking = false;
    bool m_checkAgain = false;
    QLineEdit *m_filter;
    QLabel *m_head;
    QPlainTextEdit *m_detail;
};

} // namespace cockpit::gui
