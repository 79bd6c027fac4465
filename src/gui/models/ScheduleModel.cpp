#include "gui/models/ScheduleModel.h"

#include "gui/GuiText.h"

#include <QBrush>
#include <QColor>

namespace cockpit::gui {

ScheduleModel::ScheduleModel(QObject *parent)
    : SnapshotTableModel(
        {tr("Item"), tr("Kind"), tr("Planned"), tr("Started"), tr("Ended"), tr("Status"), tr("Late")}, parent)
{
}

void ScheduleModel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    updateRows(m_rows, snapshot ? snapshot->schedule : QList<ScheduleSnapshot> {});
}

int ScheduleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ScheduleModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ScheduleSnapshot &s = m_rows.at(index.row());
    if (role == KeyRole)
        return s.id;
    if (role == Qt::BackgroundRole && index.column() == Status) {
        if (s.status == QLatin1String("failed"))
            return QBrush(QColor(0xff, 0xcd, 0xd2));
        if (s.status == QLatin1String("ok"))
            return QBrush(QColor(0xc8, 0xe6, 0xc9));
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    const auto when = [](const std::optional<qint64> &t) { return t ? GuiText::clockTime(*t) : QString {}; };
    switch (index.column()) {
    case Item: return s.title.isEmpty() ? s.id : s.title;
    case Kind: return s.kind == QLatin1String("window_step") ? tr("window step") : tr("milestone");
    case Planned: return when(s.plannedAt);
    case Started: return when(s.startedAt);
    case Ended: return when(s.endedAt);
    case Status: return s.status;
    case Late: return s.lateMs > 0 ? tr("%1 late").arg(GuiText::duration(s.lateMs)) : QString {};
    }
    return {};
}

} // namespace cockpit::gui
