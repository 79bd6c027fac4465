#pragma once

#include <QObject>

class QSocketNotifier;

namespace cockpit::cli {

// Turns SIGINT/SIGTERM into a Qt signal on the main thread (self-pipe), so Ctrl+C cancels the checks
// and the demo tears down its throwaway services instead of leaving them running.
class InterruptHandler : public QObject
{
    Q_OBJECT

public:
    // Installs the handlers once; later calls return the same instance. Needs a QCoreApplication.
    static InterruptHandler *install();
    // Also true when the signal arrived while the event loop was not running (e.g. during a blocking start).
    static bool wasInterrupted();

Q_SIGNALS:
    void interrupted();

private:
    explicit InterruptHandler(QObject *parent);
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace cockpit::cli
