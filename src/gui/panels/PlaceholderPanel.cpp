#include "gui/panels/PlaceholderPanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cockpit::gui {

PlaceholderPanel::PlaceholderPanel(const QString &what, QWidget *parent)
    : RunPanel(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("%1 — coming in a later release.").arg(what), this);
    label->setAlignment(Qt::AlignCenter);
    label->setObjectName(QStringLiteral("placeholder"));
    layout->addWidget(label);
}

} // namespace cockpit::gui
