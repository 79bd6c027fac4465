#include "gui/DemoSession.h"

#include "gui/MainWindow.h"
#include "gui/RunOpening.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QTabWidget>
#include <csignal>
#include <cstdio>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace cockpit::gui {

DemoSession::DemoSession(MainWindow &window, RunOpening &opening, QStringList demoArgs, QString tab,
                         QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_opening(opening)
    , m_args(std::move(demoArgs))
    , m_tab(std::move(tab))
{
    const qsizetype j = m_args.indexOf(QStringLiteral("--journal"));
    if (j >= 0 && j + 1 < m_args.size()) {
        m_journal = m_args.at(j + 1);
    } else {
        m_journal
            = QDir(QDir::tempPath())
                  .filePath(
                      QStringLiteral("cutover-demo-%1.journal")
                          .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
        m_args << QStringLiteral("--journal") << m_journal;
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // If this process dies without closing the window, the demo still gets its SIGTERM and tears its
    // throwaway services down; writing to our closed pipe then fails instead of killing it half-way.
    m_process.setChildProcessModifier([] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        std::signal(SIGPIPE, SIG_IGN);
    });
#endif
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoSession::readOutput);
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        readOutput();
        const bool ok = status == QProcess::NormalExit && code == 0;
        m_window.showMessage(
            ok ? tr("The demo rehearsal ended as its scenario expects. Its journal stays in %1.")
                     .arg(m_journal)
               : tr("The demo rehearsal ended with exit code %1 (see its output). Journal: %2")
                     .arg(code)
                     .arg(m_journal),
            !ok);
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            m_window.showMessage(tr("The demo could not start: %1").arg(m_process.errorString()), true);
    });
}

DemoSession::~DemoSession()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // the demo handles SIGTERM: it stops its run and tears its services down
    if (!m_process.waitForFinished(15000))
        m_process.kill();
}

void DemoSession::start()
{
    m_window.showMessage(tr("Starting the demo rehearsal: a throwaway PostgreSQL, the simulated services and "
                            "the prerequisite check come first…"),
                         false);
    m_process.start(QCoreApplication::applicationFilePath(),
                    QStringList {QStringLiteral("demo"), QStringLiteral("--headless")} + m_args);
}

void DemoSession::readOutput()
{
    m_pending += m_process.readAllStandardOutput();
    qsizetype nl;
    while ((nl = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(nl + 1);
        m_pending.remove(0, nl + 1);
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        // "[5/5] Rehearsal …": the run is in the journal; from here the window follows it.
        if (!m_watching && line.startsWith("[5/5]")) {
            m_watching = true;
            m_opening.watchJournal(m_journal);
            m_window.showMessage(tr("Demo rehearsal: the personas lead it in a separate process; this window "
                                    "follows its journal read-only (%1).")
                                     .arg(m_journal),
                                 false);
            selectTab();
        }
    }
    std::fflush(stdout);
}

void DemoSession::selectTab()
{
    if (m_tab.isEmpty())
        return;
    QTabWidget *tabs = m_window.runView()->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        QString title = tabs->tabText(i);
        title.remove(QLatin1Char('&'));
        if (title.startsWith(m_tab, Qt::CaseInsensitive)) {
            tabs->setCurrentIndex(i);
            return;
        }
    }
}

} // namespace cockpit::gui
