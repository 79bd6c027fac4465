#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace cockpit::gui {

// Asks before something changes the outside world (roll back, confirm a write, promote). The one modal
// question the window asks; tests answer it through setAnswerForTests instead of a dialog.
class Confirmation
{
public:
    static bool ask(QWidget *parent, const QString &title, const QString &whatItWillDo);
    static void setAnswerForTests(std::function<bool(const QString &title, const QString &text)> answer);
};

} // namespace cockpit::gui
