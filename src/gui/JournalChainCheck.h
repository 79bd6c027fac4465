#pragma once

#include "core/journal/JournalEvent.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cockpit::gui {

// The hash chain of the events a window holds: every event's own bytes hash to its stored hash and each
// names the one before it. Pure and slow enough for 100 000 events that the journal tab runs it on a worker
// (QtConcurrent), never on the GUI thread.
class JournalChainCheck
{
    Q_DECLARE_TR_FUNCTIONS(JournalChainCheck)

public:
    struct Result
    {
        bool ok = true;
        qint64 events = 0;
        qint64 firstSeq = 0;
        QByteArray head;
        QString problem; // "event 5: hash mismatch"
        QString sentence() const; // "verified, head 93be37… (412 events)"
    };
    static Result check(const QList<JournalEvent> &events); // in journal order
};

} // namespace cockpit::gui
