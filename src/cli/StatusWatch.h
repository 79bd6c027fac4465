#pragma once

#include "engine/RunSnapshot.h"

#include <QString>

namespace cockpit::cli {

// `status --watch`: follows a run through RunFollower and prints one line per snapshot until the run
// finishes or the user interrupts. Exit 0, 2 when the journal cannot be opened or holds no run.
class StatusWatch
{
public:
    static int run(const QString &journalSpec, const QString &runId);
    // "08:10:01 v7 HOLD canary seq 42: waiting for a person: …", with STALE and the journal's problem.
    static QString line(const RunSnapshot &s, qint64 wallNow);
};

} // namespace cockpit::cli
