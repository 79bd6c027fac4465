// The evidence PDF read back with pdftotext: every section with the right numbers, the tamper warning on
// the cover, no secret, the rehearsal comparison. Journals come from the planner on a FakeClock.
#include "EvidenceJournals.h"
#include "core/base/Redactor.h"
#include "report/EvidenceBundle.h"
#include "report/EvidenceReport.h"
#include "report/EvidenceSections.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::test;

namespace {

// The PDF's text, one entry per page, whitespace collapsed (a table cell wraps onto lines).
QStringList pdfPages(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    QStringList pages = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    for (QString &page : pages)
        page = page.simplified();
    return pages;
}

QString fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class tst_EvidenceReport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Writes the report of `events`; the pages of its text, or a failure.
    QStringList report(const QList<JournalEvent> &events, const QString &name,
                       report::EvidenceResult *result = nullptr, const QString &runId = {})
    {
        // COCKPIT_REPORT_KEEP=DIR keeps the PDFs for looking at them (pdftoppm).
        const QString keep = qEnvironmentVariable("COCKPIT_REPORT_KEEP");
        const QString pdf
            = (keep.isEmpty() ? m_dir.path() : keep) + QLatin1Char('/') + name + QStringLiteral(".pdf");
        auto written = report::EvidenceReport::write(evidence::input(events, runId), pdf,
                                                     report::EvidenceReport::jsonBeside(pdf));
        if (!written) {
            qWarning("%s", qPrintable(written.error()));
            return {};
        }
        if (result)
            *result = *written;
        return pdfPages(pdf);
    }

private Q_SLOTS:
    void happyPathShowsEverySection()
    {
        const QList<JournalEvent> events = evidence::run({});
        report::EvidenceResult r;
        const QStringList pages = report(events, QStringLiteral("happy"), &r);
        QVERIFY(pages.size() > 3);
        const QString all = pages.join(QLatin1Char('\n'));
        QVERIFY(pages[0].contains(QStringLiteral("Outcome: SUCCESS")));
        QVERIFY(pages[0].contains(r.runId));
        QVERIFY(pages[0].contains(QStringLiteral("Dana Weber")));
        QVERIFY(pages[0].contains(r.head.toString().left(40)));
        for (qsizetype i = 0; i < pages.size(); ++i) {
            QVERIFY2(pages[i].contains(QStringLiteral("REHEARSAL")), qPrintable(QString::number(i + 1)));
            QVERIFY(pages[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size())));
        }
        for (const QString &title : report::EvidenceSections::titles())
            QVERIFY2(all.contains(title), qPrintable(title));
        // Contents name a page for every section.
        QVERIFY(!pages[1].contains(QStringLiteral("…")));
        // Prerequisites: what was seen and who confirmed the manual one.
        QVERIFY(all.contains(QStringLiteral("rlm-health")));
        QVERIFY(all.contains(QStringLiteral("[STATUS] (200) == 200")));
        QVERIFY(all.contains(QStringLiteral("Lena Hoffmann")));
        // Stages, gates with their rules and sustained windows, checkpoints with metric values.
        QVERIFY(all.contains(QStringLiteral("canary")));
        QVERIFY(all.contains(QStringLiteral("full")));
        QVERIFY(all.contains(QStringLiteral("success_rate_pct >= 95")));
        QVERIFY(all.contains(QStringLiteral("success_rate_pct >= 96")));
        QVERIFY(all.contains(QStringLiteral("held 1d")));
        QVERIFY(all.contains(QStringLiteral("success_rate_pct = 99.2")));
        QVERIFY(all.contains(QStringLiteral("#1 at +1h")));
        QVERIFY(all.contains(QStringLiteral("no-slowdown")));
        // Decisions, sign-off, no rollback.
        QVERIFY(all.contains(QStringLiteral("no complaints in the support queue")));
        QVERIFY(all.contains(QStringLiteral("smooth rehearsal")));
        QVERIFY(all.contains(QStringLiteral("The run was not rolled back.")));
        QVERIFY(all.contains(QStringLiteral("profiles-orphans")));
        QVERIFY(all.contains(QStringLiteral("2 public profiles without a private profile")));
        QVERIFY(all.contains(QStringLiteral("no earlier rehearsal")));
        // Integrity: the head, the verify result, the bundle's hash printed equals the file's.
        QVERIFY(all.contains(QStringLiteral("journal verify passed: %1 events").arg(events.size())));
        QCOMPARE(fileSha256(r.jsonPath), r.bundleSha256);
        QFile json(r.jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject bundle = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(bundle.value(QStringLiteral("journal")).toArray().size(), events.size());
        QCOMPARE(bundle.value(QStringLiteral("journal"))
                     .toArray()
                     .last()
                     .toObject()
                     .value(QStringLiteral("hash"))
                     .toString(),
                 QString::fromLatin1(events.last().hash()));
        QCOMPARE(
            bundle.value(QStringLiteral("run")).toObject().value(QStringLiteral("outcome_label")).toString(),
            QStringLiteral("SUCCESS"));
        QVERIFY(all.contains(r.bundleSha256));
        // The appendix has every event: the last one's type and seq.
        QVERIFY(all.contains(QStringLiteral("sign_off")));
    }

