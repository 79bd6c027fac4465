#include "report/EvidenceBundle.h"

#include "core/base/Redactor.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace cockpit::report {

namespace {

QJsonValue iso(std::optional<qint64> ms)
{
    if (!ms)
        return QJsonValue();
    return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue ms(std::optional<Milliseconds> d)
{
    return d ? QJsonValue(double(d->count())) : QJsonValue();
}

QJsonObject pairs(const QList<std::pair<QString, QString>> &list)
{
    QJsonObject o;
    for (const auto &[k, v] : list)
        o.insert(k, v);
    return o;
}

QJsonObject rehearsals(const RehearsalComparison &r)
{
    QJsonArray earlier;
    for (qsizetype i = 0; i < r.earlier.size(); ++i) {
        const RunComparison::Summary &s = r.earlier[i];
        QJsonArray stages;
        for (const auto &st : s.stages)
            stages.append(
                QJsonObject {{QStringLiteral("stage"), st.stage},
                             {QStringLiteral("end"), st.end},
                             {QStringLiteral("soak_ms"), ms(st.soak)},
                             {QStringLiteral("rollout_to_promotion_ms"), ms(st.rolloutToPromotion)}});
        earlier.append(QJsonObject {{QStringLiteral("run_id"), s.runId},
                                    {QStringLiteral("started_at"), iso(s.startedAt)},
                                    {QStringLiteral("outcome"), s.outcome},
                                    {QStringLiteral("stages"), stages},
                                    {QStringLiteral("rollback_ms"), ms(r.rollbackTimes.value(i))}});
    }
    return {{QStringLiteral("earlier"), earlier},
            {QStringLiteral("forecast_median_ms"), ms(r.forecastMedian)},
            {QStringLiteral("forecast_worst_ms"), ms(r.forecastWorst)},
            {QStringLiteral("target_ms"), double(r.target.count())}};
}

} // namespace

QJsonObject EvidenceBundle::toJson(const EvidenceModel &m)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QStringLiteral("cutover-cockpit-evidence/1"));
    o.insert(QStringLiteral("generated_at"), iso(m.generatedAt));
    o.insert(QStringLiteral("run"),
             QJsonObject {{QStringLiteral("id"), m.runId},
                          {QStringLiteral("runbook"), m.runbook},
                          {QStringLiteral("runbook_file"), m.runbookFile},
                          {QStringLiteral("runbook_sha256"), m.runbookSha256},
                          {QStringLiteral("mode"), runModeName(m.mode)},
                          {QStringLiteral("lead"), m.lead},
                          {QStringLiteral("started_at"), iso(m.startedAt)},
                          {QStringLiteral("finished_at"), iso(m.finishedAt)},
                          {QStringLiteral("outcome"), m.outcome},
                          {QStringLiteral("outcome_label"), m.outcomeLabel}});
    QJsonArray decisions;
    for (const DecisionRow &d : m.decisions)
        decisions.append(QJsonObject {{QStringLiteral("at"), iso(d.at)},
                                      {QStringLiteral("who"), d.who},
                                      {QStringLiteral("kind"), d.kind},
                                      {QStringLiteral("stage"), d.stage},
                                      {QStringLiteral("target"), d.target},
                                      {QStringLiteral("decision"), d.decision},
                                      {QStringLiteral("reason"), d.reason}});
    o.insert(QStringLiteral("decisions"), decisions);
    o.insert(QStringLiteral("deviations"), QJsonArray::fromStringList(m.deviations));
    QJsonArray prereqs;
    for (const PrerequisiteRow &p : m.prerequisites)
        prereqs.append(QJsonObject {{QStringLiteral("id"), p.id},
                                    {QStringLiteral("category"), p.category},
                                    {QStringLiteral("verdict"), p.verdict},
                                    {QStringLiteral("explanation"), p.explanation},
                                    {QStringLiteral("observed"), p.observed},
                                    {QStringLiteral("at"), p.at ? iso(p.at) : QJsonValue()},
                                    {QStringLiteral("manual"), p.manual},
                                    {QStringLiteral("confirmed_by"), p.confirmedBy}});
    o.insert(QStringLiteral("prerequisites"), prereqs);
    QJsonArray stages;
    for (const auto &s : m.summary.stages)
        stages.append(QJsonObject {{QStringLiteral("stage"), s.stage},
                                   {QStringLiteral("attempts"), s.attempts},
                                   {QStringLiteral("entered_at"), iso(s.enteredAt)},
                                   {QStringLiteral("ended_at"), iso(s.endedAt)},
                                   {QStringLiteral("end"), s.end},
                                   {QStringLiteral("planned_soak_ms"), ms(s.plannedSoak)},
                                   {QStringLiteral("soak_ms"), ms(s.soak)}});
    o.insert(QStringLiteral("stages"), stages);
    QJsonArray checkpoints;
    for (const CheckpointRow &c : m.checkpoints)
        checkpoints.append(QJsonObject {{QStringLiteral("stage"), c.stage},
                                        {QStringLiteral("index"), c.index},
                                        {QStringLiteral("offset_ms"), double(c.offsetMs)},
                                        {QStringLiteral("at"), iso(c.at)},
                                        {QStringLiteral("metrics"), pairs(c.metrics)}});
    o.insert(QStringLiteral("checkpoints"), checkpoints);
    QJsonArray gates;
    for (const GateRow &g : m.gates)
        gates.append(QJsonObject {{QStringLiteral("stage"), g.stage},
                                  {QStringLiteral("gate"), g.gate},
                                  {QStringLiteral("kind"), g.kind},
                                  {QStringLiteral("rule"), g.rule},
                                  {QStringLiteral("required_hold_ms"), double(g.requiredHoldMs)},
                                  {QStringLiteral("verdict"), g.verdict},
                                  {QStringLiteral("phase"), g.phase},
                                  {QStringLiteral("sustained"), g.sustained},
                                  {QStringLiteral("resets"), g.resets},
                                  {QStringLiteral("decided_by"), QJsonArray::fromStringList(g.decidedBy)}});
    o.insert(QStringLiteral("gates"), gates);
    QJsonArray triggers;
    for (const TriggerRow &t : m.triggers)
        triggers.append(QJsonObject {{QStringLiteral("at"), iso(t.at)},
                                     {QStringLiteral("stage"), t.stage},
                                     {QStringLiteral("trigger"), t.trigger},
                                     {QStringLiteral("severity"), t.severity},
                                     {QStringLiteral("effect"), t.effect},
                                     {QStringLiteral("explanation"), t.explanation},
                                     {QStringLiteral("raised_by"), t.raisedBy}});
    o.insert(QStringLiteral("triggers"), triggers);
    QJsonArray rollbacks;
    for (const RollbackRow &r : m.rollbacks)
        rollbacks.append(QJsonObject {{QStringLiteral("stage"), r.summary.stage},
                                      {QStringLiteral("trigger"), r.summary.trigger},
                                      {QStringLiteral("reason"), r.summary.reason},
                                      {QStringLiteral("started_by"), r.summary.startedBy},
                                      {QStringLiteral("started_at"), iso(r.summary.startedAt)},
                                      {QStringLiteral("finished_at"), iso(r.summary.finishedAt)},
                                      {QStringLiteral("duration_ms"), ms(r.summary.duration)},
                                      {QStringLiteral("target_ms"), double(r.summary.target.count())},
                                      {QStringLiteral("ok"), r.summary.ok},
                                      {QStringLiteral("steps"), pairs(r.steps)}});
    o.insert(QStringLiteral("rollbacks"), rollbacks);
    QJsonArray recon;
    for (const QJsonObject &r : m.reconciliations)
        recon.append(r);
    o.insert(QStringLiteral("reconciliations"), recon);
    QJsonArray signOffs;
    for (const SignOffRow &s : m.signOffs)
        signOffs.append(QJsonObject {{QStringLiteral("at"), iso(s.at)},
                                     {QStringLiteral("who"), s.who},
                                     {QStringLiteral("result"), s.result},
                                     {QStringLiteral("issues"), s.issues},
                                     {QStringLiteral("notes"), s.notes},
                                     {QStringLiteral("fields"), pairs(s.fields)}});
    o.insert(QStringLiteral("sign_offs"), signOffs);
    o.insert(QStringLiteral("rehearsals"), rehearsals(m.rehearsals));
    o.insert(QStringLiteral("integrity"),
             QJsonObject {{QStringLiteral("head"), m.integrity.head.toString()},
                          {QStringLiteral("journal_events"), double(m.integrity.journalEvents)},
                          {QStringLiteral("verified"), m.integrity.verified},
                          {QStringLiteral("verify_result"), m.integrity.verifyResult},
                          {QStringLiteral("first_bad_seq"), double(m.integrity.firstBadSeq)}});
    return o;
}

