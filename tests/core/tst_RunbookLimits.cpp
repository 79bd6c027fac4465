// RunbookLoader and ParamFile against hostile files: a ${param} expansion bomb, values reused through
// YAML aliases, a file of many megabytes and a file with thousands of errors each end in one clear
// FILE:LINE:COL error instead of gigabytes of memory or minutes of work.
#include "core/runbook/ParamFile.h"
#include "core/runbook/RunbookLoader.h"
#include "core/runbook/YamlReader.h"
#include "support/ExpectValue.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

class tst_RunbookLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void longValueWithinTheLimitLoads();
    void expansionBombStopsAtTheReference();
    void aliasesOfALongValueAddUp();
    void runbookTooLarge();
    void runbookFileTooLarge();
    void paramFileTooLarge();
    void errorsStopAtTheLimit();
};

namespace {

QStringList positions(const Errors &errors)
{
    QStringList out;
    for (const Error &e : errors)
        out << QStringLiteral("%1:%2:%3: %4").arg(e.file).arg(e.line).arg(e.column).arg(e.message);
    return out;
}

QByteArray repeated(const QByteArray &s, int n)
{
    QByteArray out;
    out.reserve(s.size() * n);
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

// params: p is 1000 characters; `value` is the owner.
QByteArray withOwner(const QByteArray &value)
{
    return "runbook: 1\nname: bomb\nparams:\n  p: " + QByteArray(1000, 'x') + "\nowner: \"" + value + "\"\n";
}

} // namespace

void tst_RunbookLimits::longValueWithinTheLimitLoads()
{
    // 1000 references to a 1000-character parameter: 1 000 000 characters, under the limit.
    const auto r = RunbookLoader::loadText(withOwner(repeated("${p}", 1000)), QStringLiteral("t.yaml"));
    QVERIFY_VALUE(r);
    QCOMPARE(r->owner.size(), 1000 * 1000);
}

void tst_RunbookLimits::expansionBombStopsAtTheReference()
{
    // 2000 references: the 1049th takes the value past 1 048 576 characters. `owner: "` is 8 columns,
    // so that reference starts at column 9 + 1048 * 4.
    const auto r = RunbookLoader::loadText(withOwner(repeated("${p}", 2000)), QStringLiteral("t.yaml"));
    QVERIFY(!r.has_value());
    QCOMPARE(positions(r.error()),
             QStringList {QStringLiteral("t.yaml:5:%1: substituting \"${p}\" (1000 characters) here makes "
                                         "this value longer than 1048576 characters")
                              .arg(9 + 1048 * 4)});
}

void tst_RunbookLimits::aliasesOfALongValueAddUp()
{
    // One value of 1 000 000 characters, reused 40 times through an alias: each use is allowed, together
    // they pass 32 MiB characters at the 34th.
    QByteArray yaml = "runbook: 1\nname: aliases\nparams:\n  p: " + QByteArray(1000, 'x')
        + "\nroles:\n  r0: &v \"" + repeated("${p}", 1000) + "\"\n";
    for (int i = 1; i < 40; ++i)
        yaml += "  r" + QByteArray::number(i) + ": *v\n";
    const auto r = RunbookLoader::loadText(yaml, QStringLiteral("t.yaml"));
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().size(), 1);
    const Error &e = r.error().first();
    QCOMPARE(e.file, QStringLiteral("t.yaml"));
    QCOMPARE(e.line, 6); // an alias has the position of its anchor's value
    QVERIFY2(e.message.startsWith(QStringLiteral("the values of this file add up to more than 33554432 "
                                                 "characters after ${param} substitution")),
             qPrintable(e.message));
}

void tst_RunbookLimits::runbookTooLarge()
{
    // 5 MiB of comments before a valid runbook.
    const QByteArray yaml = repeated(QByteArray(63, '#') + '\n', 5 * 16 * 1024) + "runbook: 1\nname: big\n";
    const auto r = RunbookLoader::loadText(yaml, QStringLiteral("big.yaml"));
    QVERIFY(!r.has_value());
    QCOMPARE(positions(r.error()),
             QStringList {QStringLiteral("big.yaml:1:1: the runbook is %1 bytes; the limit is 4194304 bytes "
                                         "(4 MiB): a file this large is not a plan a person reviews")
                              .arg(yaml.size())});
}

void tst_RunbookLimits::runbookFileTooLarge()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("runbook: 1\nname: big\ndescription: \"");
    f.write(QByteArray(50 * 1024 * 1024, 'd'));
    f.write("\"\n");
    f.close();
    const auto r = RunbookLoader::loadFile(path);
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().size(), 1);
    QCOMPARE(r.error().first().line, 1);
    QCOMPARE(r.error().first().column, 1);
    QCOMPARE(r.error().first().file, path);
    QVERIFY2(r.error().first().message.startsWith(
                 QStringLiteral("the runbook is %1 bytes; the limit is 4194304 bytes").arg(f.size())),
             qPrintable(r.error().first().message));
}

void tst_RunbookLimits::paramFileTooLarge()
{
    const QByteArray text = "a: \"" + QByteArray(5 * 1024 * 1024, 'a') + "\"\n";
    const auto p = ParamFile::parse(text, QStringLiteral("p.yaml"));
    QVERIFY(!p.has_value());
    QCOMPARE(p.error().size(), 1);
    QVERIFY2(
        p.error().first().message.startsWith(
            QStringLiteral("the parameter file is %1 bytes; the limit is 4194304 bytes").arg(text.size())),
        qPrintable(p.error().first().message));

    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("p.yaml")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    const auto loaded = ParamFile::load(f.fileName());
    QVERIFY(!loaded.has_value());
    QCOMPARE(positions(loaded.error()), positions(p.error()).replaceInStrings("p.yaml", f.fileName()));
}

void tst_RunbookLimits::errorsStopAtTheLimit()
{
    // 20 000 unknown keys: the first 100 errors, sorted by position, then where reading stopped.
    QByteArray yaml = "runbook: 1\nname: errors\n";
    for (int i = 0; i < 20000; ++i)
        yaml += "unknown_" + QByteArray::number(i) + ": 1\n";
    const auto r = RunbookLoader::loadText(yaml, QStringLiteral("t.yaml"));
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().size(), 101);
    QCOMPARE(positions(r.error()).first(),
             QStringLiteral("t.yaml:3:1: unknown key \"unknown_0\" in the runbook"));
    QCOMPARE(positions(r.error())[99],
             QStringLiteral("t.yaml:102:1: unknown key \"unknown_99\" in the runbook"));
    QCOMPARE(positions(r.error()).last(),
             QStringLiteral("t.yaml:103:1: more than 100 errors: stopped reading here (fix the errors above, "
                            "then load the file again)"));

    // The same for a parameter file.
    QByteArray params;
    for (int i = 0; i < 20000; ++i)
        params += "bad-" + QByteArray::number(i) + ": 1\n";
    const auto p = ParamFile::parse(params, QStringLiteral("p.yaml"));
    QVERIFY(!p.has_value());
    QCOMPARE(p.error().size(), 101);
    QVERIFY(p.error().last().message.startsWith(QStringLiteral("more than 100 errors")));
}

QTEST_GUILESS_MAIN(tst_RunbookLimits)
#include "tst_RunbookLimits.moc"
