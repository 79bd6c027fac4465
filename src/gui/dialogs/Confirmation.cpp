#include "gui/dialogs/Confirmation.h"

#include <QMessageBox>
#include <QPushButton>

namespace cockpit::gui {

namespace {
std::function<bool(const QString &, const QString &)> &testAnswer()
{
    static std::function<bool(const QString &, const QString &)> answer;
    return answer;
}
} // namespace

bool Confirmation::ask(QWidget *parent, const QString &title, const QString &whatItWillDo)
{
    if (testAnswer())
        return testAnswer()(title, whatItWillDo);
    QMessageBox box(QMessageBox::Warning, title, whatItWillDo, QMessageBox::Cancel, parent);
    QPushButton *go = box.addButton(title, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == go;
}

void Confirmation::setAnswerForTests(std::function<bool(const QString &, const QString &)> answer)
{
    testAnswer() = std::move(answer);
}

} // namespace cockpit::gui
