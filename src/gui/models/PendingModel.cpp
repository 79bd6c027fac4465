#include "gui/models/PendingModel.h"

#include "gui/GuiText.h"

namespace cockpit::gui {

PendingModel::PendingModel(QObject *parent)
    : SnapshotTableModel({tr("Decision"), tr("About"), tr("Why"), tr("Waiting"), tr("Deadline")}, parent)
{
}

void PendingModel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    m_now = snapshot ? snapshot->now : 0;
    updateRows(m_rows, snapshot ? snapshot->status.pending : QList<PendingDecision> {});
}

int PendingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

const PendingDecision *PendingModel::decisionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

QString PendingModel::keyOf(const PendingDecision &p)
{
    return p.kind + QLatin1Char('/') + p.stage + QLatin1Char('/') + p.target;
}

int PendingModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (keyOf(m_rows.at(i)) == key)
            return i;
    return -1;
}

QVariant PendingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const PendingDecision &p = m_rows.at(index.row());
    if (role == KeyRole)
        return keyOf(p);
    if (role == Qt::ToolTipRole)
        return p.why;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Kind: return GuiText::pendingKindWord(p.kind);
    case Target:
        return p.stage.isEmpty() || p.stage == p.target ? p.target
                                                        : tr("%1 (stage %2)").arg(p.target, p.stage);
    case Why: return p.why;
    case Waiting: return p.since > 0 ? GuiText::duration(m_now - p.since) : QString {};
    case Deadline:
        if (!p.deadline)
            return QString {};
        return *p.deadline > m_now ? tr("in %1").arg(GuiText::duration(*p.deadline - m_now))
                                   : tr("overdue by %1").arg(GuiText::duration(m_now - *p.deadline));
    }
    return {};
}

} // namespace cockpit::gui
