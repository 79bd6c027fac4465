#include "core/run/GateEvaluation.h"

#include "core/run/RunRules.h"
#include "core/run/RunText.h"

#include <QJsonArray>

namespace cockpit {

// Every gate of the current stage, in runbook order; computed once per state and reused.
QList<GateView> GateEvaluation::gateViews(const RunState &s, qint64 now)
{
    QList<GateView> out;
    if (const Stage *stage = s.currentStage()) {
        for (const Gate &g : stage->gates)
            out.append(GateEvaluation::gateView(s, g, now));
    }
    return out;
}

GateView GateEvaluation::gateView(const RunState &s, const Gate &g, qint64 now)
{
    GateView v;
    v.id = g.id;
    v.title = g.title.isEmpty() ? g.id : g.title;
    v.kind = g.kind;
    GateStatus &st = v.status;
    const auto &sp = s.stage();
    if (!sp.soakStart && g.kind != Gate::Kind::Manual) {
        st.phase = GateStatus::Phase::Waiting;
        st.verdict = Verdict::NoData;
        st.remaining = g.hold;
        st.reason = QStringLiteral("the soak has not started (rollout not complete)");
        return v;
    }
    auto decided = [&]() -> bool {
        const auto d = sp.gateDecisions.constFind(g.id);
        if (d == sp.gateDecisions.constEnd())
            return false;
        st.phase = d->accept ? GateStatus::Phase::Passed : GateStatus::Phase::Failed;
        st.verdict = d->accept ? Verdict::Pass : Verdict::Fail;
        st.reason = QStringLiteral("%1 by %2: %3")
                        .arg(d->accept ? QStringLiteral("accepted") : QStringLiteral("rejected"), d->who,
                             d->reason);
        return true;
    };
    auto awaiting = [&](const QString &why) {
        st.phase = GateStatus::Phase::AwaitingDecision;
        st.verdict = Verdict::Inconclusive;
        st.reason = why;
    };
    switch (g.kind) {
    case Gate::Kind::Condition: {
        const auto t = sp.conditionGates.constFind(g.id);
        if (t != sp.conditionGates.constEnd())
            st = t->status(now);
        return v;
    }
    case Gate::Kind::Manual: {
        const auto c = sp.manual.constFind(g.id);
        if (c == sp.manual.constEnd()) {
            st.phase = GateStatus::Phase::Waiting;
            st.reason = QStringLiteral("awaiting confirmation: %1").arg(g.instruction);
        } else {
            st.phase = GateStatus::Phase::Passed;
            st.verdict = Verdict::Pass;
            st.reason = QStringLiteral("confirmed by %1").arg(c->who);
            st.explanation = c->statement;
        }
        return v;
    }
    case Gate::Kind::NoDegradation:
    case Gate::Kind::NoNewValues: {
        const RunState::GateValues values = sp.gateValues.value(g.id);
        if (decided())
            return v;
        if (!values.baselineError.isEmpty() || !values.currentError.isEmpty()) {
            awaiting(QStringLiteral("values could not be collected: %1")
                         .arg(values.baselineError.isEmpty() ? values.currentError : values.baselineError));
            return v;
        }
        if (!values.baseline || !values.current) {
            st.phase = GateStatus::Phase::Waiting;
            st.verdict = Verdict::NoData;
            st.reason = values.baseline
                ? QStringLiteral("the current values are collected when the soak ends")
                : QStringLiteral("waiting for the baseline values");
            return v;
        }
        if (!values.comparison) {
            awaiting(QStringLiteral("the values could not be compared"));
            return v;
        }
        const RunState::GateValues::Comparison &cached = *values.comparison;
        const Verdict verdict = cached.verdict;
        st.explanation = cached.explanation;
        v.details = cached.details;
        switch (verdict) {
        case Verdict::Pass:
            st.phase = GateStatus::Phase::Passed;
            st.verdict = Verdict::Pass;
            break;
        case Verdict::Fail:
            st.phase = GateStatus::Phase::Failed;
            st.verdict = Verdict::Fail;
            st.reason = st.explanation;
            break;
        case Verdict::NoData:
        case Verdict::Inconclusive: awaiting(st.explanation); break;
        }
        return v;
    }
    case Gate::Kind::Check: {
        if (decided())
            return v;
        const auto c = sp.gateChecks.constFind(g.id);
        if (c == sp.gateChecks.constEnd()) {
            st.phase = GateStatus::Phase::Waiting;
            st.verdict = Verdict::NoData;
            st.reason = QStringLiteral("not run yet");
            return v;
        }
        st.explanation = c->explanation;
        if (c->everFailed || c->verdict == Verdict::Fail) {
            st.phase = GateStatus::Phase::Failed;
            st.verdict = Verdict::Fail;
            st.reason = c->explanation;
        } else if (c->verdict == Verdict::Pass) {
            st.phase = GateStatus::Phase::Passed;
            st.verdict = Verdict::Pass;
        } else {
            awaiting(c->explanation.isEmpty() ? verdictName(c->verdict) : c->explanation);
        }
        return v;
    }
    }
    return v;
}

QStringList GateEvaluation::promotionBlockers(const RunState &s, qint64 now, const QString &executor)
{
    return GateEvaluation::promotionBlockers(s, now, executor, GateEvaluation::gateViews(s, now));
}

QStringList GateEvaluation::promotionBlockers(const RunState &s, qint64 now, const QString &executor,
                                              const QList<GateView> &views)
{
    QStringList b;
    const Stage *stage = s.currentStage();
    if (s.phase() != RunState::Phase::InStage || !stage) {
        b << QStringLiteral("no stage is running (%1)").arg(RunState::phaseName(s.phase()));
        return b;
    }
    const auto &sp = s.stage();
    for (const Action &a : stage->rollout) {
        if (!RunRules::done(sp.rollout.value(a.id).status))
            b << QStringLiteral("rollout action %1 not done").arg(a.id);
    }
    for (const Check &c : stage->verify) {
        const auto r = sp.verify.constFind(c.id);
        if (c.required
            && (r == sp.verify.constEnd() || (r->verdict != Verdict::Pass && r->acceptedBy.isEmpty())))
            b << QStringLiteral("verify check %1 %2")
                     .arg(c.id,
                          r == sp.verify.constEnd() ? QStringLiteral("not run") : verdictName(r->verdict));
    }
    if (!sp.soakStart) {
        b << QStringLiteral("soak not started");
    } else if (!RunRules::soakElapsed(s, now)) {
        b << QStringLiteral("soak: %1 remaining").arg(RunText::dur(*s.soakEnd() - now));
    }
    for (const GateView &v : views) {
        if (!v.status.passed())
            b << QStringLiteral("gate %1: %2%3")
                     .arg(v.id, GateStatus::phaseName(v.status.phase),
                          v.status.reason.isEmpty()
                              ? QString()
                              : QStringLiteral(" (") + v.status.reason + QLatin1Char(')'));
    }
    for (const Trigger &t : s.runbook().rollback.triggers) {
        const auto it = s.triggers().constFind(t.id);
        if (it == s.triggers().constEnd() || !it->active())
            continue;
        if (t.response == Trigger::Response::Extend || t.response == Trigger::Response::RollbackIfPersists)
            b << QStringLiteral("trigger %1 still holds (monitoring extended): %2")
                     .arg(t.id, it->explanation());
    }
    for (const RunState::Fired &f : s.fired()) {
        if (f.stage == sp.id && !f.resolved && f.effect == TriggerEffect::RollbackWithin)
            b << QStringLiteral("trigger %1 asks for a rollback by %2")
                     .arg(f.trigger)
                     .arg(f.deadline.value_or(0));
    }
    for (const Action &a : stage->rollout) {
        if (sp.rollout.value(a.id).status == QLatin1String("failed"))
            b << QStringLiteral("rollout action %1 failed: decision pending").arg(a.id);
    }
    // Segregation of duties: entering a stage marked second_approver needs an approval recorded in the
    // stage before it, by a named person other than the one promoting.
    const int next = sp.index + 1;
    if (next < s.runbook().stages.size() && s.runbook().stages[next].requiresSecondApprover) {
        bool ok = false;
        for (const auto &a : sp.promotionApprovals)
            ok = ok
                || (!a.who.trimmed().isEmpty()
                    && (executor.isEmpty() || !RunRules::samePerson(a.who, executor)));
        if (!ok)
            b << (sp.promotionApprovals.isEmpty()
                      ? QStringLiteral("second approver: entering %1 needs approval by a second person")
                            .arg(s.runbook().stages[next].id)
                      : QStringLiteral("second approver: the approver must not be the person promoting (%1)")
                            .arg(executor));
    }
    return b;
}

} // namespace cockpit
