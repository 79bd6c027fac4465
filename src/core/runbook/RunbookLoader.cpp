// The entry points, the root mapping, params and secrets, and what every section shares (ids, conditions).
// The sections themselves live in RunbookLoader<Section>.cpp beside this file.
#include "core/runbook/RunbookLoader.h"

#include "core/runbook/RunbookLoaderText.h"
#include "core/runbook/YamlReader.h"

#include <QFile>
#include <QRegularExpression>
#include <algorithm>

namespace cockpit {

using namespace runbook_loader;

RunbookLoader::RunbookLoader(YamlReader &reader, Runbook &runbook)
    : m_r(reader)
    , m_rb(runbook)
{
}

Expected<Runbook, Errors> RunbookLoader::loadFile(const QString &path,
                                                  const QMap<QString, QString> &paramOverrides, ParamSet set)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(
            Errors {Error::at(path, 0, 0, QStringLiteral("cannot read runbook: %1").arg(f.errorString()))});
    // Read one byte past the limit, never more: a huge file or a device must not be read whole.
    const QByteArray text = f.read(YamlReader::maxSourceBytes + 1);
    if (auto tooLarge = YamlReader::sourceTooLarge(path, std::max<qint64>(f.size(), text.size()),
                                                   QStringLiteral("the runbook")))
        return unexpected(Errors {*tooLarge});
    return loadText(text, path, paramOverrides, set);
}

Expected<Runbook, Errors> RunbookLoader::loadText(const QByteArray &yaml, const QString &fileName,
                                                  const QMap<QString, QString> &overrides, ParamSet set)
{
    if (auto tooLarge = YamlReader::sourceTooLarge(fileName, yaml.size(), QStringLiteral("the runbook")))
        return unexpected(Errors {*tooLarge});
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        return unexpected(
            Errors {Error::at(fileName, std::max(1, e.mark.line + 1), std::max(1, e.mark.column + 1),
                              QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg)))});
    }
    YamlReader reader(fileName, yaml);
    Runbook rb;
    rb.file = fileName;
    rb.sourceText = QString::fromUtf8(yaml);
    rb.paramSet = set;
    RunbookLoader loader(reader, rb);
    loader.parseRoot(root, overrides);
    if (reader.hasErrors())
        return unexpected(reader.sortedErrors());
    return rb;
}

