#pragma once

#include "engine/RunSnapshot.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>
#include <optional>

namespace cockpit::gui {

// Words, symbols and icons the window shows for engine values. Every string is translated here, once,
// so panels never spell a headline or a verdict themselves.
class GuiText
{
    Q_DECLARE_TR_FUNCTIONS(GuiText)

public:
    static QString headlineWord(Headline h); // GO, HOLD, NO-GO, ...
    // A symbol that differs in shape for each headline, so it reads without colour.
    static QString headlineSymbol(Headline h);
    static QIcon headlineIcon(Headline h);
    static QString headlineIconPath(Headline h); // ":/icons/go.svg"
    static QString headlineColor(Headline h); // background of the verdict band

    static QString modeBand(RunMode mode); // "LIVE — production" / "REHEARSAL"
    static QString modeColor(RunMode mode);

    static QString verdictWord(const std::optional<Verdict> &v); // PASS, FAIL, NO DATA, ... / not checked
    static QString verdictSymbol(const std::optional<Verdict> &v);
    static QString gatePhaseWord(GateStatus::Phase p);
    static QString stageStateWord(StageSnapshot::State s);
    static QString pendingKindWord(const QString &kind);

    static QString duration(qint64 ms); // 3 h 12 m, 4 m 10 s, 12 s
    static QString countdown(qint64 ms); // hh:mm:ss (days as "2d 03:00:00")
    static QString age(qint64 ms); // "4 s ago", "3 m ago"
    static QString clockTime(qint64 msSinceEpoch); // local hh:mm:ss, with the date when not today
};

} // namespace cockpit::gui
