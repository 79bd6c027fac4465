#include "gui/GuiApplication.h"

#include "gui/CockpitSettings.h"
#include "gui/DemoSession.h"
#include "gui/FirstPaintProbe.h"
#include "gui/GuiArguments.h"
#include "gui/GuiResources.h"
#include "gui/MainWindow.h"
#include "gui/RunOpening.h"
#include "gui/wallboard/WallboardWindow.h"

#include <QApplication>
#include <QLocale>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTimer>
#include <QTranslator>

namespace cockpit::gui {

namespace {
void setUp()
{
    QApplication::setApplicationName(QStringLiteral("cutover-cockpit"));
    QApplication::setOrganizationName(QStringLiteral("cutover-cockpit"));
    QApplication::setApplicationVersion(QStringLiteral(COCKPIT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("cutover-cockpit"));
    ensureResources();
}

void translate(QTranslator &translator, const CockpitSettings &settings)
{
    const QString language = settings.language();
    if (translator.load(language.isEmpty() ? QLocale() : QLocale(language), QStringLiteral("cutover-cockpit"),
                        QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
}
} // namespace

bool GuiApplication::displayAvailable()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (platform.startsWith("offscreen") || platform.startsWith("minimal"))
        return false;
    return !qgetenv("DISPLAY").isEmpty() || !qgetenv("WAYLAND_DISPLAY").isEmpty();
}

int GuiApplication::runDemo(int argc, char **argv, const QStringList &demoArgs, const QString &tab)
{
    QApplication app(argc, argv);
    setUp();
    CockpitSettings settings;
    QTranslator translator;
    translate(translator, settings);
    MainWindow window(settings);
    RunOpening opening(window, settings);
    DemoSession demo(window, opening, demoArgs, tab);
    FirstPaintProbe::installIfAsked(&window);
    window.show();
    QTimer::singleShot(0, &window, [&demo] { demo.start(); });
    return QApplication::exec();
}

int GuiApplication::runWallboard(int argc, char **argv, const GuiArguments &args)
{
    // The board repaints about once a second: the software renderer needs no GPU driver (kiosk PCs,
    // virtual machines, Xvfb) and is plenty fast for it.
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QApplication app(argc, argv);
    setUp();
    CockpitSettings settings;
    QTranslator translator;
    translate(translator, settings);
    WallboardWindow board(args.journal, args.runId);
    if (!board.load())
        return 1;
    board.show(!args.windowed);
    return QApplication::exec();
}

int GuiApplication::run(int argc, char **argv, const GuiArguments &args)
{
    if (args.kind == GuiArguments::Kind::Wallboard)
        return runWallboard(argc, argv, args);
    QApplication app(argc, argv);
    setUp();
    CockpitSettings settings;
    QTranslator translator;
    translate(translator, settings);

    MainWindow window(settings);
    RunOpening opening(window, settings);
    FirstPaintProbe::installIfAsked(&window);
    window.show();
    // After the first paint, so the window is there before a dialog or a slow journal.
    QTimer::singleShot(0, &window, [&] {
        if (args.kind == GuiArguments::Kind::Open)
            opening.openRunbook(args.runbook, args);
        else if (args.kind == GuiArguments::Kind::Viewer)
            opening.watchJournal(args.journal);
    });
    return QApplication::exec();
}

} // namespace cockpit::gui
