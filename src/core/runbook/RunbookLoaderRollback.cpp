// RunbookLoader: rollback: (target, point of no return, triggers, steps).
#include "core/runbook/RunbookLoader.h"
#include "core/runbook/RunbookLoaderText.h"
#include "core/runbook/YamlReader.h"

namespace cockpit {

using namespace runbook_loader;

void RunbookLoader::parseRollback(const YAML::Node &node)
{
    const YamlReader::Map m
        = m_r.map(node, QStringLiteral("\"rollback\""),
                  {QStringLiteral("target"), QStringLiteral("point_of_no_return"),
                   QStringLiteral("restart_from"), QStringLiteral("triggers"), QStringLiteral("steps")});
    if (!m.isValid())
        return;
    Rollback &r = m_rb.rollback;
    const YamlReader::Pos p = m_r.pos(node);
    r.pos = {p.line, p.column};
    r.target = m_r.dur(m, QStringLiteral("target"), r.target);
    if (m.has(QStringLiteral("point_of_no_return"))) {
        const YamlReader::Map pm
            = m_r.map(m.value(QStringLiteral("point_of_no_return")), QStringLiteral("\"point_of_no_return\""),
                      {QStringLiteral("after"), QStringLiteral("description")});
        m_r.requireKeys(pm, {QStringLiteral("description")});
        r.pointOfNoReturn = m_r.str(pm, QStringLiteral("description"));
        if (pm.has(QStringLiteral("after"))) {
            r.pointOfNoReturnAfter = m_r.str(pm, QStringLiteral("after"));
            m_noReturnAfter = pm.value(QStringLiteral("after"));
        }
    }
    if (m.has(QStringLiteral("restart_from"))) {
        r.restartFrom = m_r.str(m, QStringLiteral("restart_from"));
        m_restartFrom = m.value(QStringLiteral("restart_from"));
    }
    if (m.has(QStringLiteral("triggers"))
        && m_r.isSequence(m.value(QStringLiteral("triggers")), QStringLiteral("\"triggers\""))) {
        IdScope scope {QStringLiteral("trigger"), {}};
        for (const YAML::Node &item : m.value(QStringLiteral("triggers"))) {
            const YamlReader::Map tm
                = m_r.map(item, QStringLiteral("a trigger"),
                          {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("when"),
                           QStringLiteral("for"), QStringLiteral("severity"), QStringLiteral("action"),
                           QStringLiteral("within"), QStringLiteral("persists"), QStringLiteral("http"),
                           QStringLiteral("sql"), QStringLiteral("command"), QStringLiteral("every")});
            if (!tm.isValid())
                continue;
            Trigger t;
            const YamlReader::Pos tp = m_r.pos(item);
            t.pos = {tp.line, tp.column};
            m_r.requireKeys(tm, {QStringLiteral("id"), QStringLiteral("severity"), QStringLiteral("action")});
            if (tm.has(QStringLiteral("id")))
                t.id = id(item, tm.value(QStringLiteral("id")), &scope, QStringLiteral("trigger"));
            t.title = m_r.str(tm, QStringLiteral("title"), t.id);
            // A probe (http, sql or command) makes `when` a condition on what it observed; without one,
            // `when` reads metrics.
            QStringList probes;
            for (const QString &k :
                 {QStringLiteral("http"), QStringLiteral("sql"), QStringLiteral("command")})
                if (tm.has(k))
                    probes << k;
            if (probes.size() > 1)
                m_r.errorAtKey(tm, probes.last(),
                               QStringLiteral("a trigger reads one probe, not %1")
                                   .arg(probes.join(QStringLiteral(" and "))));
            if (!probes.isEmpty()) {
                const QString kind = probes.first();
                const YAML::Node v = tm.value(kind);
                if (kind == u"http") {
                    if (auto h = parseHttp(v))
                        t.probe = Probe(*h);
                } else if (kind == u"sql") {
                    if (auto q = parseSqlQuery(v, QStringLiteral("a sql probe")))
                        t.probe = Probe(*q);
                } else if (auto c = parseCommand(v)) {
                    t.probe = Probe(*c);
                }
                if (!tm.has(QStringLiteral("when")))
                    m_r.error(item,
                              QStringLiteral("missing required key \"when\" in a trigger that reads %1 (the "
                                             "condition on what it sees that fires it)")
                                  .arg(kind));
                else
                    t.when = m_r.condition(tm.value(QStringLiteral("when")), QStringLiteral("a trigger"));
                t.every = m_r.dur(tm, QStringLiteral("every"), t.every);
                if (t.every.count() <= 0)
                    m_r.error(tm.value(QStringLiteral("every")),
                              QStringLiteral("\"every\" of a trigger must be above 0"));
            } else {
                if (tm.has(QStringLiteral("every")))
                    m_r.errorAtKey(
                        tm, QStringLiteral("every"),
                        QStringLiteral("\"every\" applies to a trigger that reads a probe (http, sql "
                                       "or command); metrics have their own \"every\""));
                if (tm.has(QStringLiteral("when")))
                    t.when = metricCondition(tm.value(QStringLiteral("when")), QStringLiteral("a trigger"));
            }
            t.forDuration = m_r.dur(tm, QStringLiteral("for"), t.forDuration);
            static const QStringList severities {QStringLiteral("low"), QStringLiteral("medium"),
                                                 QStringLiteral("high"), QStringLiteral("critical")};
            if (tm.has(QStringLiteral("severity"))) {
                const QString s = m_r.str(tm, QStringLiteral("severity"));
                const qsizetype i = severities.indexOf(s);
                if (i < 0)
                    m_r.error(tm.value(QStringLiteral("severity")),
                              QStringLiteral(
                                  "expected one of critical, high, medium, low for \"severity\", got %1%2")
                                  .arg(q(s), YamlReader::didYouMean(s, severities)));
                else
                    t.severity = Trigger::Severity(i);
            }
            static const QStringList responses {
                QStringLiteral("rollback"), QStringLiteral("rollback_within"), QStringLiteral("extend"),
                QStringLiteral("rollback_if_persists"), QStringLiteral("incident")};
            if (tm.has(QStringLiteral("action"))) {
                const QString a = m_r.str(tm, QStringLiteral("action"));
                const qsizetype i = responses.indexOf(a);
                if (i < 0)
                    m_r.error(tm.value(QStringLiteral("action")),
                              QStringLiteral("expected one of %1 for \"action\", got %2%3")
                                  .arg(responses.join(QStringLiteral(", ")), q(a),
                                       YamlReader::didYouMean(a, responses)));
                else
                    t.response = Trigger::Response(i);
                if (a == u"rollback_within" && !tm.has(QStringLiteral("within")))
                    m_r.error(
                        item,
                        QStringLiteral(
                            "missing required key \"within\" in a trigger with action rollback_within"));
                if (a == u"rollback_if_persists" && !tm.has(QStringLiteral("persists")))
                    m_r.error(item,
                              QStringLiteral("missing required key \"persists\" in a trigger with action "
                                             "rollback_if_persists"));
            }
            t.within = m_r.dur(tm, QStringLiteral("within"), t.within);
            t.persists = m_r.dur(tm, QStringLiteral("persists"), t.persists);
            r.triggers.append(t);
        }
    }
    if (m.has(QStringLiteral("steps"))) {
        IdScope scope {QStringLiteral("rollback step"), {}};
        r.steps = parseActions(m.value(QStringLiteral("steps")), scope, QStringLiteral("a rollback step"));
    }
}

} // namespace cockpit
