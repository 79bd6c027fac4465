#include "gui/panels/PrerequisitesPanel.h"

#include "gui/GuiText.h"
#include "gui/models/PrerequisitesModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cockpit::gui {

PrerequisitesPanel::PrerequisitesPanel(QWidget *parent)
    : RunPanel(parent)
    , m_model(new PrerequisitesModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_detail(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    m_summary->setObjectName(QStringLiteral("prerequisiteSummary"));
    layout->addWidget(m_summary);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_view->setObjectName(QStringLiteral("prerequisites"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(PrerequisitesModel::Seen, QHeaderView::Stretch);
    split->addWidget(m_view);
    m_detail->setReadOnly(true);
    m_detail->setObjectName(QStringLiteral("prerequisiteDetail"));
    m_detail->setPlaceholderText(tr("Select a prerequisite to see exactly what was observed."));
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PrerequisitesPanel::showDetail);
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
    showDetail();
}

void PrerequisitesPanel::showDetail()
{
    const QModelIndex current = m_view->currentIndex();
    if (!m_snapshot || !current.isValid()) {
        m_detail->clear();
        return;
    }
    const QString id = current.data(SnapshotTableModel::KeyRole).toString();
    for (const PrerequisiteSnapshot &p : m_snapshot->prerequisites) {
        if (p.id != id)
            continue;
        QStringList lines {tr("%1 (%2)").arg(p.title.isEmpty() ? p.id : p.title, p.category),
                           tr("Verdict: %1").arg(GuiText::verdictWord(p.verdict))};
        if (p.at > 0)
            lines << tr("Observed: %1 (%2)")
                         .arg(GuiText::clockTime(p.at), GuiText::age(m_snapshot->now - p.at));
        if (!p.explanation.isEmpty())
            lines << tr("Seen: %1").arg(p.explanation);
        if (!p.confirmedBy.isEmpty())
            lines << tr("Signed off by %1").arg(p.confirmedBy);
        const QString text = lines.join(QLatin1Char('\n'));
        if (m_detail->toPlainText() != text)
            m_detail->setPlainText(text);
        return;
    }
}

} // namespace cockpit::gui
