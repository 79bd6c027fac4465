#include "gui/GuiText.h"

#include "gui/GuiResources.h"

#include <QDateTime>

namespace cockpit::gui {

QString GuiText::headlineWord(Headline h)
{
    switch (h) {
    case Headline::NotStarted: return tr("NOT STARTED");
    case Headline::NoGo: return tr("NO-GO");
    case Headline::Hold: return tr("HOLD");
    case Headline::Go: return tr("GO");
    case Headline::RollingBack: return tr("ROLLING BACK");
    case Headline::RolledBack: return tr("ROLLED BACK");
    case Headline::Finished: return tr("FINISHED");
    }
    return {};
}

QString GuiText::headlineSymbol(Headline h)
{
    switch (h) {
    case Headline::NotStarted: return QStringLiteral("○");
    case Headline::NoGo: return QStringLiteral("✖");
    case Headline::Hold: return QStringLiteral("❚❚");
    case Headline::Go: return QStringLiteral("✔");
    case Headline::RollingBack: return QStringLiteral("⟲");
    case Headline::RolledBack: return QStringLiteral("⤺");
    case Headline::Finished: return QStringLiteral("⚑");
    }
    return {};
}

QIcon GuiText::headlineIcon(Headline h)
{
    ensureResources();
    return QIcon(headlineIconPath(h));
}

QString GuiText::headlineIconPath(Headline h)
{
    switch (h) {
    case Headline::NotStarted: return QStringLiteral(":/icons/not-started.svg");
    case Headline::NoGo: return QStringLiteral(":/icons/no-go.svg");
    case Headline::Hold: return QStringLiteral(":/icons/hold.svg");
    case Headline::Go: return QStringLiteral(":/icons/go.svg");
    case Headline::RollingBack:
    case Headline::RolledBack: return QStringLiteral(":/icons/rollback.svg");
    case Headline::Finished: return QStringLiteral(":/icons/finished.svg");
    }
    return {};
}

QString GuiText::headlineColor(Headline h)
{
    switch (h) {
    case Headline::Go: return QStringLiteral("#1b7f3b");
    case Headline::Hold: return QStringLiteral("#b26a00");
    case Headline::NoGo: return QStringLiteral("#b3261e");
    case Headline::RollingBack: return QStringLiteral("#7b1fa2");
    case Headline::RolledBack: return QStringLiteral("#5e35b1");
    case Headline::Finished: return QStringLiteral("#37474f");
    case Headline::NotStarted: return QStringLiteral("#546e7a");
    }
    return {};
}

QString GuiText::modeBand(RunMode mode)
{
    switch (mode) {
    case RunMode::Live: return tr("LIVE — production");
    case RunMode::DryRun: return tr("DRY RUN — every read, no write");
    case RunMode::Rehearsal: break;
    }
    return tr("REHEARSAL — rehearsal parameters, production writes refused");
}

QString GuiText::modeColor(RunMode mode)
{
    switch (mode) {
    case RunMode::Live: return QStringLiteral("#c62828");
    case RunMode::DryRun: return QStringLiteral("#6a1b9a");
    case RunMode::Rehearsal: break;
    }
    return QStringLiteral("#1565c0");
}

QString GuiText::verdictWord(const std::optional<Verdict> &v)
{
    if (!v)
        return tr("not checked");
    switch (*v) {
    case Verdict::Pass: return tr("PASS");
    case Verdict::Fail: return tr("FAIL");
    case Verdict::NoData: return tr("NO DATA");
    case Verdict::Inconclusive: return tr("INCONCLUSIVE");
    }
    return {};
}

QString GuiText::verdictSymbol(const std::optional<Verdict> &v)
{
    if (!v)
        return QStringLiteral("○");
    switch (*v) {
    case Verdict::Pass: return QStringLiteral("✔");
    case Verdict::Fail: return QStringLiteral("✖");
    case Verdict::NoData: return QStringLiteral("∅");
    case Verdict::Inconclusive: return QStringLiteral("?");
    }
    return {};
}

QString GuiText::gatePhaseWord(GateStatus::Phase p)
{
    switch (p) {
    case GateStatus::Phase::Waiting: return tr("waiting for data");
    case GateStatus::Phase::Holding: return tr("holding");
    case GateStatus::Phase::Passed: return tr("passed");
    case GateStatus::Phase::Recovering: return tr("failing, may recover");
    case GateStatus::Phase::Failed: return tr("failed");
    case GateStatus::Phase::NoData: return tr("no data");
    case GateStatus::Phase::AwaitingDecision: return tr("awaiting a decision");
    }
    return {};
}

QString GuiText::stageStateWord(StageSnapshot::State s)
{
    switch (s) {
    case StageSnapshot::State::Future: return tr("to come");
    case StageSnapshot::State::Current: return tr("running");
    case StageSnapshot::State::Done: return tr("done");
    case StageSnapshot::State::RolledBack: return tr("rolled back");
    }
    return {};
}

QString GuiText::pendingKindWord(const QString &kind)
{
    if (kind == QLatin1String("gate"))
        return tr("gate decision");
    if (kind == QLatin1String("action"))
        return tr("action");
    if (kind == QLatin1String("check"))
        return tr("failed check");
    if (kind == QLatin1String("trigger"))
        return tr("trigger");
    if (kind == QLatin1String("rollback_step"))
        return tr("rollback step");
    if (kind == QLatin1String("schedule"))
        return tr("schedule item");
    if (kind == QLatin1String("manual_gate"))
        return tr("manual gate");
    if (kind == QLatin1String("second_approval"))
        return tr("second approval");
    if (kind == QLatin1String("promote"))
        return tr("promotion");
    if (kind == QLatin1String("enter_stage"))
        return tr("enter stage");
    if (kind == QLatin1String("point_of_no_return"))
        return tr("point of no return");
    if (kind == QLatin1String("confirm_write"))
        return tr("write to confirm");
    return kind;
}

QString GuiText::duration(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    const qint64 s = ms / 1000;
    const qint64 d = s / 86400, h = (s % 86400) / 3600, m = (s % 3600) / 60, sec = s % 60;
    if (d > 0)
        return tr("%1 d %2 h").arg(d).arg(h);
    if (h > 0)
        return tr("%1 h %2 m").arg(h).arg(m, 2, 10, QLatin1Char('0'));
    if (m > 0)
        return tr("%1 m %2 s").arg(m).arg(sec, 2, 10, QLatin1Char('0'));
    return tr("%1 s").arg(sec);
}

QString GuiText::countdown(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    const qint64 s = ms / 1000;
    const qint64 d = s / 86400;
    const QString hms = QStringLiteral("%1:%2:%3")
                            .arg((s % 86400) / 3600, 2, 10, QLatin1Char('0'))
                            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
                            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return d > 0 ? tr("%1d %2").arg(d).arg(hms) : hms;
}

QString GuiText::age(qint64 ms)
{
    if (ms < 1000)
        return tr("just now");
    return tr("%1 ago").arg(duration(ms));
}

QString GuiText::clockTime(qint64 msSinceEpoch)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toLocalTime();
    if (t.date() == QDate::currentDate())
        return t.toString(QStringLiteral("HH:mm:ss"));
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace cockpit::gui
