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
    const bool changed = whyNot != m_whyNot;
    m_whyNot = whyNot;
    m_button->setEnabled(whyNot.isEmpty());
    QString tip = whyNot;
    if (!m_shortcut.isEmpty())
        tip = whyNot.isEmpty() ? tr("Shortcut: %1").arg(m_shortcut)
                               : tr("%1 (shortcut: %2)").arg(whyNot, m_shortcut);
    m_button->setToolTip(tip);
    m_why->setText(whyNot);
    m_why->setVisible(!whyNot.isEmpty());
    if (changed)
        Q_EMIT availabilityChanged();
}

void CommandButton::setShortcutHint(const QString &shortcut)
{
    m_shortcut = shortcut;
    setBlockedBy(QString(m_whyNot));
}

bool CommandButton::isAvailable() const
{
    return m_whyNot.isEmpty();
}

} // namespace cockpit::gui
