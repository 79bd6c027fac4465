#pragma once

#include "core/journal/JournalEvent.h"

#include <QAbstractTableModel>
#include <QList>

namespace cockpit::gui {

// The journal's events as they are appended, newest first. Keeps only what the controller handed over
// (events are values; the journal itself stays in the store).
class JournalModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Seq, Time, Type, Actor, Summary };
    static constexpr int TypeRole = Qt::UserRole + 1;
    static constexpr int JsonRole = Qt::UserRole + 2;
    static constexpr int StageRole = Qt::UserRole + 3;
    static constexpr int ActorRole = Qt::UserRole + 4;

    explicit JournalModel(QObject *parent = nullptr);

    void append(const QList<JournalEvent> &events); // in journal order
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QStringList types() const;
    QStringList stages() const;
    QStringList actors() const;
    const QList<JournalEvent> &events() const { return m_events; } // journal order

private:
    QList<JournalEvent> m_events; // journal order; row 0 shows the last
};

} // namespace cockpit::gui
