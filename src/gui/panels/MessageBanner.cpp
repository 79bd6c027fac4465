#include "gui/panels/MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace cockpit::gui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text, 1);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Dismiss"));
    close->setAutoRaise(true);
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBanner::showMessage(Level level, const QString &text)
{
    const char *bg = level == Level::Error ? "#ffcdd2" : level == Level::Warning ? "#ffe0b2" : "#e3f2fd";
    const QString prefix = level == Level::Error ? tr("✖ ") : level == Level::Warning ? tr("⚠ ") : tr("ℹ ");
    setStyleSheet(QStringLiteral("#messageBanner { background: %1; color: black; border-radius: 4px; }")
                      .arg(QLatin1String(bg)));
    m_text->setText(prefix + text);
    QFrame::show();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

} // namespace cockpit::gui