QByteArray EvidenceBundle::eventLine(const JournalEvent &e)
{
    // The stored payload text as it was hashed, not re-serialized: exact, and no JSON tree per event.
    QByteArray line;
    line.reserve(e.payloadJson().size() + 300);
    line += "{\"seq\":" + QByteArray::number(e.seq()) + ",\"run_id\":" + jsonString(e.runId())
        + ",\"at\":" + QByteArray::number(e.at()) + ",\"at_iso\":\""
        + QDateTime::fromMSecsSinceEpoch(e.at(), Qt::UTC).toString(Qt::ISODateWithMs).toLatin1()
        + "\",\"type\":\"" + e.typeName().toLatin1() + "\",\"actor\":" + jsonString(e.actor())
        + ",\"payload\":" + e.payloadJson() + ",\"prev_hash\":\"" + e.prevHash() + "\",\"hash\":\"" + e.hash()
        + "\"}";
    return line;
}

QByteArray EvidenceBundle::jsonString(const QString &s)
{
    QByteArray out = "\"";
    for (const char c : s.toUtf8()) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += "\\u00" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    return out + "\"";
}

QByteArray EvidenceBundle::bytes(const EvidenceModel &model)
{
    // The evidence indented; the journal streamed one event a line (10^5 events: no JSON tree for them).
    QByteArray out = QJsonDocument(toJson(model)).toJson(QJsonDocument::Indented);
    out.chop(2); // "}\n"
    out += ",\n    \"journal\": [";
    for (qsizetype i = 0; i < model.journal.size(); ++i) {
        out += i ? ",\n        " : "\n        ";
        out += eventLine(model.journal[i]);
    }
    out += "\n    ]\n}\n";
    return Redactor::redact(out);
}

QString EvidenceBundle::sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Expected<void, QString> EvidenceBundle::write(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return unexpected(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

} // namespace cockpit::report
