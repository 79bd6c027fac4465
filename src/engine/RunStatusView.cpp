#include "engine/RunStatusView.h"

#include "engine/RunCommands.h"

#include <QDateTime>
#include <QJsonArray>

namespace cockpit {

namespace {

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QJsonValue optMs(const std::optional<qint64> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue();
}

QString quoted(const QString &s)
{
    return s.contains(QLatin1Char(' ')) ? QLatin1Char('"') + s + QLatin1Char('"') : s;
}

QString kindName(ScheduleItem::Kind k)
{
    return k == ScheduleItem::Kind::Milestone ? QStringLiteral("milestone") : QStringLiteral("window_step");
}

// The status of each action of a milestone in this run: to_do | started | ok | failed | accepted.
QList<std::pair<QString, QString>> milestoneActions(const RunState &state, const QString &milestone)
{
    QList<std::pair<QString, QString>> out;
    const Milestone *m = RunPlanner::findMilestone(state.runbook(), milestone);
    if (!m)
        return out;
    const auto progress = state.milestones().constFind(milestone);
    for (const Action &a : m->actions) {
        const QString st
            = progress == state.milestones().constEnd() ? QString() : progress->actions.value(a.id).status;
        out.append({a.id, st.isEmpty() ? QStringLiteral("to_do") : st});
    }
    return out;
}

// Lateness so far: of the start once started, else how long it is overdue.
qint64 lateMs(const ScheduleItem &i, qint64 now)
{
    return i.lateSoFar(now).count();
}

} // namespace

Expected<LoadedRun, QString> RunStatusView::load(Journal &journal, const QString &runId)
{
    auto events = journal.readAll();
    if (!events)
        return unexpected(
            QStringLiteral("cannot read the journal %1: %2").arg(journal.location(), events.error().message));
    LoadedRun r;
    r.events = std::move(*events);
    r.runId = runId;
    if (r.runId.isEmpty())
        r.runId = RunCommands::unfinishedRun(r.events, QString());
    if (r.runId.isEmpty())
        r.runId = RunCommands::latestRun(r.events);
    if (r.runId.isEmpty())
        return unexpected(QStringLiteral("the journal %1 holds no run").arg(journal.location()));
    auto rb = RunCommands::runbookFromJournal(r.events, r.runId);
    if (!rb)
        return unexpected(rb.error());
    r.runbook = *rb;
    r.state = RunState::replay(r.runbook, r.events, r.runId);
    return r;
}

QString RunStatusView::commandFor(const PendingDecision &p, const QString &journal)
{
    const QString j = QStringLiteral("cutover-cockpit %1 --journal ") + quoted(journal);
    const QString decide = j.arg(QStringLiteral("decide"));
    if (p.kind == QLatin1String("gate"))
        return decide + QStringLiteral(" --gate %1 --pass|--fail --reason \"…\" --as NAME").arg(p.target);
    if (p.kind == QLatin1String("manual_gate"))
        return decide + QStringLiteral(" --confirm %1 --as NAME [--reason \"…\"]").arg(p.target);
    if (p.kind == QLatin1String("action") || p.kind == QLatin1String("rollback_step")
        || p.kind == QLatin1String("schedule") || p.kind == QLatin1String("trigger"))
        return decide
            + QStringLiteral(" --%1 %2 --accept|--reject --reason \"…\" --as NAME")
                  .arg(p.kind == QLatin1String("rollback_step") ? QStringLiteral("rollback-step") : p.kind,
                       p.target);
    if (p.kind == QLatin1String("second_approval"))
        return j.arg(QStringLiteral("approve")) + QStringLiteral(" --as NAME [--statement \"…\"]");
    if (p.kind == QLatin1String("promote"))
        return decide + QStringLiteral(" --promote --as NAME");
    if (p.kind == QLatin1String("enter_stage"))
        return decide + QStringLiteral(" --enter %1 --as NAME").arg(p.target);
    if (p.kind == QLatin1String("confirm_write"))
        return j.arg(QStringLiteral("confirm")) + QStringLiteral(" %1 --as NAME").arg(p.target);
    return {};
}

QJsonObject RunStatusView::toJson(const RunState &state, const RunStatus &s, qint64 now)
{
    QJsonArray gates;
    for (const GateView &g : s.gates)
        gates.append(QJsonObject {{QStringLiteral("id"), g.id},
                                  {QStringLiteral("title"), g.title},
                                  {QStringLiteral("verdict"), g.status.verdictKey()},
                                  {QStringLiteral("phase"), GateStatus::phaseName(g.status.phase)},
                                  {QStringLiteral("remaining_ms"), double(g.status.remaining.count())},
                                  {QStringLiteral("held_ms"), double(g.status.held.count())},
                                  {QStringLiteral("reason"), g.status.reason},
                                  {QStringLiteral("explanation"), g.status.explanation}});
    QJsonArray pending;
    for (const PendingDecision &p : s.pending)
        pending.append(QJsonObject {{QStringLiteral("kind"), p.kind},
                                    {QStringLiteral("target"), p.target},
                                    {QStringLiteral("stage"), p.stage},
                                    {QStringLiteral("why"), p.why},
                                    {QStringLiteral("since"), double(p.since)},
                                    {QStringLiteral("deadline"), optMs(p.deadline)}});
    QJsonObject o {{QStringLiteral("run_id"), state.runId()},
                   {QStringLiteral("runbook"), state.runbook().name},
                   {QStringLiteral("mode"), runModeName(state.mode())},
                   {QStringLiteral("lead"), state.lead()},
                   {QStringLiteral("now"), double(now)},
                   {QStringLiteral("phase"), RunState::phaseName(s.phase)},
                   {QStringLiteral("outcome"), state.outcome()},
                   {QStringLiteral("stage"), s.stage},
                   {QStringLiteral("stage_index"), s.stageIndex},
                   {QStringLiteral("attempt"), s.attempt},
                   {QStringLiteral("soak_start"), optMs(s.soakStart)},
                   {QStringLiteral("soak_end"), optMs(s.soakEnd)},
                   {QStringLiteral("soak_remaining_ms"), double(s.soakRemaining.count())},
                   {QStringLiteral("gates"), gates},
                   {QStringLiteral("blockers"), QJsonArray::fromStringList(s.blockers)},
                   {QStringLiteral("needs_second_approver"), s.needsSecondApprover},
                   {QStringLiteral("pending"), pending},
                   {QStringLiteral("point_of_no_return_at"), optMs(s.pointOfNoReturnAt)},
                   {QStringLiteral("waiting_for"), s.waitingFor},
                   {QStringLiteral("events"), double(state.eventCount())}};
    QJsonArray schedule;
    for (const ScheduleItem &i : state.schedule().items()) {
        QJsonObject item {{QStringLiteral("id"), i.id},
                          {QStringLiteral("kind"), kindName(i.kind)},
                          {QStringLiteral("title"), i.title},
                          {QStringLiteral("label"), i.label},
                          {QStringLiteral("status"), ScheduleItem::statusName(i.status(now))},
                          {QStringLiteral("planned_start"), double(i.plannedStart)},
                          {QStringLiteral("actual_start"), optMs(i.actualStart)},
                          {QStringLiteral("actual_end"), optMs(i.actualEnd)},
                          {QStringLiteral("late_ms"), double(lateMs(i, now))}};
        if (s.heldSteps.contains(i.id))
            item.insert(QStringLiteral("held"), s.heldSteps.value(i.id));
        const auto done = i.completionLateness();
        item.insert(QStringLiteral("completion_late_ms"),
                    done ? QJsonValue(double(done->count())) : QJsonValue());
        if (i.kind == ScheduleItem::Kind::Milestone) {
            QJsonArray actions;
            for (const auto &[id, st] : milestoneActions(state, i.id))
                actions.append(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("status"), st}});
            item.insert(QStringLiteral("actions"), actions);
            item.insert(QStringLiteral("ok_runs"), i.okRuns);
            item.insert(QStringLiteral("min_runs"), i.minRuns);
            item.insert(QStringLiteral("runs"), i.runs);
            item.insert(QStringLiteral("runs_text"), i.runsText());
            const auto waiver = state.milestoneWaivers().constFind(i.id);
            if (waiver != state.milestoneWaivers().constEnd())
                item.insert(QStringLiteral("waived"),
                            QJsonObject {{QStringLiteral("by"), waiver->who},
                                         {QStringLiteral("reason"), waiver->reason},
                                         {QStringLiteral("at"), double(waiver->at)}});
        }
        schedule.append(item);
    }
    if (!schedule.isEmpty())
        o.insert(QStringLiteral("schedule"), schedule);
    o.insert(QStringLiteral("t0_blockers"), QJsonArray::fromStringList(s.t0Blockers));
    if (s.rollback) {
        const RollbackClock &r = *s.rollback;
        o.insert(QStringLiteral("rollback"),
                 QJsonObject {{QStringLiteral("started_at"), double(r.startedAt)},
                              {QStringLiteral("target_ms"), double(r.target.count())},
                              {QStringLiteral("elapsed_ms"), double(r.elapsed.count())},
                              {QStringLiteral("remaining_ms"), double(r.remaining.count())},
                              {QStringLiteral("overdue"), r.overdue},
                              {QStringLiteral("finished"), r.finished},
                              {QStringLiteral("ok"), r.ok},
                              {QStringLiteral("reason"), r.reason}});
    }
    return o;
}

