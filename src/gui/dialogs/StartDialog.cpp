#include "gui/dialogs/StartDialog.h"

#include "ui_StartDialog.h"

#include <QFileDialog>
#include <QPushButton>

namespace cockpit::gui {

StartDialog::StartDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::StartDialog>())
{
    m_ui->setupUi(this);
    m_ui->params->horizontalHeader()->setStretchLastSection(true);
    m_ui->resume->hide();
    m_ui->journal->setPlaceholderText(tr("RUNBOOK.journal next to the runbook"));
    connect(m_ui->live, &QRadioButton::toggled, this, &StartDialog::refresh);
    connect(m_ui->dryRun, &QRadioButton::toggled, this, &StartDialog::refresh);
    connect(m_ui->lead, &QLineEdit::textChanged, this, &StartDialog::refresh);
    connect(m_ui->journal, &QLineEdit::textChanged, this, &StartDialog::refresh);
    connect(m_ui->journalKind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_ui->journal->setPlaceholderText(index == 1 ? tr("postgresql://lead@host:5432/cutover")
                                                     : tr("RUNBOOK.journal next to the runbook"));
        m_ui->browseJournal->setEnabled(index == 0);
        refresh();
    });
    connect(m_ui->browseJournal, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Journal file"), m_ui->journal->text(),
                                                          tr("Journals (*.journal *.sqlite);;All files (*)"),
                                                          nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_ui->journal->setText(path);
    });
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
}

StartDialog::~StartDialog() = default;

void StartDialog::setRunbook(const QString &path, const QString &name, const QMap<QString, QString> &params,
                             const QMap<QString, QString> &descriptions)
{
    m_runbookPath = path;
    m_defaults = params;
    m_ui->runbookLabel->setText(tr("<b>%1</b><br>%2").arg(name.toHtmlEscaped(), path.toHtmlEscaped()));
    m_ui->params->setRowCount(int(params.size()));
    int row = 0;
    for (auto it = params.cbegin(); it != params.cend(); ++it, ++row) {
        auto *nameItem = new QTableWidgetItem(it.key());
        nameItem->setFlags(Qt::ItemIsEnabled);
        nameItem->setToolTip(descriptions.value(it.key()));
        m_ui->params->setItem(row, 0, nameItem);
        m_ui->params->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
    m_ui->params->resizeColumnToContents(0);
}

void StartDialog::setLead(const QString &lead)
{
    m_ui->lead->setText(lead);
}

void StartDialog::setJournal(const QString &journal)
{
    m_ui->journalKind->setCurrentIndex(journal.startsWith(QLatin1String("postgres")) ? 1 : 0);
    m_ui->journal->setText(journal);
}

void StartDialog::setUnfinishedRun(const QString &runId)
{
    m_ui->resume->setVisible(!runId.isEmpty());
    m_ui->resume->setText(tr("Resume the unfinished run %1 found in the journal").arg(runId));
}

void StartDialog::setMode(RunMode mode)
{
    (mode == RunMode::Live         ? m_ui->live
         : mode == RunMode::DryRun ? m_ui->dryRun
                                   : m_ui->rehearsal)
        ->setChecked(true);
}

StartChoice StartDialog::choice() const
{
    StartChoice c;
    c.runbookPath = m_runbookPath;
    c.mode = m_ui->live->isChecked() ? RunMode::Live
        : m_ui->dryRun->isChecked()  ? RunMode::DryRun
                                     : RunMode::Rehearsal;
    c.lead = m_ui->lead->text().trimmed();
    c.journal = m_ui->journal->text().trimmed();
    c.resume = m_ui->resume->isHidden() || m_ui->resume->isChecked();
    for (int row = 0; row < m_ui->params->rowCount(); ++row) {
        const QString name = m_ui->params->item(row, 0)->text();
        const QString value = m_ui->params->item(row, 1) ? m_ui->params->item(row, 1)->text() : QString {};
        if (value != m_defaults.value(name))
            c.paramAssignments << name + QLatin1Char('=') + value;
    }
    return c;
}

void StartDialog::refresh()
{
    const bool live = m_ui->live->isChecked();
    const bool dry = m_ui->dryRun->isChecked();
    m_ui->modeWarning->setText(
        live ? tr("LIVE — production. Every write runs against the real systems after "
                  "your confirmation, and everything is journaled under your name.")
            : dry
            ? tr("DRY RUN — every read is made; no write is sent, each is journaled as what it would send.")
            : tr("REHEARSAL — the same runbook with its rehearsal parameters; writes to connections "
                 "marked production are refused."));
    m_ui->modeWarning->setStyleSheet(
        live      ? QStringLiteral("background: #c62828; color: white; font-weight: bold; padding: 6px;")
            : dry ? QStringLiteral("background: #6a1b9a; color: white; padding: 6px;")
                  : QStringLiteral("background: #1565c0; color: white; padding: 6px;"));
    QString problem;
    if (m_ui->lead->text().trimmed().isEmpty())
        problem = tr("Name the lead: every decision is journaled with a name.");
    else if (m_ui->journalKind->currentIndex() == 1
             && !m_ui->journal->text().startsWith(QLatin1String("postgres")))
        problem = tr("A shared journal is a postgresql://… address.");
    m_ui->problem->setText(problem);
    QPushButton *ok = m_ui->buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(problem.isEmpty());
    ok->setToolTip(problem);
    ok->setText(live ? tr("Start LIVE run") : dry ? tr("Start dry run") : tr("Start rehearsal"));
}

} // namespace cockpit::gui
