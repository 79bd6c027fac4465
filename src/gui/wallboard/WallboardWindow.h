#pragma once

#include <QObject>
#include <QString>
#include <memory>

class QQuickView;

namespace cockpit::gui {

class ViewerController;
class WallboardModel;

// `cutover-cockpit wallboard`: the run followed read-only (ViewerController: the follower on its own
// thread), worded by a WallboardModel and drawn by qml/Wallboard.qml in a QQuickView.
class WallboardWindow : public QObject
{
    Q_OBJECT

public:
    WallboardWindow(const QString &journalSpec, const QString &runId, QObject *parent = nullptr);
    ~WallboardWindow() override;

    // False (with the QML errors on stderr) when the QML does not load.
    bool load();
    void show(bool fullScreen);
    QQuickView *view() const { return m_view.get(); }
    WallboardModel *model() const { return m_model; }

private:
    WallboardModel *m_model = nullptr;
    ViewerController *m_controller = nullptr;
    std::unique_ptr<QQuickView> m_view;
};

} // namespace cockpit::gui
