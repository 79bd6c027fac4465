#include "probes/CommandProbe.h"
#include "support/Await.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;

namespace {

// Waits in a real event loop (test::waitInEventLoop); an empty observation when it did not finish.
Observation await(const QFuture<Observation> &f)
{
    return test::awaitOr(f, Observation {});
}

CommandSpec spec(QStringList argv, std::chrono::milliseconds timeout = 10s)
{
    CommandSpec s;
    s.argv = std::move(argv);
    s.timeout = timeout;
    return s;
}

} // namespace

class tst_CommandProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitCodes_data();
    void exitCodes();
    void stdoutAndStderr();
    void noShellInterpretation();
    void workingDirectoryAndEnv();
    void timeoutKills();
    void timeoutKillsChildrenToo();
    void programNotFound();
    void emptyArgvAndBadDirectory();
    void outputCapped();
    void doesNotBlockCaller();
};

void tst_CommandProbe::exitCodes_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("code");
    QTest::newRow("success") << QStringLiteral("exit 0") << 0;
    QTest::newRow("failure") << QStringLiteral("exit 3") << 3;
    QTest::newRow("high") << QStringLiteral("exit 255") << 255;
}

void tst_CommandProbe::exitCodes()
{
    QFETCH(QString, script);
    QFETCH(int, code);
    const Observation o
        = await(CommandProbe::run(spec({QStringLiteral("/bin/sh"), QStringLiteral("-c"), script})));
    QCOMPARE(o.kind, Observation::Kind::Command);
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QVERIFY(o.connected);
    QCOMPARE(o.exitCode, code);
    QCOMPARE(o.target, QStringLiteral("/bin/sh"));
    QVERIFY(o.at.isValid());
    QCOMPARE(o.at.timeSpec(), Qt::UTC);
}

void tst_CommandProbe::stdoutAndStderr()
{
    const Observation o
        = await(CommandProbe::run(spec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                        QStringLiteral("echo out; echo err >&2; echo more")})));
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.stdOut, QByteArray("out\nmore\n"));
    QCOMPARE(o.stdErr, QByteArray("err\n"));
    const QJsonObject json = o.toJson();
    QCOMPARE(json.value(QStringLiteral("stdout")).toString(), QStringLiteral("out\nmore\n"));
    QCOMPARE(json.value(QStringLiteral("exit_code")).toInt(), 0);
}

void tst_CommandProbe::noShellInterpretation()
{
    // Arguments are passed literally: no word splitting, no ;, no $ expansion, no globbing.
    const Observation o = await(CommandProbe::run(spec(
        {QStringLiteral("printf"), QStringLiteral("[%s]"), QStringLiteral("a;b"), QStringLiteral("$HOME"),
         QStringLiteral("two words"), QStringLiteral("*"), QStringLiteral("`id`")})));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.stdOut, QByteArray("[a;b][$HOME][two words][*][`id`]"));
}

void tst_CommandProbe::workingDirectoryAndEnv()
{
    QTemporaryDir dir;
    CommandSpec s
        = spec({QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("pwd; echo \"$COCKPIT_X\"")});
    s.workingDirectory = dir.path();
    s.env.insert(QStringLiteral("COCKPIT_X"), QStringLiteral("from spec"));
    const Observation o = await(CommandProbe::run(s));
    QCOMPARE(o.exitCode, 0);
    const QList<QByteArray> lines = o.stdOut.split('\n');
    QCOMPARE(QString::fromUtf8(lines.value(0)), QFileInfo(dir.path()).canonicalFilePath());
    QCOMPARE(lines.value(1), QByteArray("from spec"));
}

void tst_CommandProbe::timeoutKills()
{
    QElapsedTimer t;
    t.start();
    const Observation o
        = await(CommandProbe::run(spec({QStringLiteral("sleep"), QStringLiteral("10")}, 500ms)));
    const qint64 took = t.elapsed();
    QVERIFY2(took >= 450, qPrintable(QString::number(took))); // the error text says it was killed
    QCOMPARE(o.error, QStringLiteral("timed out after 500ms (killed)"));
    QCOMPARE(o.exitCode, -1);
    QVERIFY(o.durationMs >= 450);
}

void tst_CommandProbe::timeoutKillsChildrenToo()
{
    // The script starts a grandchild and waits; on timeout both must be gone, not only the shell.
    const Observation o = await(CommandProbe::run(
        spec({QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("sleep 30 & echo $!; wait")},
             700ms)));
    QCOMPARE(o.error, QStringLiteral("timed out after 700ms (killed)"));
    bool ok = false;
    const qint64 grandchild = o.stdOut.trimmed().toLongLong(&ok);
    QVERIFY2(ok && grandchild > 0, o.stdOut.constData());
    const auto alive = [grandchild] {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(grandchild));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray line = stat.readAll();
        const qsizetype paren = line.lastIndexOf(')');
        return paren > 0 && line.mid(paren + 2, 1) != "Z"; // a zombie waiting for its reaper is dead
    };
    QVERIFY(QTest::qWaitFor([&] { return !alive(); }, 3000));
}

void tst_CommandProbe::programNotFound()
{
    const Observation o = await(CommandProbe::run(spec({QStringLiteral("no-such-program-cockpit")})));
    QCOMPARE(o.error, QStringLiteral("program not found: no-such-program-cockpit"));
    QVERIFY(!o.connected);
    QCOMPARE(o.exitCode, -1);
    const Observation abs = await(CommandProbe::run(spec({QStringLiteral("/nonexistent/bin/tool")})));
    QCOMPARE(abs.error, QStringLiteral("program not found: /nonexistent/bin/tool"));
}

void tst_CommandProbe::emptyArgvAndBadDirectory()
{
    const Observation empty = await(CommandProbe::run(spec({})));
    QVERIFY(empty.error.contains(QStringLiteral("no program")));
    CommandSpec s = spec({QStringLiteral("true")});
    s.workingDirectory = QStringLiteral("/nonexistent-cockpit-dir");
    const Observation bad = await(CommandProbe::run(s));
    QVERIFY(bad.error.contains(QStringLiteral("does not exist")));
}

void tst_CommandProbe::outputCapped()
{
    // 3 MiB on stdout: kept to 1 MiB, and the child is not blocked on a full pipe.
    const Observation o
        = await(CommandProbe::run(spec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                        QStringLiteral("head -c 3145728 /dev/zero; echo done >&2")})));
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.stdOut.size(), CommandProbe::MaxOutputBytes);
    QCOMPARE(o.stdErr, QByteArray("done\n"));
}

void tst_CommandProbe::doesNotBlockCaller()
{
    const QFuture<Observation> f = CommandProbe::run(spec({QStringLiteral("sleep"), QStringLiteral("2")}));
    QVERIFY(!f.isFinished()); // returned while the command still runs
    const Observation o = await(f);
    QCOMPARE(o.exitCode, 0);
}

QTEST_GUILESS_MAIN(tst_CommandProbe)
#include "tst_CommandProbe.moc"
