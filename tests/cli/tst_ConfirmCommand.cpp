// `confirm` from another terminal, with the real binary: the lead's `run` (no --yes, no terminal) waits for a
// write's confirmation and journals exactly what it would send (method, URL, body; a secret pasted into the
// body masked, in its base64 form too); `confirm` lists it, refuses anyone but the run's lead, an unknown
// write and a "no", and a confirmation goes through the journal to the lease holder, which sends the PUT
// once.

#include "core/journal/JournalEvent.h"
#include "demo/LoopbackHttpServer.h"
#include "store/JournalFactory.h"
#include "support/CliProcess.h"

#include <QAtomicInt>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace cockpit;
using namespace cockpit::test;

namespace {

const QByteArray kToken = QByteArrayLiteral("flags-Token-4417-secret");

QList<JournalEvent> eventsOf(const QString &journal, JournalEventType type, const QString &kind = {})
{
    QList<JournalEvent> out;
    auto j = JournalFactory::open(journal);
    if (!j)
        return out;
    auto all = (*j)->readAll();
    if (!all)
        return out;
    for (const JournalEvent &e : *all)
        if (e.type() == type
            && (kind.isEmpty() || e.payload().value(QLatin1String("kind")).toString() == kind))
            out << e;
    return out;
}

} // namespace

