#include "gui/panels/StartPage.h"

#include "gui/CockpitSettings.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>

namespace cockpit::gui {

StartPage::StartPage(CockpitSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_runbooks(new QListWidget(this))
    , m_journals(new QListWidget(this))
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(32, 24, 32, 24);
    auto *title = new QLabel(tr("Cutover Cockpit"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 2.2);
    f.setBold(true);
    title->setFont(f);
    grid->addWidget(title, 0, 0, 1, 2);
    auto *intro = new QLabel(tr("Open a runbook to rehearse or run a cutover, or watch a run read-only from "
                                "its journal."),
                             this);
    intro->setWordWrap(true);
    grid->addWidget(intro, 1, 0, 1, 2);

    grid->addWidget(new QLabel(tr("<b>Recent runbooks</b>"), this), 2, 0);
    grid->addWidget(new QLabel(tr("<b>Recent journals</b> (open read-only)"), this), 2, 1);
    m_runbooks->setObjectName(QStringLiteral("recentRunbooks"));
    m_journals->setObjectName(QStringLiteral("recentJournals"));
    grid->addWidget(m_runbooks, 3, 0);
    grid->addWidget(m_journals, 3, 1);
    auto *openRunbook = new QPushButton(tr("&Open runbook…"), this);
    auto *watchJournal = new QPushButton(tr("&Watch a journal…"), this);
    grid->addWidget(openRunbook, 4, 0);
    grid->addWidget(watchJournal, 4, 1);
    grid->setRowStretch(3, 1);

    connect(openRunbook, &QPushButton::clicked, this, &StartPage::browseRunbook);
    connect(watchJournal, &QPushButton::clicked, this, &StartPage::enterJournal);
    connect(m_runbooks, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT runbookChosen(item->text()); });
    connect(m_journals, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT journalChosen(item->text()); });
    reload();
}

void StartPage::reload()
{
    m_runbooks->clear();
    m_runbooks->addItems(m_settings.recentRunbooks());
    m_journals->clear();
    m_journals->addItems(m_settings.recentJournals());
}

void StartPage::browseRunbook()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open runbook"), {},
                                                      tr("Runbooks (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        Q_EMIT runbookChosen(path);
}

void StartPage::enterJournal()
{
    bool ok = false;
    const QString location = QInputDialog::getText(
        this, tr("Watch a journal"), tr("Journal (SQLite file or postgresql://viewer@host/db):"),
        QLineEdit::Normal, m_settings.recentJournals().value(0), &ok);
    if (ok && !location.trimmed().isEmpty())
        Q_EMIT journalChosen(location.trimmed());
}

} // namespace cockpit::gui
