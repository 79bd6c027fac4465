#include "core/journal/JournalEventType.h"

#include <array>
#include <utility>

namespace cockpit {

namespace {
constexpr std::array<std::pair<JournalEventType, const char *>, 19> kNames {{
    {JournalEventType::RunStarted, "run_started"},
    {JournalEventType::StageEntered, "stage_entered"},
    {JournalEventType::CheckObserved, "check_observed"},
    {JournalEventType::SampleTaken, "sample_taken"},
    {JournalEventType::Checkpoint, "checkpoint"},
    {JournalEventType::GateChanged, "gate_changed"},
    {JournalEventType::DecisionMade, "decision_made"},
    {JournalEventType::Approval, "approval"},
    {JournalEventType::ActionRun, "action_run"},
    {JournalEventType::TriggerFired, "trigger_fired"},
    {JournalEventType::RollbackStarted, "rollback_started"},
    {JournalEventType::RollbackStep, "rollback_step"},
    {JournalEventType::RollbackFinished, "rollback_finished"},
    {JournalEventType::PointOfNoReturn, "point_of_no_return"},
    {JournalEventType::SignOff, "sign_off"},
    {JournalEventType::RunFinished, "run_finished"},
    {JournalEventType::Note, "note"},
    {JournalEventType::GoNoGo, "go_no_go"},
    {JournalEventType::Reconciliation, "reconciliation"},
}};
} // namespace

QString journalEventTypeName(JournalEventType type)
{
    for (const auto &[t, name] : kNames) {
        if (t == type)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("note");
}

std::optional<JournalEventType> journalEventTypeFromName(QStringView name)
{
    for (const auto &[t, n] : kNames) {
        if (name == QLatin1StringView(n))
            return t;
    }
    return std::nullopt;
}

QList<JournalEventType> allJournalEventTypes()
{
    QList<JournalEventType> out;
    for (const auto &entry : kNames)
        out.append(entry.first);
    return out;
}

} // namespace cockpit
