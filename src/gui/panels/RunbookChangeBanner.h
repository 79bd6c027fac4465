#pragma once

#include "gui/RunbookWatcher.h"

#include <QFrame>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cockpit::gui {

class CommandButton;

// Shown when the runbook file of the running run changed on disk: what changed (steps, gates, actions …),
// that the run goes on with the runbook it started with, and the one way to take the change: continue
// with the changed runbook as a decision with a reason (journaled by the launcher on the resume).
class RunbookChangeBanner : public QFrame
{
    Q_OBJECT

public:
    explicit RunbookChangeBanner(QWidget *parent = nullptr);

    void showChange(const RunbookFileChange &change);
    // Why continuing is impossible here (the demo's own runbook); empty: possible.
    void setContinueBlockedBy(const QString &why);
    void clear();
    const RunbookFileChange &change() const { return m_change; }
    QString text() const;

Q_SIGNALS:
    void continueRequested(const QString &reason);

private:
    void refreshContinue();

    RunbookFileChange m_change;
    QString m_cannotContinue;
    QLabel *m_text;
    QLabel *m_list;
    QLineEdit *m_reason;
    CommandButton *m_continue;
    QPushButton *m_keep;
};

} // namespace cockpit::gui
