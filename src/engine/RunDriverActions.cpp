// RunDriver: actions, rollback steps and window steps (what a run does), as the run mode allows.
#include "core/base/LogCategories.h"
#include "core/base/Redactor.h"
#include "engine/ModeGuard.h"
#include "engine/RunCommands.h"
#include "engine/RunDriver.h"
#include "engine/RunDriverSupport.h"
#include "probes/CheckRunner.h"
#include "probes/CommandProbe.h"
#include "probes/HttpProbe.h"
#include "probes/SecretStore.h"
#include "probes/SqlProbe.h"

#include <QJsonArray>

namespace cockpit {

using namespace driver;

void RunDriver::runAction(const RunEffect &e, const QString &key)
{
    QString phase;
    const Action *found = nullptr;
    // An action of a milestone (purpose schedule, stage = the milestone): journaled naming the milestone.
    const bool ofMilestone = e.kind == RunEffect::Kind::RunAction && e.purpose == QLatin1String("schedule");
    if (ofMilestone) {
        phase = QStringLiteral("schedule");
        found = RunCommands::findMilestoneAction(*m_runbook, e.stage, e.id);
    } else if (e.kind == RunEffect::Kind::RunAction) {
        phase = QStringLiteral("rollout");
        found = RunCommands::findRolloutAction(*m_runbook, e.stage, e.id);
    } else if (e.kind == RunEffect::Kind::RunRollbackStep) {
        phase = QStringLiteral("rollback");
        found = RunCommands::findRollbackStep(*m_runbook, e.id);
    } else {
        phase = QStringLiteral("schedule");
        found = RunCommands::findWindowStep(*m_runbook, e.id);
    }
    const QString runId = m_state.runId();
    const QString stage = e.stage;
    const QString lead = m_options.lead;
    auto event = [runId, phase, stage, ofMilestone, id = e.id](
                     qint64 at, const QString &actor, const QString &status, const QJsonObject &detail) {
        if (ofMilestone)
            return RunEvents::milestoneActionRun(runId, at, actor, stage, id, status, detail);
        if (phase == QLatin1String("rollback")) {
            JournalEventDraft d
                = RunEvents::rollbackStep(runId, at, actor, id, status == QLatin1String("ok"), detail);
            d.payload.insert(QStringLiteral("status"), status);
            return d;
        }
        return RunEvents::actionRun(runId, at, actor, phase,
                                    phase == QLatin1String("rollout") ? stage : QString(), id, status,
                                    detail);
    };
    if (!found) {
        append(event(m_clock->now(), QString::fromLatin1(RunPlanner::kEngine), QStringLiteral("failed"),
                     {{QStringLiteral("error"), QStringLiteral("no such action in the runbook")}}));
        return;
    }
    const Action action = *found;
    if (RunCommands::isManual(action)) {
        // A person does it; the started event makes it a pending decision (accept = done).
        append(event(m_clock->now(), lead, QStringLiteral("started"),
                     {{QStringLiteral("manual"), true},
                      {QStringLiteral("instruction"), std::get<ManualCheck>(action.what).instruction}}));
        return;
    }
    // A dry run sends nothing, so there is nothing to confirm; a refused write is refused without asking.
    const bool sendsNothing = (m_options.mode == RunMode::DryRun && ModeGuard::mayWrite(action))
        || ModeGuard::refusal(m_options.mode, action, *m_runbook);
    if (RunCommands::writes(action) && !sendsNothing && !m_options.confirmAllWrites
        && !m_confirmed.contains(action.id)) {
        askConfirmation(action, phase, stage, ofMilestone);
        return;
    }
    m_inFlight.insert(key);
    if (!appendBeforeEffect(event(m_clock->now(), lead, QStringLiteral("started"), {}))) {
        m_inFlight.remove(key); // held: tried again once the journal is back
        return;
    }
    const quint64 gen = m_generation;
    execute(action, [this, event, lead, key, gen](const ActionResult &r) {
        if (gen != m_generation)
            return;
        append(event(m_clock->now(), lead, r.ok ? QStringLiteral("ok") : QStringLiteral("failed"), r.detail));
        effectDone(key);
    });
}

void RunDriver::askConfirmation(const Action &action, const QString &phase, const QString &stage,
                                bool ofMilestone)
{
    const QJsonObject would = ModeGuard::wouldDo(action, *m_runbook);
    QString what = ModeGuard::wouldDoText(would);
    const QString conn = ModeGuard::connectionOf(action);
    if (const auto c = m_runbook->connections.constFind(conn); c != m_runbook->connections.constEnd()) {
        if (c->token.isSet())
            what += QStringLiteral(" (with the token of secret %1)").arg(c->token.name);
        else if (c->password.isSet())
            what += QStringLiteral(" (as %1, password from secret %2)").arg(c->name, c->password.name);
    }
    what = Redactor::redact(what);
    PendingDecision d;
    d.kind = QStringLiteral("confirm_write");
    d.target = action.id;
    d.stage = stage;
    d.why = QStringLiteral("%1 writes (%2): %3; confirm to run it")
                .arg(action.id, action.title.isEmpty() ? phase + QStringLiteral(" action") : action.title,
                     what);
    if (ofMilestone)
        d.why = QStringLiteral("milestone %1: %2").arg(stage, d.why);
    d.since = m_clock->now();
    m_confirmations.append(d);
    if (m_writeRequests.contains(action.id))
        return;
    JournalEventDraft note
        = RunEvents::note(m_state.runId(), m_clock->now(), QString::fromLatin1(RunPlanner::kEngine),
                          QStringLiteral("write %1 waits for confirmation: %2").arg(action.id, what));
    note.payload.insert(QStringLiteral("kind"), QStringLiteral("write_pending"));
    note.payload.insert(QStringLiteral("action"), action.id);
    note.payload.insert(QStringLiteral("phase"), phase);
    note.payload.insert(QStringLiteral("stage"), stage);
    note.payload.insert(QStringLiteral("would"), would);
    note.payload.insert(QStringLiteral("would_text"), what);
    if (append(note))
        m_writeRequests.insert(action.id, m_lastSeq);
}

void RunDriver::takeConfirmation(const JournalEvent &e)
{
    const QString action = e.payload().value(QLatin1String("action")).toString();
    const qint64 requested = qint64(e.payload().value(QLatin1String("pending_seq")).toDouble());
    if (!m_writeRequests.contains(action) || m_writeRequests.value(action) != requested) {
        qCWarning(lcRunner) << "confirmation of" << action << "by" << e.actor()
                            << "names an earlier request; ignored (confirm again what is asked now)";
        return;
    }
    qCInfo(lcRunner) << "write" << action << "confirmed by" << e.actor() << "from another terminal";
    m_writeRequests.remove(action);
    confirmWrite(action);
}

void RunDriver::execute(const Action &action, const ActionDone &done)
{
    if (const auto refused = ModeGuard::refusal(m_options.mode, action, *m_runbook)) {
        done({false, {{QStringLiteral("error"), *refused}, {QStringLiteral("refused"), true}}});
        return;
    }
    if (m_options.mode == RunMode::DryRun && ModeGuard::mayWrite(action)) {
        done({true,
              {{QStringLiteral("dry_run"), true},
               {QStringLiteral("would"), ModeGuard::wouldDo(action, *m_runbook)},
               {QStringLiteral("summary"), QStringLiteral("dry run: not sent")}}});
        return;
    }
    const quint64 gen = m_generation;
    auto finish = [this, action, done, gen](const Probe &probe, const Observation &o) {
        if (gen != m_generation)
            return;
        Check c;
        c.id = action.id;
        c.probe = probe;
        c.expect = action.expect;
        const CheckResult r = CheckResult::evaluate(c, o);
        bool ok = r.verdict == Verdict::Pass;
        if (o.kind == Observation::Kind::Command && action.expect.isEmpty())
            ok = ok && o.exitCode == 0;
        done({ok, detailOf(r)});
    };
    if (const auto *w = std::get_if<WaitUntil>(&action.what)) {
        waitUntil(action, m_clock->now() + w->timeout.count(), done);
        return;
    }
    // A check step: the check through the run's own dispatch (probes, or a reconciliation); it passes or
    // the step failed, and its verdict and what it saw are the step's journaled result.
    if (const auto *step = std::get_if<CheckStep>(&action.what)) {
        runChecks({step->check}, {{QStringLiteral("window_step"), action.id}},
                  [this, done, gen](const QList<CheckResult> &results) {
                      if (gen != m_generation)
                          return;
                      const CheckResult r = results.value(0);
                      QJsonObject d = detailOf(r);
                      d.insert(QStringLiteral("check"), true);
                      done({r.verdict == Verdict::Pass, d});
                  });
        return;
    }
    if (const auto *http = std::get_if<HttpRequest>(&action.what)) {
        const Connection conn = m_runbook->connections.value(http->connection);
        withSecrets(secretsOf(conn.name), [this, conn, req = *http, finish] {
            auto service = std::make_shared<HttpService>();
            if (const auto *s = std::get_if<HttpService>(&conn.target))
                *service = *s;
            const bool hasService = std::holds_alternative<HttpService>(conn.target);
            whenDone(this, &m_busy,
                     HttpProbe::run(req, hasService ? service.get() : nullptr, secret(conn.token.name)),
                     [finish, req, service](const Observation &o) { finish(req, o); });
        });
        return;
    }
    if (const auto *sql = std::get_if<SqlStatement>(&action.what)) {
        const Connection conn = m_runbook->connections.value(sql->connection);
        withSecrets(secretsOf(conn.name), [this, conn, st = *sql, finish] {
            SqlQuery q;
            q.connection = st.connection;
            q.query = st.statement;
            whenDone(this, &m_busy, SqlProbe::execute(conn, st, secret(conn.password.name)),
                     [finish, q](const Observation &o) { finish(q, o); });
        });
        return;
    }
    if (const auto *cmd = std::get_if<CommandSpec>(&action.what)) {
        whenDone(this, &m_busy, CommandProbe::run(*cmd),
                 [finish, c = *cmd](const Observation &o) { finish(c, o); });
        return;
    }
    done(
        {false, {{QStringLiteral("error"), QStringLiteral("this kind of action cannot run automatically")}}});
}

void RunDriver::waitUntil(const Action &action, qint64 deadline, const ActionDone &done)
{
    const WaitUntil w = std::get<WaitUntil>(action.what);
    const quint64 gen = m_generation;
    auto evaluate = [this, action, w, deadline, done, gen](const Observation &o) {
        if (gen != m_generation)
            return;
        Check c;
        c.id = action.id;
        c.probe = w.probe;
        c.expect = w.expect;
        const CheckResult r = CheckResult::evaluate(c, o);
        if (r.verdict == Verdict::Pass) {
            done({true, detailOf(r)});
            return;
        }
        // A dry run reads once and goes on: what it waits for usually follows a write it did not make.
        if (m_options.mode == RunMode::DryRun) {
            QJsonObject d = detailOf(r);
            d.insert(QStringLiteral("dry_run"), true);
            d.insert(QStringLiteral("summary"),
                     QStringLiteral("dry run: read once, not waited for (%1)").arg(r.summary));
            done({true, d});
            return;
        }
        const qint64 now = m_clock->now();
        if (now >= deadline) {
            QJsonObject d = detailOf(r);
            d.insert(QStringLiteral("error"), QStringLiteral("timed out waiting: %1").arg(r.summary));
            done({false, d});
            return;
        }
        const qint64 next = std::min(deadline, now + std::max<qint64>(w.every.count(), 1));
        auto id = std::make_shared<Clock::WakeId>(0);
        *id = m_clock->wakeAt(next, [this, action, deadline, done, id, gen] {
            m_pollWakes.remove(*id);
            if (gen == m_generation)
                waitUntil(action, deadline, done);
        });
        m_pollWakes.insert(*id);
    };
    if (const auto *http = std::get_if<HttpRequest>(&w.probe)) {
        const Connection conn = m_runbook->connections.value(http->connection);
        withSecrets(secretsOf(conn.name), [this, conn, req = *http, evaluate] {
            auto service = std::make_shared<HttpService>();
            if (const auto *s = std::get_if<HttpService>(&conn.target))
                *service = *s;
            const bool hasService = std::holds_alternative<HttpService>(conn.target);
            whenDone(this, &m_busy,
                     HttpProbe::run(req, hasService ? service.get() : nullptr, secret(conn.token.name)),
                     [evaluate, service](const Observation &o) { evaluate(o); });
        });
    } else if (const auto *sql = std::get_if<SqlQuery>(&w.probe)) {
        const Connection conn = m_runbook->connections.value(sql->connection);
        withSecrets(secretsOf(conn.name), [this, conn, q = *sql, evaluate] {
            whenDone(this, &m_busy, SqlProbe::run(conn, q, secret(conn.password.name)), evaluate);
        });
    } else if (const auto *cmd = std::get_if<CommandSpec>(&w.probe)) {
        whenDone(this, &m_busy, CommandProbe::run(*cmd), evaluate);
    } else {
        done({false,
              {{QStringLiteral("error"),
                QStringLiteral("wait_until supports http, sql and command probes")}}});
    }
}

} // namespace cockpit
