#include "gui/panels/JournalPanel.h"

#include "gui/JournalChainCheck.h"
#include "gui/models/JournalModel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit::gui {

namespace {
// Filters on the event type (exact) and on free text over every column and the payload.
class JournalFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString type;
    QString stage;
    QString actor;
    QString text;
    void refresh() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex idx = sourceModel()->index(row, 0, parent);
        if (!type.isEmpty() && idx.data(JournalModel::TypeRole).toString() != type)
            return false;
        if (!stage.isEmpty() && idx.data(JournalModel::StageRole).toString() != stage)
            return false;
        if (!actor.isEmpty() && idx.data(JournalModel::ActorRole).toString() != actor)
            return false;
        if (text.isEmpty())
            return true;
        for (int c = 0; c < sourceModel()->columnCount(); ++c)
            if (sourceModel()->index(row, c, parent).data().toString().contains(text, Qt::CaseInsensitive))
                return true;
        return idx.data(Qt::ToolTipRole).toString().contains(text, Qt::CaseInsensitive);
    }
};
} // namespace

JournalPanel::JournalPanel(QWidget *parent)
    : RunPanel(parent)
    , m_model(new JournalModel(this))
    , m_proxy(new JournalFilter(this))
    , m_view(new QTableView(this))
    , m_type(new QComboBox(this))
    , m_stage(new QComboBox(this))
    , m_actor(new QComboBox(this))
    , m_chain(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_head(new QLabel(this))
    , m_detail(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_type->setObjectName(QStringLiteral("journalType"));
    m_type->addItem(tr("All events"), QString {});
    m_stage->setObjectName(QStringLiteral("journalStage"));
    m_stage->addItem(tr("All stages"), QString {});
    m_actor->setObjectName(QStringLiteral("journalActor"));
    m_actor->addItem(tr("Everyone"), QString {});
    m_filter->setObjectName(QStringLiteral("journalFilter"));
    m_filter->setPlaceholderText(tr("Filter: stage, person, gate, text…"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_type);
    bar->addWidget(m_stage);
    bar->addWidget(m_actor);
    bar->addWidget(m_filter, 1);
    m_head->setObjectName(QStringLiteral("journalHead"));
    bar->addWidget(m_head);
    layout->addLayout(bar);
    m_chain->setObjectName(QStringLiteral("journalChain"));
    m_chain->setText(tr("hash chain: not checked yet"));
    layout->addWidget(m_chain);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("journal"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(JournalModel::Summary, QHeaderView::Stretch);
    split->addWidget(m_view);
    auto *detailBox = new QWidget(split);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_detail->setReadOnly(true);
    m_detail->setObjectName(QStringLiteral("journalDetail"));
    detailLayout->addWidget(m_detail);
    auto *copy = new QPushButton(tr("&Copy as JSON"), detailBox);
    copy->setObjectName(QStringLiteral("copyEvent"));
    detailLayout->addWidget(copy, 0, Qt::AlignRight);
    split->addWidget(detailBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_type, &QComboBox::currentIndexChanged, this, &JournalPanel::applyFilter);
    connect(m_stage, &QComboBox::currentIndexChanged, this, &JournalPanel::applyFilter);
    connect(m_actor, &QComboBox::currentIndexChanged, this, &JournalPanel::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, &JournalPanel::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_detail->setPlainText(current.data(JournalModel::JsonRole).toString());
            });
    connect(copy, &QPushButton::clicked, this, &JournalPanel::copySelected);
}

void JournalPanel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    if (!snapshot) {
        m_head->clear();
        return;
    }
    m_head->setText(snapshot->headSeq > 0
                        ? tr("head #%1 %2…").arg(snapshot->headSeq).arg(snapshot->headHash.left(12))
                        : tr("journal empty"));
}

void JournalPanel::appendEvents(const QList<JournalEvent> &events)
{
    m_model->append(events);
    // Keep the filters' lists in step with what the journal holds, without losing the choices.
    refill(m_type, m_model->types());
    refill(m_stage, m_model->stages());
    refill(m_actor, m_model->actors());
    checkChain();
}

void JournalPanel::refill(QComboBox *box, const QStringList &items)
{
    if (items.size() + 1 == box->count())
        return;
    const QString current = box->currentData().toString();
    const QSignalBlocker block(box);
    while (box->count() > 1)
        box->removeItem(1);
    for (const QString &t : items)
        box->addItem(t, t);
    box->setCurrentIndex(qMax(0, box->findData(current)));
}

void JournalPanel::checkChain()
{
    // One check at a time on a worker; events that arrive meanwhile are covered by one more run after it.
    if (m_checking) {
        m_checkAgain = true;
        return;
    }
    m_checking = true;
    m_checkAgain = false;
    auto *watcher = new QFutureWatcher<JournalChainCheck::Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_checking = false;
        const JournalChainCheck::Result r = watcher->result();
        m_chain->setText(tr("hash chain: %1").arg(r.sentence()));
        m_chain->setStyleSheet(r.ok ? QString {} : QStringLiteral("color: #b00020; font-weight: bold;"));
        Q_EMIT chainChecked(m_chain->text());
        if (m_checkAgain)
            checkChain();
    });
    watcher->setFuture(QtConcurrent::run(&JournalChainCheck::check, m_model->events()));
}

QString JournalPanel::chainStatus() const
{
    return m_chain->text();
}

void JournalPanel::copySelected()
{
    QApplication::clipboard()->setText(m_view->currentIndex().data(JournalModel::JsonRole).toString());
}

int JournalPanel::visibleRows() const
{
    return m_proxy->rowCount();
}

void JournalPanel::applyFilter()
{
    auto *filter = static_cast<JournalFilter *>(m_proxy);
    filter->type = m_type->currentData().toString();
    filter->stage = m_stage->currentData().toString();
    filter->actor = m_actor->currentData().toString();
    filter->text = m_filter->text().trimmed();
    filter->refresh();
}

} // namespace cockpit::gui
