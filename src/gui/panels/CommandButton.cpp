#include "gui/panels/CommandButton.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cockpit::gui {

CommandButton::CommandButton(const QString &text, QWidget *parent)
    : QWidget(parent)
    , m_button(new QPushButton(text, this))
    , m_why(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_button);
    layout->addWidget(m_why);
    m_why->setWordWrap(true);
    m_why->setMaximumWidth(260);
    m_why->setStyleSheet(QStringLiteral("color: palette(mid); font-size: small;"));
    m_button->setProperty("cockpitCommand", true);
    connect(m_button, &QPushButton::clicked, this, &CommandButton::clicked);
    setBlockedBy({});
}

void CommandButton::setText(const QString &text)
{
    m_button->setText(text);
}

void CommandButton::setBlockedBy(const QString &whyNot)
{
    m_whyNot = whyNot;
    m_button->setEnabled(whyNot.isEmpty());
    m_button->setToolTip(whyNot);
    m_why->setText(whyNot);
    m_why->setVisible(!whyNot.isEmpty());
}

bool CommandButton::isAvailable() const
{
    return m_whyNot.isEmpty();
}

} // namespace cockpit::gui
