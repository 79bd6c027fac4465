// The stakeholder wallboard as a room sees it: qml/Wallboard.qml loaded offscreen over a WallboardModel
// fed by a RunFollower on a lead's journal: a SQLite file (file watching) and a PostgreSQL journal read as
// the viewer role (LISTEN/NOTIFY, no polling). It shows the lead's appends as they come, and turns STALE
// (grey overlay) when they stop — on a fake wall clock, so no test waits for real time.

#include "engine/RunFollower.h"
#include "gui/GuiResources.h"
#include "gui/wallboard/WallboardModel.h"
#include "store/JournalFactory.h"
#include "store/PostgresJournal.h"
#include "support/ControllerHarness.h"
#include "support/TestPostgres.h"

#include <QQuickItem>
#include <QQuickView>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTemporaryDir>

using namespace cockpit;
using namespace cockpit::gui;
using namespace cockpit::test;

namespace {

constexpr qint64 kStart = 1800000000000;
constexpr qint64 kStaleAfter = 60 * 1000;

using OpenJournal = std::function<Expected<std::unique_ptr<Journal>, Error>()>;

// The lead's journal and the board's read of it.
struct JournalPair
{
    OpenJournal lead;
    OpenJournal board;
    bool polls = true; // false: the board must learn of appends through NOTIFY alone
};

JournalPair sqlitePair(const QString &path)
{
    JournalOpenOptions ro;
    ro.readOnly = true;
    return {[path]() { return JournalFactory::open(path); },
            [path, ro]() { return JournalFactory::open(path, ro); }, true};
}

PostgresJournalSpec pgSpec(const TestPostgres &pg, const QString &db, const QString &user)
{
    PostgresJournalSpec s;
    s.user = user;
    s.host = pg.host();
    s.port = pg.port();
    s.database = db;
    s.sslmode = QStringLiteral("verify-full");
    s.sslrootcert = pg.caFile();
    return s;
}

// The lead owns the journal and grants a viewer role; the board connects as that viewer.
JournalPair postgresPair(const TestPostgres &pg, const QString &db)
{
    const QString viewer = QStringLiteral("board_") + db.right(20);
    const PostgresJournalSpec owner = pgSpec(pg, db, pg.superuser());
    const PostgresJournalSpec asViewer = pgSpec(pg, db, viewer);
    OpenJournal lead = [owner, viewer]() -> Expected<std::unique_ptr<Journal>, Error> {
        auto j = PostgresJournal::open(owner, {});
        if (!j)
            return unexpected(j.error());
        if (auto ok = (*j)->init(viewer, "board-pw"); !ok)
            return unexpected(ok.error());
        return std::unique_ptr<Journal>(std::move(*j));
    };
    OpenJournal board = [asViewer]() -> Expected<std::unique_ptr<Journal>, Error> {
        auto j = PostgresJournal::open(asViewer, "board-pw");
        if (!j)
            return unexpected(j.error());
        return std::unique_ptr<Journal>(std::move(*j));
    };
    return {std::move(lead), std::move(board), false};
}

QString textOf(QQuickItem *root, const char *name)
{
    auto *item = root->findChild<QQuickItem *>(QLatin1String(name));
    return item ? item->property("text").toString() : QStringLiteral("<no item %1>").arg(QLatin1String(name));
}

bool visible(QQuickItem *root, const char *name)
{
    auto *item = root->findChild<QQuickItem *>(QLatin1String(name));
    return item && item->isVisible();
}

// The stage boxes' first lines ("✔ canary", "▶ full", ...).
QStringList stageTexts(QQuickItem *root)
{
    QStringList out;
    auto *stepper = root->findChild<QQuickItem *>(QStringLiteral("stepper"));
    if (!stepper)
        return out;
    for (QQuickItem *box : stepper->childItems())
        for (QQuickItem *column : box->childItems())
            if (!column->childItems().isEmpty())
                out << column->childItems().constFirst()->property("text").toString();
    return out;
}

QStringList blockerTexts(QQuickItem *root)
{
    QStringList out;
    if (auto *column = root->findChild<QQuickItem *>(QStringLiteral("blockers")))
        for (QQuickItem *line : column->childItems())
            if (line->isVisible())
                out << line->property("text").toString();
    return out;
}

} // namespace

class tst_WallboardModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_metrics;

