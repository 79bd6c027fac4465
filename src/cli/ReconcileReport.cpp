#include "cli/ReconcileReport.h"

#include "core/conditions/CountDifference.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace cockpit::cli {

namespace {

QString verdictWord(Verdict v)
{
    switch (v) {
    case Verdict::Pass: return QStringLiteral("PASS");
    case Verdict::Fail: return QStringLiteral("FAIL");
    case Verdict::NoData: return QStringLiteral("NO DATA");
    case Verdict::Inconclusive: break;
    }
    return QStringLiteral("INCONCLUSIVE");
}

QString count(const std::optional<qint64> &n)
{
    return n ? QString::number(*n) : QStringLiteral("-");
}

// RFC 4180 field: quoted when it holds a comma, quote or line break.
QString csv(QString v)
{
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n'))) {
        v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

QString checkLines(const QList<CheckResult> &checks, const QString &label)
{
    QString out;
    for (const CheckResult &c : checks) {
        out += QStringLiteral("  %1 %2  %3  %4\n").arg(label, c.checkId, verdictWord(c.verdict), c.summary);
        QStringList rows;
        for (const QVariantList &row : c.observation.rows) {
            QStringList cells;
            for (const QVariant &v : row)
                cells << (v.isNull() ? QStringLiteral("NULL") : v.toString());
            rows << cells.join(QStringLiteral(", "));
        }
        if (!rows.isEmpty() && c.verdict != Verdict::Pass)
            out += QStringLiteral("    rows (%1 of %2): %3\n")
                       .arg(rows.size())
                       .arg(c.observation.rowCount)
                       .arg(rows.join(QStringLiteral("; ")));
    }
    return out;
}

} // namespace

QString ReconcileReport::text(const ReconciliationResult &r)
{
    QString out = QStringLiteral("Reconciliation %1 (method %2)%3\n  source %4\n  target %5\n")
                      .arg(r.id, r.method,
                           r.title.isEmpty() || r.title == r.id ? QString() : QStringLiteral(": ") + r.title,
                           r.source, r.target);
    for (const TableResult &t : r.tables) {
        QString counts = QStringLiteral("%1 -> %2  rows %3 / %4%5, allowed difference %6")
                             .arg(t.source, t.target, count(t.sourceRows), count(t.targetRows),
                                  t.estimated ? QStringLiteral(" (estimates)") : QString())
                             .arg(t.allowedDifference);
        if (t.sourceRows && t.targetRows)
            counts += QStringLiteral(": ")
                + CountDifference::describe(*t.sourceRows, *t.targetRows, t.allowedDifference);
        out += QStringLiteral("  %1  %2\n")
                   .arg(t.passed() ? QStringLiteral("PASS") : QStringLiteral("FAIL"), counts);
        if (!t.error.isEmpty())
            out += QStringLiteral("    error: %1\n").arg(t.error);
        for (const AggregateValue &a : t.aggregates)
            if (!a.equal())
                out += QStringLiteral("    %1(%2): source %3, target %4\n")
                           .arg(a.name, a.column, a.source, a.target);
        if (t.diffRun && t.error.isEmpty()) {
            out += QStringLiteral(
                       "    diff on (%1): %2 missing in target, %3 extra in target, %4 changed (%5 rows "
                       "scanned, %6 ranges compared)\n")
                       .arg(t.keyColumns.join(QStringLiteral(", ")))
                       .arg(t.missingInTarget)
                       .arg(t.extraInTarget)
                       .arg(t.changed)
                       .arg(t.rowsScanned)
                       .arg(t.segmentsCompared);
            for (const RowDifference &d : t.differences) {
                if (d.kind == RowDifference::Kind::Changed) {
                    QStringList cols;
                    for (qsizetype i = 0; i < d.columns.size(); ++i)
                        cols << QStringLiteral("%1: %2 -> %3")
                                    .arg(d.columns[i], d.sourceValues.value(i), d.targetValues.value(i));
                    out += QStringLiteral("      changed %1  %2\n")
                               .arg(d.key, cols.join(QStringLiteral("; ")));
                } else {
                    out += QStringLiteral("      %1 %2\n")
                               .arg(d.kind == RowDifference::Kind::MissingInTarget
                                        ? QStringLiteral("missing")
                                        : QStringLiteral("extra  "),
                                    d.key);
                }
            }
            const qint64 total = t.missingInTarget + t.extraInTarget + t.changed;
            if (qint64(t.differences.size()) < total)
                out += QStringLiteral("      ... %1 more (see the JSON report)\n")
                           .arg(total - t.differences.size());
        }
    }
    out += checkLines(r.checks, QStringLiteral("check"));
    for (const FixOutcome &f : r.fixes) {
        QString what = f.needsReview ? QStringLiteral("needs review: %1").arg(f.instruction)
            : f.applied
            ? QStringLiteral("applied%1")
                  .arg(f.rowsAffected >= 0 ? QStringLiteral(" (%1 rows)").arg(f.rowsAffected) : QString())
            : QStringLiteral("FAILED: %1").arg(f.error);
        out += QStringLiteral("  fix %1 (%2)  %3\n").arg(f.id, f.kind, what);
    }
    out += checkLines(r.checksAfterFixes, QStringLiteral("re-check"));
    if (r.cancelled)
        out += QStringLiteral("  CANCELLED %1\n").arg(r.cancelledAt);
    if (!r.error.isEmpty())
        out += QStringLiteral("  error: %1\n").arg(r.error);
    out += QStringLiteral("  => %1\n")
               .arg(r.passed() ? QStringLiteral("within tolerance") : QStringLiteral("NOT within tolerance"));
    return out;
}

QJsonObject ReconcileReport::json(const Runbook &runbook, const QList<ReconciliationResult> &results,
                                  bool interrupted)
{
    QJsonArray list;
    bool passed = !interrupted;
    for (const ReconciliationResult &r : results) {
        list.append(r.toJson());
        passed = passed && r.passed();
    }
    return QJsonObject {
        {QStringLiteral("runbook"), runbook.name},
        {QStringLiteral("file"), runbook.file},
        {QStringLiteral("generated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("passed"), passed},
        {QStringLiteral("interrupted"), interrupted},
        {QStringLiteral("reconciliations"), list}};
}

Expected<QString, QString> ReconcileReport::writeArtifacts(const QString &dir, const QJsonObject &report,
                                                           const QList<ReconciliationResult> &results)
{
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss.zzz'Z'"));
    const QString out = QDir(dir).filePath(stamp);
    if (!QDir().mkpath(out))
        return unexpected(QStringLiteral("cannot create %1").arg(out));
    QString counts
        = QStringLiteral("reconciliation,source_table,target_table,source_rows,target_rows,difference,"
                         "allowed_difference,estimated,passed\n");
    QString differences
        = QStringLiteral("reconciliation,table,kind,key,columns,source_values,target_values\n");
    QString checks = QStringLiteral("reconciliation,check,phase,verdict,rows,summary\n");
    for (const ReconciliationResult &r : results) {
        for (const TableResult &t : r.tables) {
            counts
                += QStringList {csv(r.id),
                                csv(t.source),
                                csv(t.target),
                                count(t.sourceRows),
                                count(t.targetRows),
                                t.sourceRows && t.targetRows ? QString::number(*t.targetRows - *t.sourceRows)
                                                             : QStringLiteral("-"),
                                QString::number(t.allowedDifference),
                                t.estimated ? QStringLiteral("true") : QStringLiteral("false"),
                                t.passed() ? QStringLiteral("true") : QStringLiteral("false")}
                       .join(QLatin1Char(','))
                + QLatin1Char('\n');
            for (const RowDifference &d : t.differences)
                differences += QStringList {csv(r.id),
                                            csv(t.source),
                                            RowDifference::kindName(d.kind),
                                            csv(d.key),
                                            csv(d.columns.join(QLatin1Char(' '))),
                                            csv(d.sourceValues.join(QLatin1Char(' '))),
                                            csv(d.targetValues.join(QLatin1Char(' ')))}
                                   .join(QLatin1Char(','))
                    + QLatin1Char('\n');
        }
        for (const auto &[phase, list] : {std::pair {QStringLiteral("before_fixes"), &r.checks},
                                          std::pair {QStringLiteral("after_fixes"), &r.checksAfterFixes}})
            for (const CheckResult &c : *list)
                checks += QStringList {csv(r.id),
                                       csv(c.checkId),
                                       phase,
                                       verdictWord(c.verdict),
                                       QString::number(c.observation.rowCount),
                                       csv(c.summary)}
                              .join(QLatin1Char(','))
                    + QLatin1Char('\n');
    }
    const QList<std::pair<QString, QByteArray>> files {
        {QStringLiteral("report.json"), QJsonDocument(report).toJson(QJsonDocument::Indented)},
        {QStringLiteral("counts.csv"), counts.toUtf8()},
        {QStringLiteral("differences.csv"), differences.toUtf8()},
        {QStringLiteral("checks.csv"), checks.toUtf8()},
    };
    QByteArray manifest;
    for (const auto &[name, data] : files) {
        QSaveFile f(QDir(out).filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
            return unexpected(QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()));
        manifest += QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex() + "  " + name.toUtf8()
            + '\n';
    }
    QSaveFile m(QDir(out).filePath(QStringLiteral("MANIFEST.sha256")));
    if (!m.open(QIODevice::WriteOnly) || m.write(manifest) != manifest.size() || !m.commit())
        return unexpected(QStringLiteral("cannot write %1: %2").arg(m.fileName(), m.errorString()));
    return out;
}

} // namespace cockpit::cli
