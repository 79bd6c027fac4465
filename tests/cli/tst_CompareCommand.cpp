// The real binary: `compare` on a SQLite journal holding a rehearsal and a live run of one runbook (made with
// the planner on a fake clock and appended through the store API, runbook note included, as `run` does).

#include "cli/CompareCommand.h"
#include "engine/RunCommands.h"
#include "store/JournalFactory.h"
#include "support/CliProcess.h"
#include "support/RunHarness.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

class tst_CompareCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_journal; // rehearsal + live
    QString m_otherJournal; // a live run of an edited runbook
    QString m_rehearsalId;
    QString m_liveId;
    QString m_otherId;

private Q_SLOTS:
    void initTestCase();
    void helpListsTheCommand();
    void tableShowsTheDifferences();
    void jsonShowsTheDifferences();
    void unknownRunListsTheRuns();
    void runsInTwoJournals();
    void journalIsOnlyRead();
};

namespace {

constexpr qint64 kMin = RunHarness::kMin;
constexpr qint64 kHour = RunHarness::kHour;
constexpr qint64 kDay = RunHarness::kDay;

const QString kDana = QStringLiteral("Dana Weber");
const QString kLena = QStringLiteral("Lena Hoffmann");

std::unique_ptr<RunHarness> startRun(const std::shared_ptr<const Runbook> &rb, RunMode mode, qint64 offset,
                                     const QString &sha)
{
    auto h = std::make_unique<RunHarness>(rb, mode, RunHarness::kStart + offset);
    h->info.runbookSha256 = sha;
    h->start();
    h->append(RunCommands::runbookNote(h->info.id, h->clock.now(), *rb));
    return h;
}

// Canary: rollout `rolloutMs`, soak `soakMs`, promoted; full: rolled back by the trigger (live) or completed.
std::unique_ptr<RunHarness> makeRun(const std::shared_ptr<const Runbook> &rb, RunMode mode, qint64 offset,
                                    const QString &sha, qint64 rolloutMs, qint64 soakMs, bool rollback)
{
    auto h = startRun(rb, mode, offset, sha);
    auto dropFrom = std::make_shared<qint64>(std::numeric_limits<qint64>::max());
    h->metric = [dropFrom](const QString &, qint64 now) {
        return std::optional<double>(now >= *dropFrom ? 80 : 99);
    };
    h->ok(RunPlanner::enterStage(h->state, h->clock.now(), QStringLiteral("canary"), kDana));
    const qint64 soak = h->rollOut(rolloutMs);
    h->runUntil(soak + soakMs);
    h->ok(RunPlanner::confirmManualGate(h->state, h->clock.now(), QStringLiteral("complaints"), kLena,
                                        QStringLiteral("no tickets")));
    h->ok(RunPlanner::promote(h->state, h->clock.now(), kDana));
    const qint64 fullSoak = h->rollOut(2 * kMin);
    if (rollback) {
        *dropFrom = fullSoak + 2 * kHour;
        h->runUntil(fullSoak + 3 * kHour);
        h->ok(RunPlanner::abort(h->state, h->clock.now(), kDana, QStringLiteral("postponed")));
    } else {
        h->runUntil(fullSoak + 13 * kHour);
        h->ok(RunPlanner::promote(h->state, h->clock.now(), kDana));
    }
    return h;
}

bool store(const QString &path, const QList<const RunHarness *> &runs)
{
    auto journal = JournalFactory::open(path);
    if (!journal)
        return false;
    for (const RunHarness *h : runs) {
        for (const JournalEvent &e : h->journal) {
            if (!(*journal)->append({e.runId(), e.at(), e.type(), e.actor(), e.payload()}))
                return false;
        }
    }
    return true;
}

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

QStringList args(std::initializer_list<QString> list)
{
    return QStringList(list);
}

} // namespace

void tst_CompareCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto rb = loadRunbook(comparisonRunbook());
    QVERIFY(rb);
    const QString sha = QStringLiteral("5ca1ab1e5ca1ab1e5ca1ab1e");
    // Rehearsal: set-10 3 min, canary soak 24 h, completes. Live a week later: 7 min, 26 h, rolled back.
    const auto rehearsal = makeRun(rb, RunMode::Rehearsal, 0, sha, 3 * kMin, 24 * kHour, false);
    const auto live = makeRun(rb, RunMode::Live, 7 * kDay, sha, 7 * kMin, 26 * kHour, true);
    QCOMPARE(rehearsal->state.outcome(), QStringLiteral("completed"));
    QCOMPARE(live->state.outcome(), QStringLiteral("rolled_back"));
    m_rehearsalId = rehearsal->info.id;
    m_liveId = live->info.id;
    m_journal = m_dir.filePath(QStringLiteral("runs.journal"));
    QVERIFY(store(m_journal, {rehearsal.get(), live.get()}));

    const auto other
        = makeRun(rb, RunMode::Live, 9 * kDay, QStringLiteral("0ddba11"), 5 * kMin, 24 * kHour, false);
    m_otherId = other->info.id;
    m_otherJournal = m_dir.filePath(QStringLiteral("other.journal"));
    QVERIFY(store(m_otherJournal, {other.get()}));
}

