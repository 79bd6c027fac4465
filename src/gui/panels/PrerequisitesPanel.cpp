#include "gui/panels/PrerequisitesPanel.h"

#include "gui/GuiText.h"
#include "gui/ObservationHtml.h"
#include "gui/models/PrerequisitesModel.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cockpit::gui {

PrerequisitesPanel::PrerequisitesPanel(QWidget *parent)
    : RunPanel(parent)
    , m_model(new PrerequisitesModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_detail(new QTextBrowser(this))
    , m_actions(new QWidget(this))
    , m_checkOne(new QPushButton(tr("Check &selected"), m_actions))
    , m_checkCategory(new QPushButton(tr("Check ca&tegory"), m_actions))
    , m_checkAll(new QPushButton(tr("Check &all"), m_actions))
    , m_cancel(new QPushButton(tr("Cancel"), m_actions))
    , m_progress(new QProgressBar(m_actions))
    , m_signOffBox(new QWidget(this))
    , m_signName(new QLineEdit(m_signOffBox))
    , m_signComment(new QLineEdit(m_signOffBox))
    , m_signOff(new QPushButton(tr("Si&gn off"), m_signOffBox))
    , m_secrets(new QTableWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout(m_actions);
    bar->setContentsMargins(0, 0, 0, 0);
    m_summary->setObjectName(QStringLiteral("prerequisiteSummary"));
    m_checkOne->setObjectName(QStringLiteral("checkSelected"));
    m_checkCategory->setObjectName(QStringLiteral("checkCategory"));
    m_checkAll->setObjectName(QStringLiteral("checkAll"));
    m_cancel->setObjectName(QStringLiteral("cancelChecks"));
    // Buttons that change the run: a viewer has none of them (tests find them by this property).
    for (QPushButton *b : {m_checkOne, m_checkCategory, m_checkAll, m_cancel, m_signOff})
        b->setProperty("cockpitCommand", true);
    m_progress->setObjectName(QStringLiteral("checkProgress"));
    m_progress->setFormat(tr("%v of %m checked"));
    m_progress->setMaximumWidth(220);
    bar->addWidget(m_checkOne);
    bar->addWidget(m_checkCategory);
    bar->addWidget(m_checkAll);
    bar->addWidget(m_cancel);
    bar->addWidget(m_progress);
    bar->addStretch(1);
    layout->addWidget(m_summary);
    layout->addWidget(m_actions);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_view->setObjectName(QStringLiteral("prerequisites"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(PrerequisitesModel::Seen, QHeaderView::Stretch);
    split->addWidget(m_view);
    m_detail->setObjectName(QStringLiteral("prerequisiteDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(tr("Select a prerequisite to see exactly what was observed."));
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto *sign = new QHBoxLayout(m_signOffBox);
    sign->setContentsMargins(0, 0, 0, 0);
    m_signOffBox->setObjectName(QStringLiteral("prerequisiteSignOff"));
    m_signName->setObjectName(QStringLiteral("signOffName"));
    m_signName->setPlaceholderText(tr("Name"));
    m_signComment->setObjectName(QStringLiteral("signOffComment"));
    m_signComment->setPlaceholderText(tr("Comment: what was checked, where"));
    m_signOff->setObjectName(QStringLiteral("signOffPrerequisite"));
    sign->addWidget(new QLabel(tr("Manual item:"), m_signOffBox));
    sign->addWidget(m_signName);
    sign->addWidget(m_signComment, 1);
    sign->addWidget(m_signOff);
    layout->addWidget(m_signOffBox);

    auto *secretsBox
        = new QGroupBox(tr("Secrets: ready checklist and missing credentials (never a value)"), this);
    auto *secretsLayout = new QVBoxLayout(secretsBox);
    m_secrets->setObjectName(QStringLiteral("secretsMap"));
    m_secrets->setColumnCount(4);
    m_secrets->setHorizontalHeaderLabels({tr("Secret"), tr("Ready"), tr("Required"), tr("Used by")});
    m_secrets->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_secrets->verticalHeader()->hide();
    m_secrets->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_secrets->setMaximumHeight(140);
    secretsLayout->addWidget(m_secrets);
    layout->addWidget(secretsBox);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetail();
        updateActions();
    });
    connect(m_checkOne, &QPushButton::clicked, this, [this] { check(QStringLiteral("check"), currentId()); });
    connect(m_checkCategory, &QPushButton::clicked, this, [this] {
        if (const PrerequisiteSnapshot *p = current())
            check(QStringLiteral("category"), p->category);
    });
    connect(m_checkAll, &QPushButton::clicked, this, [this] { check(QString {}, QString {}); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        EngineCommand c;
        c.kind = EngineCommand::Kind::CancelPrerequisites;
        Q_EMIT commandRequested(c);
    });
    connect(m_signOff, &QPushButton::clicked, this, &PrerequisitesPanel::signOff);
    connect(m_signName, &QLineEdit::textChanged, this, &PrerequisitesPanel::updateActions);
    connect(m_signComment, &QLineEdit::textChanged, this, &PrerequisitesPanel::updateActions);
    updateActions();
}

void PrerequisitesPanel::setPerson(const QString &person)
{
    if (m_signName->text().isEmpty())
        m_signName->setText(person);
}

void PrerequisitesPanel::setViewer(bool viewer)
{
    RunPanel::setViewer(viewer);
    m_actions->setVisible(!viewer);
    m_signOffBox->setVisible(!viewer);
    updateActions();
}

void PrerequisitesPanel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    m_model->setSnapshot(snapshot);
    int pass = 0, fail = 0, open = 0;
    if (snapshot)
        for (const PrerequisiteSnapshot &p : snapshot->prerequisites) {
            if (!p.verdict)
                ++open;
            else if (*p.verdict == Verdict::Pass)
                ++pass;
            else
                ++fail;
        }
    m_summary->setText(tr("%1 passed · %2 not passed · %3 not checked yet").arg(pass).arg(fail).arg(open));
    m_badge = fail > 0 ? QString::number(fail) : QString {};
    const PrerequisiteProgress progress = snapshot ? snapshot->prerequisiteProgress : PrerequisiteProgress {};
    m_progress->setVisible(progress.total > 0);
    m_progress->setRange(0, qMax(1, progress.total));
    m_progress->setValue(progress.done);
    showDetail();
    showSecrets();
    updateActions();
}

QString PrerequisitesPanel::currentId() const
{
    return m_view->currentIndex().data(SnapshotTableModel::KeyRole).toString();
}

const PrerequisiteSnapshot *PrerequisitesPanel::current() const
{
    if (!m_snapshot)
        return nullptr;
    const QString id = currentId();
    for (const PrerequisiteSnapshot &p : m_snapshot->prerequisites)
        if (p.id == id)
            return &p;
    return nullptr;
}

void PrerequisitesPanel::updateActions()
{
    const PrerequisiteSnapshot *p = current();
    const bool running = m_snapshot && m_snapshot->prerequisiteProgress.running;
    const QString busy = tr("Prerequisites are being checked: wait or cancel.");
    auto enable = [](QPushButton *b, bool on, const QString &why) {
        b->setEnabled(on);
        b->setToolTip(why);
    };
    if (m_viewer || (m_snapshot && m_snapshot->readOnly)) {
        // Hidden and disabled: a viewer changes nothing (the database refuses it anyway).
        for (QPushButton *b : {m_checkAll, m_checkOne, m_checkCategory, m_cancel, m_signOff})
            enable(b, false, tr("read-only viewer"));
        return;
    }
    enable(m_checkAll, m_snapshot && !running, running ? busy : tr("Check every prerequisite in parallel"));
    enable(m_checkOne, p && !p->manual && !running,
           running         ? busy
               : !p        ? tr("Select a prerequisite first")
               : p->manual ? tr("A manual item is signed off below, not checked by a probe")
                           : tr("Check %1 now").arg(p->id));
    enable(m_checkCategory, p && !running,
           running  ? busy
               : !p ? tr("Select a prerequisite of the category first")
                    : tr("Check every prerequisite of category %1").arg(p->category));
    enable(m_cancel, running, running ? tr("Stop the checks still running") : tr("Nothing is being checked"));
    const bool canSign = p && p->manual && !m_signName->text().trimmed().isEmpty()
        && !m_signComment->text().trimmed().isEmpty();
    enable(m_signOff, canSign,
           !p || !p->manual ? tr("Select a manual prerequisite to sign it off")
               : canSign    ? tr("Sign off %1 as %2").arg(p->id, m_signName->text().trimmed())
                            : tr("A sign-off needs a name and a comment"));
}

void PrerequisitesPanel::check(const QString &scope, const QString &target)
{
    EngineCommand c;
    c.kind = EngineCommand::Kind::CheckPrerequisites;
    c.targetKind = scope;
    c.target = target;
    Q_EMIT commandRequested(c);
}

void PrerequisitesPanel::signOff()
{
    const PrerequisiteSnapshot *p = current();
    if (!p || !p->manual)
        return;
    EngineCommand c;
    c.kind = EngineCommand::Kind::ConfirmPrerequisite;
    c.who = m_signName->text().trimmed();
    c.target = p->id;
    c.statement = m_signComment->text().trimmed();
    Q_EMIT commandRequested(c);
    m_signComment->clear();
}

void PrerequisitesPanel::showDetail()
{
    const PrerequisiteSnapshot *p = current();
    const QString html = p ? ObservationHtml::prerequisite(*p, m_snapshot->now) : QString {};
    // Re-set only on change: a new snapshot every 100 ms must not reset the person's scroll position.
    if (html != m_detailHtml) {
        m_detailHtml = html;
        m_detail->setHtml(html);
    }
}

QString PrerequisitesPanel::detailText() const
{
    return m_detail->toPlainText();
}

void PrerequisitesPanel::showSecrets()
{
    const QList<SecretReadiness> secrets = m_snapshot ? m_snapshot->secrets : QList<SecretReadiness> {};
    m_secrets->setRowCount(int(secrets.size()));
    for (int i = 0; i < secrets.size(); ++i) {
        const SecretReadiness &s = secrets.at(i);
        const QString ready = !s.ready ? tr("? unknown here")
            : *s.ready                 ? tr("✔ ready")
            : s.required               ? tr("✘ MISSING")
                                       : tr("– not set (optional)");
        const QStringList cells {s.name, ready, s.required ? tr("required") : tr("optional"),
                                 s.usedBy.join(QStringLiteral(", "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = m_secrets->item(i, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_secrets->setItem(i, c, item);
            }
            if (item->text() != cells.at(c))
                item->setText(cells.at(c));
            if (c == 0)
                item->setToolTip(s.description);
        }
    }
}

} // namespace cockpit::gui
