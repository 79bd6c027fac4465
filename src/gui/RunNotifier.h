#pragma once

#include "engine/RunSnapshot.h"

#include <QObject>
#include <QSet>

class QSystemTrayIcon;

namespace cockpit::gui {

// Desktop notifications from snapshot changes: a gate failed, a trigger fired, a decision is needed, a
// rollback finished. Shown through the system tray when there is one; without one (offscreen, a desktop
// without a tray) they are only signalled, quietly. The first snapshot of a run sets the baseline: opening a
// run never replays what happened before.
class RunNotifier : public QObject
{
    Q_OBJECT

public:
    explicit RunNotifier(QObject *parent = nullptr);
    void observe(const RunSnapshotPtr &snapshot);
    void setEnabled(bool on) { m_enabled = on; }

Q_SIGNALS:
    void notified(const QString &title, const QString &text);

private:
    void notify(const QString &title, const QString &text);

    QSystemTrayIcon *m_tray = nullptr; // only when the desktop has a tray
    QString m_runId;
    QSet<QString> m_failedGates;
    QSet<QString> m_firing;
    QSet<QString> m_pending;
    Headline m_headline = Headline::NotStarted;
    bool m_enabled = true;
};

} // namespace cockpit::gui
