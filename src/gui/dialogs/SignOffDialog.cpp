#include "gui/dialogs/SignOffDialog.h"

#include "ui_SignOffDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeEdit>

namespace cockpit::gui {

namespace {
bool isOutcome(const SignOffField &f)
{
    return f.choices.contains(QStringLiteral("SUCCESS")) && f.choices.contains(QStringLiteral("ROLLBACK"));
}
} // namespace

QList<SignOffField> SignOffDialog::fieldsOf(const Runbook &runbook)
{
    if (!runbook.signOff.isEmpty())
        return runbook.signOff;
    // Without a `sign_off:` section: seed C's fields, which every cutover report asks for.
    return {{QStringLiteral("date"), tr("Date"), QStringLiteral("date"), {}, true},
            {QStringLiteral("time"), tr("Time"), QStringLiteral("time"), {}, true},
            {QStringLiteral("lead"), tr("Lead"), QStringLiteral("person"), {}, true},
            {QStringLiteral("outcome"),
             tr("Outcome"),
             QStringLiteral("choice"),
             {QStringLiteral("SUCCESS"), QStringLiteral("ROLLBACK")},
             true},
            {QStringLiteral("issues"), tr("Issues encountered"), QStringLiteral("multiline"), {}, false},
            {QStringLiteral("notes"), tr("Notes"), QStringLiteral("multiline"), {}, false}};
}

SignOffDialog::SignOffDialog(std::shared_ptr<const Runbook> runbook, const QString &person, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SignOffDialog>())
    , m_runbook(runbook ? std::move(runbook) : std::make_shared<const Runbook>())
    , m_spec(fieldsOf(*m_runbook))
{
    m_ui->setupUi(this);
    m_ui->intro->setText(tr("Sign off \"%1\". The sign-off is journaled with your name and cannot be changed "
                            "afterwards.")
                             .arg(m_runbook->name));
    for (const SignOffField &f : std::as_const(m_spec)) {
        QWidget *w = nullptr;
        if (!f.choices.isEmpty()) {
            auto *c = new QComboBox(this);
            c->addItem(QString {});
            c->addItems(f.choices);
            connect(c, &QComboBox::currentIndexChanged, this, &SignOffDialog::updateState);
            w = c;
        } else if (f.type == QLatin1String("date")) {
            auto *d = new QDateEdit(QDate::currentDate(), this);
            d->setCalendarPopup(true);
            d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
            w = d;
        } else if (f.type == QLatin1String("time")) {
            auto *t = new QTimeEdit(QTime::currentTime(), this);
            t->setDisplayFormat(QStringLiteral("HH:mm"));
            w = t;
        } else if (f.type == QLatin1String("multiline")) {
            auto *e = new QPlainTextEdit(this);
            e->setTabChangesFocus(true);
            e->setMaximumHeight(80);
            connect(e, &QPlainTextEdit::textChanged, this, &SignOffDialog::updateState);
            w = e;
        } else {
            auto *e = new QLineEdit(this);
            if (f.type == QLatin1String("person"))
                e->setText(person);
            connect(e, &QLineEdit::textChanged, this, &SignOffDialog::updateState);
            w = e;
        }
        w->setObjectName(QStringLiteral("field_") + f.name);
        m_fields.insert(f.name, w);
        m_ui->fieldsForm->addRow(f.required ? tr("%1 *").arg(f.label) : f.label, w);
    }

    for (const Communication &c : m_runbook->communications)
        m_ui->communication->addItem(
            c.audience.isEmpty() ? c.subject
                                 : tr("%1 — to %2").arg(c.title.isEmpty() ? c.id : c.title, c.audience),
            c.id);
    m_ui->communicationsBox->setVisible(!m_runbook->communications.isEmpty());
    connect(m_ui->communication, &QComboBox::currentIndexChanged, this, &SignOffDialog::showCommunication);
    connect(m_ui->copyMessage, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_ui->subject->text() + QStringLiteral("\n\n")
                                           + m_ui->message->toPlainText());
    });
    showCommunication(0);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign off"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

SignOffDialog::~SignOffDialog() = default;

void SignOffDialog::showCommunication(int index)
{
    const Communication c = m_runbook->communications.value(index);
    m_ui->subject->setText(c.subject);
    m_ui->message->setPlainText(c.body);
}

QString SignOffDialog::value(const QString &name) const
{
    QWidget *w = m_fields.value(name);
    if (auto *c = qobject_cast<QComboBox *>(w))
        return c->currentText();
    if (auto *d = qobject_cast<QDateEdit *>(w))
        return d->date().toString(Qt::ISODate);
    if (auto *t = qobject_cast<QTimeEdit *>(w))
        return t->time().toString(QStringLiteral("HH:mm"));
    if (auto *e = qobject_cast<QPlainTextEdit *>(w))
        return e->toPlainText().trimmed();
    if (auto *e = qobject_cast<QLineEdit *>(w))
        return e->text().trimmed();
    return {};
}

QString SignOffDialog::problem() const
{
    for (const SignOffField &f : m_spec)
        if (f.required && value(f.name).isEmpty())
            return tr("%1 is required.").arg(f.label);
    return {};
}

void SignOffDialog::updateState()
{
    const QString why = problem();
    m_ui->problem->setText(why);
    QPushButton *ok = m_ui->buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(why.isEmpty());
    ok->setToolTip(why);
}

EngineCommand SignOffDialog::command() const
{
    EngineCommand c;
    c.kind = EngineCommand::Kind::SignOff;
    QJsonObject fields;
    for (const SignOffField &f : m_spec) {
        const QString v = value(f.name);
        fields.insert(f.name, v);
        if (isOutcome(f))
            c.accept = v == QLatin1String("SUCCESS");
        else if (f.type == QLatin1String("person") && c.who.isEmpty())
            c.who = v;
    }
    c.reason = value(QStringLiteral("issues"));
    c.statement = value(QStringLiteral("notes"));
    c.fields = fields;
    return c;
}

} // namespace cockpit::gui
