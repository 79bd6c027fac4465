// SnapshotBuilder's headline never contradicts what was measured: before the first stage, a prerequisite
// that fails when checked again makes the run NO-GO, whatever the launch's evaluation said.

#include "core/journal/RunEvents.h"
#include "core/run/RunPlanner.h"
#include "core/runbook/RunbookLoader.h"
#include "engine/SnapshotBuilder.h"

#include <QTest>

using namespace cockpit;

class tst_SnapshotBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFailedPrerequisiteIsNoGoBeforeTheFirstStage()
    {
        auto loaded = RunbookLoader::loadText(
            "runbook: 1\n"
            "name: headline\n"
            "connections:\n"
            "  api: {http: {base_url: \"http://127.0.0.1:9\"}}\n"
            "prerequisites:\n"
            "  - {id: api-health, http: {connection: api, path: /health}, expect: [\"[STATUS] == 200\"]}\n"
            "stages:\n"
            "  - {id: canary, soak: 1h}\n",
            QStringLiteral("headline.yaml"));
        QVERIFY(loaded.has_value());
        auto rb = std::make_shared<const Runbook>(std::move(*loaded));
        const qint64 t = qint64(1800000000000);
        RunInfo info;
        info.id = QStringLiteral("rehearsal-1");
        info.runbook = rb->name;
        info.lead = QStringLiteral("Dana Weber");
        info.startedAt = t;
        QList<JournalEventDraft> drafts {RunEvents::runStarted(info)};
        RunState state(rb, info.id);
        QByteArray prev = JournalEvent::genesisHash();
        SnapshotBuilder builder;
        qint64 seq = 0;
        const auto add = [&](const JournalEventDraft &d) {
            const JournalEvent e = JournalEvent::seal(d, ++seq, prev);
            prev = e.hash();
            state.apply(e);
            builder.observe(e);
        };
        add(drafts.first());
        QCOMPARE(state.phase(), RunState::Phase::Ready);
        const auto before = builder.build(state, RunPlanner::status(state, t + 1000), t + 1000, {});
        QCOMPARE(before->headline, Headline::Go); // ready to enter canary

        add(RunEvents::checkObserved(info.id, t + 2000, QString::fromLatin1(RunPlanner::kEngine), {},
                                     QStringLiteral("api-health"), QStringLiteral("prerequisite"),
                                     Verdict::Fail, QStringLiteral("[STATUS] (503) == 200")));
        const auto after = builder.build(state, RunPlanner::status(state, t + 3000), t + 3000, {});
        QCOMPARE(after->headline, Headline::NoGo);
        QCOMPARE(after->topBlocker, QStringLiteral("prerequisite api-health failed: [STATUS] (503) == 200"));

        add(RunEvents::checkObserved(info.id, t + 4000, QString::fromLatin1(RunPlanner::kEngine), {},
                                     QStringLiteral("api-health"), QStringLiteral("prerequisite"),
                                     Verdict::Pass, QStringLiteral("[STATUS] (200) == 200")));
        const auto again = builder.build(state, RunPlanner::status(state, t + 5000), t + 5000, {});
        QCOMPARE(again->headline, Headline::Go);
    }
};

QTEST_GUILESS_MAIN(tst_SnapshotBuilder)
#include "tst_SnapshotBuilder.moc"
