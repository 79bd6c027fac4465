#pragma once

#include <QFrame>

class QLabel;

namespace cockpit::gui {

// An inline message above the tabs instead of a modal dialog: a refused command, a journal problem.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Info, Warning, Error };
    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Level level, const QString &text);
    QString text() const;

private:
    QLabel *m_text;
};

} // namespace cockpit::gui