    void reconcileChecksOfTheRunAreReconciliationEvidence()
    {
        const auto m = report::EvidenceModelBuilder::build(evidence::input(evidence::run({})));
        QVERIFY(m.has_value());
        QStringList checks;
        for (const QJsonObject &r : m->reconciliations)
            checks << r.value(QStringLiteral("check")).toString();
        QVERIFY2(checks.contains(QStringLiteral("counts-reconciled")), qPrintable(checks.join(u' ')));
    }

    void rollbackScenarioShowsTheRollbackTime()
    {
        evidence::Options o;
        o.rollback = true;
        const QList<JournalEvent> events = evidence::run(o);
        const auto model = report::EvidenceModelBuilder::build(evidence::input(events));
        QVERIFY(model.has_value());
        QCOMPARE(model->outcomeLabel, QStringLiteral("ROLLED BACK"));
        QCOMPARE(model->rollbacks.size(), 1);
        const auto took = model->rollbacks.first().summary.duration;
        QVERIFY(took.has_value());
        QCOMPARE(took->count(), 8 * 60 * 1000); // two steps of 4 minutes
        const QStringList pages = report(events, QStringLiteral("rollback"));
        QVERIFY(!pages.isEmpty());
        const QString all = pages.join(QLatin1Char('\n'));
        QVERIFY(pages[0].contains(QStringLiteral("Outcome: ROLLED BACK")));
        QVERIFY(all.contains(QStringLiteral("low-success")));
        QVERIFY(all.contains(
            QStringLiteral("%1 (target 15m): within target").arg(report::EvidenceSections::duration(took))));
        QVERIFY(all.contains(QStringLiteral("set-0")));
        QVERIFY(all.contains(QStringLiteral("drain")));
        QVERIFY(all.contains(QStringLiteral("critical")));
    }

    void tamperedJournalIsFlaggedOnTheCover()
    {
        QList<JournalEvent> events = evidence::run({});
        qsizetype i = 19;
        while (events[i].type() != JournalEventType::SampleTaken)
            ++i;
        JournalRawRow row = events[i].toRawRow();
        row.payload.replace("99.2", "42.0"); // a sample changed after the fact
        auto changed = JournalEvent::fromRawRow(row);
        QVERIFY(changed.has_value());
        events[i] = *changed;
        report::EvidenceResult r;
        const QStringList pages = report(events, QStringLiteral("tampered"), &r);
        QVERIFY(!pages.isEmpty());
        QVERIFY(!r.journalVerified);
        QVERIFY(pages[0].contains(QStringLiteral("JOURNAL TAMPERED")));
        QVERIFY(pages[0].contains(QStringLiteral("event %1 (sample_taken").arg(events[i].seq())));
        QVERIFY(pages[0].contains(QStringLiteral("hash mismatch")));
    }

    void plantedSecretIsAbsent()
    {
        const QString secret = QStringLiteral("s3cr3t-Pl4nted-Value");
        evidence::Options o;
        o.noteText = QStringLiteral("password for the rollout manager is %1").arg(secret);
        const QList<JournalEvent> events = evidence::run(o); // sealed before the secret is known
        Redactor::add(secret.toUtf8());
        report::EvidenceResult r;
        const QStringList pages = report(events, QStringLiteral("secret"), &r);
        Redactor::clearForTests();
        QVERIFY(!pages.isEmpty());
        const QString all = pages.join(QLatin1Char('\n'));
        QVERIFY(all.contains(QStringLiteral("password for the rollout manager is")));
        QVERIFY(!all.contains(secret));
        QFile json(r.jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QVERIFY(!json.readAll().contains(secret.toUtf8()));
    }

    void prerequisitesFromTheGoNoGo()
    {
        test::evidence::Options o;
        o.goNoGoOnly = true;
        const auto model = report::EvidenceModelBuilder::build(evidence::input(evidence::run(o)));
        QVERIFY(model.has_value());
        QCOMPARE(model->prerequisites.size(), 2);
        QCOMPARE(model->prerequisites[0].id, QStringLiteral("rlm-health"));
        QCOMPARE(model->prerequisites[0].verdict, QStringLiteral("pass"));
        QCOMPARE(model->prerequisites[0].explanation, QStringLiteral("[STATUS] (200) == 200"));
        QCOMPARE(model->prerequisites[1].explanation, QStringLiteral("confirmed by Lena Hoffmann"));
    }

    void earlierRehearsalsAreCompared()
    {
        using namespace harness_time;
        evidence::Options earlier;
        earlier.rollback = true;
        earlier.startAt = kStart - 10 * kDay;
        earlier.rollbackStepMs = 6 * kMin; // 12 minutes
        evidence::Options now;
        now.rollback = true; // 8 minutes
        const QList<JournalEvent> events = evidence::chain({evidence::run(earlier), evidence::run(now)});
        const auto model = report::EvidenceModelBuilder::build(evidence::input(events));
        QVERIFY(model.has_value());
        QCOMPARE(model->rehearsals.earlier.size(), 1);
        QCOMPARE(model->rehearsals.forecastMedian->count(), 10 * kMin);
        QCOMPARE(model->rehearsals.forecastWorst->count(), 12 * kMin);
        const QStringList pages = report(events, QStringLiteral("compared"));
        const QString all = pages.join(QLatin1Char('\n'));
        QVERIFY(all.contains(model->rehearsals.earlier.first().runId));
        QVERIFY(all.contains(QStringLiteral("median 10m 00s, worst 12m 00s, against the target of 15m")));
        QVERIFY(all.contains(QStringLiteral("rollback time")));
    }
};

QTEST_MAIN(tst_EvidenceReport)
#include "tst_EvidenceReport.moc"
