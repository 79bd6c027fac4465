#include "cli/CompareCommand.h"

#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "engine/Credentials.h"
#include "engine/RunCommands.h"
#include "store/JournalFactory.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <memory>

namespace cockpit::cli {

namespace {

constexpr int kUnavailable = 2;
const QString kNone = QStringLiteral("-");

// Whole seconds above a second: a journal's millisecond noise is not a difference worth reading.
QString duration(Milliseconds d)
{
    const qint64 ms = d.count();
    if (ms >= 1000 || ms <= -1000)
        return formatDuration(Milliseconds((ms + (ms < 0 ? -500 : 500)) / 1000 * 1000));
    return formatDuration(d);
}

QString duration(const std::optional<Milliseconds> &d)
{
    return d ? duration(*d) : kNone;
}

QString signedDuration(const std::optional<Milliseconds> &d)
{
    if (!d)
        return {};
    if (d->count() == 0)
        return QStringLiteral("same");
    return (d->count() > 0 ? QStringLiteral("+") : QString()) + duration(*d);
}

QString signedCount(qint64 n)
{
    return n == 0 ? QStringLiteral("same") : (n > 0 ? QStringLiteral("+%1") : QStringLiteral("%1")).arg(n);
}

QString timestamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
}

// A time of a run as an offset from its start: runs days apart line up.
QString offset(const std::optional<qint64> &at, qint64 runStart)
{
    return at ? QStringLiteral("T+") + duration(Milliseconds(*at - runStart)) : kNone;
}

QString ended(const RunComparison::StageSummary &s, qint64 runStart)
{
    if (!s.endedAt)
        return s.end;
    return QStringLiteral("%1 %2").arg(s.end == QLatin1String("rolled_back") ? QStringLiteral("rolled back")
                                                                             : s.end,
                                       offset(s.endedAt, runStart));
}

QString gateCell(const std::optional<RunComparison::GateOutcome> &g)
{
    if (!g)
        return kNone;
    // A confirmed manual gate has no verdict besides the confirmation itself.
    if (g->verdict == QLatin1String("confirmed") && !g->decidedBy.isEmpty())
        return g->decidedBy.join(QStringLiteral(", "));
    QString out
        = g->verdict.isEmpty() ? QStringLiteral("not reported") : QString(g->verdict).replace(u'_', u' ');
    if (!g->decidedBy.isEmpty())
        out += QStringLiteral(", decided by ") + g->decidedBy.join(QStringLiteral(", "));
    else if (g->neededDecision)
        out += QStringLiteral(", awaiting a decision");
    return out;
}

QString actionCell(const std::optional<RunComparison::ActionSummary> &a)
{
    if (!a)
        return kNone;
    QString out = a->status;
    if (a->duration)
        out += QLatin1Char(' ') + duration(*a->duration);
    else if (a->status == QLatin1String("started"))
        out += QStringLiteral(" (no result)");
    if (a->executions > 1)
        out += QStringLiteral(" (%1 runs)").arg(a->executions);
    return out;
}

QString lateness(Milliseconds d)
{
    if (d.count() == 0)
        return QStringLiteral("on time");
    return d.count() > 0 ? duration(d) + QStringLiteral(" late") : duration(-d) + QStringLiteral(" early");
}

QString scheduleCell(const std::optional<RunComparison::ScheduleSummary> &s)
{
    if (!s)
        return kNone;
    const QString planned
        = QDateTime::fromMSecsSinceEpoch(s->plannedStart, Qt::UTC).toString(QStringLiteral("HH:mm'Z'"));
    if (!s->actualStart)
        return QStringLiteral("planned %1, not started (%2)").arg(planned, s->status);
    QString out = QStringLiteral("planned %1, started %2 (%3)")
                      .arg(planned,
                           QDateTime::fromMSecsSinceEpoch(*s->actualStart, Qt::UTC)
                               .toString(QStringLiteral("HH:mm'Z'")),
                           lateness(s->lateness.value_or(Milliseconds(0))));
    if (s->duration)
        out += QStringLiteral(", took %1").arg(duration(*s->duration));
    return out;
}

QString rollbackLine(const RunComparison::RollbackSummary &r)
{
    const QString cause = r.trigger.isEmpty() ? QStringLiteral("started by %1").arg(r.startedBy)
                                              : QStringLiteral("trigger %1").arg(r.trigger);
    if (!r.duration)
        return QStringLiteral("in %1, %2, not finished (target %3)").arg(r.stage, cause, duration(r.target));
    return QStringLiteral("in %1, %2, took %3 of target %4 (%5), %6")
        .arg(r.stage, cause, duration(*r.duration), duration(r.target),
             *r.duration <= r.target ? QStringLiteral("within target") : QStringLiteral("OVER target"),
             r.ok ? QStringLiteral("ok") : QStringLiteral("failed"));
}

// Four columns: label, A, B, B - A; columns padded to their widest cell. Rows with one cell are headings.
class Table
{
public:
    void heading(const QString &text) { m_rows.append({text}); }
    void row(const QString &label, const QString &a, const QString &b, const QString &diff = {})
    {
        m_rows.append({label, a, b, diff});
    }
    void blank() { m_rows.append(QStringList()); }