private Q_SLOTS:
    void initTestCase()
    {
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        ensureResources();
        QVERIFY(m_dir.isValid());
        m_metrics = m_dir.filePath(QStringLiteral("metrics.db"));
        QVERIFY(execSqlite(m_metrics, QStringLiteral("CREATE TABLE metric_value (v double precision)")));
        QVERIFY(execSqlite(m_metrics, QStringLiteral("INSERT INTO metric_value VALUES (99)")));
    }

    void showsAppendsAndTurnsStaleWhenTheyStop_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres-viewer") << QStringLiteral("postgres");
    }

    void showsAppendsAndTurnsStaleWhenTheyStop()
    {
        QFETCH(QString, kind);
        JournalPair journals;
        if (kind == QLatin1String("sqlite")) {
            journals = sqlitePair(m_dir.filePath(QStringLiteral("wallboard.journal")));
        } else {
            auto pg = TestPostgres::fromEnv();
            QVERIFY2(pg.has_value(), qPrintable(pg ? QString() : pg.error().message));
            auto db = pg->createDatabase(QStringLiteral("wallboard"));
            QVERIFY2(db.has_value(), qPrintable(db ? QString() : db.error().message));
            journals = postgresPair(*pg, *db);
        }
        RolloutService svc;
        QVERIFY(svc.start());
        FakeClock engineClock(kStart);
        ThreadedRunController lead(
            controllerSetup(controllerRunbook(m_metrics, svc), &engineClock, journals.lead));
        const auto started = awaitOrAbort(lead.start(), 20000, "start");
        QVERIFY2(started.has_value(), qPrintable(started ? QString() : started.error().message));
        QTRY_VERIFY(!lead.snapshot()->runId.isEmpty());

        RunFollower::Options o;
        o.openJournal = journals.board;
        o.staleAfter = std::chrono::hours(1); // the board's own clock decides STALE here
        if (!journals.polls)
            o.poll = std::chrono::hours(1);
        RunFollower follower(o);
        FakeClock wall(kStart);
        WallboardModel model(&wall);
        model.setStaleAfter(kStaleAfter);
        connect(&follower, &RunFollower::snapshotChanged, &model, &WallboardModel::setSnapshot);
        connect(&follower, &RunFollower::eventsAppended, &model, &WallboardModel::appendEvents);
        const auto following = follower.start();
        QVERIFY2(following.has_value(), qPrintable(following ? QString() : following.error().message));

        QQuickView view;
        view.setInitialProperties({{QStringLiteral("board"), QVariant::fromValue<QObject *>(&model)}});
        view.setSource(QUrl(QStringLiteral("qrc:/qml/Wallboard.qml")));
        QVERIFY2(view.status() == QQuickView::Ready,
                 qPrintable(view.errors().isEmpty() ? QString() : view.errors().constFirst().toString()));
        QQuickItem *root = view.rootObject();
        QVERIFY(root);

        QTRY_COMPARE(textOf(root, "verdictWord"), QStringLiteral("GO"));
        QCOMPARE(textOf(root, "runName"), QStringLiteral("controller test"));
        QCOMPARE(textOf(root, "modeWord"), QStringLiteral("REHEARSAL"));
        QCOMPARE(stageTexts(root), QStringList({QStringLiteral("canary"), QStringLiteral("full")}));
        QVERIFY(textOf(root, "nextStep").contains(QLatin1String("canary")));
        QVERIFY(!visible(root, "staleOverlay"));

        wall.advance(5000);
        model.tick();
        QCOMPARE(textOf(root, "heartbeat"), QStringLiteral("♥ updated 5 s ago"));

        // The lead enters the canary: the board follows the append.
        QVERIFY(sendCommand(lead, EngineCommand::Kind::EnterStage, QStringLiteral("canary")));
        QTRY_COMPARE_WITH_TIMEOUT(stageTexts(root).value(0), QStringLiteral("▶ canary"), 20000);
        QCOMPARE(textOf(root, "heartbeat"), QStringLiteral("♥ updated just now"));
        QCOMPARE(textOf(root, "verdictWord"), QStringLiteral("HOLD"));
        QCOMPARE(textOf(root, "nextStep"), QStringLiteral("Next: full (100 % traffic)"));
        QTRY_VERIFY_WITH_TIMEOUT(
            blockerTexts(root).contains(QStringLiteral("▸ rollout action set-10 not done")), 20000);

        // Nothing new for longer than the board allows: the grey STALE overlay, never a frozen verdict.
        wall.advance(kStaleAfter + 1000);
        model.tick();
        QVERIFY(visible(root, "staleOverlay"));
        QVERIFY(textOf(root, "heartbeat").contains(QLatin1String("STALE")));
        const auto *panel = root->findChild<QQuickItem *>(QStringLiteral("verdictPanel"));
        QVERIFY(panel);
        QCOMPARE(panel->property("border").value<QObject *>()->property("color").value<QColor>(),
                 QColor(QStringLiteral("#9e9e9e")));

        // The lead confirms the write: news again, the overlay goes.
        QVERIFY(sendCommand(lead, EngineCommand::Kind::ConfirmWrite, QStringLiteral("set-10")));
        QTRY_VERIFY_WITH_TIMEOUT(!visible(root, "staleOverlay"), 20000);
        QCOMPARE(textOf(root, "heartbeat"), QStringLiteral("♥ updated just now"));
    }
};

QTEST_MAIN(tst_WallboardModel)
#include "tst_WallboardModel.moc"