void RunbookLoader::parseRoot(const YAML::Node &root, const QMap<QString, QString> &overrides)
{
    if (root.IsNull()) {
        m_r.errorAt({1, 1}, QStringLiteral("empty runbook: expected a mapping starting with \"runbook: 1\""));
        return;
    }
    const YamlReader::Map m
        = m_r.map(root, QStringLiteral("the runbook"),
                  {QStringLiteral("runbook"), QStringLiteral("name"), QStringLiteral("description"),
                   QStringLiteral("owner"), QStringLiteral("roles"), QStringLiteral("params"),
                   QStringLiteral("connections"), QStringLiteral("secrets"), QStringLiteral("prerequisites"),
                   QStringLiteral("metrics"), QStringLiteral("stages"), QStringLiteral("rollback"),
                   QStringLiteral("schedule"), QStringLiteral("reconciliation"), QStringLiteral("sign_off"),
                   QStringLiteral("communications"), QStringLiteral("go_no_go")});
    if (!m.isValid())
        return;
    // params first: every other string may use ${name}.
    parseParams(m.value(QStringLiteral("params")), m.keyNode(QStringLiteral("params")), overrides);
    m_r.requireKeys(m, {QStringLiteral("runbook"), QStringLiteral("name")});
    if (m.has(QStringLiteral("runbook"))) {
        if (auto v = m_r.integer(m.value(QStringLiteral("runbook")),
                                 QStringLiteral("\"runbook\" (the format version)"), 0, 1000)) {
            if (*v != 1)
                m_r.error(m.value(QStringLiteral("runbook")),
                          QStringLiteral("unsupported runbook format version %1: this build reads version 1")
                              .arg(*v));
            m_rb.version = int(*v);
        }
    }
    m_rb.name = m_r.str(m, QStringLiteral("name"));
    m_rb.description = m_r.str(m, QStringLiteral("description"));
    m_rb.owner = m_r.str(m, QStringLiteral("owner"));
    if (m.has(QStringLiteral("roles")))
        m_rb.roles = m_r.stringMap(m.value(QStringLiteral("roles")), QStringLiteral("roles"));
    // Declarations before uses, whatever their order in the file.
    if (m.has(QStringLiteral("secrets")))
        parseSecrets(m.value(QStringLiteral("secrets")));
    if (m.has(QStringLiteral("connections")))
        parseConnections(m.value(QStringLiteral("connections")));
    if (m.has(QStringLiteral("metrics")))
        parseMetrics(m.value(QStringLiteral("metrics")));
    if (m.has(QStringLiteral("prerequisites"))) {
        IdScope scope {QStringLiteral("prerequisite"), {}};
        m_rb.prerequisites
            = parseChecks(m.value(QStringLiteral("prerequisites")), scope, QStringLiteral("a prerequisite"));
    }
    if (m.has(QStringLiteral("go_no_go"))) {
        const YamlReader::Map g = m_r.map(m.value(QStringLiteral("go_no_go")), QStringLiteral("\"go_no_go\""),
                                          {QStringLiteral("second_approver")});
        if (g.isValid())
            m_rb.noGoOverrideNeedsSecondApprover = m_r.flag(g, QStringLiteral("second_approver"), false);
    }
    if (m.has(QStringLiteral("stages")))
        parseStages(m.value(QStringLiteral("stages")));
    if (m.has(QStringLiteral("schedule")))
        parseSchedule(m.value(QStringLiteral("schedule")));
    if (m.has(QStringLiteral("rollback")))
        parseRollback(m.value(QStringLiteral("rollback")));
    if (m.has(QStringLiteral("reconciliation")))
        parseReconciliation(m.value(QStringLiteral("reconciliation")));
    if (m.has(QStringLiteral("sign_off")))
        parseSignOff(m.value(QStringLiteral("sign_off")));
    if (m.has(QStringLiteral("communications")))
        parseCommunications(m.value(QStringLiteral("communications")));
    checkReferences();
}