    QString text() const
    {
        QList<qsizetype> width(3, 0);
        for (const QStringList &r : m_rows) {
            for (qsizetype i = 0; r.size() == 4 && i < 3; ++i)
                width[i] = std::max(width[i], r[i].size());
        }
        QString out;
        for (const QStringList &r : m_rows) {
            QString line;
            if (r.size() == 4)
                line = QStringLiteral("  %1  %2  %3  %4")
                           .arg(r[0].leftJustified(width[0]), r[1].leftJustified(width[1]),
                                r[2].leftJustified(width[2]), r[3]);
            else if (!r.isEmpty())
                line = r.first();
            while (line.endsWith(u' '))
                line.chop(1);
            out += line + QLatin1Char('\n');
        }
        return out;
    }

private:
    QList<QStringList> m_rows;
};

struct RunListing
{
    QString id;
    QString mode;
    QString runbook;
    qint64 startedAt = 0;
    QString outcome;
};

QList<RunListing> runsOf(const QList<JournalEvent> &events)
{
    QList<RunListing> runs;
    QHash<QString, qsizetype> index;
    for (const JournalEvent &e : events) {
        if (e.type() == JournalEventType::RunStarted && !index.contains(e.runId())) {
            index.insert(e.runId(), runs.size());
            runs.append({e.runId(),
                         e.payload().value(QLatin1String("mode")).toString(),
                         e.payload().value(QLatin1String("runbook")).toString(),
                         e.at(),
                         {}});
        } else if (e.type() == JournalEventType::RunFinished && index.contains(e.runId())) {
            runs[index.value(e.runId())].outcome = e.payload().value(QLatin1String("outcome")).toString();
        }
    }
    return runs;
}

QString listing(const QList<RunListing> &runs)
{
    qsizetype width = 0;
    for (const RunListing &r : runs)
        width = std::max(width, r.id.size());
    QString out;
    for (const RunListing &r : runs)
        out += QStringLiteral("  %1  %2, \"%3\", started %4, %5\n")
                   .arg(r.id.leftJustified(width), r.mode, r.runbook, timestamp(r.startedAt),
                        r.outcome.isEmpty() ? QStringLiteral("not finished") : r.outcome);
    return out;
}

} // namespace

Expected<QString, QString> CompareCommand::resolveRun(const QList<JournalEvent> &events,
                                                      const QString &idOrPrefix, const QString &journal)
{
    const QList<RunListing> runs = runsOf(events);
    if (runs.isEmpty())
        return unexpected(QStringLiteral("the journal %1 holds no run").arg(journal));
    QList<RunListing> matches;
    for (const RunListing &r : runs) {
        if (r.id == idOrPrefix)
            return r.id;
        if (r.id.startsWith(idOrPrefix))
            matches.append(r);
    }
    if (matches.size() == 1)
        return matches.first().id;
    if (matches.size() > 1)
        return unexpected(QStringLiteral("run id prefix '%1' is ambiguous in the journal %2; it matches:\n%3")
                              .arg(idOrPrefix, journal, listing(matches)));
    return unexpected(QStringLiteral("no run '%1' in the journal %2; its runs:\n%3")
                          .arg(idOrPrefix, journal, listing(runs)));
}

