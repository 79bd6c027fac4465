#include "gui/panels/RunbookChangeBanner.h"

#include "gui/panels/CommandButton.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cockpit::gui {

namespace {
constexpr int kListedChanges = 8;
}

RunbookChangeBanner::RunbookChangeBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_list(new QLabel(this))
    , m_reason(new QLineEdit(this))
    , m_continue(new CommandButton(tr("Continue with the changed runbook…"), this))
    , m_keep(new QPushButton(tr("Keep the running runbook"), this))
{
    setObjectName(QStringLiteral("runbookChangeBanner"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#runbookChangeBanner { background: #fff3cd; border: 1px solid #ffb300; }"
                                 "#runbookChangeBanner QLabel { color: black; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    m_text->setObjectName(QStringLiteral("runbookChangeText"));
    m_text->setWordWrap(true);
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    layout->addWidget(m_text);
    m_list->setObjectName(QStringLiteral("runbookChangeList"));
    m_list->setWordWrap(true);
    m_list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_list);
    auto *row = new QHBoxLayout;
    m_reason->setObjectName(QStringLiteral("runbookChangeReason"));
    m_reason->setPlaceholderText(tr("Why continue with the changed runbook — journaled with your name"));
    m_continue->setObjectName(QStringLiteral("runbookChangeContinue"));
    m_keep->setObjectName(QStringLiteral("runbookChangeKeep"));
    m_keep->setToolTip(tr("Hide this until the file changes again; the run goes on as it started"));
    row->addWidget(m_reason, 1, Qt::AlignTop);
    row->addWidget(m_continue, 0, Qt::AlignTop);
    row->addWidget(m_keep, 0, Qt::AlignTop);
    layout->addLayout(row);

    connect(m_reason, &QLineEdit::textChanged, this, &RunbookChangeBanner::refreshContinue);
    connect(m_continue, &CommandButton::clicked, this,
            [this] { Q_EMIT continueRequested(m_reason->text().trimmed()); });
    connect(m_keep, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void RunbookChangeBanner::showChange(const RunbookFileChange &change)
{
    m_change = change;
    const QString file = QFileInfo(change.path).fileName();
    QStringList lines = change.errors.isEmpty() ? change.changes : change.errors;
    if (change.errors.isEmpty())
        m_text->setText(
            tr("The runbook %1 changed on disk: %n change(s). The run goes on with the runbook it "
               "started with; nothing changes until you decide.",
               nullptr, int(change.changes.size()))
                .arg(file));
    else
        m_text->setText(tr("The runbook %1 changed on disk and no longer loads. The run goes on with the "
                           "runbook it started with.")
                            .arg(file));
    const qsizetype more = lines.size() - kListedChanges;
    if (more > 0) {
        lines = lines.mid(0, kListedChanges);
        lines << tr("… and %n more", nullptr, int(more));
    }
    m_list->setText(QStringLiteral("• ") + lines.join(QStringLiteral("\n• ")));
    m_reason->clear();
    refreshContinue();
    show();
}

void RunbookChangeBanner::setContinueBlockedBy(const QString &why)
{
    m_cannotContinue = why;
    refreshContinue();
}

void RunbookChangeBanner::clear()
{
    m_change = {};
    m_reason->clear();
    hide();
}

QString RunbookChangeBanner::text() const
{
    return m_text->text() + QLatin1Char('\n') + m_list->text();
}

void RunbookChangeBanner::refreshContinue()
{
    if (!m_cannotContinue.isEmpty())
        m_continue->setBlockedBy(m_cannotContinue);
    else if (!m_change.errors.isEmpty())
        m_continue->setBlockedBy(tr("the changed runbook has errors: fix the file first"));
    else if (m_reason->text().trimmed().isEmpty())
        m_continue->setBlockedBy(tr("write a reason first"));
    else
        m_continue->setBlockedBy({});
}

} // namespace cockpit::gui