QString RunStatusView::progressLine(const RunState &state, const RunStatus &s, qint64 now)
{
    Q_UNUSED(now);
    int passed = 0;
    for (const GateView &g : s.gates)
        passed += g.status.passed() ? 1 : 0;
    QString line = QStringLiteral("%1").arg(RunState::phaseName(s.phase));
    if (!s.stage.isEmpty()) {
        line = QStringLiteral("stage %1/%2 %3")
                   .arg(s.stageIndex + 1)
                   .arg(state.runbook().stages.size())
                   .arg(s.stage);
        if (s.attempt > 1)
            line += QStringLiteral(" (attempt %1)").arg(s.attempt);
        if (s.soakStart)
            line += QStringLiteral(" | soak %1 left").arg(humanDuration(s.soakRemaining));
        else
            line += QStringLiteral(" | rolling out");
        line += QStringLiteral(" | gates %1/%2 pass").arg(passed).arg(s.gates.size());
    }
    if (!s.waitingFor.isEmpty())
        line += QStringLiteral(" | ") + s.waitingFor;
    if (s.rollback && !s.rollback->finished)
        line += QStringLiteral(" | ROLLBACK %1 of %2")
                    .arg(humanDuration(s.rollback->elapsed), humanDuration(s.rollback->target));
    return line;
}

