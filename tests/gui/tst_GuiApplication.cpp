// When `demo` may open a window: a display is set and Qt is not told to draw offscreen. The tests and CI
// run without one, so `demo` stays on the terminal there (tst_DemoCommand relies on it).

#include "gui/GuiApplication.h"

#include <QTest>

using cockpit::gui::GuiApplication;

class tst_GuiApplication : public QObject
{
    Q_OBJECT

    static bool availableWith(const QByteArray &platform, const QByteArray &display,
                              const QByteArray &wayland)
    {
        const auto set = [](const char *name, const QByteArray &value) {
            if (value.isNull())
                qunsetenv(name);
            else
                qputenv(name, value);
        };
        set("QT_QPA_PLATFORM", platform);
        set("DISPLAY", display);
        set("WAYLAND_DISPLAY", wayland);
        return GuiApplication::displayAvailable();
    }

private Q_SLOTS:
    void aDisplayIsNeededAndOffscreenIsNone()
    {
        const QByteArray platform = qgetenv("QT_QPA_PLATFORM"), display = qgetenv("DISPLAY"),
                         wayland = qgetenv("WAYLAND_DISPLAY");
        QVERIFY(availableWith({}, ":0", {}));
        QVERIFY(availableWith({}, {}, "wayland-0"));
        QVERIFY(availableWith("xcb", ":1", {}));
        QVERIFY(!availableWith({}, {}, {}));
        QVERIFY(!availableWith({}, "", {})); // DISPLAY= as the tests set it
        QVERIFY(!availableWith("offscreen", ":0", {}));
        QVERIFY(!availableWith("minimal", ":0", "wayland-0"));
        availableWith(platform.isEmpty() ? QByteArray() : platform, display, wayland);
    }
};

QTEST_GUILESS_MAIN(tst_GuiApplication)
#include "tst_GuiApplication.moc"
