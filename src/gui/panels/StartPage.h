#pragma once

#include <QWidget>

class QListWidget;

namespace cockpit::gui {

class CockpitSettings;

// What the window shows without a run: recent runbooks and journals, open a runbook, watch a journal.
class StartPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartPage(CockpitSettings &settings, QWidget *parent = nullptr);
    void reload(); // after the recent lists changed

Q_SIGNALS:
    void runbookChosen(const QString &path);
    void journalChosen(const QString &location); // opened read-only (viewer)

private:
    void browseRunbook();
    void enterJournal();

    CockpitSettings &m_settings;
    QListWidget *m_runbooks;
    QListWidget *m_journals;
};

} // namespace cockpit::gui
