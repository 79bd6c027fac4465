#include "gui/panels/JournalPanel.h"

#include "gui/models/JournalModel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
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

namespace cockpit::gui {

namespace {
// Filters on the event type (exact) and on free text over every column and the payload.
class JournalFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString type;
    QString text;
    void refresh() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex idx = sourceModel()->index(row, 0, parent);
        if (!type.isEmpty() && idx.data(JournalModel::TypeRole).toString() != type)
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
    , m_filter(new QLineEdit(this))
    , m_head(new QLabel(this))
    , m_detail(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_type->setObjectName(QStringLiteral("journalType"));
    m_type->addItem(tr("All events"), QString {});
    m_filter->setObjectName(QStringLiteral("journalFilter"));
    m_filter->setPlaceholderText(tr("Filter: stage, person, gate, text…"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_type);
    bar->addWidget(m_filter, 1);
    m_head->setObjectName(QStringLiteral("journalHead"));
    bar->addWidget(m_head);
    layout->addLayout(bar);

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
    detailLayout->addWidget(copy, 0, Qt::AlignRight);
    split->addWidget(detailBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_type, &QComboBox::currentIndexChanged, this, &JournalPanel::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, &JournalPanel::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_detail->setPlainText(current.data(JournalModel::JsonRole).toString());
            });
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_detail->toPlainText()); });
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
    // Keep the kind filter's list in step with what the journal holds, without losing the choice.
    const QStringList types = m_model->types();
    if (types.size() + 1 != m_type->count()) {
        const QString current = m_type->currentData().toString();
        const QSignalBlocker block(m_type);
        while (m_type->count() > 1)
            m_type->removeItem(1);
        for (const QString &t : types)
            m_type->addItem(t, t);
        m_type->setCurrentIndex(qMax(0, m_type->findData(current)));
    }
}

int JournalPanel::visibleRows() const
{
    return m_proxy->rowCount();
}

void JournalPanel::applyFilter()
{
    auto *filter = static_cast<JournalFilter *>(m_proxy);
    filter->type = m_type->currentData().toString();
    filter->text = m_filter->text().trimmed();
    filter->refresh();
}

} // namespace cockpit::gui
