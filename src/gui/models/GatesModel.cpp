#include "gui/models/GatesModel.h"

#include "gui/GuiText.h"

#include <QBrush>
#include <QColor>

namespace cockpit::gui {

GatesModel::GatesModel(QObject *parent)
    : SnapshotTableModel(
        {tr("Gate"), tr("Outcome"), tr("Condition and value seen"), tr("Streak"), tr("Time left"), tr("Why")},
        parent)
{
}

void GatesModel::setSnapshot(const RunSnapshotPtr &snapshot)
{
    updateRows(m_rows, snapshot ? snapshot->status.gates : QList<GateView> {});
}

int GatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant GatesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const GateView &g = m_rows.at(index.row());
    const GateStatus &s = g.status;
    if (role == KeyRole)
        return g.id;
    if (role == Qt::BackgroundRole && index.column() == Outcome) {
        // Green only for a passed gate: a holding gate, or one whose last samples had no data, is not.
        switch (s.phase) {
        case GateStatus::Phase::Passed: return QBrush(QColor(0xc8, 0xe6, 0xc9));
        case GateStatus::Phase::Failed: return QBrush(QColor(0xff, 0xcd, 0xd2));
        case GateStatus::Phase::Recovering:
        case GateStatus::Phase::NoData:
        case GateStatus::Phase::AwaitingDecision: return QBrush(QColor(0xff, 0xe0, 0xb2));
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return s.reason.isEmpty() ? s.explanation : s.reason;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Gate: return g.title.isEmpty() ? g.id : g.title;
    case Outcome: {
        const QString word = GuiText::gatePhaseWord(s.phase);
        return s.verdict ? QStringLiteral("%1 %2 (%3)")
                               .arg(GuiText::verdictSymbol(s.verdict), GuiText::verdictWord(s.verdict), word)
                         : QStringLiteral("… %1").arg(word);
    }
    case Sentence:
        if (!s.explanation.isEmpty())
            return s.explanation;
        return g.kind == Gate::Kind::Manual ? tr("a person confirms") : tr("no sample yet");
    case Streak: {
        const qint64 held = s.held.count(), total = held + s.remaining.count();
        if (total <= 0)
            return QString {};
        if (s.phase == GateStatus::Phase::Passed) // the window goes on past its hold
            return tr("held %1 ✔").arg(GuiText::duration(held));
        return tr("%1 / %2").arg(GuiText::duration(held), GuiText::duration(total));
    }
    case TimeLeft:
        return s.phase == GateStatus::Phase::Passed || s.remaining.count() <= 0
            ? tr("—")
            : GuiText::duration(s.remaining.count());
    case Reason: return s.reason;
    }
    return {};
}

} // namespace cockpit::gui