void tst_CompareCommand::helpListsTheCommand()
{
    const CliRun top = runCockpit({QStringLiteral("--help")});
    QCOMPARE(top.exitCode, 0);
    QVERIFY2(top.out.contains("  compare  "), top.out.constData());
    const CliRun help = runCockpit({QStringLiteral("compare"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("Usage: cutover-cockpit compare [options] RUN_A RUN_B"));
    QVERIFY(help.out.contains("--journal <SPEC>"));
    QVERIFY(help.out.contains("--json"));
    const CliRun missing
        = runCockpit({QStringLiteral("compare"), QStringLiteral("--journal"), m_journal, m_liveId});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("name two runs"));
}

void tst_CompareCommand::tableShowsTheDifferences()
{
    // Runs named by prefixes of their ids, like git.
    const CliRun r = runCockpit(args({QStringLiteral("compare"), QStringLiteral("--journal"), m_journal,
                                      QStringLiteral("rehearsal-"), QStringLiteral("live")}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.startsWith(QStringLiteral("Two runs of \"compare test\"\n")), qPrintable(out));
    QVERIFY(!out.contains(QStringLiteral("warning:")));
    auto line = [&out](const QString &start) {
        for (const QString &l : out.split(u'\n')) {
            if (l.simplified().startsWith(start))
                return l.simplified();
        }
        return QString();
    };
    QCOMPARE(line(QStringLiteral("run ")), QStringLiteral("run %1 %2").arg(m_rehearsalId, m_liveId));
    QCOMPARE(line(QStringLiteral("mode")), QStringLiteral("mode rehearsal live"));
    QCOMPARE(line(QStringLiteral("outcome")), QStringLiteral("outcome completed rolled_back"));
    // canary is the first stage: its soak row comes first. 24 h vs 26 h.
    QCOMPARE(line(QStringLiteral("soak")), QStringLiteral("soak 1d (planned 1d) 1d2h (planned 1d) +2h"));
    QCOMPARE(line(QStringLiteral("rollout to promotion")),
             QStringLiteral("rollout to promotion 1d3m 1d2h7m +2h4m"));
    QCOMPARE(line(QStringLiteral("gate complaints")),
             QStringLiteral("gate complaints Lena Hoffmann (confirmed) Lena Hoffmann (confirmed)"));
    QCOMPARE(line(QStringLiteral("rollout canary/set-10")),
             QStringLiteral("rollout canary/set-10 ok 3m ok 7m +4m"));
    QCOMPARE(line(QStringLiteral("rollback full/set-0")), QStringLiteral("rollback full/set-0 - ok 4m"));
    QCOMPARE(line(QStringLiteral("A none")), QStringLiteral("A none"));
    QCOMPARE(line(QStringLiteral("B in full")),
             QStringLiteral("B in full, trigger low-success, took 8m of target 15m (within target), ok"));
    // full was rolled back live: its short soak is not set against the rehearsal's as a difference.
    QVERIFY(out.contains(QStringLiteral("rolled back T+1d4h12m")));
    QCOMPARE(line(QStringLiteral("rollbacks")), QStringLiteral("rollbacks 0 1 +1"));
    QVERIFY(out.contains(QStringLiteral("rolled back T+")));
}

void tst_CompareCommand::jsonShowsTheDifferences()
{
    const CliRun r = runCockpit({QStringLiteral("compare"), QStringLiteral("--journal"), m_journal,
                                 m_rehearsalId, m_liveId, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QJsonParseError error {};
    const QJsonObject j = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(j.value(QStringLiteral("format")).toString(), QStringLiteral("cutover-cockpit-run-comparison"));
    QCOMPARE(j.value(QStringLiteral("same_runbook")).toBool(), true);
    QCOMPARE(j.value(QStringLiteral("a")).toObject().value(QStringLiteral("run_id")).toString(),
             m_rehearsalId);
    QCOMPARE(j.value(QStringLiteral("b")).toObject().value(QStringLiteral("mode")).toString(),
             QStringLiteral("live"));
    const QJsonObject canary = j.value(QStringLiteral("stages")).toArray().at(0).toObject();
    QCOMPARE(canary.value(QStringLiteral("stage")).toString(), QStringLiteral("canary"));
    QCOMPARE(canary.value(QStringLiteral("soak_delta_ms")).toDouble(), double(2 * kHour));
    QCOMPARE(canary.value(QStringLiteral("a")).toObject().value(QStringLiteral("soak_ms")).toDouble(),
             double(24 * kHour));
    const QJsonObject full = j.value(QStringLiteral("stages")).toArray().at(1).toObject();
    QCOMPARE(full.value(QStringLiteral("b")).toObject().value(QStringLiteral("end")).toString(),
             QStringLiteral("rolled_back"));
    const QJsonArray rollbacks
        = j.value(QStringLiteral("b")).toObject().value(QStringLiteral("rollbacks")).toArray();
    QCOMPARE(rollbacks.size(), 1);
    QCOMPARE(rollbacks.at(0).toObject().value(QStringLiteral("duration_ms")).toDouble(), double(8 * kMin));
    QCOMPARE(rollbacks.at(0).toObject().value(QStringLiteral("trigger")).toString(),
             QStringLiteral("low-success"));
    QCOMPARE(j.value(QStringLiteral("totals")).toObject().value(QStringLiteral("rollbacks_delta")).toInt(),
             1);
}

void tst_CompareCommand::unknownRunListsTheRuns()
{
    const CliRun r = runCockpit({QStringLiteral("compare"), QStringLiteral("--journal"), m_journal,
                                 m_rehearsalId, QStringLiteral("live-1999")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err).simplified();
    QVERIFY2(err.contains(QStringLiteral("no run 'live-1999' in the journal")), qPrintable(err));
    QVERIFY2(err.contains(m_rehearsalId
                          + QStringLiteral(" rehearsal, \"compare test\", started 2027-01-15 08:00:00Z, "
                                           "completed")),
             qPrintable(err));
    QVERIFY(err.contains(m_liveId + QStringLiteral(" live, \"compare test\"")));
    QVERIFY(err.contains(QStringLiteral("rolled_back")));

    // Prefixes: a unique one picks its run; one shared by two runs is refused with the matches listed.
    QList<JournalEvent> events;
    for (const QString &id :
         {QStringLiteral("rehearsal-a1"), QStringLiteral("rehearsal-a2"), QStringLiteral("live-b")}) {
        RunInfo info;
        info.id = id;
        info.runbook = QStringLiteral("rb");
        info.startedAt = RunHarness::kStart;
        events.append(
            JournalEvent::seal(RunEvents::runStarted(info), events.size() + 1,
                               events.isEmpty() ? JournalEvent::genesisHash() : events.last().hash()));
    }
    QCOMPARE(cli::CompareCommand::resolveRun(events, QStringLiteral("rehearsal-a2"), QStringLiteral("j"))
                 .value_or(QString()),
             QStringLiteral("rehearsal-a2"));
    QCOMPARE(
        cli::CompareCommand::resolveRun(events, QStringLiteral("l"), QStringLiteral("j")).value_or(QString()),
        QStringLiteral("live-b"));
    const auto ambiguous
        = cli::CompareCommand::resolveRun(events, QStringLiteral("rehearsal-a"), QStringLiteral("j"));
    QVERIFY(!ambiguous);
    QVERIFY(ambiguous.error().contains(QStringLiteral("'rehearsal-a' is ambiguous")));
    QVERIFY(ambiguous.error().contains(QStringLiteral("rehearsal-a1")));
    QVERIFY(ambiguous.error().contains(QStringLiteral("rehearsal-a2")));
    QVERIFY(!ambiguous.error().contains(QStringLiteral("live-b")));
    QVERIFY(!cli::CompareCommand::resolveRun({}, QStringLiteral("x"), QStringLiteral("j")));
}

void tst_CompareCommand::runsInTwoJournals()
{
    const CliRun r = runCockpit({QStringLiteral("compare"), QStringLiteral("--journal"), m_journal,
                                 QStringLiteral("--journal"), m_otherJournal, m_rehearsalId, m_otherId});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString out = QString::fromUtf8(r.out);
    // The other run loaded an edited runbook: the comparison says so.
    QVERIFY2(out.contains(QStringLiteral("warning: the runbook \"compare test\" changed between the runs")),
             qPrintable(out));
    QVERIFY(out.contains(m_otherId));
    // RUN_B is looked up in the second journal only.
    const CliRun wrong = runCockpit({QStringLiteral("compare"), QStringLiteral("--journal"), m_journal,
                                     QStringLiteral("--journal"), m_otherJournal, m_rehearsalId, m_liveId});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY(wrong.err.contains(m_otherId.toUtf8()));
}

void tst_CompareCommand::journalIsOnlyRead()
{
    const QByteArray before = sha256Of(m_journal);
    QVERIFY(!before.isEmpty());
    QVERIFY(QFile::setPermissions(m_journal, QFile::ReadOwner | QFile::ReadGroup));
    const CliRun r = runCockpit(
        {QStringLiteral("compare"), QStringLiteral("--journal"), m_journal, m_rehearsalId, m_liveId});
    QVERIFY(QFile::setPermissions(m_journal, QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(sha256Of(m_journal), before);
    const CliRun verify = runCockpit(
        {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), m_journal});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
}

QTEST_GUILESS_MAIN(tst_CompareCommand)
#include "tst_CompareCommand.moc"