QString CompareCommand::toText(const RunComparison &c)
{
    const RunComparison::Summary &a = c.a();
    const RunComparison::Summary &b = c.b();
    QString out = c.sameRunbook() || a.runbook == b.runbook
        ? QStringLiteral("Two runs of \"%1\"\n").arg(a.runbook)
        : QStringLiteral("Runs of \"%1\" (A) and \"%2\" (B)\n").arg(a.runbook, b.runbook);
    for (const QString &w : c.warnings())
        out += QStringLiteral("warning: %1\n").arg(w);
    out += QLatin1Char('\n');

    Table t;
    t.row(QString(), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("B - A"));
    t.row(QStringLiteral("run"), a.runId, b.runId);
    t.row(QStringLiteral("mode"), runModeName(a.mode), runModeName(b.mode));
    t.row(QStringLiteral("lead"), a.lead, b.lead);
    t.row(QStringLiteral("started"), timestamp(a.startedAt), timestamp(b.startedAt));
    t.row(QStringLiteral("outcome"), a.finished ? a.outcome : QStringLiteral("not finished"),
          b.finished ? b.outcome : QStringLiteral("not finished"));

    t.blank();
    t.heading(QStringLiteral("Stages (times from each run's start)"));
    for (const RunComparison::StageRow &r : c.stages()) {
        auto cell = [&](const std::optional<RunComparison::StageSummary> &s,
                        const std::function<QString(const RunComparison::StageSummary &)> &f) {
            return s ? f(*s) : kNone;
        };
        t.row(r.stage, QString(), QString());
        t.row(QStringLiteral("  attempts"),
              cell(r.a, [](const auto &s) { return QString::number(s.attempts); }),
              cell(r.b, [](const auto &s) { return QString::number(s.attempts); }),
              r.a && r.b ? signedCount(r.b->attempts - r.a->attempts) : QString());
        t.row(QStringLiteral("  entered"),
              cell(r.a, [&](const auto &s) { return offset(s.enteredAt, a.startedAt); }),
              cell(r.b, [&](const auto &s) { return offset(s.enteredAt, b.startedAt); }),
              signedDuration(r.enteredOffsetDelta));
        t.row(QStringLiteral("  ended"), cell(r.a, [&](const auto &s) { return ended(s, a.startedAt); }),
              cell(r.b, [&](const auto &s) { return ended(s, b.startedAt); }));
        auto soak = [](const RunComparison::StageSummary &s) {
            QString text = duration(s.soak);
            if (s.plannedSoak && s.soak)
                text += QStringLiteral(" (planned %1)").arg(duration(*s.plannedSoak));
            return text;
        };
        t.row(QStringLiteral("  soak"), cell(r.a, soak), cell(r.b, soak), signedDuration(r.soakDelta));
        t.row(QStringLiteral("  rollout to promotion"),
              cell(r.a, [](const auto &s) { return duration(s.rolloutToPromotion); }),
              cell(r.b, [](const auto &s) { return duration(s.rolloutToPromotion); }),
              signedDuration(r.rolloutToPromotionDelta));
        for (const RunComparison::GateRow &g : c.gates()) {
            if (g.stage == r.stage)
                t.row(QStringLiteral("  gate %1").arg(g.gate), gateCell(g.a), gateCell(g.b));
        }
    }
    if (c.stages().isEmpty())
        t.row(QStringLiteral("(no stage entered)"), QString(), QString());

    t.blank();
    t.heading(QStringLiteral("Actions (status, duration of the last run)"));
    for (const RunComparison::ActionRow &r : c.actions()) {
        const QString where = r.stage.isEmpty() ? r.action : r.stage + QLatin1Char('/') + r.action;
        t.row(QStringLiteral("%1 %2").arg(r.phase, where), actionCell(r.a), actionCell(r.b),
              signedDuration(r.durationDelta));
    }
    if (c.actions().isEmpty())
        t.row(QStringLiteral("(no action ran)"), QString(), QString());

    if (!c.schedule().isEmpty()) {
        t.blank();
        t.heading(QStringLiteral("Schedule (planned vs actual start; B - A = difference in lateness)"));
        for (const RunComparison::ScheduleRow &r : c.schedule())
            t.row(QStringLiteral("%1 (%2)").arg(r.id, r.label), scheduleCell(r.a), scheduleCell(r.b),
                  signedDuration(r.latenessDelta));
    }

    t.blank();
    // One line per run: a rollback's description is too long for a column.
    t.heading(QStringLiteral("Rollback"));
    for (const auto &[name, run] :
         {std::pair {QStringLiteral("A"), &a}, std::pair {QStringLiteral("B"), &b}}) {
        if (run->rollbacks.isEmpty())
            t.heading(QStringLiteral("  %1  none").arg(name));
        for (const RunComparison::RollbackSummary &r : run->rollbacks)
            t.heading(QStringLiteral("  %1  %2").arg(name, rollbackLine(r)));
    }

    t.blank();
    t.heading(QStringLiteral("Totals"));
    t.row(QStringLiteral("wall time"), duration(a.wallTime()), duration(b.wallTime()),
          signedDuration(c.wallTimeDelta()));
    t.row(QStringLiteral("decisions"), QString::number(a.decisions), QString::number(b.decisions),
          signedCount(b.decisions - a.decisions));
    t.row(QStringLiteral("approvals"), QString::number(a.approvals), QString::number(b.approvals),
          signedCount(b.approvals - a.approvals));
    t.row(QStringLiteral("rollbacks"), QString::number(a.rollbacks.size()),
          QString::number(b.rollbacks.size()), signedCount(b.rollbacks.size() - a.rollbacks.size()));
    t.row(QStringLiteral("events"), QString::number(a.events), QString::number(b.events),
          signedCount(b.events - a.events));
    return out + t.text();
}

