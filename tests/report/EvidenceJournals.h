#pragma once

// Journals for the report tests, made fast: the real planner on a FakeClock (RunHarness) with the
// outside world answered at once, plus the events the launcher, the prerequisite check and a person
// write (runbook note, prerequisite observations, go/no-go, sign-off). A 36-hour run takes milliseconds.

#include "core/journal/JournalVerifier.h"
#include "engine/RunCommands.h"
#include "report/EvidenceModelBuilder.h"
#include "store/SqliteJournal.h"
#include "support/ExampleASimulation.h"

#include <QJsonArray>
#include <QTemporaryDir>

namespace cockpit::test::evidence {

// A SQLite journal in DIR holding the events (re-sealed by the store, as a driver's appends are); empty
// when it cannot be written.
inline QString sqliteJournalOf(const QTemporaryDir &dir, const QList<JournalEvent> &events,
                               const QString &name)
{
    const QString path = dir.filePath(name);
    auto j = SqliteJournal::open(path);
    if (!j)
        return {};
    QList<JournalEventDraft> drafts;
    for (const JournalEvent &e : events)
        drafts.append(JournalEventDraft {e.runId(), e.at(), e.type(), e.actor(), e.payload()});
    if (!drafts.isEmpty() && !(*j)->appendBatch(drafts))
        return {};
    return path;
}

inline QByteArray runbookYaml()
{
    return R"(runbook: 1
name: report test
connections:
  db: {postgres: {host: 127.0.0.1, database: app, user: ro}}
  rlm: {http: {base_url: "http://127.0.0.1:8000"}}
metrics:
  success_rate_pct: {connection: db, every: 5m, unit: "%", query: "SELECT 100"}
prerequisites:
  - id: rlm-health
    title: rollout manager is healthy
    category: service
    http: {connection: rlm, method: GET, path: /health}
    expect: "[STATUS] == 200"
  - id: queries-prepared
    title: validation queries prepared
    category: team
    manual: the validation queries are prepared
stages:
  - id: canary
    title: ten percent
    rollout:
      - {id: set-10, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: 10}}, writes: true}
    verify:
      - {id: counts-reconciled, reconcile: counts}
    soak: 24h
    checkpoints: [1h, 6h, 24h]
    gates:
      - {id: success, expect: "success_rate_pct >= 95", hold: 24h, no_data_grace: 30m}
      - {id: complaints, manual: Zero user complaints}
  - id: full
    title: all traffic
    rollout:
      - {id: set-100, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: 100}}, writes: true}
    soak: 12h
    gates:
      - {id: success-full, expect: "success_rate_pct >= 96", hold: 12h}
      - id: no-slowdown
        no_degradation: {connection: db, query: "SELECT 1"}
rollback:
  target: 15m
  restart_from: canary
  triggers:
    - {id: low-success, when: "success_rate_pct < 90", severity: critical, action: rollback}
  steps:
    - {id: set-0, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: 0}}, writes: true}
    - {id: drain, manual: wait until in-flight jobs are drained}
reconciliation:
  - {id: counts, source: db, target: db, tables: [users]}
sign_off:
  fields:
    - {name: outcome, label: Outcome, choices: [SUCCESS, ROLLBACK]}
    - {name: notes, label: Notes, type: multiline, required: false}
)";
}

inline QJsonArray durations(double centre)
{
    QJsonArray out;
    for (int i = 0; i < 60; ++i)
        out.append(centre + double((i * 37) % 23) - 11.0);
    return out;
}

struct Options
{
    bool rollback = false; // success rate falls to 85 % six hours into stage full: the trigger rolls back
    qint64 startAt = harness_time::kStart;
    qint64 rollbackStepMs = 4 * harness_time::kMin;
    QString noteText; // a note the lead writes (the planted-secret test puts a secret in it)
    bool goNoGoOnly = false; // prerequisites only in the go_no_go event's items, as `run` journals them
};

