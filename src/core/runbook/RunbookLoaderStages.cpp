// RunbookLoader: stages: and their gates.
#include "core/runbook/RunbookLoader.h"
#include "core/runbook/RunbookLoaderText.h"
#include "core/runbook/YamlReader.h"

namespace cockpit {

using namespace runbook_loader;

std::optional<Gate> RunbookLoader::parseGate(const YAML::Node &node, IdScope &scope, int index)
{
    const YamlReader::Map m = m_r.map(
        node, QStringLiteral("a gate"),
        {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("expect"), QStringLiteral("hold"),
         QStringLiteral("no_data_grace"), QStringLiteral("recover_within"), QStringLiteral("manual"),
         QStringLiteral("no_degradation"), QStringLiteral("alpha"), QStringLiteral("tolerance"),
         QStringLiteral("no_new_values"), QStringLiteral("check"), QStringLiteral("every")});
    if (!m.isValid())
        return std::nullopt;
    Gate g;
    const YamlReader::Pos p = m_r.pos(node);
    g.pos = {p.line, p.column};
    g.id = m.has(QStringLiteral("id"))
        ? id(node, m.value(QStringLiteral("id")), &scope, QStringLiteral("gate"))
        : QStringLiteral("gate-%1").arg(index);
    g.title = m_r.str(m, QStringLiteral("title"));
    const QString kind = m_r.exactlyOne(m,
                                        {QStringLiteral("expect"), QStringLiteral("manual"),
                                         QStringLiteral("no_degradation"), QStringLiteral("no_new_values"),
                                         QStringLiteral("check")},
                                        QStringLiteral("gate kind"));
    // Options that belong to one kind of gate only.
    const QList<QPair<QString, QString>> only {
        {QStringLiteral("hold"), QStringLiteral("expect")},
        {QStringLiteral("no_data_grace"), QStringLiteral("expect")},
        {QStringLiteral("recover_within"), QStringLiteral("expect")},
        {QStringLiteral("alpha"), QStringLiteral("no_degradation")},
        {QStringLiteral("tolerance"), QStringLiteral("no_degradation")},
        {QStringLiteral("every"), QStringLiteral("check")}};
    for (const auto &[opt, owner] : only)
        if (!kind.isEmpty() && m.has(opt) && kind != owner)
            m_r.error(
                m.keyNode(opt),
                QStringLiteral("%1 only applies to %2 gates, not to %3 gates").arg(q(opt), owner, kind));
    const YAML::Node v = m.value(kind);
    if (kind == u"expect") {
        g.kind = Gate::Kind::Condition;
        g.expect = metricCondition(v, QStringLiteral("a gate"));
        g.hold = m_r.dur(m, QStringLiteral("hold"), g.hold);
        g.noDataGrace = m_r.dur(m, QStringLiteral("no_data_grace"), g.noDataGrace);
        g.recoverWithin = m_r.dur(m, QStringLiteral("recover_within"), g.recoverWithin);
    } else if (kind == u"manual") {
        g.kind = Gate::Kind::Manual;
        g.instruction
            = m_r.string(v, QStringLiteral("\"manual\" (what a person confirms)")).value_or(QString());
    } else if (kind == u"no_degradation" || kind == u"no_new_values") {
        g.kind = kind == u"no_degradation" ? Gate::Kind::NoDegradation : Gate::Kind::NoNewValues;
        g.query = parseSqlQuery(v, q(kind));
        if (m.has(QStringLiteral("alpha"))) {
            const auto a = m_r.number(m.value(QStringLiteral("alpha")), QStringLiteral("\"alpha\""));
            if (a && (*a <= 0 || *a >= 1))
                m_r.error(m.value(QStringLiteral("alpha")),
                          QStringLiteral("\"alpha\" must be between 0 and 1 (exclusive), got %1").arg(*a));
            else if (a)
                g.alpha = *a;
        }
        if (m.has(QStringLiteral("tolerance"))) {
            const YAML::Node tn = m.value(QStringLiteral("tolerance"));
            const YamlReader::Text t = m_r.text(tn, QStringLiteral("\"tolerance\""));
            QString s = t.value.trimmed();
            bool ok = t.ok && s.endsWith(u'%');
            s.chop(1);
            const double d = ok ? s.trimmed().toDouble(&ok) : 0;
            if (t.ok && (!ok || d < 0 || d > 1000))
                m_r.error(tn,
                          QStringLiteral("expected the allowed rise of the median as a percentage "
                                         "(\"10%\", 0-1000%) for \"tolerance\", got %1")
                              .arg(q(t.value)));
            else if (ok)
                g.tolerance = d / 100.0;
        }
    } else if (kind == u"check") {
        g.kind = Gate::Kind::Check;
        g.check = parseCheck(v, nullptr, QStringLiteral("a gate check"));
        if (g.check && g.check->id.isEmpty()) {
            g.check->id = g.id;
            if (g.check->title.isEmpty())
                g.check->title = g.title;
        }
        g.every = m_r.optDur(m, QStringLiteral("every"));
    }
    if (g.title.isEmpty())
        g.title = g.instruction.isEmpty() ? (g.expect ? g.expect->text() : g.id) : g.instruction;
    return g;
}

void RunbookLoader::parseStages(const YAML::Node &node)
{
    if (!m_r.isSequence(node, QStringLiteral("\"stages\"")))
        return;
    IdScope stageScope {QStringLiteral("stage"), {}};
    for (const YAML::Node &item : node) {
        const YamlReader::Map m
            = m_r.map(item, QStringLiteral("a stage"),
                      {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("description"),
                       QStringLiteral("rollout"), QStringLiteral("verify"), QStringLiteral("soak"),
                       QStringLiteral("checkpoints"), QStringLiteral("gates"),
                       QStringLiteral("second_approver"), QStringLiteral("can_run_alone")});
        if (!m.isValid())
            continue;
        Stage s;
        const YamlReader::Pos p = m_r.pos(item);
        s.pos = {p.line, p.column};
        m_r.requireKeys(m, {QStringLiteral("id")});
        if (m.has(QStringLiteral("id")))
            s.id = id(item, m.value(QStringLiteral("id")), &stageScope, QStringLiteral("stage"));
        m_stageIds.insert(s.id);
        s.title = m_r.str(m, QStringLiteral("title"), s.id);
        s.description = m_r.str(m, QStringLiteral("description"));
        // Actions, checks and gates of a stage share one id scope: the journal names them stage/id.
        IdScope inner {QStringLiteral("step"), {}};
        if (m.has(QStringLiteral("rollout")))
            s.rollout
                = parseActions(m.value(QStringLiteral("rollout")), inner, QStringLiteral("a rollout step"));
        if (m.has(QStringLiteral("verify")))
            s.verify
                = parseChecks(m.value(QStringLiteral("verify")), inner, QStringLiteral("a verify check"));
        s.soak = m_r.dur(m, QStringLiteral("soak"), s.soak);
        if (m.has(QStringLiteral("checkpoints"))) {
            const YAML::Node cp = m.value(QStringLiteral("checkpoints"));
            if (cp.IsSequence()) {
                for (const YAML::Node &d : cp)
                    if (auto v = m_r.duration(d, QStringLiteral("a checkpoint")))
                        s.checkpoints.at.append(*v);
            } else if (cp.IsMap()) {
                const YamlReader::Map cm
                    = m_r.map(cp, QStringLiteral("\"checkpoints\""), {QStringLiteral("every")});
                if (m_r.requireKeys(cm, {QStringLiteral("every")}))
                    s.checkpoints.every = m_r.optDur(cm, QStringLiteral("every"));
            } else {
                m_r.error(cp,
                          QStringLiteral("expected a list of durations ([1h, 6h, 24h]) or {every: 12h} for "
                                         "\"checkpoints\", got %1")
                              .arg(YamlReader::describe(cp)));
            }
        }
        if (m.has(QStringLiteral("gates"))
            && m_r.isSequence(m.value(QStringLiteral("gates")), QStringLiteral("\"gates\""))) {
            int index = 0;
            for (const YAML::Node &g : m.value(QStringLiteral("gates")))
                if (auto gate = parseGate(g, inner, ++index))
                    s.gates.append(*gate);
        }
        s.requiresSecondApprover = m_r.flag(m, QStringLiteral("second_approver"), false);
        s.canRunAlone = m_r.flag(m, QStringLiteral("can_run_alone"), false);
        m_rb.stages.append(s);
    }
}

} // namespace cockpit
