#include "gui/models/JournalModel.h"

#include "gui/GuiText.h"

#include <QJsonDocument>
#include <QSet>

namespace cockpit::gui {

JournalModel::JournalModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void JournalModel::append(const QList<JournalEvent> &events)
{
    QList<JournalEvent> fresh;
    const qint64 last = m_events.isEmpty() ? 0 : m_events.last().seq();
    for (const JournalEvent &e : events)
        if (e.seq() > last) // a follower may hand over an event again after reconnecting
            fresh << e;
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, 0, int(fresh.size() - 1));
    m_events.append(fresh);
    endInsertRows();
}

int JournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int JournalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 5;
}

QVariant JournalModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const JournalEvent &e = m_events.at(m_events.size() - 1 - index.row());
    if (role == TypeRole)
        return e.typeName();
    if (role == StageRole)
        return e.payload().value(QLatin1String("stage")).toString();
    if (role == ActorRole)
        return e.actor();
    if (role == JsonRole)
        return QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Indented));
    if (role == Qt::ToolTipRole)
        return QString::fromUtf8(e.payloadJson());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Seq: return e.seq();
    case Time: return GuiText::clockTime(e.at());
    case Type: return e.typeName();
    case Actor: return e.actor();
    case Summary: return QString::fromUtf8(e.payloadJson()).left(200);
    }
    return {};
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Seq: return tr("#");
    case Time: return tr("Time");
    case Type: return tr("Event");
    case Actor: return tr("Who");
    case Summary: return tr("Details");
    }
    return {};
}

QStringList JournalModel::types() const
{
    QSet<QString> set;
    for (const JournalEvent &e : m_events)
        set.insert(e.typeName());
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

QStringList JournalModel::stages() const
{
    QSet<QString> set;
    for (const JournalEvent &e : m_events)
        if (const QString s = e.payload().value(QLatin1String("stage")).toString(); !s.isEmpty())
            set.insert(s);
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

QStringList JournalModel::actors() const
{
    QSet<QString> set;
    for (const JournalEvent &e : m_events)
        if (!e.actor().isEmpty())
            set.insert(e.actor());
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

} // namespace cockpit::gui
