#include "cli/ReconcileCommand.h"

#include "cli/InterruptHandler.h"
#include "cli/ReconcileJournal.h"
#include "cli/ReconcileReport.h"
#include "cli/RunbookOptions.h"
#include "cli/SubcommandParser.h"
#include "core/base/Await.h"
#include "core/base/Console.h"
#include "engine/Credentials.h"
#include "probes/SqlConnectionPool.h"
#include "reconcile/Reconciler.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QMutex>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <cstdio>

namespace cockpit::cli {

namespace {

// Progress lines on stderr (a terminal only): table k of n, rows scanned, an ETA from the rate so far.
// Called on the SQL worker thread; at most a few lines a second.
class ProgressPrinter
{
public:
    explicit ProgressPrinter(bool on)
        : m_on(on)
    {
    }
    void operator()(const ReconcileProgress &p)
    {
        if (!m_on)
            return;
        QMutexLocker lock(&m_mutex);
        if (p.elapsedMs - m_lastMs < 250 && p.phase == m_lastPhase)
            return;
        m_lastMs = p.elapsedMs;
        m_lastPhase = p.phase;
        QString line = p.tables > 0 ? QStringLiteral("%1: table %2 of %3 (%4) %5")
                                          .arg(p.reconciliation)
                                          .arg(p.table)
                                          .arg(p.tables)
                                          .arg(p.tableName, p.phase)
                                    : QStringLiteral("%1: %2 %3").arg(p.reconciliation, p.phase, p.tableName);
        if (p.rowsScanned > 0) {
            line += QStringLiteral(", %1 rows scanned").arg(p.rowsScanned);
            // One full pass over both tables is what a diff costs at least; the rate so far gives the rest.
            if (p.rowsTotal > p.rowsScanned && p.elapsedMs > 0) {
                const double rate = double(p.rowsScanned) / double(p.elapsedMs);
                line += QStringLiteral(", ETA %1 s")
                            .arg(qint64(double(p.rowsTotal - p.rowsScanned) / rate / 1000.0));
            }
        }
        std::fprintf(stderr, "\r%-100s", qPrintable(line.left(100)));
        std::fflush(stderr);
        m_dirty = true;
    }
    void finish()
    {
        QMutexLocker lock(&m_mutex);
        if (m_dirty)
            std::fprintf(stderr, "\r%-100s\r", "");
        m_dirty = false;
    }

private:
    bool m_on = false;
    QMutex m_mutex;
    qint64 m_lastMs = -1000;
    QString m_lastPhase;
    bool m_dirty = false;
};

QStringList secretsOf(const Runbook &rb, const QList<Reconciliation> &selected)
{
    QSet<QString> connections;
    for (const Reconciliation &r : selected) {
        connections << r.counts.source << r.counts.target;
        for (const Check &c : r.checks)
            if (const auto *q = std::get_if<SqlQuery>(&c.probe))
                connections << q->connection;
        for (const Action &a : r.fixes)
            if (const auto *s = std::get_if<SqlStatement>(&a.what))
                connections << s->connection;
    }
    QStringList names;
    for (const QString &c : std::as_const(connections))
        if (const QString secret = rb.connections.value(c).password.name;
            !secret.isEmpty() && !names.contains(secret))
            names << secret;
    names.sort();
    return names;
}

template<class F> auto onSqlThread(F f)
{
    return await(QtConcurrent::run(SqlConnectionPool::threadPool(), std::move(f)));
}

} // namespace

int runReconcileCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("reconcile"), QStringLiteral("RUNBOOK"),
        QStringLiteral("Runs the runbook's reconciliations: row counts (fast estimates or exact) "
                       "with the tolerance, per-column aggregates, a checksum diff naming the "
                       "differing keys and columns, and the consistency checks.\n"
                       "Exit code: 0 within tolerance, 1 not, 2 invalid runbook or usage error, "
                       "130 interrupted (Ctrl+C stops between statements; nothing is half-done)."));
    sp.parser().addPositionalArgument(QStringLiteral("RUNBOOK"), QStringLiteral("The runbook YAML file."));
    RunbookOptions options(sp);
    const QCommandLineOption only(QStringLiteral("only"),
                                  QStringLiteral("Run only these reconciliations (comma-separated ids)."),
                                  QStringLiteral("ID,..."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    const QCommandLineOption fix(
        QStringLiteral("fix"),
        QStringLiteral("When a check fails, apply the safe (SQL and command) fixes, then "
                       "check again; manual fixes are listed for review."));
    const QCommandLineOption artifacts(
        QStringLiteral("artifacts"),
        QStringLiteral(
            "Write the evidence (report.json, counts.csv, differences.csv, checks.csv and a SHA-256 "
            "MANIFEST) into a new timestamped directory under DIR."),
        QStringLiteral("DIR"));
    const QCommandLineOption journal(
        QStringLiteral("journal"),
        QStringLiteral("Journal every result (started, each table, each fix before and after, finished) "
                       "into this journal: a file or postgresql://USER@HOST[:PORT]/DATABASE (password from "
                       "PGPASSWORD or the keychain)."),
        QStringLiteral("SPEC"));
    const QCommandLineOption runId(
        QStringLiteral("run"),
        QStringLiteral("With --journal: the run id the events belong to, e.g. the cutover's run "
                       "(default: a new id reconcile-<UTC time>)."),
        QStringLiteral("ID"));
    const QCommandLineOption actor(QStringLiteral("as"),
                                   QStringLiteral("With --journal: who ran it (default: engine)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption noProgress(
        QStringLiteral("no-progress"),
        QStringLiteral("No progress lines on stderr (default when not a terminal)."));
    for (const auto &o : {only, json, fix, artifacts, journal, runId, actor, noProgress})
        sp.addOption(o);
    if (auto done = sp.parse(args))
        return *done;
    const QStringList pos = sp.parser().positionalArguments();
    if (pos.size() != 1)
        return sp.usageError(pos.isEmpty() ? QStringLiteral("a RUNBOOK file is required")
                                           : QStringLiteral("exactly one RUNBOOK file is expected"));
    const auto runbook = options.load(pos.first());
    if (!runbook) {
        RunbookOptions::printErrors(runbook.error());
        return 2;
    }
    QList<Reconciliation> selected = runbook->reconciliations;
    if (selected.isEmpty())
        return sp.usageError(QStringLiteral("%1 has no reconciliation section").arg(pos.first()));
    if (sp.parser().isSet(only)) {
        QSet<QString> wanted;
        for (const QString &v : sp.parser().values(only))
            for (const QString &id : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                wanted.insert(id.trimmed());
        for (const QString &id : std::as_const(wanted))
            if (std::none_of(selected.cbegin(), selected.cend(),
                             [&](const Reconciliation &r) { return r.id == id; }))
                return sp.usageError(QStringLiteral("--only: no reconciliation with id %1").arg(id));
        selected.removeIf([&](const Reconciliation &r) { return !wanted.contains(r.id); });
    }

    if ((sp.parser().isSet(runId) || sp.parser().isSet(actor)) && !sp.parser().isSet(journal))
        return sp.usageError(QStringLiteral("--run and --as need --journal"));
    std::unique_ptr<ReconcileJournal> journaled;
    if (sp.parser().isSet(journal)) {
        auto opened = ReconcileJournal::open(sp.parser().value(journal), sp.parser().value(runId),
                                             sp.parser().value(actor).trimmed());
        if (!opened) {
            Console::err(QStringLiteral("reconcile: %1\n").arg(opened.error()));
            return 2;
        }
        journaled = std::move(*opened);
    }

    // Connection passwords: keychain first, COCKPIT_SECRET_<NAME> as the documented fallback.
    QHash<QString, QByteArray> secrets;
    {
        QEventLoop loop;
        QObject context;
        bool done = false;
        Credentials::resolve(*runbook, secretsOf(*runbook, selected), {}, true, &context,
                             [&](const Credentials::Resolved &r) {
                                 secrets = r.values;
                                 for (const QString &m : r.missing)
                                     Console::err(QStringLiteral("reconcile: %1\n").arg(m));
                                 done = true;
                                 loop.quit();
                             });
        if (!done)
            loop.exec();
    }
    QHash<QString, QByteArray> passwords;
    for (const Connection &c : runbook->connections)
        if (c.password.isSet() && secrets.contains(c.password.name))
            passwords.insert(c.name, secrets.value(c.password.name));

    std::atomic<bool> cancel {false};
    QObject context;
    QObject::connect(InterruptHandler::install(), &InterruptHandler::interrupted, &context, [&] {
        Console::err(QStringLiteral("\nInterrupted: stopping after the current statement.\n"));
        cancel = true;
    });
    if (InterruptHandler::wasInterrupted())
        cancel = true;

    auto printer
        = std::make_shared<ProgressPrinter>(Console::stderrIsTerminal() && !sp.parser().isSet(noProgress));
    Reconciler reconciler(*runbook, passwords, {});
    ReconcileJournal *j = journaled.get();
    reconciler.setProgress([printer, j](const ReconcileProgress &p) {
        (*printer)(p);
        if (j)
            j->progress(p);
    });
    const bool wantFix = sp.parser().isSet(fix);
    QList<ReconciliationResult> results;
    for (const Reconciliation &r : std::as_const(selected)) {
        if (cancel)
            break;
        // Journaled before the first statement: a started without a finished is work that never completed.
        if (j && !j->started(r))
            break;
        ReconciliationResult result = onSqlThread([&] { return reconciler.verify(r, &cancel); });
        const bool checksFailed
            = std::any_of(result.checks.cbegin(), result.checks.cend(),
                          [](const CheckResult &c) { return c.verdict != Verdict::Pass; });
        if (wantFix && checksFailed && !result.cancelled) {
            for (const Action &a : r.fixes) {
                if (cancel)
                    break; // between fixes: each one is whole (its own transaction) or not started
                if (j && !j->fixStarted(r.id, a))
                    break; // a fix not journaled first is not applied
                result.fixes << onSqlThread([&] { return reconciler.applyFix(a); });
                if (j)
                    j->fixFinished(r.id, result.fixes.last());
            }
            const bool applied = std::any_of(result.fixes.cbegin(), result.fixes.cend(),
                                             [](const FixOutcome &f) { return f.applied; });
            if (applied && !cancel)
                result.checksAfterFixes = onSqlThread([&] { return reconciler.runChecks(r, &cancel); });
        } else if (!r.fixes.isEmpty() && checksFailed) {
            for (const Action &a : r.fixes)
                if (std::holds_alternative<ManualCheck>(a.what))
                    result.fixes << FixOutcome {a.id,
                                                a.title,
                                                QStringLiteral("manual"),
                                                false,
                                                true,
                                                {},
                                                -1,
                                                std::get<ManualCheck>(a.what).instruction};
        }
        if (j)
            j->finished(result);
        results << result;
        if (j && !j->error().isEmpty())
            break;
    }
    printer->finish();
    const bool interrupted = cancel.load();
    const QJsonObject report = ReconcileReport::json(*runbook, results, interrupted);
    if (sp.parser().isSet(json)) {
        Console::out(QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented)));
    } else {
        for (const ReconciliationResult &r : std::as_const(results))
            Console::out(ReconcileReport::text(r));
        if (interrupted)
            Console::out(QStringLiteral("Interrupted after %1 of %2 reconciliations.\n")
                             .arg(results.size())
                             .arg(selected.size()));
    }
    if (sp.parser().isSet(artifacts)) {
        auto written = ReconcileReport::writeArtifacts(sp.parser().value(artifacts), report, results);
        if (!written) {
            Console::err(QStringLiteral("reconcile: %1\n").arg(written.error()));
            return 2;
        }
        Console::err(QStringLiteral("Evidence written to %1\n").arg(*written));
    }
    if (j) {
        if (!j->error().isEmpty()) {
            Console::err(QStringLiteral("reconcile: %1\n").arg(j->error()));
            return 2;
        }
        Console::err(QStringLiteral("Journaled as run %1 in %2\n").arg(j->runId(), j->location()));
    }
    if (interrupted)
        return 130;
    return report.value(QStringLiteral("passed")).toBool() ? 0 : 1;
}

} // namespace cockpit::cli
