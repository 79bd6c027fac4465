#pragma once

#include "engine/RunSnapshot.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace cockpit::gui {

// The stages as steps (10 % → 50 % → 100 %): done ✔, current ▶ (bold, framed), to come ○, rolled back ⟲.
class StageStepper : public QWidget
{
    Q_OBJECT

public:
    explicit StageStepper(QWidget *parent = nullptr);
    void setStages(const QList<StageSnapshot> &stages);
    QString text() const; // the steps as one line (tests, accessibility)

private:
    QHBoxLayout *m_layout;
    QList<QLabel *> m_steps;
};

} // namespace cockpit::gui
