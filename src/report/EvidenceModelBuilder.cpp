#include "report/EvidenceModelBuilder.h"

#include "charts/ValidationDataBuilder.h"
#include "core/base/Duration.h"
#include "engine/RunCommands.h"
#include "engine/RunHistory.h"
#include "engine/SnapshotBuilder.h"
#include "report/RehearsalForecast.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace cockpit::report {

namespace {

QString str(const QJsonObject &p, const char *key)
{
    return p.value(QLatin1String(key)).toString();
}

QString stamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
}

QString gateKindName(Gate::Kind k)
{
    switch (k) {
    case Gate::Kind::Condition: return QStringLiteral("condition");
    case Gate::Kind::Manual: return QStringLiteral("manual");
    case Gate::Kind::NoDegradation: return QStringLiteral("no_degradation");
    case Gate::Kind::NoNewValues: return QStringLiteral("no_new_values");
    case Gate::Kind::Check: return QStringLiteral("check");
    }
    return {};
}

const Gate *findGate(const Runbook &rb, const QString &stage, const QString &gate)
{
    for (const Stage &s : rb.stages)
        if (s.id == stage)
            for (const Gate &g : s.gates)
                if (g.id == gate)
                    return &g;
    return nullptr;
}

// What a probe saw, in one line, from CheckResult::toJson's observation.
QString observedLine(const QJsonObject &result)
{
    const QJsonObject o = result.value(QLatin1String("observation")).toObject();
    QStringList parts;
    if (o.contains(QLatin1String("status")))
        parts << QStringLiteral("status %1").arg(o.value(QLatin1String("status")).toInt());
    if (o.contains(QLatin1String("rows")))
        parts << QStringLiteral("%1 rows").arg(o.value(QLatin1String("rows")).toInt());
    if (o.contains(QLatin1String("value")) && !o.value(QLatin1String("value")).isObject())
        parts << QStringLiteral("value %1").arg(o.value(QLatin1String("value")).toVariant().toString());
    if (o.contains(QLatin1String("latency_ms")))
        parts << QStringLiteral("%1 ms").arg(o.value(QLatin1String("latency_ms")).toDouble());
    const QString error = str(o, "error");
    if (!error.isEmpty())
        parts << QStringLiteral("error: %1").arg(error);
    const QString comment = str(o, "comment");
    if (!comment.isEmpty())
        parts << QStringLiteral("\"%1\"").arg(comment);
    return parts.join(QStringLiteral(", "));
}

// The window that made the gate pass (holding up to passed), or what stopped it, from its lane.
QString sustainedWindow(const charts::GateLane *lane, qint64 requiredHold)
{
    if (!lane || lane->segments.isEmpty())
        return requiredHold > 0 ? QStringLiteral("no window journaled") : QString();
    const auto &segs = lane->segments;
    if (requiredHold == 0) { // nothing to sustain: when it got its outcome
        const auto &last = segs.last();
        return QStringLiteral("%1 since %2").arg(last.outcome, stamp(last.start));
    }
    for (qsizetype i = segs.size() - 1; i >= 0; --i) {
        if (segs[i].outcome != QLatin1String("pass"))
            continue;
        qint64 from = segs[i].start;
        for (qsizetype j = i - 1; j >= 0 && segs[j].phase == QLatin1String("holding"); --j)
            from = segs[j].start;
        return QStringLiteral("held %1, %2 → %3")
            .arg(humanDuration(Milliseconds(segs[i].start - from)), stamp(from), stamp(segs[i].start));
    }
    const auto &last = segs.last();
    return QStringLiteral("%1 since %2")
        .arg(last.phase.isEmpty() ? last.outcome : last.phase, stamp(last.start));
}

QString metricValue(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    const QJsonValue value = o.value(QLatin1String("value"));
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 6);
    const QString error = str(o, "error");
    return error.isEmpty() ? QStringLiteral("no data") : QStringLiteral("no data (%1)").arg(error);
}