// One run of the report-test runbook as a real driver would journal it.
inline QList<JournalEvent> run(const Options &o)
{
    using namespace harness_time;
    RunHarness h(loadRunbook(runbookYaml()), RunMode::Rehearsal, o.startAt);
    h.rollbackStepMs = o.rollbackStepMs;
    const qint64 fallAt = o.startAt + 24 * kHour + 6 * kHour;
    h.metric = [&](const QString &, qint64 now) {
        return std::optional<double>(o.rollback && now >= fallAt ? 85.0 : 99.2);
    };
    h.gateValues = [](const QString &, const QString &role) {
        return durations(role == QLatin1String("baseline") ? 600 : 603);
    };
    h.start();
    h.append(RunCommands::runbookNote(h.info.id, o.startAt, *h.runbook));
    if (!o.goNoGoOnly) {
        h.append(RunEvents::checkObserved(h.info.id, o.startAt + 1000, QStringLiteral("engine"), QString(),
                                          QStringLiteral("rlm-health"), QStringLiteral("prerequisite"),
                                          Verdict::Pass, QStringLiteral("[STATUS] (200) == 200")));
        h.append(RunEvents::checkObserved(h.info.id, o.startAt + 2000, QStringLiteral("Lena Hoffmann"),
                                          QString(), QStringLiteral("queries-prepared"),
                                          QStringLiteral("prerequisite"), Verdict::Pass,
                                          QStringLiteral("confirmed")));
    }
    const QJsonArray items {
        QJsonObject {{QStringLiteral("check"), QStringLiteral("rlm-health")},
                     {QStringLiteral("verdict"), QStringLiteral("pass")},
                     {QStringLiteral("summary"), QStringLiteral("[STATUS] (200) == 200")}},
        QJsonObject {{QStringLiteral("check"), QStringLiteral("queries-prepared")},
                     {QStringLiteral("verdict"), QStringLiteral("pass")},
                     {QStringLiteral("summary"), QStringLiteral("confirmed by Lena Hoffmann")}}};
    h.append(JournalEventDraft {
        h.info.id, o.startAt + 3000, JournalEventType::GoNoGo, QStringLiteral("Dana Weber"),
        QJsonObject {{QStringLiteral("decision"), QStringLiteral("go")}, {QStringLiteral("items"), items}}});
    // A reconciliation the lead ran from the command line into this run: its result as journaled.
    h.append(RunEvents::reconciliation(h.info.id, o.startAt + 3500, QStringLiteral("Dana Weber"),
                                       QStringLiteral("profiles-orphans"), QStringLiteral("started"), {}));
    h.append(RunEvents::reconciliation(
        h.info.id, o.startAt + 3600, QStringLiteral("Dana Weber"), QStringLiteral("profiles-orphans"),
        QStringLiteral("finished"), {},
        {{QStringLiteral("passed"), false},
         {QStringLiteral("cancelled"), false},
         {QStringLiteral("error"), QString()},
         {QStringLiteral("summary"), QStringLiteral("2 public profiles without a private profile")}}));
    if (!o.noteText.isEmpty())
        h.append(RunEvents::note(h.info.id, o.startAt + 4000, QStringLiteral("Dana Weber"), o.noteText));
    h.clock.advance(5000);
    h.ok(RunPlanner::enterStage(h.state, h.clock.now(), QStringLiteral("canary"),
                                QStringLiteral("Dana Weber")));
    const SimulationOutcome outcome
        = answerUntilEnd(h, o.startAt + 5 * kDay, QStringLiteral("no complaints in the support queue"));
    if (!outcome.unexpected.isEmpty())
        qWarning("%s", qPrintable(outcome.unexpected));
    if (h.state.phase() == RunState::Phase::Finished)
        h.append(JournalEventDraft {
            h.info.id, h.clock.now() + 60000, JournalEventType::SignOff, QStringLiteral("Dana Weber"),
            QJsonObject {{QStringLiteral("result"), QStringLiteral("SUCCESS")},
                         {QStringLiteral("issues"), QStringLiteral("none")},
                         {QStringLiteral("notes"), QStringLiteral("smooth rehearsal")},
                         {QStringLiteral("fields"),
                          QJsonObject {{QStringLiteral("outcome"), QStringLiteral("SUCCESS")}}}}});
    return h.journal;
}

// Runs one after the other in one journal: re-sealed onto one chain.
inline QList<JournalEvent> chain(const QList<QList<JournalEvent>> &runs)
{
    QList<JournalEvent> out;
    for (const auto &r : runs)
        for (const JournalEvent &e : r)
            out.append(JournalEvent::seal(
                JournalEventDraft {e.runId(), e.at(), e.type(), e.actor(), e.payload()}, out.size() + 1,
                out.isEmpty() ? JournalEvent::genesisHash() : out.last().hash()));
    return out;
}

inline report::EvidenceInput input(const QList<JournalEvent> &events, const QString &runId = {})
{
    report::EvidenceInput in;
    in.events = events;
    QList<JournalRawRow> rows;
    for (const JournalEvent &e : events)
        rows.append(e.toRawRow());
    in.verify = JournalVerifier::verify(rows);
    if (!events.isEmpty())
        in.head = JournalHead {events.last().seq(), events.last().hash()};
    in.location = QStringLiteral("test.journal");
    in.runId = runId;
    in.generatedAt = harness_time::kStart + 10 * harness_time::kDay;
    return in;
}

} // namespace cockpit::test::evidence
