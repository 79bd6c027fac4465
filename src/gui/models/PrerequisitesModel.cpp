#include "gui/models/PrerequisitesModel.h"

#include "gui/GuiText.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <algorithm>

namespace cockpit::gui {

PrerequisitesModel::PrerequisitesModel(QObject *parent)
    : SnapshotTableModel({tr("Category"), tr("Prerequisite"), tr("Verdict"), tr("What was seen"), tr("Age"),
                          tr("Duration"), tr("Confirmed by")},
                         parent)
{
}

void PrerequisitesModel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    QList<PrerequisiteSnapshot> rows = snapshot ? snapshot->prerequisites : QList<PrerequisiteSnapshot> {};
    std::stable_sort(
        rows.begin(), rows.end(),
        [](const PrerequisiteSnapshot &a, const PrerequisiteSnapshot &b) { return a.category < b.category; });
    m_now = snapshot ? snapshot->now : 0;
    updateRows(m_rows, std::move(rows));
}

int PrerequisitesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PrerequisitesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const PrerequisiteSnapshot &p = m_rows.at(index.row());
    if (role == KeyRole)
        return p.id;
    if (role == CategoryRole)
        return p.category;
    if (role == ManualRole)
        return p.manual;
    if (role == Qt::DecorationRole && index.column() == Verdict) {
        if (!p.verdict)
            return QIcon(QStringLiteral(":/icons/not-started.svg"));
        switch (*p.verdict) {
        case cockpit::Verdict::Pass: return QIcon(QStringLiteral(":/icons/go.svg"));
        case cockpit::Verdict::Fail: return QIcon(QStringLiteral(":/icons/no-go.svg"));
        default: return QIcon(QStringLiteral(":/icons/hold.svg"));
        }
    }
    if (role == Qt::FontRole && index.column() == Category) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::BackgroundRole && index.column() == Verdict && p.verdict) {
        switch (*p.verdict) {
        case cockpit::Verdict::Pass: return QBrush(QColor(0xc8, 0xe6, 0xc9));
        case cockpit::Verdict::Fail: return QBrush(QColor(0xff, 0xcd, 0xd2));
        default: return QBrush(QColor(0xff, 0xe0, 0xb2));
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Seen)
        return p.explanation;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Category:
        // Grouped: the category once, on the first row of its group.
        return index.row() > 0 && m_rows.at(index.row() - 1).category == p.category ? QString {} : p.category;
    case Prerequisite: return p.title.isEmpty() ? p.id : p.title;
    case Verdict:
        if (p.running)
            return tr("checking…");
        return QStringLiteral("%1 %2").arg(GuiText::verdictSymbol(p.verdict),
                                           GuiText::verdictWord(p.verdict));
    case Seen: return p.manual && p.explanation.isEmpty() ? tr("manual: a person signs off") : p.explanation;
    case Age: return p.at > 0 ? GuiText::age(m_now - p.at) : QString {};
    case Duration: return p.at > 0 && !p.manual ? tr("%1 ms").arg(p.durationMs) : QString {};
    case ConfirmedBy: return p.confirmedBy;
    }
    return {};
}

} // namespace cockpit::gui