void addDecisions(EvidenceModel &m, const JournalEvent &e)
{
    const QJsonObject &p = e.payload();
    DecisionRow d;
    d.at = e.at();
    d.who = e.actor();
    d.stage = str(p, "stage");
    switch (e.type()) {
    case JournalEventType::GoNoGo:
        d.kind = QStringLiteral("go/no-go");
        d.decision = str(p, "decision") == QLatin1String("go") ? QStringLiteral("GO")
            : str(p, "decision") == QLatin1String("override")  ? QStringLiteral("NO-GO overridden")
                                                               : QStringLiteral("NO-GO");
        if (!str(p, "overridden_by").isEmpty())
            d.who = str(p, "overridden_by");
        d.target = QStringLiteral("%1 items").arg(p.value(QLatin1String("items")).toArray().size());
        d.reason = str(p, "reason");
        break;
    case JournalEventType::DecisionMade:
        d.kind = QStringLiteral("decision");
        d.target = QStringLiteral("%1 %2").arg(str(p, "target_kind"), str(p, "target"));
        d.decision = str(p, "decision");
        d.reason = str(p, "reason");
        break;
    case JournalEventType::Approval:
        d.kind = str(p, "kind") == QLatin1String("manual_gate") ? QStringLiteral("confirmation")
                                                                : QStringLiteral("approval");
        d.target = str(p, "kind") == QLatin1String("manual_gate")
            ? QStringLiteral("gate %1").arg(str(p, "gate"))
            : QStringLiteral("promotion");
        d.decision = QStringLiteral("approved");
        d.reason = str(p, "statement");
        break;
    case JournalEventType::RollbackStarted:
        if (!str(p, "trigger").isEmpty() || e.actor() == QLatin1String(RunPlanner::kEngine))
            return;
        d.kind = QStringLiteral("rollback");
        d.target = QStringLiteral("stage %1").arg(d.stage);
        d.decision = QStringLiteral("roll back");
        d.reason = str(p, "reason");
        break;
    case JournalEventType::RunFinished:
        if (str(p, "outcome") != QLatin1String("aborted"))
            return;
        d.kind = QStringLiteral("abort");
        d.target = QStringLiteral("run");
        d.decision = QStringLiteral("abort");
        d.reason = str(p, "reason");
        break;
    default: return;
    }
    m.decisions.append(d);
}

QStringList deviationsOf(const EvidenceModel &m, const RunState &state)
{
    QStringList out;
    for (const RunState::StepFailure &f : state.stepFailures())
        out << f.text();
    for (const RunComparison::StageSummary &s : m.summary.stages) {
        if (s.attempts > 1)
            out << QStringLiteral("stage %1 was entered %2 times").arg(s.stage).arg(s.attempts);
        if (s.soak && s.plannedSoak && s.end == QLatin1String("promoted") && *s.soak > *s.plannedSoak
            && (*s.soak - *s.plannedSoak) >= Milliseconds(60000))
            out << QStringLiteral("stage %1 soaked %2, planned %3")
                       .arg(s.stage, humanDuration(*s.soak), formatDuration(*s.plannedSoak));
        if (s.end == QLatin1String("rolled_back"))
            out << QStringLiteral("stage %1 was rolled back").arg(s.stage);
    }
    for (const RunComparison::ScheduleSummary &s : m.summary.schedule)
        if (s.lateness && s.lateness->count() >= 60000)
            out << QStringLiteral("%1 (%2) started %3 late").arg(s.id, s.label, humanDuration(*s.lateness));
    for (const DecisionRow &d : m.decisions)
        if (d.kind == QLatin1String("decision") && d.decision == QLatin1String("accept"))
            out << QStringLiteral("%1 accepted %2 by decision: %3").arg(d.who, d.target, d.reason);
    return out;
}

} // namespace

QString EvidenceModel::modeLabel() const
{
    switch (mode) {
    case RunMode::Rehearsal: return QStringLiteral("REHEARSAL");
    case RunMode::DryRun: return QStringLiteral("DRY RUN");
    case RunMode::Live: return QStringLiteral("LIVE");
    }
    return {};
}

QString EvidenceModelBuilder::outcomeLabel(const QString &outcome, bool rolledBack)
{
    if (outcome == QLatin1String("completed"))
        return QStringLiteral("SUCCESS");
    if (outcome == QLatin1String("rolled_back") || (outcome.isEmpty() && rolledBack))
        return QStringLiteral("ROLLED BACK");
    if (outcome == QLatin1String("aborted"))
        return QStringLiteral("ABORTED");
    if (outcome == QLatin1String("completed_with_failures"))
        return QStringLiteral("COMPLETED WITH FAILURES");
    return QStringLiteral("UNFINISHED");
}

