#include "gui/wallboard/WallboardWindow.h"

#include "gui/GuiResources.h"
#include "gui/ViewerController.h"
#include "gui/wallboard/WallboardModel.h"

#include <QQuickView>
#include <QScreen>
#include <cstdio>

namespace cockpit::gui {

WallboardWindow::WallboardWindow(const QString &journalSpec, const QString &runId, QObject *parent)
    : QObject(parent)
    , m_model(new WallboardModel(nullptr, this))
    , m_controller(new ViewerController(journalSpec, this, runId))
{
    ensureResources();
    connect(m_controller, &RunController::snapshotChanged, m_model, &WallboardModel::setSnapshot);
    connect(m_controller, &RunController::eventsAppended, m_model, &WallboardModel::appendEvents);
    connect(m_controller, &RunController::failed, m_model, [this](const Error &error) {
        m_model->setMessage(tr("Cannot follow the journal: %1").arg(error.message));
    });
}

WallboardWindow::~WallboardWindow()
{
    // The view goes first: its bindings read the model.
    m_view.reset();
}

bool WallboardWindow::load()
{
    m_view = std::make_unique<QQuickView>();
    m_view->setTitle(tr("Cutover Cockpit — wallboard"));
    m_view->setResizeMode(QQuickView::SizeRootObjectToView);
    m_view->setInitialProperties({{QStringLiteral("board"), QVariant::fromValue<QObject *>(m_model)}});
    m_view->setSource(QUrl(QStringLiteral("qrc:/qml/Wallboard.qml")));
    if (m_view->status() != QQuickView::Ready) {
        for (const QQmlError &e : m_view->errors())
            std::fprintf(stderr, "cutover-cockpit: wallboard: %s\n", qPrintable(e.toString()));
        return false;
    }
    m_controller->start();
    return true;
}

void WallboardWindow::show(bool fullScreen)
{
    if (fullScreen) {
        // Without a window manager (a kiosk X session) full screen is only a request: size it ourselves.
        m_view->setGeometry(m_view->screen()->geometry());
        m_view->showFullScreen();
    } else {
        m_view->resize(1600, 900);
        m_view->show();
    }
}

} // namespace cockpit::gui
