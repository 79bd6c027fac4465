// Starting a run from the window: RunLauncher on its own thread, then a ThreadedRunController. A refused
// launch is a banner in words; closing the window mid-run asks, and only then stops the run and releases
// its lease (journaled), so the next start resumes it. Real SQLite journal; no clock is faked (nothing
// soaks).

#include "gui/CockpitSettings.h"
#include "gui/MainWindow.h"
#include "gui/RunOpening.h"
#include "gui/RunView.h"
#include "gui/RunbookWatcher.h"
#include "gui/dialogs/Confirmation.h"
#include "gui/panels/CommandButton.h"
#include "gui/panels/MessageBanner.h"
#include "gui/panels/RunbookChangeBanner.h"
#include "store/JournalFactory.h"
#include "store/RunLease.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::gui;

namespace {

const char kRunbook[] = R"(runbook: 1
name: opening test
stages:
  - id: only
    soak: 1h
)";

bool bannerSays(const MainWindow &window, const QString &text)
{
    for (const MessageBanner *b : window.findChildren<MessageBanner *>())
        if (b->text().contains(text))
            return true;
    return false;
}

} // namespace

class tst_RunOpening : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_runbook;
    QString m_journal;

    RunLease::Request leaseFor(const QString &who) const
    {
        RunLease::Request r;
        r.journalSpec = m_journal;
        r.key = RunLease::keyFor(QStringLiteral("opening test"), QStringLiteral("rehearsal"));
        r.who = who;
        return r;
    }

    StartChoice choice() const
    {
        StartChoice c;
        c.runbookPath = m_runbook;
        c.lead = QStringLiteral("Dana Weber");
        c.journal = m_journal;
        return c;
    }

    CockpitSettings settings() const
    {
        return CockpitSettings(std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                                           QSettings::IniFormat));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_runbook = m_dir.filePath(QStringLiteral("opening.yaml"));
        m_journal = m_dir.filePath(QStringLiteral("opening.journal"));
        QFile f(m_runbook);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kRunbook);
        f.close();
        QVERIFY(JournalFactory::open(m_journal).has_value()); // the file and its tables
    }

    void aHeldLeaseIsABannerInWords()
    {
        auto bob = RunLease::take(leaseFor(QStringLiteral("Bob Example")));
        QVERIFY(bob.has_value());
        CockpitSettings s = settings();
        MainWindow window(s);
        RunOpening opening(window, s);
        opening.launch(choice());
        QTRY_VERIFY_WITH_TIMEOUT(bannerSays(window, QStringLiteral("another process leads this run")), 30000);
        QVERIFY(bannerSays(window, QStringLiteral("Bob Example")));
        QVERIFY(!window.runView()->controller());
    }

    void closingMidRunAsksThenReleasesTheLease()
    {
        CockpitSettings s = settings();
        auto window = std::make_unique<MainWindow>(s);
        RunOpening opening(*window, s);
        opening.launch(choice());
        QTRY_VERIFY_WITH_TIMEOUT(window->runView()->controller()
                                     && window->runView()->controller()->snapshot()->startedAt.has_value(),
                                 30000);
        const auto holder = RunLease::holder(m_journal, {}, leaseFor({}).key);
        QVERIFY(holder && *holder);
        QCOMPARE((*holder)->who, QStringLiteral("Dana Weber"));

        // Declined: the run goes on, the lease stays.
        int asked = 0;
        Confirmation::setAnswerForTests([&asked](const QString &, const QString &) {
            ++asked;
            return false;
        });
        window->show();
        QVERIFY(!window->close());
        QCOMPARE(asked, 1);
        QVERIFY(window->runView()->controller());
        QVERIFY(!RunLease::take(leaseFor(QStringLiteral("Bob Example"))).has_value());

        // Confirmed: the engine thread stops and the lease is released, journaled.
        Confirmation::setAnswerForTests([&asked](const QString &, const QString &) {
            ++asked;
            return true;
        });
        const QString runId = window->runView()->controller()->snapshot()->runId;
        QVERIFY(!runId.isEmpty());
        QVERIFY(window->close());
        QCOMPARE(asked, 2);
        window.reset(); // the window's children (the controller and the launched run) go with it
        Confirmation::setAnswerForTests({});
        auto bob = RunLease::take(leaseFor(QStringLiteral("Bob Example")));
        QVERIFY2(bob.has_value(), qPrintable(bob ? QString() : bob.error().message));
        auto journal = JournalFactory::open(m_journal);
        QVERIFY(journal.has_value());
        const auto events = (*journal)->readAll();
        QVERIFY(events.has_value());
        bool released = false;
        for (const JournalEvent &e : *events)
            released = released
                || e.payload().value(QLatin1String("kind")).toString() == QLatin1String("lease_released");
        QVERIFY(released);
        bob->reset(); // Bob lets go again

        // Opened again, the run resumes from its journal.
        auto again = std::make_unique<MainWindow>(s);
        RunOpening reopening(*again, s);
        reopening.launch(choice());
        QTRY_VERIFY_WITH_TIMEOUT(bannerSays(*again, QStringLiteral("Resumed the unfinished run")), 30000);
        QCOMPARE(again->runView()->controller()->snapshot()->runId, runId);
        Confirmation::setAnswerForTests([](const QString &, const QString &) { return true; });
        QVERIFY(again->close());
        Confirmation::setAnswerForTests({});
    }

    void aChangedRunbookIsABannerNotASilentResume()
    {
        const QString runbook = m_dir.filePath(QStringLiteral("changing.yaml"));
        QFile f(runbook);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(kRunbook).replace("opening test", "changing test"));
        f.close();
        StartChoice c = choice();
        c.runbookPath = runbook;
        c.journal = m_dir.filePath(QStringLiteral("changing.journal"));
        CockpitSettings s = settings();
        Confirmation::setAnswerForTests([](const QString &, const QString &) { return true; });
        {
            MainWindow window(s);
            RunOpening opening(window, s);
            opening.launch(c);
            QTRY_VERIFY_WITH_TIMEOUT(window.runView()->controller(), 30000);
            QVERIFY(window.close());
        }
        Confirmation::setAnswerForTests({});
        QVERIFY(f.open(QIODevice::Append));
        f.write("    # soak reviewed again\n");
        f.close();

        MainWindow window(s);
        RunOpening opening(window, s);
        opening.launch(c);
        QTRY_VERIFY_WITH_TIMEOUT(
            bannerSays(window, QStringLiteral("the runbook changed since the run started")), 30000);
        QVERIFY(!window.runView()->controller());
    }

    // While the window is open: the file changing on disk is a banner saying what changed; the run goes on
    // with the runbook it started with; continuing with the change is the lead's decision, journaled.
    void aRunbookChangedWhileRunningIsShownAndContinuingIsADecision()
    {
        const QString runbook = m_dir.filePath(QStringLiteral("live.yaml"));
        const QByteArray text = QByteArray(kRunbook).replace("opening test", "live change test");
        {
            QFile f(runbook);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        StartChoice c = choice();
        c.runbookPath = runbook;
        c.journal = m_dir.filePath(QStringLiteral("live.journal"));
        CockpitSettings s = settings();
        MainWindow window(s);
        RunOpening opening(window, s);
        opening.launch(c);
        QTRY_VERIFY_WITH_TIMEOUT(window.runView()->controller()
                                     && window.runView()->controller()->snapshot()->startedAt.has_value(),
                                 30000);
        const QString runId = window.runView()->controller()->snapshot()->runId;
        RunbookChangeBanner *banner = window.runView()->runbookChangeBanner();
        QVERIFY(!banner->isVisibleTo(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.runView()->runbookWatcher()->path(),
                                  QFileInfo(runbook).absoluteFilePath(), 30000);

        // An editor's atomic replace: a new file renamed over the old one.
        QSaveFile save(runbook);
        QVERIFY(save.open(QIODevice::WriteOnly));
        save.write(text + "  - id: second\n    soak: 2h\n");
        QVERIFY(save.commit());
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisibleTo(&window), 30000);
        QVERIFY2(banner->text().contains(QStringLiteral("stage second added")), qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QStringLiteral("live.yaml")));
        // Nothing changed in the running run.
        QCOMPARE(window.runView()->controller()->snapshot()->stages.size(), 1);

        auto *proceed = banner->findChild<CommandButton *>(QStringLiteral("runbookChangeContinue"));
        QCOMPARE(proceed->blockedBy(), QStringLiteral("write a reason first"));
        banner->findChild<QLineEdit *>(QStringLiteral("runbookChangeReason"))
            ->setText(QStringLiteral("second stage agreed in the bridge call"));
        QVERIFY(proceed->isAvailable());
        QString asked;
        Confirmation::setAnswerForTests([&asked](const QString &, const QString &what) {
            asked = what;
            return true;
        });
        QTest::mouseClick(proceed->button(), Qt::LeftButton);
        QVERIFY2(asked.contains(QStringLiteral("stage second added")), qPrintable(asked));
        QTRY_VERIFY_WITH_TIMEOUT(window.runView()->controller()
                                     && window.runView()->controller()->snapshot()->stages.size() == 2,
                                 30000);
        QCOMPARE(window.runView()->controller()->snapshot()->runId, runId); // the same run, resumed
        QVERIFY(!banner->isVisibleTo(&window));

        auto journal = JournalFactory::open(c.journal);
        QVERIFY(journal.has_value());
        const auto events = (*journal)->readAll();
        QVERIFY(events.has_value());
        bool accepted = false;
        for (const JournalEvent &e : *events) {
            if (e.payload().value(QLatin1String("kind")).toString()
                != QLatin1String("runbook_change_accepted"))
                continue;
            accepted = true;
            QCOMPARE(e.actor(), QStringLiteral("Dana Weber"));
            QCOMPARE(e.payload().value(QLatin1String("reason")).toString(),
                     QStringLiteral("second stage agreed in the bridge call"));
            QVERIFY(e.payload()
                        .value(QLatin1String("changes"))
                        .toArray()
                        .contains(QStringLiteral("stage second added")));
        }
        QVERIFY(accepted);
        QVERIFY(window.close());
        Confirmation::setAnswerForTests({});
    }
};

QTEST_MAIN(tst_RunOpening)
#include "tst_RunOpening.moc"