int CompareCommand::run(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("compare"), QStringLiteral("RUN_A RUN_B"),
        QStringLiteral("Compares two runs of a runbook side by side - typically the rehearsal and "
                       "the live run it prepares: per stage attempts, soak, gates and who decided "
                       "them; per action its duration; schedule lateness; rollback; totals; with "
                       "the difference B - A. A run may be named by a unique prefix of its id. "
                       "The journals are only read."));
    const QCommandLineOption journal(
        QStringLiteral("journal"),
        QStringLiteral("The journal (SQLite file or postgresql://…). Give it twice "
                       "when RUN_B is in another journal."),
        QStringLiteral("SPEC"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    sp.addOption(journal);
    sp.addOption(json);
    sp.parser().addPositionalArgument(QStringLiteral("RUN_A"),
                                      QStringLiteral("The first run (e.g. the rehearsal)."));
    sp.parser().addPositionalArgument(QStringLiteral("RUN_B"),
                                      QStringLiteral("The second run (e.g. the live run)."));
    if (auto done = sp.parse(args))
        return *done;
    const QStringList specs = sp.parser().values(journal);
    const QStringList runs = sp.parser().positionalArguments();
    if (specs.isEmpty())
        return sp.usageError(QStringLiteral("--journal is required"));
    if (specs.size() > 2)
        return sp.usageError(QStringLiteral("at most two journals: --journal A [--journal B]"));
    if (runs.size() != 2)
        return sp.usageError(QStringLiteral("name two runs: RUN_A RUN_B"));

    // Read-only: a SQLite journal is opened read-only; a PostgreSQL one is only ever SELECTed from here.
    struct Source
    {
        QString location;
        QList<JournalEvent> events;
    };
    QList<Source> sources;
    for (const QString &spec : specs) {
        if (!sources.isEmpty() && spec == specs.first())
            break; // the same journal twice
        JournalOpenOptions o;
        o.password = Credentials::postgresPassword();
        o.readOnly = true;
        auto opened = JournalFactory::open(spec, o);
        if (!opened) {
            Console::err(QStringLiteral("cutover-cockpit compare: %1\n").arg(opened.error().message));
            return kUnavailable;
        }
        auto events = (*opened)->readAll();
        if (!events) {
            Console::err(QStringLiteral("cutover-cockpit compare: cannot read the journal %1: %2\n")
                             .arg((*opened)->location(), events.error().message));
            return kUnavailable;
        }
        sources.append({(*opened)->location(), std::move(*events)});
    }

    QList<RunComparison::Summary> summaries;
    for (int i = 0; i < 2; ++i) {
        const Source &src = sources[std::min<qsizetype>(i, sources.size() - 1)];
        auto id = resolveRun(src.events, runs[i], src.location);
        if (!id) {
            const QString message = id.error();
            Console::err(QStringLiteral("cutover-cockpit compare: %1%2")
                             .arg(message, message.endsWith(u'\n') ? QString() : QStringLiteral("\n")));
            return kUnavailable;
        }
        auto runbook = RunCommands::runbookFromJournal(src.events, *id);
        if (!runbook) {
            Console::err(QStringLiteral("cutover-cockpit compare: %1\n").arg(runbook.error()));
            return kUnavailable;
        }
        summaries.append(RunComparison::summarize(*runbook, src.events, *id));
    }
    const RunComparison c = RunComparison::compare(summaries[0], summaries[1]);
    if (sp.parser().isSet(json))
        Console::out(QString::fromUtf8(QJsonDocument(c.toJson()).toJson(QJsonDocument::Indented)));
    else
        Console::out(toText(c));
    return 0;
}

} // namespace cockpit::cli
