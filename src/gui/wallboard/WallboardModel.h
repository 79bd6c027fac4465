#pragma once

#include "charts/ValidationDataBuilder.h"
#include "engine/RunSnapshot.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <memory>

class QTimer;

namespace cockpit {
class Clock;
}

namespace cockpit::gui {

// What the stakeholder wallboard (qml/Wallboard.qml) shows, as plain properties: the follower's snapshots
// and journal events in, words and numbers out. Computes no rule: the verdict, blockers and gate windows
// are the engine's; this class only words them and keeps the heartbeat ticking between snapshots.
// The heartbeat runs on an injected clock (tests move it), so "updated 12 s ago" and STALE need no sleep.
// GUI thread only.
class WallboardModel : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool hasRun READ hasRun NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QString verdict READ verdict NOTIFY changed)
    Q_PROPERTY(QString verdictKey READ verdictKey NOTIFY changed)
    Q_PROPERTY(QString verdictSymbol READ verdictSymbol NOTIFY changed)
    Q_PROPERTY(QString verdictColor READ verdictColor NOTIFY changed)
    Q_PROPERTY(QString verdictIcon READ verdictIcon NOTIFY changed)
    Q_PROPERTY(QString modeKey READ modeKey NOTIFY changed)
    Q_PROPERTY(QString modeWord READ modeWord NOTIFY changed)
    Q_PROPERTY(QString modeDetail READ modeDetail NOTIFY changed)
    Q_PROPERTY(QString modeColor READ modeColor NOTIFY changed)
    Q_PROPERTY(QString runName READ runName NOTIFY changed)
    Q_PROPERTY(QString runLine READ runLine NOTIFY changed)
    Q_PROPERTY(QVariantList stages READ stages NOTIFY changed)
    Q_PROPERTY(QString nextStep READ nextStep NOTIFY changed)
    Q_PROPERTY(QString soakText READ soakText NOTIFY changed)
    Q_PROPERTY(QString streakText READ streakText NOTIFY changed)
    Q_PROPERTY(QString streakGate READ streakGate NOTIFY changed)
    Q_PROPERTY(double streakFraction READ streakFraction NOTIFY changed)
    Q_PROPERTY(QString etaText READ etaText NOTIFY changed)
    Q_PROPERTY(QStringList blockers READ blockers NOTIFY changed)
    Q_PROPERTY(QVariantList sparkline READ sparkline NOTIFY changed)
    Q_PROPERTY(double sparkThreshold READ sparkThreshold NOTIFY changed)
    Q_PROPERTY(bool sparkHasThreshold READ sparkHasThreshold NOTIFY changed)
    Q_PROPERTY(QString sparkLabel READ sparkLabel NOTIFY changed)
    Q_PROPERTY(QString lastDecision READ lastDecision NOTIFY changed)
    Q_PROPERTY(QString heartbeat READ heartbeat NOTIFY changed)
    Q_PROPERTY(bool stale READ stale NOTIFY changed)

public:
    // clock: the wall clock of the heartbeat (nullptr: the system clock). Not owned.
    explicit WallboardModel(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~WallboardModel() override;

    void setStaleAfter(qint64 ms) { m_staleAfterMs = ms; }
    void setSnapshot(const cockpit::RunSnapshotPtr &snapshot);
    void appendEvents(const QList<cockpit::JournalEvent> &events);
    void setMessage(const QString &message); // "cannot open the journal: …"
    // Re-reads the clock: heartbeat, countdowns, STALE. A timer calls it every second.
    void tick();

    bool hasRun() const { return m_snapshot && !m_snapshot->runId.isEmpty(); }
    QString message() const { return m_message; }
    QString verdict() const;
    QString verdictKey() const;
    QString verdictSymbol() const;
    QString verdictColor() const;
    QString verdictIcon() const;
    QString modeKey() const;
    QString modeWord() const;
    QString modeDetail() const;
    QString modeColor() const;
    QString runName() const;
    QString runLine() const;
    QVariantList stages() const;
    QString nextStep() const;
    QString soakText() const;
    QString streakText() const;
    QString streakGate() const;
    double streakFraction() const;
    QString etaText() const;
    QStringList blockers() const;
    QVariantList sparkline() const { return m_sparkline; }
    double sparkThreshold() const { return m_sparkThreshold; }
    bool sparkHasThreshold() const { return m_sparkHasThreshold; }
    QString sparkLabel() const { return m_sparkLabel; }
    QString lastDecision() const { return m_lastDecision; }
    QString heartbeat() const;
    bool stale() const;

Q_SIGNALS:
    void changed();

private:
    const RunSnapshot &snap() const;
    const GateView *streakGateView() const;
    qint64 sinceReceived() const; // wall ms since the current snapshot arrived
    void updateSparkline();

    const Clock *m_clock = nullptr;
    std::unique_ptr<Clock> m_ownClock;
    QTimer *m_timer = nullptr;
    RunSnapshotPtr m_snapshot;
    qint64 m_receivedAt = 0; // clock time the current snapshot arrived
    qint64 m_lastNewDataAt = 0; // clock time a snapshot last brought a new journal event
    qint64 m_staleAfterMs = qint64(10) * 60 * 1000;
    QString m_message;
    charts::ValidationDataBuilder m_data;
    QVariantList m_sparkline;
    double m_sparkThreshold = 0;
    bool m_sparkHasThreshold = false;
    QString m_sparkLabel;
    QString m_lastDecision;
};

} // namespace cockpit::gui
