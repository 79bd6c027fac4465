#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace cockpit::gui {

// A button that changes the run, with a label under it saying why it is disabled (the same text is its
// tooltip). A disabled action that does not say why is the thing dashboards get blamed for.
class CommandButton : public QWidget
{
    Q_OBJECT

public:
    explicit CommandButton(const QString &text, QWidget *parent = nullptr);

    void setText(const QString &text);
    // enabled = whyNot.isEmpty()
    void setBlockedBy(const QString &whyNot);
    QString blockedBy() const { return m_whyNot; }
    QPushButton *button() const { return m_button; }
    bool isAvailable() const;
    // The keyboard shortcut of the window's action that clicks this button, named in its tooltip.
    void setShortcutHint(const QString &shortcut);

Q_SIGNALS:
    void clicked();
    void availabilityChanged();

private:
    QPushButton *m_button;
    QLabel *m_why;
    QString m_whyNot;
    QString m_shortcut;
};

} // namespace cockpit::gui
