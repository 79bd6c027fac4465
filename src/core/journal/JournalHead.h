#pragma once

#include "core/base/Expected.h"

#include <QByteArray>
#include <QString>

namespace cockpit {

// Where a journal's chain ends: the newest event's seq and hash (0 and the genesis hash when empty).
// Written SEQ:HASH, e.g. 1234:9f86d0…; kept outside the journal (an evidence report, a ticket, a second
// system) it lets `journal verify --head` tell that events were cut off the end.
struct JournalHead
{
    qint64 seq = 0;
    QByteArray hash = QByteArray(64, '0');

    QString toString() const { return QStringLiteral("%1:%2").arg(seq).arg(QString::fromLatin1(hash)); }
    // SEQ:HASH with a non-negative decimal seq and 64 lowercase hex digits.
    static Expected<JournalHead, QString> parse(const QString &text);
    bool operator==(const JournalHead &) const = default;
};

} // namespace cockpit
