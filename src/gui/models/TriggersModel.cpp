#include "gui/models/TriggersModel.h"

#include "gui/GuiText.h"

#include <QBrush>
#include <QColor>

namespace cockpit::gui {

TriggersModel::TriggersModel(QObject *parent)
    : SnapshotTableModel(
        {tr("Trigger"), tr("When"), tr("Severity"), tr("Action"), tr("State"), tr("Values seen")}, parent)
{
}

void TriggersModel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    m_now = snapshot ? snapshot->now : 0;
    updateRows(m_rows, snapshot ? snapshot->triggers : QList<TriggerSnapshot> {});
}

int TriggersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TriggersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TriggerSnapshot &t = m_rows.at(index.row());
    if (role == KeyRole)
        return t.id;
    if (role == Qt::BackgroundRole && index.column() == State && t.firing)
        return QBrush(QColor(0xff, 0xcd, 0xd2));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Trigger: return t.id;
    case When: return t.when;
    case Severity: return t.severity;
    case Action: return t.action;
    case State:
        if (t.firing)
            return tr("✖ FIRING");
        if (t.firedAt)
            return tr("fired %1").arg(GuiText::age(m_now - *t.firedAt));
        return tr("✔ quiet");
    case Seen: return t.explanation;
    }
    return {};
}

} // namespace cockpit::gui
