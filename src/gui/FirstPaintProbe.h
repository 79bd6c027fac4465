#pragma once

#include <QObject>

class QWidget;

namespace cockpit::gui {

// For bench_window only: with COCKPIT_FIRST_PAINT set in the environment, writes "cockpit: first paint" to
// stderr once the window's first frame has been painted, so a benchmark can time launch to first paint from
// outside the process. Without the variable it does nothing.
class FirstPaintProbe : public QObject
{
public:
    static void installIfAsked(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit FirstPaintProbe(QWidget *window);

    QWidget *m_window;
    bool m_seen = false;
};

} // namespace cockpit::gui