class tst_ConfirmCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void confirmedFromAnotherTerminal()
    {
        LoopbackHttpServer flags;
        QAtomicInt puts;
        QMutex mutex;
        QByteArray seenAuth;
        flags.route("PUT", "/rollout", [&](const LoopbackRequest &r) {
            QMutexLocker lock(&mutex);
            seenAuth = r.header("Authorization").value_or(QByteArray());
            puts.fetchAndAddOrdered(1);
            return LoopbackResponse::json(200, "{\"percent\": 10}");
        });
        QVERIFY(flags.startInThread());
        const QString runbook = m_dir.filePath(QStringLiteral("confirm.yaml"));
        {
            QFile f(runbook);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                QStringLiteral("runbook: 1\n"
                               "name: confirm elsewhere\n"
                               "params: {pasted: \"\"}\n"
                               "secrets:\n"
                               "  flags_token: {}\n"
                               "connections:\n"
                               "  flags: {http: {base_url: \"%1\", token: {secret: flags_token}}}\n"
                               "stages:\n"
                               "  - id: canary\n"
                               "    rollout:\n"
                               "      - {id: set-10, http: {connection: flags, method: PUT, path: /rollout,"
                               " json: {percent: 10, note: \"${pasted}\"}}, writes: true}\n"
                               "    soak: 1h\n"
                               "    gates:\n"
                               "      - {id: ok, manual: the canary looks fine}\n")
                    .arg(flags.url(QStringLiteral("/")).toString())
                    .toUtf8());
        }
        const QString journal = m_dir.filePath(QStringLiteral("confirm.journal"));
        // Someone pasted the token into a parameter, once plain and once base64: neither may be shown.
        const QString pasted = QString::fromLatin1(kToken + " / " + kToken.toBase64());
        QProcess lead;
        lead.setProcessChannelMode(QProcess::MergedChannels);
        startCockpit(lead,
                     {"run", runbook, "--mode", "rehearsal", "--journal", journal, "--as", "Dana Weber",
                      "--param", QStringLiteral("pasted=") + pasted},
                     {{QStringLiteral("COCKPIT_SECRET_FLAGS_TOKEN"), QString::fromLatin1(kToken)},
                      {QStringLiteral("HOME"), m_dir.path()}},
                     {QStringLiteral("DBUS_SESSION_BUS_ADDRESS")});
        QVERIFY(lead.waitForStarted());
        lead.closeWriteChannel(); // no terminal: decisions come from other terminals
        QByteArray leadOut;
        auto cleanup = qScopeGuard([&] {
            if (lead.state() != QProcess::NotRunning) {
                ::kill(pid_t(lead.processId()), SIGTERM);
                lead.waitForFinished(20000);
            }
        });

        QTRY_VERIFY_WITH_TIMEOUT((leadOut += lead.readAll()).contains("decide --journal"), 30000);
        CliRun r = runCockpit({"decide", "--journal", journal, "--enter", "canary", "--as", "Dana Weber"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QTRY_VERIFY_WITH_TIMEOUT(
            !eventsOf(journal, JournalEventType::Note, QStringLiteral("write_pending")).isEmpty(), 30000);
        const JournalEvent asked
            = eventsOf(journal, JournalEventType::Note, QStringLiteral("write_pending")).first();
        QCOMPARE(asked.payload().value(QLatin1String("action")).toString(), QStringLiteral("set-10"));

        // The list shows exactly what will be done, the secret masked in both forms.
        r = runCockpit({"confirm", "--journal", journal});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString url = flags.url(QStringLiteral("/rollout")).toString();
        QVERIFY2(r.outText().contains(QStringLiteral("PUT %1").arg(url)), qPrintable(r.describe()));
        QVERIFY2(r.outText().contains(QLatin1String("percent")), qPrintable(r.describe()));
        QVERIFY2(r.outText().contains(QLatin1String("with the token of secret flags_token")),
                 qPrintable(r.describe()));
        QVERIFY2(r.outText().contains(QLatin1String("*** / ***")), qPrintable(r.describe()));
        QVERIFY2(!r.out.contains(kToken) && !r.out.contains(kToken.toBase64()), qPrintable(r.describe()));
        QVERIFY(!eventsOf(journal, JournalEventType::Note).isEmpty());
        QCOMPARE(puts.loadAcquire(), 0);

        // Only the run's lead confirms; an unknown write and a "no" change nothing.
        r = runCockpit({"confirm", "--journal", journal, "set-10", "--as", "Ravi Patel", "--yes"});
        QVERIFY2(r.exitCode == 1 && r.errText().contains(QLatin1String("only the run's lead (Dana Weber)")),
                 qPrintable(r.describe()));
        r = runCockpit({"confirm", "--journal", journal, "set-50", "--as", "Dana Weber", "--yes"});
        QVERIFY2(r.exitCode == 1 && r.errText().contains(QLatin1String("waiting: set-10")),
                 qPrintable(r.describe()));
        r = runCockpit({"confirm", "--journal", journal, "set-10", "--as", "Dana Weber"}, {}, 60000, {},
                       "n\n");
        QVERIFY2(r.exitCode == 1
                     && r.outText().contains(QLatin1String("Confirm this write as Dana Weber? [y/N]")),
                 qPrintable(r.describe()));
        QVERIFY2(r.outText().contains(QStringLiteral("PUT %1").arg(url)), qPrintable(r.describe()));
        QCOMPARE(eventsOf(journal, JournalEventType::Approval).size(), 0);
        QCOMPARE(puts.loadAcquire(), 0);

        // Yes: journaled by the lead's name; the lease holder sends the PUT, once, with its token.
        r = runCockpit({"confirm", "--journal", journal, "set-10", "--as", "Dana Weber"}, {}, 60000, {},
                       "y\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QList<JournalEvent> approvals
            = eventsOf(journal, JournalEventType::Approval, QStringLiteral("confirm_write"));
        QCOMPARE(approvals.size(), 1);
        QCOMPARE(approvals.first().actor(), QStringLiteral("Dana Weber"));
        QCOMPARE(qint64(approvals.first().payload().value(QLatin1String("pending_seq")).toDouble()),
                 asked.seq());
        QTRY_COMPARE_WITH_TIMEOUT(puts.loadAcquire(), 1, 30000);
        {
            QMutexLocker lock(&mutex);
            QCOMPARE(seenAuth, QByteArray("Bearer " + kToken));
        }
        QTRY_VERIFY_WITH_TIMEOUT(eventsOf(journal, JournalEventType::ActionRun).size() >= 2,
                                 30000); // started, ok
        // Nothing waits any more; a second confirmation is refused and nothing is sent again.
        r = runCockpit({"confirm", "--journal", journal, "set-10", "--as", "Dana Weber", "--yes"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(puts.loadAcquire(), 1);
        QVERIFY2(lead.state() == QProcess::Running, leadOut.constData());
    }
};

QTEST_GUILESS_MAIN(tst_ConfirmCommand)
#include "tst_ConfirmCommand.moc"
