#include "gui/panels/StageStepper.h"

#include "gui/GuiText.h"

#include <QHBoxLayout>
#include <QLabel>

namespace cockpit::gui {

StageStepper::StageStepper(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addStretch(1);
}

void StageStepper::setStages(const QList<StageSnapshot> &stages)
{
    // Stages of a run never change in number; rebuild only when they do (first snapshot).
    if (m_steps.size() != stages.size()) {
        qDeleteAll(m_steps);
        m_steps.clear();
        while (QLayoutItem *item = m_layout->takeAt(0))
            delete item;
        for (int i = 0; i < stages.size(); ++i) {
            if (i > 0) {
                auto *arrow = new QLabel(QStringLiteral("→"), this);
                m_layout->addWidget(arrow);
            }
            auto *step = new QLabel(this);
            step->setTextFormat(Qt::PlainText);
            step->setAlignment(Qt::AlignCenter);
            m_layout->addWidget(step);
            m_steps << step;
        }
        m_layout->addStretch(1);
    }
    for (int i = 0; i < stages.size(); ++i) {
        const StageSnapshot &s = stages.at(i);
        QString symbol;
        QString style = QStringLiteral("padding: 6px 10px; border-radius: 6px; ");
        switch (s.state) {
        case StageSnapshot::State::Done:
            symbol = QStringLiteral("✔");
            style += QStringLiteral("background: #c8e6c9; color: black;");
            break;
        case StageSnapshot::State::Current:
            symbol = QStringLiteral("▶");
            style += QStringLiteral(
                "background: #fff3e0; color: black; border: 3px solid #ef6c00; font-weight: bold;");
            break;
        case StageSnapshot::State::Future:
            symbol = QStringLiteral("○");
            style += QStringLiteral("border: 1px dashed palette(mid);");
            break;
        case StageSnapshot::State::RolledBack:
            symbol = QStringLiteral("⟲");
            style += QStringLiteral("background: #e1bee7; color: black;");
            break;
        }
        QString text = symbol + QLatin1Char(' ') + (s.title.isEmpty() ? s.id : s.title);
        if (s.trafficPercent)
            text += tr("\n%1 % traffic").arg(*s.trafficPercent);
        text += QLatin1Char('\n') + GuiText::stageStateWord(s.state);
        m_steps.at(i)->setText(text);
        m_steps.at(i)->setStyleSheet(style);
        m_steps.at(i)->setToolTip(s.plannedSoak.count() > 0
                                      ? tr("soak %1").arg(GuiText::duration(s.plannedSoak.count()))
                                      : QString {});
    }
}

QString StageStepper::text() const
{
    QStringList parts;
    for (const QLabel *l : m_steps)
        parts << QString(l->text()).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return parts.join(QStringLiteral(" → "));
}

} // namespace cockpit::gui
