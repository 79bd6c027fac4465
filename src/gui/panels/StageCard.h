#pragma once

#include "engine/RunSnapshot.h"

#include <QFrame>

class QGridLayout;
class QLabel;
class QProgressBar;

namespace cockpit::gui {

// One stage of the run as a card: its rollout share, state and attempts, planned soak against the time
// actually spent, the soak's progress with hh:mm:ss left and its ETA, and (for the running stage) every
// gate with its outcome, the sentence of its latest value, its streak ("17 h / 24 h"), resets and last
// breach. Renders the snapshot only; the actions live in StagesPanel.
class StageCard : public QFrame
{
    Q_OBJECT

public:
    explicit StageCard(QWidget *parent = nullptr);

    void setStage(const RunSnapshot &snapshot, int index);

    QString soakText() const; // the soak line as shown (tests)
    QStringList gateLines() const; // one line per gate: outcome, sentence, streak, resets (tests)

private:
    void setGates(const RunSnapshot &snapshot);

    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_times;
    QProgressBar *m_progress;
    QLabel *m_soak;
    QWidget *m_gateBox;
    QGridLayout *m_gates;
    QStringList m_gateLines;
    // One row of labels per gate, kept across snapshots: only texts and colours change (a stage of a hundred
    // gates is redrawn several times a second; rebuilding its widgets stalled the GUI thread for seconds).
    QList<QList<QLabel *>> m_gateRows;
    bool m_gateHeaders = false;
};

} // namespace cockpit::gui