void RunbookLoader::parseParams(const YAML::Node &node, const YAML::Node &keyNode,
                                const QMap<QString, QString> &overrides)
{
    QMap<QString, QString> values;
    QHash<QString, YAML::Node> keyNodes;
    QStringList unset;
    if (node.IsDefined() && !node.IsNull() && !(node.IsMap() && node.size() == 0)) {
        const YamlReader::Map m = m_r.freeMap(node, QStringLiteral("params"));
        for (const QString &name : m.keys()) {
            const YAML::Node v = m.value(name);
            if (!namePattern().match(name).hasMatch()) {
                m_r.error(m.keyNode(name),
                          QStringLiteral("bad parameter name %1: use letters, digits and _").arg(q(name)));
                continue;
            }
            keyNodes.insert(name, m.keyNode(name));
            YAML::Node def = v;
            if (v.IsMap()) {
                const YamlReader::Map pm = m_r.map(
                    v, QStringLiteral("parameter %1").arg(q(name)),
                    {QStringLiteral("default"), QStringLiteral("rehearsal"), QStringLiteral("description")});
                def = pm.has(QStringLiteral("default")) ? pm.value(QStringLiteral("default")) : YAML::Node();
                if (pm.has(QStringLiteral("rehearsal"))) {
                    const YAML::Node rv = pm.value(QStringLiteral("rehearsal"));
                    if (!rv.IsScalar())
                        m_r.error(rv,
                                  QStringLiteral("expected a string, number or boolean as the rehearsal "
                                                 "value of parameter %1, got %2")
                                      .arg(q(name), YamlReader::describe(rv)));
                    else if (m_rb.paramSet == ParamSet::Rehearsal) {
                        def = rv;
                        m_rb.rehearsalParams.append(name);
                    }
                }
                // Descriptions are literal: params cannot refer to each other.
                if (pm.has(QStringLiteral("description"))
                    && pm.value(QStringLiteral("description")).IsScalar())
                    m_rb.paramDescriptions.insert(
                        name, QString::fromStdString(pm.value(QStringLiteral("description")).Scalar()));
                else if (pm.has(QStringLiteral("description")))
                    m_r.error(pm.value(QStringLiteral("description")),
                              QStringLiteral("expected a string for \"description\", got %1")
                                  .arg(YamlReader::describe(pm.value(QStringLiteral("description")))));
            }
            if (def.IsScalar()) {
                values.insert(name, QString::fromStdString(def.Scalar()));
            } else if (def.IsNull()) {
                unset.append(name); // no default: must come from --param / --params
                values.insert(name, QString());
            } else {
                m_r.error(def,
                          QStringLiteral(
                              "expected a string, number or boolean as the default of parameter %1, got %2")
                              .arg(q(name), YamlReader::describe(def)));
                values.insert(name, QString());
            }
        }
    }
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        if (!values.contains(it.key())) {
            const YamlReader::Pos p
                = keyNode.IsDefined() && keyNode.IsScalar() ? m_r.pos(keyNode) : YamlReader::Pos {1, 1};
            m_r.errorAt(p,
                        QStringLiteral("override for undeclared parameter %1%2: declare it under params:")
                            .arg(q(it.key()), YamlReader::didYouMean(it.key(), values.keys())));
            continue;
        }
        values.insert(it.key(), it.value());
        unset.removeAll(it.key());
        m_rb.rehearsalParams.removeAll(it.key());
    }
    for (const QString &name : std::as_const(unset))
        m_r.error(keyNodes.value(name),
                  QStringLiteral("parameter %1 has no value: give it a default or pass "
                                 "--param %2=VALUE")
                      .arg(q(name), name));
    m_rb.params = values;
    m_r.setParams(values);
}

void RunbookLoader::parseSecrets(const YAML::Node &node)
{
    const YamlReader::Map m = m_r.freeMap(node, QStringLiteral("secrets"));
    for (const QString &name : m.keys()) {
        SecretSpec s;
        s.name = name;
        const YAML::Node v = m.value(name);
        const YamlReader::Pos p = m_r.pos(m.keyNode(name));
        s.pos = {p.line, p.column};
        if (!namePattern().match(name).hasMatch())
            m_r.error(m.keyNode(name),
                      QStringLiteral("bad secret name %1: use letters, digits and _").arg(q(name)));
        if (!v.IsNull()) {
            const YamlReader::Map sm = m_r.map(
                v, QStringLiteral("secret %1").arg(q(name)),
                {QStringLiteral("description"), QStringLiteral("pattern"), QStringLiteral("required")});
            s.description = m_r.str(sm, QStringLiteral("description"));
            s.required = m_r.flag(sm, QStringLiteral("required"), true);
            if (sm.has(QStringLiteral("pattern"))) {
                const YamlReader::Text t
                    = m_r.text(sm.value(QStringLiteral("pattern")), QStringLiteral("\"pattern\""));
                if (t.ok) {
                    const QRegularExpression re(t.value);
                    if (!re.isValid())
                        m_r.errorAt(m_r.posInText(t, re.patternErrorOffset()),
                                    QStringLiteral("bad regular expression in \"pattern\": %1")
                                        .arg(re.errorString()));
                    s.pattern = t.value;
                }
            }
        }
        m_rb.secrets.insert(name, s);
    }
}

QString RunbookLoader::secretRef(const YAML::Node &node, const QString &what)
{
    const YamlReader::Map m = m_r.map(node, what, {QStringLiteral("secret")});
    if (!m_r.requireKeys(m, {QStringLiteral("secret")}))
        return {};
    QString name = m_r.str(m, QStringLiteral("secret")); // not const: returned by move
    if (!name.isEmpty() && !m_rb.secrets.contains(name)) {
        m_r.error(m.value(QStringLiteral("secret")),
                  QStringLiteral("undefined secret %1%2: declare it under secrets:")
                      .arg(q(name), YamlReader::didYouMean(name, m_rb.secrets.keys())));
    }
    return name;
}

