// Not a test: puts the window into a state worth a screenshot for docs/screenshots (run it under
// /work/shared/tools/screenshot). SCENE: prerequisites | connections | signoff.
//   screenshot_scene prerequisites   example A checked against a loopback rollout manager, detail shown
//   screenshot_scene connections     the connections and credentials dialog of example A
//   screenshot_scene signoff         the sign-off dialog of example C with its communications
//   screenshot_scene validation CURRENT.journal EARLIER.journal [TAB [DAYS]]
//                                    the Validation tab of CURRENT's newest run with EARLIER's newest run
//                                    as the rehearsal overlay (two demo journals: their run ids are equal),
//                                    the first DAYS of the run shown

#include "charts/ValidationDataBuilder.h"
#include "core/runbook/RunbookLoader.h"
#include "demo/LoopbackHttpServer.h"
#include "engine/ThreadedRunController.h"
#include "gui/GuiResources.h"
#include "gui/RunView.h"
#include "gui/dialogs/SignOffDialog.h"
#include "gui/panels/PrerequisitesPanel.h"
#include "gui/panels/ValidationPanel.h"
#include "store/JournalFactory.h"
#include "support/ControllerHarness.h"
#include "support/TestEnv.h"

#include <QApplication>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

using namespace cockpit;
using namespace cockpit::gui;

namespace {

int validationScene(const QString &current, const QString &earlier, const QString &tab, int days)
{
    JournalOpenOptions o;
    o.readOnly = true;
    auto now = JournalFactory::open(current, o);
    auto then = JournalFactory::open(earlier, o);
    if (!now || !then)
        return 3;
    auto nowEvents = (*now)->readAll();
    auto thenEvents = (*then)->readAll();
    if (!nowEvents || !thenEvents)
        return 4;
    charts::ValidationDataBuilder builder;
    builder.append(*thenEvents);
    ValidationPanel panel;
    panel.resize(1400, 960);
    panel.show();
    panel.appendEvents(*nowEvents);
    panel.setRehearsal(std::make_shared<const charts::ValidationData>(builder.data()));
    if (days > 0) {
        QObject::connect(&panel, &ValidationPanel::frameShown, &panel, [&panel, days] {
            if (panel.following() && panel.data())
                panel.setRange(panel.data()->firstAt, panel.data()->firstAt + qint64(days) * 86400000);
        });
    }
    for (int i = 0; i < panel.views()->count(); ++i)
        if (panel.views()->tabText(i).startsWith(tab, Qt::CaseInsensitive))
            panel.views()->setCurrentIndex(i);
    return QApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    ensureResources();
    const QString scene = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("prerequisites");
    if (scene == QLatin1String("validation") && argc > 3)
        return validationScene(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                               argc > 4 ? QString::fromLocal8Bit(argv[4]) : QStringLiteral("Metrics"),
                               argc > 5 ? QString::fromLocal8Bit(argv[5]).toInt() : 0);
    LoopbackHttpServer rlm;
    rlm.route("GET", "/health", [](const LoopbackRequest &) {
        return LoopbackResponse::json(200, R"({"status":"healthy","processors_available":true})");
    });
    rlm.route("GET", "/config/rollout-percent", [](const LoopbackRequest &) {
        return LoopbackResponse::json(200, R"({"key":"rollout_percent","value":5})");
    });
    rlm.route("POST", "/process-full", [](const LoopbackRequest &) {
        LoopbackResponse r = LoopbackResponse::json(202, R"({"accepted":true})");
        r.withHeader("Deprecation", "true");
        r.withHeader("Sunset", "Sat, 01 Mar 2026 00:00:00 GMT");
        return r;
    });
    if (!rlm.startInThread())
        return 1;
    const bool signOff = scene == QLatin1String("signoff");
    const QString file = signOff ? QStringLiteral("resources/runbooks/c-maintenance-window-db-switch.yaml")
                                 : QStringLiteral("resources/runbooks/a-pipeline-rollout.yaml");
    QMap<QString, QString> params;
    if (!signOff)
        params = {{QStringLiteral("rlm_url"), QStringLiteral("http://127.0.0.1:%1").arg(rlm.port())},
                  {QStringLiteral("app_db_port"), QStringLiteral("1")}};
    auto rb = RunbookLoader::loadFile(test::sourcePath(file), params);
    if (!rb)
        return 2;
    QTemporaryDir dir;
    FakeClock clock(QDateTime::currentMSecsSinceEpoch());
    const QString journal = dir.filePath(QStringLiteral("scene.journal"));
    ThreadedRunController controller(
        test::controllerSetup(std::make_shared<const Runbook>(std::move(*rb)), &clock,
                              [journal]() { return JournalFactory::open(journal); }));
    if (!test::awaitOrAbort(controller.start(), 20000, "start").has_value())
        return 3;
    RunView view;
    view.setWindowTitle(QStringLiteral("Cutover Cockpit"));
    view.setController(&controller, {QStringLiteral("Dana Weber")});
    view.resize(1400, 860);
    view.show();
    auto *panel = view.findChild<PrerequisitesPanel *>();
    view.tabs()->setCurrentWidget(panel);
    if (signOff) {
        EngineCommand abort;
        abort.kind = EngineCommand::Kind::Abort;
        abort.who = QStringLiteral("Dana Weber");
        abort.reason = QStringLiteral("rehearsal over");
        controller.send(abort);
        QTimer::singleShot(800, &view, [&view] {
            view.openSignOff();
            if (auto *d = view.findChild<SignOffDialog *>()) {
                d->resize(760, 700);
                if (auto *c = qobject_cast<QComboBox *>(d->field(QStringLiteral("outcome"))))
                    c->setCurrentText(QStringLiteral("SUCCESS"));
                if (auto *e = qobject_cast<QPlainTextEdit *>(d->field(QStringLiteral("issues"))))
                    e->setPlainText(
                        QStringLiteral("Replica lag peaked at 40 s during the copy; within the window."));
            }
        });
        return QApplication::exec();
    }
    QTimer::singleShot(300, &view,
                       [panel] { panel->findChild<QPushButton *>(QStringLiteral("checkAll"))->click(); });
    QTimer::singleShot(1500, &view, [&view, panel, scene] {
        auto *table = panel->findChild<QTableView *>(QStringLiteral("prerequisites"));
        for (int r = 0; r < table->model()->rowCount(); ++r)
            if (table->model()->index(r, 0).data(Qt::UserRole + 1).toString()
                == QLatin1String("rollout-config"))
                table->setCurrentIndex(table->model()->index(r, 0));
        table->resizeColumnsToContents();
        if (scene == QLatin1String("connections"))
            view.openConnections();
    });
    return QApplication::exec();
}
