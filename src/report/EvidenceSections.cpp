#include "report/EvidenceSections.h"

#include "core/base/Duration.h"

#include <QDateTime>

namespace cockpit::report {

namespace {

const QColor kRed(0xc6, 0x28, 0x28);
const QColor kGreen(0x2e, 0x7d, 0x32);
const QColor kAmber(0xef, 0x6c, 0x00);

QColor outcomeColor(const QString &label)
{
    if (label == QLatin1String("SUCCESS"))
        return kGreen;
    if (label == QLatin1String("UNFINISHED") || label == QLatin1String("COMPLETED WITH FAILURES"))
        return kAmber;
    return kRed;
}

} // namespace

EvidenceSections::EvidenceSections(PageComposer &composer, const EvidenceModel &model)
    : m_c(composer)
    , m_m(model)
{
}

QString EvidenceSections::stamp(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("–");
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString EvidenceSections::stamp(const std::optional<qint64> &ms)
{
    return ms ? stamp(*ms) : QStringLiteral("–");
}

QString EvidenceSections::duration(const std::optional<Milliseconds> &d)
{
    return d ? humanDuration(*d) : QStringLiteral("–");
}

QString EvidenceSections::planned(const std::optional<Milliseconds> &d)
{
    return d ? formatDuration(*d) : QStringLiteral("–");
}

QStringList EvidenceSections::titles()
{
    return {QStringLiteral("1. Summary"),
            QStringLiteral("2. Prerequisites"),
            QStringLiteral("3. Stage timeline: planned vs actual"),
            QStringLiteral("4. Checkpoints"),
            QStringLiteral("5. Gate outcomes"),
            QStringLiteral("6. Charts"),
            QStringLiteral("7. Triggers and rollback"),
            QStringLiteral("8. Reconciliation"),
            QStringLiteral("9. Rehearsal comparison"),
            QStringLiteral("10. Approvals, decisions and sign-off"),
            QStringLiteral("11. Integrity"),
            QStringLiteral("Appendix: the journal")};
}

void EvidenceSections::cover()
{
    m_c.space(40);
    m_c.paragraph(QStringLiteral("Cutover evidence report"), PageComposer::boldFont(22));
    m_c.paragraph(m_m.runbook, PageComposer::boldFont(14));
    m_c.space(10);
    if (m_m.rehearsalMark())
        m_c.banner(QStringLiteral("%1 — not a live run").arg(m_m.modeLabel()), QColor(0xff, 0xeb, 0xee), kRed,
                   13);
    m_c.banner(QStringLiteral("Outcome: %1").arg(m_m.outcomeLabel), outcomeColor(m_m.outcomeLabel), Qt::white,
               18);
    if (!m_m.integrity.verified)
        m_c.banner(QStringLiteral("JOURNAL TAMPERED — this evidence cannot be trusted. First bad event: %1")
                       .arg(m_m.integrity.firstBadEvent),
                   kRed, Qt::white, 12);
    // An unfinished run (rolled back and not restarted, or still going) is measured to its last event.
    const qint64 lastAt = m_m.journal.isEmpty() ? m_m.startedAt : m_m.journal.last().at();
    const std::optional<Milliseconds> took(Milliseconds(m_m.finishedAt.value_or(lastAt) - m_m.startedAt));
    m_c.keyValues({
        {QStringLiteral("Run"), m_m.runId},
        {QStringLiteral("Runbook"), m_m.runbook},
        {QStringLiteral("Runbook file"), dash(m_m.runbookFile)},
        {QStringLiteral("Runbook SHA-256"), dash(m_m.runbookSha256)},
        {QStringLiteral("Mode"), m_m.modeLabel()},
        {QStringLiteral("Lead"), m_m.lead},
        {QStringLiteral("Started"), stamp(m_m.startedAt)},
        {QStringLiteral("Ended"),
         m_m.finishedAt ? stamp(m_m.finishedAt)
                        : QStringLiteral("not finished (last event %1)").arg(stamp(lastAt))},
        {QStringLiteral("Duration"),
         m_m.finishedAt ? duration(took) : QStringLiteral("%1 so far").arg(duration(took))},
        {QStringLiteral("Journal"), m_m.journalLocation},
        {QStringLiteral("Journal head"), m_m.integrity.head.toString()},
        {QStringLiteral("Journal verify"), m_m.integrity.verifyResult},
        {QStringLiteral("JSON bundle SHA-256"), dash(m_m.integrity.bundleSha256)},
        {QStringLiteral("Report generated"), stamp(m_m.generatedAt)},
    });
    m_c.paragraph(QStringLiteral("Keep the journal head printed above outside the journal: `cutover-cockpit "
                                 "journal verify --journal … --head %1` later proves that no event was "
                                 "changed, removed or cut off after this report was made.")
                      .arg(m_m.integrity.head.toString()));
}

void EvidenceSections::contents(const QList<std::pair<QString, int>> &toc)
{
    m_c.paragraph(QStringLiteral("Contents"), PageComposer::boldFont(14));
    QList<QStringList> rows;
    for (const QString &t : titles()) {
        QString page = QStringLiteral("…");
        for (const auto &[title, p] : toc)
            if (title == t)
                page = QString::number(p);
        rows.append({t, page});
    }
    m_c.table({{QStringLiteral("Section"), 9}, {QStringLiteral("Page"), 1}}, rows);
}

void EvidenceSections::summary()
{
    m_c.heading(titles()[0]);
    int stagesDone = 0;
    for (const auto &s : m_m.summary.stages)
        stagesDone += s.end == QLatin1String("promoted") ? 1 : 0;
    m_c.paragraph(QStringLiteral("%1 %2 of runbook \"%3\" led by %4: %5. %6 stage(s) entered, %7 promoted; "
                                 "%8 decision(s) and approval(s); %9 rollback(s); %10 trigger(s) fired.")
                      .arg(m_m.modeLabel(), m_m.runId, m_m.runbook, m_m.lead, m_m.outcomeLabel)
                      .arg(m_m.summary.stages.size())
                      .arg(stagesDone)
                      .arg(m_m.decisions.size())
                      .arg(m_m.rollbacks.size())
                      .arg(m_m.triggers.size()));
    m_c.heading(QStringLiteral("Go/No-Go and the other decisions"), 2);
    QList<QStringList> rows;
    for (const DecisionRow &d : m_m.decisions)
        rows.append({stamp(d.at), d.who, d.kind, dash(d.stage), d.target, d.decision, d.reason});
    if (rows.isEmpty())
        m_c.paragraph(QStringLiteral("No decision was journaled."));
    else
        m_c.table({{QStringLiteral("When"), 2.2},
                   {QStringLiteral("Who"), 1.6},
                   {QStringLiteral("Kind"), 1.7},
                   {QStringLiteral("Stage"), 1.2},
                   {QStringLiteral("What"), 1.8},
                   {QStringLiteral("Decision"), 1.3},
                   {QStringLiteral("Reason"), 2.6}},
                  rows);
    m_c.heading(QStringLiteral("Rollbacks"), 2);
    if (m_m.rollbacks.isEmpty())
        m_c.paragraph(QStringLiteral("No rollback."));
    for (const RollbackRow &r : m_m.rollbacks)
        m_c.paragraph(QStringLiteral("Stage %1 rolled back from %2 (%3): took %4 against a target of %5, %6.")
                          .arg(r.summary.stage, stamp(r.summary.startedAt),
                               r.summary.trigger.isEmpty()
                                   ? QStringLiteral("by %1").arg(r.summary.startedBy)
                                   : QStringLiteral("trigger %1").arg(r.summary.trigger),
                               duration(r.summary.duration), planned(r.summary.target),
                               r.summary.ok ? QStringLiteral("ok") : QStringLiteral("failed or unfinished")));
    m_c.heading(QStringLiteral("Deviations from plan"), 2);
    if (m_m.deviations.isEmpty())
        m_c.paragraph(QStringLiteral("None: every step ran as planned."));
    for (const QString &d : m_m.deviations)
        m_c.paragraph(QStringLiteral("• ") + d);
}

void EvidenceSections::prerequisites()
{
    m_c.heading(titles()[1]);
    QList<QStringList> rows;
    for (const PrerequisiteRow &p : m_m.prerequisites) {
        QString seen = p.explanation;
        if (!p.observed.isEmpty())
            seen += (seen.isEmpty() ? QString() : QStringLiteral("; ")) + p.observed;
        rows.append({p.id, dash(p.category), p.verdict, dash(seen), p.at ? stamp(p.at) : QStringLiteral("–"),
                     p.manual ? dash(p.confirmedBy) : QStringLiteral("engine")});
    }
    if (rows.isEmpty())
        m_c.paragraph(QStringLiteral("The runbook has no prerequisites."));
    else
        m_c.table({{QStringLiteral("Prerequisite"), 2},
                   {QStringLiteral("Category"), 1.1},
                   {QStringLiteral("Verdict"), 1},
                   {QStringLiteral("Observed"), 3.6},
                   {QStringLiteral("When"), 2},
                   {QStringLiteral("Confirmed by"), 1.5}},
                  rows);
}

void EvidenceSections::timeline()
{
    m_c.heading(titles()[2]);
    QList<QStringList> rows;
    for (const auto &s : m_m.summary.stages)
        rows.append({s.stage, QString::number(s.attempts), stamp(s.enteredAt), stamp(s.soakStartedAt),
                     stamp(s.endedAt), s.end, planned(s.plannedSoak), duration(s.soak),
                     duration(s.rolloutToPromotion)});
    if (rows.isEmpty())
        m_c.paragraph(QStringLiteral("No stage was entered."));
    else
        m_c.table({{QStringLiteral("Stage"), 1.5},
                   {QStringLiteral("Tries"), 0.75},
                   {QStringLiteral("Entered"), 1.9},
                   {QStringLiteral("Soak from"), 1.9},
                   {QStringLiteral("Ended"), 1.9},
                   {QStringLiteral("End"), 1.2},
                   {QStringLiteral("Planned soak"), 1.1},
                   {QStringLiteral("Actual soak"), 1.1},
                   {QStringLiteral("To promotion"), 1.3}},
                  rows);
    if (!m_m.summary.schedule.isEmpty()) {
        m_c.heading(QStringLiteral("Schedule"), 2);
        QList<QStringList> items;
        for (const auto &s : m_m.summary.schedule)
            items.append({s.id, s.label, stamp(s.plannedStart), stamp(s.actualStart), duration(s.lateness),
                          planned(s.plannedDuration), duration(s.duration), s.status});
        m_c.table({{QStringLiteral("Item"), 1.8},
                   {QStringLiteral("When"), 0.8},
                   {QStringLiteral("Planned"), 1.9},
                   {QStringLiteral("Started"), 1.9},
                   {QStringLiteral("Late"), 0.9},
                   {QStringLiteral("Planned for"), 0.9},
                   {QStringLiteral("Took"), 0.9},
                   {QStringLiteral("Status"), 0.9}},
                  items);
    }
    if (!m_m.summary.actions.isEmpty()) {
        m_c.heading(QStringLiteral("Steps"), 2);
        QList<QStringList> items;
        for (const auto &a : m_m.summary.actions)
            items.append({a.phase, dash(a.stage), a.action, a.status, QString::number(a.executions),
                          stamp(a.startedAt), duration(a.duration)});
        m_c.table({{QStringLiteral("Phase"), 1},
                   {QStringLiteral("Stage"), 1.3},
                   {QStringLiteral("Step"), 1.8},
                   {QStringLiteral("Status"), 0.9},
                   {QStringLiteral("Runs"), 0.6},
                   {QStringLiteral("Started"), 2},
                   {QStringLiteral("Took"), 1}},
                  items);
    }
}

void EvidenceSections::checkpoints()
{
    m_c.heading(titles()[3]);
    QList<QStringList> rows;
    for (const CheckpointRow &c : m_m.checkpoints) {
        QStringList values;
        for (const auto &[k, v] : c.metrics)
            values << QStringLiteral("%1 = %2").arg(k, v);
        rows.append(
            {c.stage,
             QStringLiteral("#%1 at +%2").arg(c.index + 1).arg(formatDuration(Milliseconds(c.offsetMs))),
             stamp(c.at), values.join(QStringLiteral("; "))});
    }
    if (rows.isEmpty())
        m_c.paragraph(QStringLiteral("No checkpoint was reached."));
    else
        m_c.table({{QStringLiteral("Stage"), 1.4},
                   {QStringLiteral("Checkpoint"), 1.3},
                   {QStringLiteral("Taken"), 2},
                   {QStringLiteral("Metric values"), 5}},
                  rows);
}

void EvidenceSections::gates()
{
    m_c.heading(titles()[4]);
    QList<QStringList> rows;
    for (const GateRow &g : m_m.gates)
        rows.append({g.stage, g.gate, dash(g.rule),
                     g.requiredHoldMs ? formatDuration(Milliseconds(g.requiredHoldMs)) : QStringLiteral("–"),
                     g.verdict, dash(g.sustained), QString::number(g.resets),
                     dash(g.decidedBy.join(QStringLiteral(", ")))});
    if (rows.isEmpty())
        m_c.paragraph(QStringLiteral("No gate was evaluated."));
    else
        m_c.table({{QStringLiteral("Stage"), 1.2},
                   {QStringLiteral("Gate"), 1.3},
                   {QStringLiteral("Rule"), 2},
                   {QStringLiteral("Hold"), 0.8},
                   {QStringLiteral("Outcome"), 1.15},
                   {QStringLiteral("Sustained window"), 2.6},
                   {QStringLiteral("Resets"), 0.85},
                   {QStringLiteral("Decided by"), 1.6}},
                  rows);
}

void EvidenceSections::integrity()
{
    m_c.heading(titles()[10]);
    const Integrity &i = m_m.integrity;
    if (!i.verified)
        m_c.banner(QStringLiteral("JOURNAL TAMPERED — first bad event: %1").arg(i.firstBadEvent), kRed,
                   Qt::white, 11);
    m_c.keyValues({{QStringLiteral("Journal"), m_m.journalLocation},
                   {QStringLiteral("Chain head (seq:hash)"), i.head.toString()},
                   {QStringLiteral("Events in the journal"), QString::number(i.journalEvents)},
                   {QStringLiteral("Events of this run"), QString::number(m_m.journal.size())},
                   {QStringLiteral("journal verify"), i.verifyResult},
                   {QStringLiteral("JSON bundle SHA-256"), dash(i.bundleSha256)}});
    m_c.paragraph(QStringLiteral("To check later: `cutover-cockpit journal verify --journal %1 --head %2` "
                                 "must pass (nothing changed or cut off), and `sha256sum` of the JSON bundle "
                                 "must print the hash above.")
                      .arg(m_m.journalLocation, i.head.toString()));
}

bool EvidenceSections::appendix(const PageComposer::Progress &progress)
{
    m_c.heading(titles()[11]);
    m_c.paragraph(
        QStringLiteral(
            "Every event of run %1, in journal order: seq, hash (first 10 digits), time (UTC), type, actor, "
            "payload (lines longer than the page are cut; the JSON bundle has them whole).")
            .arg(m_m.runId));
    return m_c.lines(
        m_m.journal.size(),
        [this](qint64 i) {
            const JournalEvent &e = m_m.journal[i];
            return QStringLiteral("%1 %2 %3 %4 %5 %6")
                .arg(e.seq(), 7)
                .arg(QString::fromLatin1(e.hash().left(10)))
                .arg(QDateTime::fromMSecsSinceEpoch(e.at(), Qt::UTC)
                         .toString(QStringLiteral("MM-dd HH:mm:ss")),
                     e.typeName().leftJustified(17), e.actor().left(16).leftJustified(16),
                     QString::fromUtf8(e.payloadJson().left(400)));
        },
        progress);
}

} // namespace cockpit::report
