#pragma once

// A run with known samples, shared by the chart data and Validation tab tests: a NoData sample, a breach that
// resets the holding window, a decision, a stage change, a sampling hole and a rollback.

#include "core/journal/JournalEvent.h"
#include "core/journal/RunEvents.h"

#include <QJsonArray>
#include <QList>

namespace cockpit::test::knownrun {

inline constexpr qint64 kT0 = 1'800'000'000'000;
inline constexpr qint64 kMin = 60'000;
inline const QString kRun = QStringLiteral("rehearsal-test");

// A normal literal: moc does not read raw strings with quotes inside.
inline const char *const kRunbook
    = "runbook: 1\n"
      "name: charts test\n"
      "connections:\n"
      "  app_db: {postgres: {host: 127.0.0.1, database: app, user: ro}}\n"
      "  rlm: {http: {base_url: \"http://127.0.0.1:1\"}}\n"
      "metrics:\n"
      "  success_rate_pct: {connection: app_db, every: 5m, unit: \"%\", query: \"SELECT 97\"}\n"
      "stages:\n"
      "  - id: canary\n"
      "    title: ten percent\n"
      "    rollout:\n"
      "      - {id: set-10, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: 10}}, "
      "writes: true}\n"
      "    soak: 1h\n"
      "    gates:\n"
      "      - {id: success-rate, expect: \"success_rate_pct >= 95\", hold: 1h}\n"
      "  - id: half\n"
      "    title: half of the traffic\n"
      "    rollout:\n"
      "      - {id: set-50, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: 50}}, "
      "writes: true}\n"
      "    soak: 1h\n"
      "    gates:\n"
      "      - {id: success-rate, expect: \"success_rate_pct >= 96\", hold: 1h}\n";

class EventLog
{
public:
    QList<JournalEvent> events;
    void add(const JournalEventDraft &d)
    {
        events.append(JournalEvent::seal(
            d, events.size() + 1, events.isEmpty() ? JournalEvent::genesisHash() : events.last().hash()));
    }
    void sample(qint64 minute, std::optional<double> v)
    {
        add(RunEvents::sampleTaken(kRun, kT0 + minute * kMin, QStringLiteral("success_rate_pct"), v,
                                   v ? QString() : QStringLiteral("no rows")));
    }
    void gate(qint64 minute, const QString &stage, const QString &to, const QString &phase)
    {
        add(JournalEventDraft {kRun, kT0 + minute * kMin, JournalEventType::GateChanged,
                               QStringLiteral("engine"),
                               QJsonObject {{QStringLiteral("stage"), stage},
                                            {QStringLiteral("gate"), QStringLiteral("success-rate")},
                                            {QStringLiteral("to"), to},
                                            {QStringLiteral("phase"), phase}}});
    }
    void event(qint64 minute, JournalEventType type, const QJsonObject &payload)
    {
        add(JournalEventDraft {kRun, kT0 + minute * kMin, type, QStringLiteral("Dana"), payload});
    }
};

// A run with a NoData sample, a breach, a gate that resets, a stage change, a sampling hole and a rollback.
inline EventLog knownRun()
{
    EventLog j;
    RunInfo info;
    info.id = kRun;
    info.startedAt = kT0;
    info.runbook = QStringLiteral("charts test");
    info.lead = QStringLiteral("Dana");
    j.add(RunEvents::runStarted(info));
    JournalEventDraft note
        = RunEvents::note(kRun, kT0, QStringLiteral("engine"), QStringLiteral("runbook as loaded"));
    note.payload.insert(QStringLiteral("runbook_yaml"), QString::fromUtf8(kRunbook));
    note.payload.insert(QStringLiteral("runbook_file"), QStringLiteral("charts.yaml"));
    j.add(note);
    j.add(RunEvents::stageEntered(kRun, kT0 + 1 * kMin, QStringLiteral("Dana"), QStringLiteral("canary"), 0,
                                  1, false, {}, {}));
    j.sample(5, 97);
    j.gate(5, QStringLiteral("canary"), QStringLiteral("pending"), QStringLiteral("holding"));
    j.sample(10, 98);
    j.sample(15, std::nullopt); // NoData
    j.sample(20, 96);
    j.sample(25, 93); // breach: the holding window resets
    j.gate(25, QStringLiteral("canary"), QStringLiteral("fail"), QStringLiteral("failed"));
    j.add(RunEvents::decision(kRun, kT0 + 27 * kMin, QStringLiteral("Dana"), QStringLiteral("canary"),
                              QStringLiteral("gate"), QStringLiteral("success-rate"), true,
                              QStringLiteral("blip")));
    j.gate(27, QStringLiteral("canary"), QStringLiteral("pending"), QStringLiteral("holding"));
    j.sample(30, 97);
    j.add(RunEvents::stageEntered(kRun, kT0 + 40 * kMin, QStringLiteral("Dana"), QStringLiteral("half"), 1, 1,
                                  false, QStringLiteral("canary"), {}));
    j.sample(41, 95.5); // passes 95 but fails this stage's 96
    j.sample(62, 99); // 21 minutes after the last one: a hole
    QJsonArray before;
    QJsonArray after;
    for (int i = 0; i < 40; ++i) {
        before.append(600 + (i * 37) % 300); // seconds
        after.append(900 + (i * 53) % 1500);
    }
    j.add(RunEvents::gateValues(kRun, kT0 + 63 * kMin, QStringLiteral("half"),
                                QStringLiteral("no-degradation"), QStringLiteral("baseline"), before));
    j.add(RunEvents::gateValues(kRun, kT0 + 63 * kMin, QStringLiteral("half"),
                                QStringLiteral("no-degradation"), QStringLiteral("current"), after));
    j.add(RunEvents::gateValues(kRun, kT0 + 63 * kMin, QStringLiteral("half"),
                                QStringLiteral("no-new-errors"), QStringLiteral("baseline"),
                                QJsonArray {QStringLiteral("timeout"), QStringLiteral("parse error")}));
    j.add(RunEvents::gateValues(kRun, kT0 + 63 * kMin, QStringLiteral("half"),
                                QStringLiteral("no-new-errors"), QStringLiteral("current"),
                                QJsonArray {QStringLiteral("timeout"), QStringLiteral("disk full")}));
    j.event(65, JournalEventType::RollbackStarted,
            {{QStringLiteral("stage"), QStringLiteral("half")},
             {QStringLiteral("reason"), QStringLiteral("success rate")}});
    j.event(70, JournalEventType::RollbackFinished, {{QStringLiteral("result"), QStringLiteral("ok")}});
    return j;
}

} // namespace cockpit::test::knownrun
