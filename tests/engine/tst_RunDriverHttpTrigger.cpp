// A rollback trigger that reads an HTTP check (an error counter on a health endpoint) instead of a metric:
// the real RunDriver polls the loopback service through the run's check dispatch, journals each reading,
// and fires the trigger from those readings once its condition held `for` long enough. Only the clock is
// fake.

#include "core/runbook/RunbookLoader.h"
#include "demo/LoopbackHttpServer.h"
#include "engine/RunDriver.h"
#include "store/JournalFactory.h"
#include "support/DriverSteps.h"
#include "support/FakeClock.h"

#include <QAtomicInt>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

namespace {

constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kStart = 1800000000000;

struct Service
{
    LoopbackHttpServer server;
    QAtomicInt errors {0};
    QAtomicInt down {0}; // 1: /health answers 503 with a text body
    QAtomicInt healthPolls {0};
    QAtomicInt rollbackPuts {0};

    bool start()
    {
        server.route("GET", "/health", [this](const LoopbackRequest &) {
            healthPolls.ref();
            if (down.loadRelaxed())
                return LoopbackResponse::text(503, "maintenance");
            return LoopbackResponse::json(200,
                                          QByteArray("{\"status\":\"ok\",\"errors\":")
                                              + QByteArray::number(errors.loadRelaxed()) + "}");
        });
        server.route("PUT", "/rollout/0", [this](const LoopbackRequest &) {
            rollbackPuts.ref();
            return LoopbackResponse::json(200, "{}");
        });
        return server.listen();
    }
};

std::shared_ptr<const Runbook> load(const Service &svc)
{
    const QString yaml
        = QStringLiteral("runbook: 1\n"
                         "name: http trigger\n"
                         "connections:\n"
                         "  app: {http: {base_url: \"%1\"}}\n"
                         "stages:\n"
                         "  - {id: canary, soak: 2h}\n"
                         "rollback:\n"
                         "  triggers:\n"
                         "    - id: health-errors\n"
                         "      http: {connection: app, path: /health}\n"
                         "      when: \"[BODY].errors > 5\"\n"
                         "      every: 1m\n"
                         "      for: 2m\n"
                         "      severity: critical\n"
                         "      action: rollback\n"
                         "  steps:\n"
                         "    - {id: set-0, http: {connection: app, method: PUT, path: /rollout/0}, "
                         "expect: \"[STATUS] == 200\", writes: true}\n")
              .arg(svc.server.url().toString(QUrl::StripTrailingSlash));
    auto r = RunbookLoader::loadText(yaml.toUtf8(), QStringLiteral("http-trigger.yaml"));
    if (!r) {
        for (const Error &e : r.error())
            qWarning("%s", qPrintable(e.toString()));
        return nullptr;
    }
    return std::make_shared<const Runbook>(std::move(*r));
}

} // namespace

class tst_RunDriverHttpTrigger : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<RunDriver> start(const std::shared_ptr<const Runbook> &rb, Journal *journal,
                                     FakeClock *clock)
    {
        RunDriverOptions o;
        o.lead = QStringLiteral("Dana Weber");
        o.confirmAllWrites = true;
        o.useKeychain = false;
        auto d = std::make_unique<RunDriver>(rb, journal, clock, o);
        if (!d->open())
            return nullptr;
        d->start();
        if (!d->apply(RunPlanner::enterStage(d->state(), clock->now(), QStringLiteral("canary"),
                                             QStringLiteral("Dana Weber"))))
            return nullptr;
        return d;
    }

private Q_SLOTS:
    void errorCounterOnAHealthEndpointRollsBack()
    {
        Service svc;
        QVERIFY(svc.start());
        auto rb = load(svc);
        QVERIFY(rb);
        auto journal = JournalFactory::open(m_dir.filePath(QStringLiteral("fires.journal")));
        QVERIFY(journal);
        FakeClock clock(kStart);
        auto d = start(rb, journal->get(), &clock);
        QVERIFY(d);
        QVERIFY(runDriverUntil(*d, clock, kStart + 10 * kMin));
        QCOMPARE(svc.healthPolls.loadRelaxed(), 11); // 0, 1, ..., 10 min
        QVERIFY(journalEventsOf(**journal, JournalEventType::TriggerFired).isEmpty());

        svc.errors.storeRelaxed(9); // seen at 11 min; held 2 min at 13 min
        QVERIFY(runDriverUntil(*d, clock, kStart + 20 * kMin));
        const auto fired = journalEventsOf(**journal, JournalEventType::TriggerFired);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired.first().at(), kStart + 13 * kMin);
        const QJsonObject p = fired.first().payload();
        QCOMPARE(p.value(QLatin1String("trigger")).toString(), QStringLiteral("health-errors"));
        QCOMPARE(p.value(QLatin1String("explanation")).toString(), QStringLiteral("[BODY].errors (9) > 5"));
        QCOMPARE(journalEventsOf(**journal, JournalEventType::RollbackStarted).first().at(),
                 kStart + 13 * kMin);
        QCOMPARE(svc.rollbackPuts.loadRelaxed(), 1);
        QCOMPARE(d->state().phase(), RunState::Phase::RolledBack);

        // Every reading is journaled with what it saw: the condition and the verdict of the service.
        QStringList readings;
        for (const JournalEvent &e : journalEventsOf(**journal, JournalEventType::CheckObserved)) {
            if (e.payload().value(QLatin1String("purpose")).toString() != QLatin1String("trigger"))
                continue;
            readings << e.payload().value(QLatin1String("condition")).toString() + QLatin1Char(' ')
                    + e.payload().value(QLatin1String("explanation")).toString();
        }
        QCOMPARE(readings.size(), 14); // 0 .. 13 min; none once the stage rolled back
        QCOMPARE(readings.first(), QStringLiteral("fail [BODY].errors (0) > 5"));
        QCOMPARE(readings.last(), QStringLiteral("pass [BODY].errors (9) > 5"));
        QVERIFY((*journal)->verify().value().ok());
    }

    void anUnreadableEndpointNeverFiresIt()
    {
        Service svc;
        QVERIFY(svc.start());
        svc.down.storeRelaxed(1);
        auto rb = load(svc);
        QVERIFY(rb);
        auto journal = JournalFactory::open(m_dir.filePath(QStringLiteral("down.journal")));
        QVERIFY(journal);
        FakeClock clock(kStart);
        auto d = start(rb, journal->get(), &clock);
        QVERIFY(d);
        QVERIFY(runDriverUntil(*d, clock, kStart + 10 * kMin));
        QCOMPARE(svc.healthPolls.loadRelaxed(), 11);
        // No counter to read is no reading: NoData, never a firing and never a silent pass.
        QVERIFY(journalEventsOf(**journal, JournalEventType::TriggerFired).isEmpty());
        QCOMPARE(svc.rollbackPuts.loadRelaxed(), 0);
        const auto observed = journalEventsOf(**journal, JournalEventType::CheckObserved);
        QVERIFY(!observed.isEmpty());
        QCOMPARE(observed.last().payload().value(QLatin1String("condition")).toString(),
                 QStringLiteral("no_data"));
        QCOMPARE(observed.last().payload().value(QLatin1String("verdict")).toString(),
                 QStringLiteral("no_data"));
    }
};

QTEST_GUILESS_MAIN(tst_RunDriverHttpTrigger)
#include "tst_RunDriverHttpTrigger.moc"
