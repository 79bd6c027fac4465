#include "gui/FirstPaintProbe.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <cstdio>

namespace cockpit::gui {

FirstPaintProbe::FirstPaintProbe(QWidget *window)
    : QObject(window)
    , m_window(window)
{
}

void FirstPaintProbe::installIfAsked(QWidget *window)
{
    if (qEnvironmentVariableIsEmpty("COCKPIT_FIRST_PAINT"))
        return;
    // On the application: the first widget painted may be any child of the window.
    qApp->installEventFilter(new FirstPaintProbe(window));
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType()
        && static_cast<QWidget *>(watched)->window() == m_window) {
        m_seen = true;
        // Reported once this paint has been delivered and the frame flushed to the screen.
        QTimer::singleShot(0, this, [this] {
            std::fputs("cockpit: first paint\n", stderr);
            std::fflush(stderr);
            qApp->removeEventFilter(this);
        });
    }
    return false;
}

} // namespace cockpit::gui
