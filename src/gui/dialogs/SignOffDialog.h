#pragma once

#include "core/runbook/Runbook.h"
#include "engine/EngineCommand.h"

#include <QDialog>
#include <QHash>
#include <memory>

namespace Ui {
class SignOffDialog;
}

namespace cockpit::gui {

// The run's sign-off (ui/SignOffDialog.ui) with the runbook's `sign_off` fields (seed C: date, time, lead,
// SUCCESS / ROLLBACK, issues encountered, notes; a default set when the runbook has none), and the runbook's
// `communications` with their parameters filled in, ready to copy. The result is a SignOff command the
// view sends to the controller, which journals the sign_off event.
class SignOffDialog : public QDialog
{
    Q_OBJECT

public:
    SignOffDialog(std::shared_ptr<const Runbook> runbook, const QString &person, QWidget *parent = nullptr);
    ~SignOffDialog() override;

    EngineCommand command() const;
    QWidget *field(const QString &name) const { return m_fields.value(name); }
    static QList<SignOffField> fieldsOf(const Runbook &runbook);

private:
    QString value(const QString &name) const;
    QString problem() const; // empty when the sign-off may be sent
    void updateState();
    void showCommunication(int index);

    std::unique_ptr<Ui::SignOffDialog> m_ui;
    std::shared_ptr<const Runbook> m_runbook;
    QList<SignOffField> m_spec;
    QHash<QString, QWidget *> m_fields;
};

} // namespace cockpit::gui
