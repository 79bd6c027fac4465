#include "cli/InterruptHandler.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace cockpit::cli {

namespace {
int g_fds[2] = {-1, -1};
volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onSignal(int)
{
    g_interrupted = 1;
    const char b = 1;
    // Only async-signal-safe calls here.
    [[maybe_unused]] const ssize_t n = ::write(g_fds[0], &b, 1);
}
} // namespace

InterruptHandler::InterruptHandler(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_fds) != 0)
        return;
    m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptHandler::readPipe);
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

InterruptHandler *InterruptHandler::install()
{
    static InterruptHandler *instance = new InterruptHandler(QCoreApplication::instance());
    return instance;
}

bool InterruptHandler::wasInterrupted()
{
    return g_interrupted != 0;
}

void InterruptHandler::readPipe()
{
    char buf[16];
    [[maybe_unused]] const ssize_t n = ::read(g_fds[1], buf, sizeof buf);
    Q_EMIT interrupted();
}

} // namespace cockpit::cli