QString RunStatusView::toText(const RunState &state, const RunStatus &s, qint64 now)
{
    QString t = QStringLiteral("Run %1 (%2, %3) — %4\n")
                    .arg(state.runId(), state.runbook().name, runModeName(state.mode()),
                         RunState::phaseName(s.phase));
    t += QStringLiteral("  at %1, lead %2, %3 events\n").arg(iso(now), state.lead()).arg(state.eventCount());
    if (!state.outcome().isEmpty())
        t += QStringLiteral("  outcome: %1\n").arg(state.outcome());
    if (!s.waitingFor.isEmpty())
        t += QStringLiteral("  %1\n").arg(s.waitingFor);
    if (!s.stage.isEmpty()) {
        t += QStringLiteral("  stage %1/%2: %3")
                 .arg(s.stageIndex + 1)
                 .arg(state.runbook().stages.size())
                 .arg(s.stage);
        if (s.attempt > 1)
            t += QStringLiteral(" (attempt %1)").arg(s.attempt);
        if (s.soakStart)
            t += QStringLiteral(", soak %1 remaining (ends %2)")
                     .arg(humanDuration(s.soakRemaining), s.soakEnd ? iso(*s.soakEnd) : QString());
        else
            t += QStringLiteral(", rollout not complete");
        t += QLatin1Char('\n');
    }
    for (const GateView &g : s.gates) {
        t += QStringLiteral("    gate %1  %2 (%3)")
                 .arg(g.id.leftJustified(26), g.status.verdictKey(), GateStatus::phaseName(g.status.phase));
        if (g.status.remaining.count() > 0)
            t += QStringLiteral(", %1 to hold").arg(humanDuration(g.status.remaining));
        if (!g.status.reason.isEmpty())
            t += QStringLiteral(" — ") + g.status.reason;
        t += QLatin1Char('\n');
    }
    if (s.rollback) {
        const RollbackClock &r = *s.rollback;
        t += QStringLiteral("  rollback: %1, %2 of target %3%4\n")
                 .arg(r.finished ? (r.ok ? QStringLiteral("finished") : QStringLiteral("finished, FAILED"))
                                 : QStringLiteral("in progress"),
                      humanDuration(r.elapsed), humanDuration(r.target),
                      r.overdue ? QStringLiteral(" — OVERDUE") : QString());
    }
    if (!state.schedule().items().isEmpty())
        t += QStringLiteral("  schedule (T-0 %1):\n").arg(iso(state.schedule().t0()));
    for (const ScheduleItem &i : state.schedule().items()) {
        const ScheduleItem::Status st = i.status(now);
        t += QStringLiteral("    %1 %2 %3")
                 .arg(i.label.leftJustified(8), i.id.leftJustified(24), ScheduleItem::statusName(st));
        if (const auto done = i.completionLateness())
            t += QStringLiteral(", complete %1 %2")
                     .arg(humanDuration(Milliseconds(std::abs(done->count()))),
                          done->count() > 0 ? QStringLiteral("late") : QStringLiteral("early"));
        else if (lateMs(i, now) > 0)
            t += QStringLiteral(", %1 late").arg(humanDuration(Milliseconds(lateMs(i, now))));
        if (i.kind == ScheduleItem::Kind::Milestone) {
            t += QStringLiteral(", ") + i.runsText();
            const auto waiver = state.milestoneWaivers().constFind(i.id);
            if (waiver != state.milestoneWaivers().constEnd())
                t += QStringLiteral(" (waived by %1: %2)").arg(waiver->who, waiver->reason);
        } else if (!s.t0Blockers.isEmpty() && st == ScheduleItem::Status::Due) {
            t += QStringLiteral(", held (T-0)");
        } else if (s.heldSteps.contains(i.id)) {
            t += QStringLiteral(", ") + s.heldSteps.value(i.id);
        }
        if (i.kind == ScheduleItem::Kind::Milestone && (i.actualStart || i.actualEnd)) {
            QStringList parts;
            for (const auto &[id, as] : milestoneActions(state, i.id))
                parts << id + QLatin1Char(' ') + as;
            if (!parts.isEmpty())
                t += QStringLiteral(" — actions: ") + parts.join(QStringLiteral(", "));
            const Milestone *m = RunPlanner::findMilestone(state.runbook(), i.id);
            if (m && !m->checks.isEmpty())
                t += QStringLiteral("; checks: %1")
                         .arg(i.actualEnd ? (i.failed ? QStringLiteral("failed") : QStringLiteral("passed"))
                                          : QStringLiteral("after the actions"));
        }
        t += QLatin1Char('\n');
    }
    for (const QString &b : s.t0Blockers)
        t += QStringLiteral("  T-0 held: %1\n").arg(b);
    if (s.pointOfNoReturnAt)
        t += QStringLiteral("  point of no return passed at %1\n").arg(iso(*s.pointOfNoReturnAt));
    else if (!state.runbook().rollback.pointOfNoReturnAfter.isEmpty())
        t += QStringLiteral("  point of no return: after %1\n")
                 .arg(state.runbook().rollback.pointOfNoReturnAfter);
    if (!s.blockers.isEmpty() && s.phase == RunState::Phase::InStage)
        t += QStringLiteral("  promotion blocked: %1\n").arg(s.blockers.join(QStringLiteral("; ")));
    if (!s.pending.isEmpty()) {
        t += QStringLiteral("  pending decisions:\n");
        for (const PendingDecision &p : s.pending)
            t += QStringLiteral("    - %1 %2: %3\n").arg(p.kind, p.target, p.why);
    }
    return t;
}

} // namespace cockpit
