#include "engine/SignOff.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QTime>
#include <algorithm>

namespace cockpit {

namespace {

Refusal signOffRefused(const QStringList &reasons)
{
    return Refusal {QStringLiteral("sign-off refused"), reasons};
}

} // namespace

QList<SignOffField> SignOff::fieldsOf(const Runbook &runbook)
{
    if (!runbook.signOff.isEmpty())
        return runbook.signOff;
    return {{QStringLiteral("date"), QStringLiteral("Date"), QStringLiteral("date"), {}, true},
            {QStringLiteral("time"), QStringLiteral("Time"), QStringLiteral("time"), {}, true},
            {QStringLiteral("lead"), QStringLiteral("Lead"), QStringLiteral("person"), {}, true},
            {QStringLiteral("outcome"),
             QStringLiteral("Outcome"),
             QStringLiteral("choice"),
             {QStringLiteral("SUCCESS"), QStringLiteral("ROLLBACK")},
             true},
            {QStringLiteral("issues"),
             QStringLiteral("Issues encountered"),
             QStringLiteral("multiline"),
             {},
             false},
            {QStringLiteral("notes"), QStringLiteral("Notes"), QStringLiteral("multiline"), {}, false}};
}

const SignOffField *SignOff::outcomeField(const QList<SignOffField> &fields)
{
    for (const SignOffField &f : fields)
        if (f.choices.contains(QStringLiteral("SUCCESS")) && f.choices.contains(QStringLiteral("ROLLBACK")))
            return &f;
    return nullptr;
}

EngineCommand SignOff::command(const Runbook &runbook, const QString &who, bool success,
                               QMap<QString, QString> values, const QDateTime &now)
{
    const QList<SignOffField> fields = fieldsOf(runbook);
    for (const SignOffField &f : fields) {
        if (values.contains(f.name))
            continue;
        if (f.type == QLatin1String("date"))
            values.insert(f.name, now.date().toString(Qt::ISODate));
        else if (f.type == QLatin1String("time"))
            values.insert(f.name, now.time().toString(QStringLiteral("HH:mm")));
        else if (f.type == QLatin1String("person"))
            values.insert(f.name, who);
    }
    if (const SignOffField *o = outcomeField(fields); o && !values.contains(o->name))
        values.insert(o->name, success ? QStringLiteral("SUCCESS") : QStringLiteral("ROLLBACK"));
    EngineCommand c;
    c.kind = EngineCommand::Kind::SignOff;
    c.who = who;
    c.accept = success;
    c.reason = values.value(QStringLiteral("issues"));
    c.statement = values.value(QStringLiteral("notes"));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        c.fields.insert(it.key(), it.value());
    return c;
}

RunCommand SignOff::plan(const RunState &state, qint64 now, const EngineCommand &c)
{
    if (c.who.trimmed().isEmpty())
        return unexpected(
            signOffRefused({QStringLiteral("a sign-off needs the name of the person giving it")}));
    const RunState::Phase phase = state.phase();
    if (phase != RunState::Phase::Finished && phase != RunState::Phase::RolledBack)
        return unexpected(signOffRefused({QStringLiteral("run %1 has not finished or rolled back yet (%2)")
                                              .arg(state.runId(), RunState::phaseName(phase))}));
    if (!state.signedOffBy().isEmpty())
        return unexpected(signOffRefused(
            {QStringLiteral("run %1 is signed off already, by %2").arg(state.runId(), state.signedOffBy())}));
    if (c.accept && (phase == RunState::Phase::RolledBack || state.outcome() == QLatin1String("rolled_back")))
        return unexpected(signOffRefused(
            {QStringLiteral("run %1 was rolled back: it is signed off as ROLLBACK, not SUCCESS")
                 .arg(state.runId())}));
    const QList<SignOffField> fields = fieldsOf(state.runbook());
    QStringList problems;
    // Only a form's fields are recorded: a name the runbook does not ask for is a typo, not evidence.
    for (auto it = c.fields.constBegin(); it != c.fields.constEnd(); ++it) {
        const bool known = std::any_of(fields.cbegin(), fields.cend(),
                                       [&](const SignOffField &f) { return f.name == it.key(); });
        if (!known) {
            QStringList names;
            for (const SignOffField &f : fields)
                names << f.name;
            problems << QStringLiteral("the sign-off form has no field %1 (it has %2)")
                            .arg(it.key(), names.join(QStringLiteral(", ")));
        }
    }
    for (const SignOffField &f : fields) {
        const QString v = c.fields.value(f.name).toString().trimmed();
        if (v.isEmpty()) {
            if (f.required)
                problems << QStringLiteral("%1 (%2) is required").arg(f.label, f.name);
            continue;
        }
        if (!f.choices.isEmpty() && !f.choices.contains(v))
            problems << QStringLiteral("%1 must be one of %2, not %3")
                            .arg(f.label, f.choices.join(QStringLiteral(", ")), v);
        else if (f.type == QLatin1String("date") && !QDate::fromString(v, Qt::ISODate).isValid())
            problems << QStringLiteral("%1 must be a date as YYYY-MM-DD, not %2").arg(f.label, v);
        else if (f.type == QLatin1String("time") && !QTime::fromString(v, QStringLiteral("HH:mm")).isValid())
            problems << QStringLiteral("%1 must be a time as HH:MM, not %2").arg(f.label, v);
    }
    if (const SignOffField *o = outcomeField(fields)) {
        const QString v = c.fields.value(o->name).toString();
        if ((v == QLatin1String("SUCCESS")) != c.accept && !v.isEmpty())
            problems << QStringLiteral("%1 says %2 but the sign-off says %3")
                            .arg(o->label, v,
                                 c.accept ? QStringLiteral("SUCCESS") : QStringLiteral("ROLLBACK"));
    }
    if (!problems.isEmpty())
        return unexpected(signOffRefused(problems));
    JournalEventDraft d;
    d.runId = state.runId();
    d.at = now;
    d.type = JournalEventType::SignOff;
    d.actor = c.who;
    d.payload
        = {{QStringLiteral("result"), c.accept ? QStringLiteral("SUCCESS") : QStringLiteral("ROLLBACK")},
           {QStringLiteral("issues"), c.reason},
           {QStringLiteral("notes"), c.statement}};
    if (!c.fields.isEmpty())
        d.payload.insert(QStringLiteral("fields"), c.fields);
    return QList<JournalEventDraft> {d};
}

} // namespace cockpit
