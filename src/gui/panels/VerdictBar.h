#pragma once

#include "engine/RunSnapshot.h"

#include <QFrame>

class QLabel;

namespace cockpit::gui {

class ConnectionLights;

// The band at the top that is always visible: the run mode (LIVE in red, REHEARSAL in blue, in words),
// the headline as word, symbol and icon, the top blocker as a sentence, the run, who holds the lease,
// the age of the data (amber when stale, STALE in a viewer), the time left and a light per connection.
class VerdictBar : public QFrame
{
    Q_OBJECT

public:
    explicit VerdictBar(QWidget *parent = nullptr);

    void setSnapshot(const RunSnapshotPtr &snapshot);
    void setViewer(bool viewer);
    // Redraws ages; wallNow in ms since the epoch. A viewer whose snapshot is older than staleAfterMs is
    // STALE: its headline is greyed so it never shows a frozen GO.
    void refreshAge(qint64 wallNow, qint64 staleAfterMs);
    bool isStale() const { return m_stale; }

private:
    void paintHeadline();

    RunSnapshotPtr m_snapshot;
    bool m_viewer = false;
    bool m_stale = false;
    qint64 m_staleAfterMs = 10'000;
    QLabel *m_modeBand;
    QLabel *m_icon;
    QLabel *m_headline;
    QLabel *m_blocker;
    QLabel *m_runName;
    QLabel *m_lease;
    QLabel *m_dataAge;
    QLabel *m_timeLeft;
    ConnectionLights *m_lights;
    QFrame *m_verdict;
};

} // namespace cockpit::gui
