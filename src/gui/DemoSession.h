#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>

namespace cockpit::gui {

class MainWindow;
class RunOpening;

// `cutover-cockpit demo` with a display: the rehearsal runs exactly as without one (throwaway PostgreSQL,
// simulated services, personas who decide and approve) in a child process of this program, and the window
// follows its journal read-only, like a stakeholder. Its output goes on to this process's stdout. Closing
// the window ends the rehearsal (SIGTERM: the child tears its services down before it exits).
class DemoSession : public QObject
{
    Q_OBJECT

public:
    // demoArgs: the demo's own arguments (--scenario, --clock-factor, --journal …); tab: the tab to show
    // first ("stages"), empty for the last one used.
    DemoSession(MainWindow &window, RunOpening &opening, QStringList demoArgs, QString tab,
                QObject *parent = nullptr);
    ~DemoSession() override;

    void start();
    QString journal() const { return m_journal; }

private:
    void readOutput();
    void selectTab();

    MainWindow &m_window;
    RunOpening &m_opening;
    QStringList m_args;
    QString m_tab;
    QString m_journal;
    QProcess m_process;
    QByteArray m_pending; // output up to the next newline
    bool m_watching = false;
};

} // namespace cockpit::gui