Expected<EvidenceModel, QString> EvidenceModelBuilder::build(const EvidenceInput &in)
{
    const QList<RunSummary> runs = RunHistory::list(in.events);
    if (runs.isEmpty())
        return unexpected(QStringLiteral("the journal %1 holds no run").arg(in.location));
    const RunSummary *run = &runs.last();
    if (!in.runId.isEmpty()) {
        const auto it
            = std::find_if(runs.cbegin(), runs.cend(), [&](const RunSummary &s) { return s.id == in.runId; });
        if (it == runs.cend())
            return unexpected(QStringLiteral("the journal %1 holds no run %2").arg(in.location, in.runId));
        run = &*it;
    }

    EvidenceModel m;
    m.runId = run->id;
    m.runbook = run->runbook;
    m.runbookSha256 = run->runbookSha256;
    m.mode = runModeFromName(run->mode).value_or(RunMode::Rehearsal);
    m.lead = run->lead;
    m.startedAt = run->startedAt;
    m.finishedAt = run->finishedAt;
    m.outcome = run->outcome;
    m.journalLocation = in.location;
    m.generatedAt = in.generatedAt;

    auto loaded = RunCommands::runbookFromJournal(in.events, m.runId);
    // A run without its runbook note still gets a report: what the events say, without the plan.
    const std::shared_ptr<const Runbook> runbook = loaded ? *loaded : std::make_shared<const Runbook>();
    const Runbook &rb = *runbook;
    m.runbookFile = rb.file;

    for (const JournalEvent &e : in.events)
        if (e.runId() == m.runId)
            m.journal.append(e);

    const RunState state = RunState::replay(runbook, m.journal, m.runId);
    m.outcomeLabel = outcomeLabel(m.outcome, state.phase() == RunState::Phase::RolledBack);
    const qint64 now = std::max(state.lastEventAt(), m.startedAt);
    SnapshotBuilder snapshots;
    for (const JournalEvent &e : std::as_const(m.journal))
        snapshots.observe(e);
    const RunSnapshotPtr snap = snapshots.build(state, RunPlanner::status(state, now), now, {});

    m.summary = RunComparison::summarize(runbook, m.journal, m.runId);

    charts::ValidationDataBuilder validation(m.runId);
    if (loaded)
        validation.setRunbook(runbook);
    validation.append(m.journal);
    m.validation = validation.data();
    for (const charts::GateValueSet &v : std::as_const(m.validation.valueSets)) {
        if (v.baseline.isEmpty() && v.current.isEmpty())
            continue;
        m.histograms.append(
            {v.stage, v.gate,
             charts::Histogram::compare(v.baseline, v.current, 16, std::nullopt, v.alpha, v.tolerance)});
    }

    // A run's own Go/No-Go journals every prerequisite's verdict and what was seen: the evidence for those
    // not journaled one by one (check_observed) as the `check` command and the window do.
    QHash<QString, std::pair<QJsonObject, qint64>> goNoGo;
    for (const JournalEvent &e : std::as_const(m.journal))
        if (e.type() == JournalEventType::GoNoGo)
            for (const QJsonValue item : e.payload().value(QLatin1String("items")).toArray())
                goNoGo.insert(item.toObject().value(QLatin1String("check")).toString(),
                              {item.toObject(), e.at()});
    for (const PrerequisiteSnapshot &p : snap->prerequisites) {
        PrerequisiteRow r;
        r.id = p.id;
        r.category = p.category;
        r.title = p.title;
        r.verdict = p.verdict ? RunEvents::verdictKey(*p.verdict) : QStringLiteral("not checked");
        r.explanation = p.explanation;
        r.observed = observedLine(p.result);
        r.at = p.at;
        r.manual = p.manual;
        r.confirmedBy = p.confirmedBy;
        r.comment = p.comment;
        if (!p.verdict && goNoGo.contains(p.id)) {
            const auto &[item, at] = goNoGo.value(p.id);
            r.verdict = str(item, "verdict");
            r.explanation = str(item, "summary");
            r.at = at;
        }
        m.prerequisites.append(r);
    }

    QSet<QString> reconciliationChecks;
    for (const Reconciliation &r : rb.reconciliations) {
        reconciliationChecks.insert(r.id);
        for (const Check &c : r.checks)
            reconciliationChecks.insert(c.id);
    }
    // A run's checks that name a reconciliation (`reconcile: ID`) are reconciliation evidence too.
    auto addReconcileChecks = [&](const QList<Check> &checks) {
        for (const Check &c : checks)
            if (std::holds_alternative<ReconcileRef>(c.probe))
                reconciliationChecks.insert(c.id);
    };
    for (const Stage &s : rb.stages) {
        addReconcileChecks(s.verify);
        for (const Gate &g : s.gates)
            if (g.check)
                addReconcileChecks({*g.check});
    }
    for (const Milestone &ms : rb.schedule.milestones)
        addReconcileChecks(ms.checks);
    QHash<QString, qint64> openReconciliations; // started, not (yet) finished

    // Rollback steps grouped by the rollback they belong to (the journal orders them).
    QList<QList<std::pair<QString, QString>>> rollbackSteps;
    for (const JournalEvent &e : std::as_const(m.journal)) {
        const QJsonObject &p = e.payload();
        addDecisions(m, e);
        switch (e.type()) {
        case JournalEventType::Checkpoint: {
            CheckpointRow c;
            c.stage = str(p, "stage");
            c.index = p.value(QLatin1String("index")).toInt();
            c.offsetMs = qint64(p.value(QLatin1String("offset_ms")).toDouble());
            c.dueAt = qint64(p.value(QLatin1String("due_at")).toDouble());
            c.at = e.at();
            const QJsonObject metrics = p.value(QLatin1String("metrics")).toObject();
            for (auto it = metrics.constBegin(); it != metrics.constEnd(); ++it)
                c.metrics.append({it.key(), metricValue(it.value())});
            m.checkpoints.append(c);
            break;
        }
        case JournalEventType::TriggerFired:
            m.triggers.append({e.at(), str(p, "stage"), str(p, "trigger"), str(p, "severity"),
                               str(p, "effect"), str(p, "explanation"), str(p, "raised_by")});
            break;
        case JournalEventType::RollbackStarted:
            rollbackSteps.append(QList<std::pair<QString, QString>>());
            break;
        case JournalEventType::RollbackStep:
            if (!rollbackSteps.isEmpty())
                rollbackSteps.last().append(
                    {str(p, "step"),
                     QStringLiteral("%1 by %2 at %3")
                         .arg(p.contains(QLatin1String("status")) ? str(p, "status") : QStringLiteral("ok"),
                              e.actor(), stamp(e.at()))});
            break;
        case JournalEventType::CheckObserved:
            if (reconciliationChecks.contains(str(p, "check")))
                m.reconciliations.append(
                    QJsonObject {{QStringLiteral("at"), stamp(e.at())},
                                 {QStringLiteral("check"), str(p, "check")},
                                 {QStringLiteral("verdict"), str(p, "verdict")},
                                 {QStringLiteral("explanation"), str(p, "explanation")}});
            break;
        case JournalEventType::Reconciliation: {
            // A reconciliation's result (and each fix) as journaled; a started one never finished says so.
            const QString status = str(p, "status");
            const QString check = str(p.value(QLatin1String("context")).toObject(), "check");
            const QString name = str(p, "reconciliation")
                + (check.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(check));
            if (status == QLatin1String("started")) {
                openReconciliations.insert(str(p, "reconciliation"), e.at());
            } else if (status == QLatin1String("finished")) {
                openReconciliations.remove(str(p, "reconciliation"));
                const bool passed = p.value(QLatin1String("passed")).toBool();
                const QString error = str(p, "error");
                m.reconciliations.append(
                    QJsonObject {{QStringLiteral("at"), stamp(e.at())},
                                 {QStringLiteral("check"), name},
                                 {QStringLiteral("verdict"),
                                  p.value(QLatin1String("cancelled")).toBool() ? QStringLiteral("cancelled")
                                      : passed                                 ? QStringLiteral("pass")
                                                                               : QStringLiteral("fail")},
                                 {QStringLiteral("explanation"), error.isEmpty() ? str(p, "summary") : error},
                                 {QStringLiteral("result"), p.value(QLatin1String("result"))}});
            } else if (status == QLatin1String("fix_finished")) {
                const QJsonObject fix = p.value(QLatin1String("fix")).toObject();
                m.reconciliations.append(QJsonObject {
                    {QStringLiteral("at"), stamp(e.at())},
                    {QStringLiteral("check"), QStringLiteral("%1: fix %2").arg(name, str(fix, "id"))},
                    {QStringLiteral("verdict"), QStringLiteral("fix")},
                    {QStringLiteral("explanation"),
                     QString::fromUtf8(QJsonDocument(fix).toJson(QJsonDocument::Compact)).left(300)}});
            }
            break;
        }
        case JournalEventType::SignOff: {
            SignOffRow s;
            s.at = e.at();
            s.who = e.actor();
            s.result = str(p, "result");
            s.issues = str(p, "issues");
            s.notes = str(p, "notes");
            const QJsonObject fields = p.value(QLatin1String("fields")).toObject();
            for (const SignOffField &f : rb.signOff)
                if (fields.contains(f.name))
                    s.fields.append(
                        {f.label.isEmpty() ? f.name : f.label, fields.value(f.name).toVariant().toString()});
            m.signOffs.append(s);
            break;
        }
        default: break;
        }
    }
    for (auto it = openReconciliations.cbegin(); it != openReconciliations.cend(); ++it)
        m.reconciliations.append(
            QJsonObject {{QStringLiteral("at"), stamp(it.value())},
                         {QStringLiteral("check"), it.key()},
                         {QStringLiteral("verdict"), QStringLiteral("not completed")},
                         {QStringLiteral("explanation"), QStringLiteral("started, never finished")}});
    for (qsizetype i = 0; i < m.summary.rollbacks.size(); ++i)
        m.rollbacks.append({m.summary.rollbacks[i], rollbackSteps.value(i)});

    for (const RunComparison::StageSummary &s : std::as_const(m.summary.stages)) {
        for (const RunComparison::GateOutcome &g : s.gates) {
            GateRow r;
            r.stage = s.stage;
            r.gate = g.gate;
            r.verdict = g.verdict.isEmpty() ? QStringLiteral("not reported") : g.verdict;
            r.phase = g.phase;
            r.decidedBy = g.decidedBy;
            const charts::GateLane *lane = nullptr;
            for (const charts::GateLane &l : std::as_const(m.validation.gates))
                if (l.stage == s.stage && l.gate == g.gate)
                    lane = &l;
            if (lane)
                r.resets = lane->resets;
            if (const Gate *gate = findGate(rb, s.stage, g.gate)) {
                r.kind = gateKindName(gate->kind);
                r.rule = gate->expect                  ? gate->expect->text()
                    : gate->kind == Gate::Kind::Manual ? gate->instruction
                                                       : gate->title;
                r.requiredHoldMs = gate->hold.count();
            }
            r.sustained = sustainedWindow(lane, r.requiredHoldMs);
            m.gates.append(r);
        }
    }

    m.deviations = deviationsOf(m, state);
    m.rehearsals = RehearsalForecast::compare(in.events, runs, m, runbook);

    Integrity &ig = m.integrity;
    ig.head = in.head;
    ig.journalEvents = in.verify.eventCount;
    ig.verified = in.verify.ok();
    if (in.verify.ok()) {
        ig.verifyResult
            = QStringLiteral("journal verify passed: %1 events, chain intact").arg(in.verify.eventCount);
    } else {
        const JournalFault &f = *in.verify.fault;
        ig.firstBadSeq = f.seq;
        ig.verifyResult = QStringLiteral("journal verify FAILED: %1").arg(f.toString());
        ig.firstBadEvent = f.toString();
        for (const JournalEvent &e : in.events)
            if (e.seq() == f.seq) {
                ig.firstBadEvent = QStringLiteral("event %1 (%2 of run %3, %4): %5")
                                       .arg(QString::number(f.seq), e.typeName(), e.runId(), stamp(e.at()),
                                            JournalFault::kindName(f.kind));
                break;
            }
    }
    return m;
}

} // namespace cockpit::report
