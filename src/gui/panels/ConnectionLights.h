#pragma once

#include "engine/RunSnapshot.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace cockpit::gui {

// One light per connection of the run, from the snapshot's connection health: green ok, amber degraded,
// red down, grey not observed yet; a symbol so it reads without colour, and the last error with its age
// in the tooltip.
class ConnectionLights : public QWidget
{
    Q_OBJECT

public:
    enum class Light { Unknown, Ok, Degraded, Down };

    explicit ConnectionLights(QWidget *parent = nullptr);

    void setSnapshot(const RunSnapshotPtr &snapshot);
    // Redraws the ages; wallNow in ms since the epoch.
    void refreshAge(qint64 wallNow);

    // Down: its last observation failed. Degraded: it answered but with an error, or nothing came for three
    // of its fastest metric's intervals. Unknown: nothing observed yet.
    static Light lightOf(const ConnectionHealth &health, const RunSnapshot &snapshot, qint64 engineNow);
    static QString lightWord(Light light);

private:
    void paint(qint64 wallNow);

    RunSnapshotPtr m_snapshot;
    QHBoxLayout *m_layout;
    QList<QLabel *> m_lights;
};

} // namespace cockpit::gui
