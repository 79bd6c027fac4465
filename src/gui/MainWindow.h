#pragma once

#include "gui/RunView.h"

#include <QMainWindow>

class QAction;
class QMenu;
class QStackedWidget;

namespace cockpit::gui {

class CockpitSettings;
class EvidenceExporter;
class MessageBanner;
class StartPage;

// The window: the start page until a run is shown, then the run view. Deliberately small: every tab is
// its own widget (panels/), opening a run is RunOpening's job, settings live in CockpitSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(CockpitSettings &settings, QWidget *parent = nullptr);

    // Shows a run; takes ownership of the controller (it is stopped and deleted with the window or when
    // another run is shown).
    void showRun(RunController *controller, const RunView::Options &options);
    void showStartPage();
    // Stops the run shown (its controller goes; the run resumes from the journal when opened again).
    void closeRun();
    void showMessage(const QString &text, bool error);

    StartPage *startPage() const { return m_start; }
    RunView *runView() const { return m_run; }
    EvidenceExporter *exporter() const { return m_exporter; }
    QAction *exportAction() const { return m_export; }

Q_SIGNALS:
    void runbookChosen(const QString &path);
    void journalChosen(const QString &location);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void releaseController();
    void exportEvidence();

    CockpitSettings &m_settings;
    QStackedWidget *m_stack;
    StartPage *m_start;
    RunView *m_run;
    MessageBanner *m_banner; // the window's own messages (start page, opening)
    RunController *m_owned = nullptr;
    EvidenceExporter *m_exporter;
    QAction *m_export;
    QMenu *m_runMenu;
    decltype(RunView::Options::openJournal) m_openJournal; // of the run shown; empty: no export
};

} // namespace cockpit::gui