QString RunbookLoader::id(const YAML::Node &mapNode, const YAML::Node &idNode, IdScope *scope,
                          const QString &what)
{
    Q_UNUSED(mapNode);
    const auto v = m_r.string(idNode, QStringLiteral("\"id\""));
    if (!v)
        return {};
    if (!idPattern().match(*v).hasMatch()) {
        m_r.error(idNode,
                  QStringLiteral("bad %1 id %2: use letters, digits, '-', '_' and '.'").arg(what, q(*v)));
        return *v;
    }
    if (scope) {
        if (scope->firstLine.contains(*v))
            m_r.error(idNode,
                      QStringLiteral("duplicate %1 id %2 (first at line %3)")
                          .arg(scope->what, q(*v))
                          .arg(scope->firstLine.value(*v)));
        else
            scope->firstLine.insert(*v, m_r.pos(idNode).line);
    }
    return *v;
}

QList<Condition> RunbookLoader::conditions(const YAML::Node &node, const QString &what)
{
    QList<Condition> out;
    if (node.IsSequence()) {
        for (const YAML::Node &item : node)
            if (auto c = m_r.condition(item, what))
                out.append(*c);
    } else if (node.IsScalar()) {
        if (auto c = m_r.condition(node, what))
            out.append(*c);
    } else {
        m_r.error(node,
                  QStringLiteral("expected a condition or a list of conditions for %1, got %2")
                      .arg(what, YamlReader::describe(node)));
    }
    return out;
}

std::optional<Condition> RunbookLoader::metricCondition(const YAML::Node &node, const QString &what)
{
    auto c = m_r.condition(node, what);
    if (!c)
        return c;
    const YamlReader::Text t = m_r.text(node, what);
    for (const QString &name : c->metricNames()) {
        if (m_rb.metrics.contains(name))
            continue;
        const QRegularExpression word(QStringLiteral("(?<![A-Za-z0-9_\\]\\.])%1(?![A-Za-z0-9_])")
                                          .arg(QRegularExpression::escape(name)));
        const auto match = word.match(t.value);
        m_r.errorAt(m_r.posInText(t, match.hasMatch() ? match.capturedStart() : 0),
                    QStringLiteral("unknown metric %1 in %2%3: declare it under metrics:")
                        .arg(q(name), what, YamlReader::didYouMean(name, m_rb.metrics.keys())));
    }
    return c;
}

void RunbookLoader::checkReferences()
{
    QStringList reconciliations;
    for (const Reconciliation &r : std::as_const(m_rb.reconciliations))
        reconciliations << r.id;
    for (const auto &[node, ref] : std::as_const(m_reconcileRefs))
        if (!reconciliations.contains(ref))
            m_r.error(node,
                      QStringLiteral("undefined reconciliation %1%2 in \"reconcile\": declare it under "
                                     "reconciliation:")
                          .arg(q(ref), YamlReader::didYouMean(ref, reconciliations)));
    const QString restart = m_rb.rollback.restartFrom;
    if (m_restartFrom.IsDefined() && m_restartFrom.IsScalar() && !restart.isEmpty()
        && !m_stageIds.contains(restart))
        m_r.error(m_restartFrom,
                  QStringLiteral("undefined stage %1%2 in \"restart_from\"")
                      .arg(q(restart), YamlReader::didYouMean(restart, m_stageIds.values())));
    const QString after = m_rb.rollback.pointOfNoReturnAfter;
    if (m_noReturnAfter.IsDefined() && m_noReturnAfter.IsScalar() && !after.isEmpty()
        && !m_stageIds.contains(after) && !m_stepIds.contains(after)) {
        const QStringList known = m_stageIds.values() + m_stepIds.values();
        m_r.error(m_noReturnAfter,
                  QStringLiteral("undefined stage or schedule step %1%2 in \"after\"")
                      .arg(q(after), YamlReader::didYouMean(after, known)));
    }
}

} // namespace cockpit
