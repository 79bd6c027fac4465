// The run's sign-off from the window: the runbook's sign_off fields (seed C), the communications with their
// parameters filled in, and a sign_off event journaled through a real controller once the run has ended.

#include "core/runbook/RunbookLoader.h"
#include "engine/ThreadedRunController.h"
#include "gui/RunView.h"
#include "gui/dialogs/SignOffDialog.h"
#include "store/JournalFactory.h"
#include "support/Await.h"
#include "support/ControllerHarness.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::gui;
using namespace cockpit::test;

namespace {
std::shared_ptr<const Runbook> signOffRunbook()
{
    const QByteArray yaml = R"(runbook: 1
name: sign-off test
params: {window_start: "Saturday 22:00 UTC"}
stages:
  - id: switch
    soak: 1h
    gates:
      - {id: dns, manual: The DNS points to the new site}
sign_off:
  fields:
    - {name: date, label: Date, type: date}
    - {name: time, label: Time, type: time}
    - {name: lead, label: Lead, type: person}
    - {name: outcome, label: Outcome, choices: [SUCCESS, ROLLBACK]}
    - {name: issues, label: Issues encountered, type: multiline, required: false}
    - {name: notes, label: Notes, type: multiline, required: false}
communications:
  - id: window-announcement
    audience: customers
    subject: "Scheduled maintenance on ${window_start}"
    body: |
      The application will be in maintenance mode from ${window_start}.
)";
    auto r = RunbookLoader::loadText(yaml, QStringLiteral("sign-off.yaml"));
    if (!r) {
        for (const Error &e : r.error())
            qWarning("%s", qPrintable(e.toString()));
        return nullptr;
    }
    return std::make_shared<const Runbook>(std::move(*r));
}
} // namespace

class tst_SignOffDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsAndCommunications();
    void journalsTheSignOff();
};

void tst_SignOffDialog::fieldsAndCommunications()
{
    const auto rb = signOffRunbook();
    QVERIFY(rb);
    SignOffDialog dialog(rb, QStringLiteral("Dana Weber"));
    QCOMPARE(qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("lead")))->text(),
             QStringLiteral("Dana Weber"));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // the outcome is required
    auto *outcome = qobject_cast<QComboBox *>(dialog.field(QStringLiteral("outcome")));
    outcome->setCurrentText(QStringLiteral("ROLLBACK"));
    QVERIFY(ok->isEnabled());
    const EngineCommand c = dialog.command();
    QCOMPARE(c.kind, EngineCommand::Kind::SignOff);
    QVERIFY(!c.accept);
    QCOMPARE(c.who, QStringLiteral("Dana Weber"));
    QCOMPARE(c.fields.value(QStringLiteral("outcome")).toString(), QStringLiteral("ROLLBACK"));
    // The communication with its parameter filled in.
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("subject"))->text(),
             QStringLiteral("Scheduled maintenance on Saturday 22:00 UTC"));
    QVERIFY(dialog.findChild<QPlainTextEdit *>(QStringLiteral("message"))
                ->toPlainText()
                .contains(QStringLiteral("from Saturday 22:00 UTC")));
}

void tst_SignOffDialog::journalsTheSignOff()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto rb = signOffRunbook();
    QVERIFY(rb);
    FakeClock clock(1'770'000'000'000);
    const QString journal = dir.filePath(QStringLiteral("s.journal"));
    ThreadedRunController controller(
        controllerSetup(rb, &clock, [journal]() { return JournalFactory::open(journal); }));
    QVERIFY(awaitOrAbort(controller.start(), 20000, "the run's start").has_value());
    RunView view;
    view.setController(&controller, {QStringLiteral("Dana Weber")});
    auto *button = view.findChild<QPushButton *>(QStringLiteral("signOffRun"));
    QVERIFY(!button->isEnabled()); // not before the run has ended
    EngineCommand abort;
    abort.kind = EngineCommand::Kind::Abort;
    abort.who = QStringLiteral("Dana Weber");
    abort.reason = QStringLiteral("rehearsal over");
    const CommandResult aborted = awaitOrAbort(controller.send(abort), 20000, "the abort");
    if (!aborted)
        QFAIL(qPrintable(aborted.error().message));
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 20000);

    QSignalSpy appended(&controller, &RunController::eventsAppended);
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = view.findChild<SignOffDialog *>();
    QVERIFY(dialog);
    qobject_cast<QComboBox *>(dialog->field(QStringLiteral("outcome")))
        ->setCurrentText(QStringLiteral("SUCCESS"));
    qobject_cast<QPlainTextEdit *>(dialog->field(QStringLiteral("notes")))
        ->setPlainText(QStringLiteral("all green"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    auto signedOff = [&] {
        for (const QList<QVariant> &args : std::as_const(appended))
            for (const JournalEvent &e : args.at(0).value<QList<JournalEvent>>())
                if (e.type() == JournalEventType::SignOff)
                    return e;
        return JournalEvent {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(signedOff().type() == JournalEventType::SignOff, 20000);
    const JournalEvent e = signedOff();
    QCOMPARE(e.actor(), QStringLiteral("Dana Weber"));
    QCOMPARE(e.payload().value(QStringLiteral("result")).toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(e.payload().value(QStringLiteral("notes")).toString(), QStringLiteral("all green"));
    QCOMPARE(e.payload().value(QStringLiteral("fields")).toObject().value(QStringLiteral("lead")).toString(),
             QStringLiteral("Dana Weber"));
    controller.stop();
}

QTEST_MAIN(tst_SignOffDialog)
#include "tst_SignOffDialog.moc"
