#pragma once

#include "core/journal/RunEvents.h"
#include "engine/Preflight.h"

#include <QDialog>
#include <QMap>
#include <QStringList>
#include <memory>
#include <optional>

namespace Ui {
class StartDialog;
}

namespace cockpit::gui {

// What a person chose to start: the runbook, rehearsal or LIVE, who leads, the journal, parameters that
// differ from the runbook's defaults (as NAME=VALUE), and whether to resume an unfinished run.
struct StartChoice
{
    QString runbookPath;
    RunMode mode = RunMode::Rehearsal;
    QString lead;
    QString journal; // SQLite file path or postgresql://…
    QStringList paramAssignments;
    bool resume = true;
    // Resume although the runbook file changed since the run started: a person's decision, journaled.
    std::optional<PersonDecision> acceptChangedRunbook;
};

// The start dialog (ui/StartDialog.ui). LIVE is never the default and, once chosen, the dialog turns red
// and says so; OK stays disabled until a lead is named and a journal given.
class StartDialog : public QDialog
{
    Q_OBJECT

public:
    explicit StartDialog(QWidget *parent = nullptr);
    ~StartDialog() override;

    // Fills the dialog. params: the runbook's defaults; descriptions shown as tooltips.
    void setRunbook(const QString &path, const QString &name, const QMap<QString, QString> &params,
                    const QMap<QString, QString> &descriptions);
    void setLead(const QString &lead);
    void setJournal(const QString &journal);
    // An unfinished run of this runbook in the journal: offered for resuming (checked).
    void setUnfinishedRun(const QString &runId);
    void setMode(RunMode mode);

    StartChoice choice() const;

private:
    void refresh();

    std::unique_ptr<Ui::StartDialog> m_ui;
    QString m_runbookPath;
    QMap<QString, QString> m_defaults;
};

} // namespace cockpit::gui
