#include "core/runbook/RunbookLoader.h"

#include "core/runbook/YamlReader.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <functional>

namespace cockpit {

namespace {

QString q(const QString &s)
{
    return u'"' + s + u'"';
}

QStringList keysOf(const QMap<QString, Connection> &m)
{
    return m.keys();
}

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    return re;
}

const QRegularExpression &namePattern()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re;
}

const QStringList &checkKeys()
{
    static const QStringList k {
        QStringLiteral("id"),         QStringLiteral("title"),    QStringLiteral("description"),
        QStringLiteral("category"),   QStringLiteral("required"), QStringLiteral("http"),
        QStringLiteral("sql"),        QStringLiteral("command"),  QStringLiteral("secret"),
        QStringLiteral("row_counts"), QStringLiteral("manual"),   QStringLiteral("expect")};
    return k;
}

const QStringList &checkProbes()
{
    static const QStringList k {QStringLiteral("http"),       QStringLiteral("sql"),
                                QStringLiteral("command"),    QStringLiteral("secret"),
                                QStringLiteral("row_counts"), QStringLiteral("manual")};
    return k;
}

} // namespace

RunbookLoader::RunbookLoader(YamlReader &reader, Runbook &runbook)
    : m_r(reader)
    , m_rb(runbook)
{
}

Expected<Runbook, Errors> RunbookLoader::loadFile(const QString &path,
                                                  const QMap<QString, QString> &paramOverrides)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(
            Errors {Error::at(path, 0, 0, QStringLiteral("cannot read runbook: %1").arg(f.errorString()))});
    return loadText(f.readAll(), path, paramOverrides);
}

Expected<Runbook, Errors> RunbookLoader::loadText(const QByteArray &yaml, const QString &fileName,
                                                  const QMap<QString, QString> &overrides)
{
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
    RunbookLoader loader(reader, rb);
    loader.parseRoot(root, overrides);
    if (!reader.errors().isEmpty()) {
        Errors errors = reader.errors();
        std::stable_sort(errors.begin(), errors.end(), [](const Error &a, const Error &b) {
            return std::tie(a.line, a.column) < std::tie(b.line, b.column);
        });
        return unexpected(errors);
    }
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
                   QStringLiteral("communications")});
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
                const YamlReader::Map pm
                    = m_r.map(v, QStringLiteral("parameter %1").arg(q(name)),
                              {QStringLiteral("default"), QStringLiteral("description")});
                def = pm.has(QStringLiteral("default")) ? pm.value(QStringLiteral("default")) : YAML::Node();
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

void RunbookLoader::parseConnections(const YAML::Node &node)
{
    const YamlReader::Map m = m_r.freeMap(node, QStringLiteral("connections"));
    for (const QString &name : m.keys()) {
        Connection c;
        c.name = name;
        if (!namePattern().match(name).hasMatch())
            m_r.error(m.keyNode(name),
                      QStringLiteral("bad connection name %1: use letters, digits and _").arg(q(name)));
        const QString what = QStringLiteral("connection %1").arg(q(name));
        const YamlReader::Map cm
            = m_r.map(m.value(name), what,
                      {QStringLiteral("postgres"), QStringLiteral("sqlite"), QStringLiteral("http"),
                       QStringLiteral("writable"), QStringLiteral("max_concurrent"),
                       QStringLiteral("description"), QStringLiteral("password"), QStringLiteral("token")});
        if (!cm.isValid()) {
            m_rb.connections.insert(name, c);
            continue;
        }
        for (const QString &misplaced : {QStringLiteral("password"), QStringLiteral("token")})
            if (cm.has(misplaced))
                m_r.error(
                    cm.keyNode(misplaced),
                    QStringLiteral("%1 belongs inside %2: of %3")
                        .arg(q(misplaced),
                             misplaced == u"password" ? QStringLiteral("postgres") : QStringLiteral("http"),
                             what));
        c.description = m_r.str(cm, QStringLiteral("description"));
        c.writable = m_r.flag(cm, QStringLiteral("writable"), false);
        if (cm.has(QStringLiteral("max_concurrent")))
            c.maxConcurrent = int(m_r.integer(cm.value(QStringLiteral("max_concurrent")),
                                              QStringLiteral("\"max_concurrent\""), 1, 64)
                                      .value_or(c.maxConcurrent));
        const QString kind = m_r.exactlyOne(
            cm, {QStringLiteral("postgres"), QStringLiteral("sqlite"), QStringLiteral("http")},
            QStringLiteral("kind"));
        if (kind == u"postgres") {
            const YamlReader::Map pm
                = m_r.map(cm.value(kind), QStringLiteral("postgres connection %1").arg(q(name)),
                          {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("database"),
                           QStringLiteral("user"), QStringLiteral("sslmode"), QStringLiteral("ca_file"),
                           QStringLiteral("connect_timeout"), QStringLiteral("statement_timeout"),
                           QStringLiteral("password")});
            m_r.requireKeys(pm, {QStringLiteral("database"), QStringLiteral("user")});
            PostgresConnection pg;
            pg.host = m_r.str(pm, QStringLiteral("host"), pg.host);
            if (pm.has(QStringLiteral("port")))
                pg.port
                    = int(m_r.integer(pm.value(QStringLiteral("port")), QStringLiteral("\"port\""), 1, 65535)
                              .value_or(pg.port));
            pg.database = m_r.str(pm, QStringLiteral("database"));
            pg.user = m_r.str(pm, QStringLiteral("user"));
            pg.sslmode = m_r.str(pm, QStringLiteral("sslmode"));
            static const QStringList modes {QString(),
                                            QStringLiteral("disable"),
                                            QStringLiteral("allow"),
                                            QStringLiteral("prefer"),
                                            QStringLiteral("require"),
                                            QStringLiteral("verify-ca"),
                                            QStringLiteral("verify-full")};
            if (!modes.contains(pg.sslmode))
                m_r.error(pm.value(QStringLiteral("sslmode")),
                          QStringLiteral(
                              "expected one of disable, allow, prefer, require, verify-ca, verify-full for "
                              "\"sslmode\", got %1%2")
                              .arg(q(pg.sslmode), YamlReader::didYouMean(pg.sslmode, modes)));
            pg.caFile = m_r.str(pm, QStringLiteral("ca_file"));
            pg.connectTimeout = m_r.dur(pm, QStringLiteral("connect_timeout"), pg.connectTimeout);
            pg.statementTimeout = m_r.dur(pm, QStringLiteral("statement_timeout"), pg.statementTimeout);
            if (pm.has(QStringLiteral("password")))
                c.password.name
                    = secretRef(pm.value(QStringLiteral("password")), QStringLiteral("\"password\""));
            c.target = pg;
        } else if (kind == u"sqlite") {
            const YamlReader::Map sm
                = m_r.map(cm.value(kind), QStringLiteral("sqlite connection %1").arg(q(name)),
                          {QStringLiteral("path")});
            m_r.requireKeys(sm, {QStringLiteral("path")});
            c.target = SqliteConnection {m_r.str(sm, QStringLiteral("path"))};
        } else if (kind == u"http") {
            const YamlReader::Map hm = m_r.map(
                cm.value(kind), QStringLiteral("http connection %1").arg(q(name)),
                {QStringLiteral("base_url"), QStringLiteral("headers"), QStringLiteral("ca_file"),
                 QStringLiteral("insecure_skip_verify"), QStringLiteral("timeout"), QStringLiteral("token")});
            m_r.requireKeys(hm, {QStringLiteral("base_url")});
            HttpService h;
            h.baseUrl = m_r.str(hm, QStringLiteral("base_url"));
            if (hm.has(QStringLiteral("base_url")) && !h.baseUrl.isEmpty()
                && !h.baseUrl.startsWith(u"http://") && !h.baseUrl.startsWith(u"https://"))
                m_r.error(hm.value(QStringLiteral("base_url")),
                          QStringLiteral("expected an http:// or https:// URL for \"base_url\", got %1")
                              .arg(q(h.baseUrl)));
            if (hm.has(QStringLiteral("headers")))
                h.headers = m_r.stringMap(hm.value(QStringLiteral("headers")), QStringLiteral("\"headers\""));
            h.caFile = m_r.str(hm, QStringLiteral("ca_file"));
            h.insecureSkipVerify = m_r.flag(hm, QStringLiteral("insecure_skip_verify"), false);
            h.timeout = m_r.dur(hm, QStringLiteral("timeout"), h.timeout);
            if (hm.has(QStringLiteral("token")))
                c.token.name = secretRef(hm.value(QStringLiteral("token")), QStringLiteral("\"token\""));
            c.target = h;
        }
        m_rb.connections.insert(name, c);
    }
}

QString RunbookLoader::connectionRef(const YAML::Node &node, const QString &what, const QString &need,
                                     bool writable)
{
    const auto name = m_r.string(node, what);
    if (!name)
        return {};
    if (!m_rb.connections.contains(*name)) {
        m_r.error(node,
                  QStringLiteral("undefined connection %1%2: declare it under connections:")
                      .arg(q(*name), YamlReader::didYouMean(*name, keysOf(m_rb.connections))));
        return *name;
    }
    const Connection &c = m_rb.connections[*name];
    if (need == u"sql" && !c.isSql())
        m_r.error(
            node,
            QStringLiteral("connection %1 is an http connection; %2 needs a postgres or sqlite connection")
                .arg(q(*name), what));
    else if (need == u"http" && !c.isHttp())
        m_r.error(node,
                  QStringLiteral("connection %1 is a %2 connection; %3 needs an http connection")
                      .arg(q(*name), c.kindName(), what));
    else if (writable && !c.writable)
        m_r.error(
            node,
            QStringLiteral("connection %1 is not marked \"writable: true\"; %2 writes and needs a writable "
                           "connection")
                .arg(q(*name), what));
    return *name;
}

void RunbookLoader::parseMetrics(const YAML::Node &node)
{
    const YamlReader::Map m = m_r.freeMap(node, QStringLiteral("metrics"));
    for (const QString &name : m.keys()) {
        Metric metric;
        metric.name = name;
        const YamlReader::Pos p = m_r.pos(m.keyNode(name));
        metric.pos = {p.line, p.column};
        if (!namePattern().match(name).hasMatch())
            m_r.error(
                m.keyNode(name),
                QStringLiteral("bad metric name %1: use letters, digits and _ (it is used in conditions)")
                    .arg(q(name)));
        const YamlReader::Map mm
            = m_r.map(m.value(name), QStringLiteral("metric %1").arg(q(name)),
                      {QStringLiteral("connection"), QStringLiteral("query"), QStringLiteral("every"),
                       QStringLiteral("unit"), QStringLiteral("description")});
        if (mm.isValid()) {
            m_r.requireKeys(mm, {QStringLiteral("connection"), QStringLiteral("query")});
            if (mm.has(QStringLiteral("connection")))
                metric.connection
                    = connectionRef(mm.value(QStringLiteral("connection")),
                                    QStringLiteral("metric %1").arg(q(name)), QStringLiteral("sql"));
            metric.query = m_r.str(mm, QStringLiteral("query"));
            metric.every = m_r.dur(mm, QStringLiteral("every"), metric.every);
            metric.unit = m_r.str(mm, QStringLiteral("unit"));
            metric.description = m_r.str(mm, QStringLiteral("description"));
        }
        m_rb.metrics.insert(name, metric);
    }
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

std::optional<HttpRequest> RunbookLoader::parseHttp(const YAML::Node &node)
{
    const YamlReader::Map m
        = m_r.map(node, QStringLiteral("an http probe"),
                  {QStringLiteral("connection"), QStringLiteral("url"), QStringLiteral("path"),
                   QStringLiteral("method"), QStringLiteral("headers"), QStringLiteral("body"),
                   QStringLiteral("json"), QStringLiteral("timeout"), QStringLiteral("follow_redirects"),
                   QStringLiteral("insecure_skip_verify"), QStringLiteral("ca_file")});
    if (!m.isValid())
        return std::nullopt;
    HttpRequest h;
    if (m.has(QStringLiteral("connection")))
        h.connection = connectionRef(m.value(QStringLiteral("connection")), QStringLiteral("an http probe"),
                                     QStringLiteral("http"));
    const bool hasUrl = m.has(QStringLiteral("url")), hasPath = m.has(QStringLiteral("path"));
    if (hasUrl && hasPath) {
        m_r.error(m.keyNode(QStringLiteral("path")),
                  QStringLiteral("an http probe has either \"url\" or \"path\", not both"));
    } else if (hasPath) {
        h.url = m_r.str(m, QStringLiteral("path"));
        if (!m.has(QStringLiteral("connection")))
            m_r.error(m.keyNode(QStringLiteral("path")),
                      QStringLiteral("\"path\" needs a \"connection\" (its base_url); "
                                     "use \"url\" for an absolute URL"));
        else if (!h.url.startsWith(u'/'))
            m_r.error(m.value(QStringLiteral("path")),
                      QStringLiteral("expected \"path\" to start with /, got %1").arg(q(h.url)));
    } else if (hasUrl) {
        h.url = m_r.str(m, QStringLiteral("url"));
        if (!h.url.startsWith(u"http://") && !h.url.startsWith(u"https://"))
            m_r.error(m.value(QStringLiteral("url")),
                      QStringLiteral("expected an absolute http:// or https:// URL for \"url\", "
                                     "got %1 (use \"path\" with a connection)")
                          .arg(q(h.url)));
    } else {
        m_r.error(
            node,
            QStringLiteral("missing required key \"path\" (with a connection) or \"url\" in an http probe"));
    }
    h.method = m_r.str(m, QStringLiteral("method"), h.method).toUpper();
    static const QStringList methods {
        QStringLiteral("GET"),   QStringLiteral("HEAD"),   QStringLiteral("POST"),   QStringLiteral("PUT"),
        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("OPTIONS")};
    if (!methods.contains(h.method))
        m_r.error(m.value(QStringLiteral("method")),
                  QStringLiteral("expected an HTTP method (%1) for \"method\", got %2")
                      .arg(methods.join(QStringLiteral(", ")), q(h.method)));
    if (m.has(QStringLiteral("headers")))
        h.headers = m_r.stringMap(m.value(QStringLiteral("headers")), QStringLiteral("\"headers\""));
    if (m.has(QStringLiteral("body")) && m.has(QStringLiteral("json")))
        m_r.error(m.keyNode(QStringLiteral("json")),
                  QStringLiteral("an http probe has either \"body\" or \"json\", not both"));
    else if (m.has(QStringLiteral("body")))
        h.body = m_r.str(m, QStringLiteral("body")).toUtf8();
    else if (m.has(QStringLiteral("json"))) {
        h.body = toJson(m.value(QStringLiteral("json")));
        bool hasType = false;
        for (auto it = h.headers.cbegin(); it != h.headers.cend(); ++it)
            hasType = hasType || it.key().compare(u"content-type", Qt::CaseInsensitive) == 0;
        if (!hasType)
            h.headers.insert(QStringLiteral("Content-Type"), QStringLiteral("application/json"));
    }
    h.timeout = m_r.optDur(m, QStringLiteral("timeout"));
    h.followRedirects = m_r.flag(m, QStringLiteral("follow_redirects"), false);
    h.insecureSkipVerify = m_r.flag(m, QStringLiteral("insecure_skip_verify"), false);
    h.caFile = m_r.str(m, QStringLiteral("ca_file"));
    return h;
}

QByteArray RunbookLoader::toJson(const YAML::Node &node)
{
    // YAML -> JSON with ${param} substitution; plain scalars keep their JSON type (numbers, booleans, null).
    // Aliases are expanded, so a few lines can name billions of nodes (`&a [*b, *b, ...]`) or a node inside
    // itself (`&a [*a]`): depth and node count are capped (found by fuzz/fuzz_runbook_loader).
    constexpr int maxDepth = 64;
    constexpr qsizetype maxNodes = 10'000;
    qsizetype nodes = 0;
    bool tooBig = false;
    const std::function<QJsonValue(const YAML::Node &, int)> convert
        = [&](const YAML::Node &n, int depth) -> QJsonValue {
        if (tooBig || depth > maxDepth || ++nodes > maxNodes) {
            if (!tooBig)
                m_r.error(n,
                          QStringLiteral("\"json\" is nested more than %1 levels deep or has more than %2 "
                                         "values (aliases count each time they are used)")
                              .arg(maxDepth)
                              .arg(maxNodes));
            tooBig = true;
            return QJsonValue::Null;
        }
        if (n.IsMap()) {
            QJsonObject o;
            const YamlReader::Map m = m_r.freeMap(n, QStringLiteral("\"json\""));
            for (const QString &k : m.keys())
                o.insert(k, convert(m.value(k), depth + 1));
            return o;
        }
        if (n.IsSequence()) {
            QJsonArray a;
            for (const YAML::Node &item : n)
                a.append(convert(item, depth + 1));
            return a;
        }
        if (n.IsNull())
            return QJsonValue::Null;
        const YamlReader::Text t = m_r.text(n, QStringLiteral("\"json\""));
        if (n.Tag() != "!") {
            if (t.value == u"true" || t.value == u"false")
                return t.value == u"true";
            bool ok = false;
            const double d = t.value.toDouble(&ok);
            if (ok)
                return d;
        }
        return t.value;
    };
    const QJsonValue v = convert(node, 0);
    if (tooBig)
        return {};
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    m_r.error(
        node,
        QStringLiteral("expected a mapping or a list for \"json\", got %1").arg(YamlReader::describe(node)));
    return {};
}

std::optional<SqlQuery> RunbookLoader::parseSqlQuery(const YAML::Node &node, const QString &what)
{
    const YamlReader::Map m = m_r.map(node, what,
                                      {QStringLiteral("connection"), QStringLiteral("query"),
                                       QStringLiteral("timeout"), QStringLiteral("max_rows")});
    if (!m.isValid())
        return std::nullopt;
    m_r.requireKeys(m, {QStringLiteral("connection"), QStringLiteral("query")});
    SqlQuery s;
    if (m.has(QStringLiteral("connection")))
        s.connection = connectionRef(m.value(QStringLiteral("connection")), what, QStringLiteral("sql"));
    s.query = m_r.str(m, QStringLiteral("query"));
    s.timeout = m_r.optDur(m, QStringLiteral("timeout"));
    if (m.has(QStringLiteral("max_rows")))
        s.maxRows
            = int(m_r.integer(m.value(QStringLiteral("max_rows")), QStringLiteral("\"max_rows\""), 1, 100000)
                      .value_or(s.maxRows));
    return s;
}

std::optional<CommandSpec> RunbookLoader::parseCommand(const YAML::Node &node)
{
    CommandSpec c;
    YAML::Node argv = node;
    if (node.IsMap()) {
        const YamlReader::Map m = m_r.map(node, QStringLiteral("a command"),
                                          {QStringLiteral("argv"), QStringLiteral("cwd"),
                                           QStringLiteral("env"), QStringLiteral("timeout")});
        if (!m_r.requireKeys(m, {QStringLiteral("argv")}))
            return std::nullopt;
        argv = m.value(QStringLiteral("argv"));
        c.workingDirectory = m_r.str(m, QStringLiteral("cwd"));
        if (m.has(QStringLiteral("env")))
            c.env = m_r.stringMap(m.value(QStringLiteral("env")), QStringLiteral("\"env\""));
        c.timeout = m_r.dur(m, QStringLiteral("timeout"), c.timeout);
    }
    if (!argv.IsSequence() || argv.size() == 0) {
        m_r.error(
            argv,
            QStringLiteral("expected a non-empty list (program and arguments, run without a shell) for a "
                           "command, got %1")
                .arg(YamlReader::describe(argv)));
        return std::nullopt;
    }
    for (const YAML::Node &a : argv)
        if (auto s = m_r.string(a, QStringLiteral("a command argument")))
            c.argv.append(*s);
    return c;
}

bool RunbookLoader::parseTolerance(const YAML::Node &node, RowCountCheck &out)
{
    if (!node.IsScalar()) {
        m_r.error(
            node,
            QStringLiteral("expected a row count (100) or a percentage (\"0.5%\") for \"tolerance\", got %1")
                .arg(YamlReader::describe(node)));
        return false;
    }
    const YamlReader::Text t = m_r.text(node, QStringLiteral("\"tolerance\""));
    if (!t.ok)
        return false;
    QString v = t.value.trimmed();
    const bool percent = v.endsWith(u'%');
    if (percent)
        v.chop(1);
    bool ok = false;
    const double d = v.trimmed().toDouble(&ok);
    if (!ok || d < 0 || (!percent && d != std::floor(d)) || (percent && d > 100)) {
        m_r.error(
            node,
            QStringLiteral("expected a row count (100) or a percentage (\"0.5%\") for \"tolerance\", got %1")
                .arg(q(t.value)));
        return false;
    }
    out.tolerance = d;
    out.tolerancePercent = percent;
    return true;
}

QList<TablePair> RunbookLoader::parseTables(const YAML::Node &node)
{
    QList<TablePair> out;
    if (!m_r.isSequence(node, QStringLiteral("\"tables\"")))
        return out;
    for (const YAML::Node &t : node) {
        if (t.IsMap()) {
            const YamlReader::Map m = m_r.map(t, QStringLiteral("a table pair"),
                                              {QStringLiteral("source"), QStringLiteral("target")});
            m_r.requireKeys(m, {QStringLiteral("source"), QStringLiteral("target")});
            out.append(
                TablePair {m_r.str(m, QStringLiteral("source")), m_r.str(m, QStringLiteral("target"))});
        } else if (auto s = m_r.string(t, QStringLiteral("a table (name, or {source, target})"))) {
            out.append(TablePair {*s, *s});
        }
    }
    if (node.size() == 0)
        m_r.error(node, QStringLiteral("\"tables\" needs at least one table"));
    return out;
}

std::optional<RowCountCheck> RunbookLoader::parseRowCounts(const YAML::Node &node, const QString &what,
                                                           bool allowChecks)
{
    QStringList keys {QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("tables"),
                      QStringLiteral("method"), QStringLiteral("tolerance")};
    if (allowChecks)
        keys << QStringLiteral("id") << QStringLiteral("title") << QStringLiteral("checks")
             << QStringLiteral("fixes");
    const YamlReader::Map m = m_r.map(node, what, keys);
    if (!m.isValid())
        return std::nullopt;
    m_r.requireKeys(m, {QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("tables")});
    RowCountCheck r;
    if (m.has(QStringLiteral("source")))
        r.source = connectionRef(m.value(QStringLiteral("source")),
                                 QStringLiteral("\"source\" of %1").arg(what), QStringLiteral("sql"));
    if (m.has(QStringLiteral("target")))
        r.target = connectionRef(m.value(QStringLiteral("target")),
                                 QStringLiteral("\"target\" of %1").arg(what), QStringLiteral("sql"));
    if (m.has(QStringLiteral("tables")))
        r.tables = parseTables(m.value(QStringLiteral("tables")));
    const QString method = m_r.str(m, QStringLiteral("method"), QStringLiteral("exact"));
    if (method == u"fast")
        r.method = RowCountCheck::Method::Fast;
    else if (method == u"exact")
        r.method = RowCountCheck::Method::Exact;
    else
        m_r.error(m.value(QStringLiteral("method")),
                  QStringLiteral("expected fast or exact for \"method\", got %1").arg(q(method)));
    if (m.has(QStringLiteral("tolerance")))
        parseTolerance(m.value(QStringLiteral("tolerance")), r);
    return r;
}

std::optional<Check> RunbookLoader::parseCheck(const YAML::Node &node, IdScope *scope, const QString &what)
{
    const YamlReader::Map m = m_r.map(node, what, checkKeys());
    if (!m.isValid())
        return std::nullopt;
    Check c;
    const YamlReader::Pos p = m_r.pos(node);
    c.pos = {p.line, p.column};
    if (scope)
        m_r.requireKeys(m, {QStringLiteral("id")});
    if (m.has(QStringLiteral("id")))
        c.id = id(node, m.value(QStringLiteral("id")), scope, QStringLiteral("check"));
    c.title = m_r.str(m, QStringLiteral("title"), c.id);
    c.description = m_r.str(m, QStringLiteral("description"));
    c.category = m_r.str(m, QStringLiteral("category"));
    c.required = m_r.flag(m, QStringLiteral("required"), true);
    const QString kind = m_r.exactlyOne(m, checkProbes(), QStringLiteral("probe"));
    const YAML::Node v = m.value(kind);
    if (kind == u"http") {
        if (auto h = parseHttp(v))
            c.probe = *h;
    } else if (kind == u"sql") {
        if (auto s = parseSqlQuery(v, QStringLiteral("a sql probe")))
            c.probe = *s;
    } else if (kind == u"command") {
        if (auto cmd = parseCommand(v))
            c.probe = *cmd;
    } else if (kind == u"secret") {
        const QString name = m_r.string(v, QStringLiteral("\"secret\" (a name declared under secrets:)"))
                                 .value_or(QString());
        if (!name.isEmpty() && !m_rb.secrets.contains(name))
            m_r.error(v,
                      QStringLiteral("undefined secret %1%2: declare it under secrets:")
                          .arg(q(name), YamlReader::didYouMean(name, m_rb.secrets.keys())));
        c.probe = SecretCheck {name};
    } else if (kind == u"row_counts") {
        if (auto r = parseRowCounts(v, QStringLiteral("a row_counts probe"), false))
            c.probe = *r;
    } else if (kind == u"manual") {
        c.probe
            = ManualCheck {m_r.string(v, QStringLiteral("\"manual\" (the instruction)")).value_or(QString())};
    }
    if (m.has(QStringLiteral("expect")))
        c.expect = conditions(m.value(QStringLiteral("expect")), QStringLiteral("\"expect\""));
    else if (kind == u"http" || kind == u"sql" || kind == u"command")
        m_r.error(node,
                  QStringLiteral("missing required key \"expect\" in %1 (a %2 probe needs conditions)")
                      .arg(what, kind));
    return c;
}

QList<Check> RunbookLoader::parseChecks(const YAML::Node &node, IdScope &scope, const QString &what)
{
    QList<Check> out;
    if (!m_r.isSequence(node, QStringLiteral("a list of checks")))
        return out;
    for (const YAML::Node &item : node)
        if (auto c = parseCheck(item, &scope, what))
            out.append(*c);
    return out;
}

std::optional<Milliseconds> RunbookLoader::parseOffset(const YAML::Node &node, const QString &what,
                                                       bool tMinus)
{
    const YamlReader::Text t = m_r.text(node, what);
    if (!t.ok)
        return std::nullopt;
    QString v = t.value.trimmed();
    const QString form
        = tMinus ? QStringLiteral("\"T-7d\", \"T-0\" or \"T+1h\"") : QStringLiteral("\"+0m\" or \"+1h30m\"");
    if (tMinus) {
        if (!v.startsWith(u'T')) {
            m_r.error(
                node,
                QStringLiteral("expected an offset from T-0 like %1 for %2, got %3").arg(form, what, q(v)));
            return std::nullopt;
        }
        v = v.mid(1);
        if (v.isEmpty() || v == u"-0" || v == u"+0")
            return Milliseconds(0);
    }
    int sign = 1;
    if (v.startsWith(u'+') || v.startsWith(u'-')) {
        sign = v.startsWith(u'-') ? -1 : 1;
        v = v.mid(1);
    } else if (tMinus) {
        m_r.error(
            node,
            QStringLiteral("expected an offset from T-0 like %1 for %2, got %3").arg(form, what, q(t.value)));
        return std::nullopt;
    }
    if (v == u"0")
        return Milliseconds(0);
    auto d = parseDuration(v);
    if (!d) {
        m_r.error(node, QStringLiteral("bad offset for %1: %2 (expected %3)").arg(what, d.error(), form));
        return std::nullopt;
    }
    return Milliseconds(sign * d->count());
}

std::optional<Action> RunbookLoader::parseAction(const YAML::Node &node, IdScope &scope, const QString &what)
{
    const YamlReader::Map m
        = m_r.map(node, what,
                  {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("description"),
                   QStringLiteral("http"), QStringLiteral("sql"), QStringLiteral("command"),
                   QStringLiteral("manual"), QStringLiteral("wait_until"), QStringLiteral("expect"),
                   QStringLiteral("writes"), QStringLiteral("start"), QStringLiteral("duration")});
    if (!m.isValid())
        return std::nullopt;
    Action a;
    const YamlReader::Pos p = m_r.pos(node);
    a.pos = {p.line, p.column};
    m_r.requireKeys(m, {QStringLiteral("id")});
    if (m.has(QStringLiteral("id")))
        a.id = id(node, m.value(QStringLiteral("id")), &scope, QStringLiteral("action"));
    a.title = m_r.str(m, QStringLiteral("title"), a.id);
    a.description = m_r.str(m, QStringLiteral("description"));
    a.writes = m_r.flag(m, QStringLiteral("writes"), false);
    const QString kind
        = m_r.exactlyOne(m,
                         {QStringLiteral("http"), QStringLiteral("sql"), QStringLiteral("command"),
                          QStringLiteral("manual"), QStringLiteral("wait_until")},
                         QStringLiteral("step kind"));
    const YAML::Node v = m.value(kind);
    if (kind == u"http") {
        if (auto h = parseHttp(v))
            a.what = *h;
    } else if (kind == u"sql") {
        const YamlReader::Map sm
            = m_r.map(v, QStringLiteral("a sql action"),
                      {QStringLiteral("connection"), QStringLiteral("statement"), QStringLiteral("timeout")});
        if (sm.isValid()) {
            m_r.requireKeys(sm, {QStringLiteral("connection"), QStringLiteral("statement")});
            SqlStatement s;
            if (sm.has(QStringLiteral("connection")))
                s.connection = connectionRef(sm.value(QStringLiteral("connection")),
                                             QStringLiteral("a sql action"), QStringLiteral("sql"), true);
            s.statement = m_r.str(sm, QStringLiteral("statement"));
            s.timeout = m_r.optDur(sm, QStringLiteral("timeout"));
            a.what = s;
        }
        a.writes = true; // SQL actions always change something
    } else if (kind == u"command") {
        if (auto c = parseCommand(v))
            a.what = *c;
    } else if (kind == u"manual") {
        a.what
            = ManualCheck {m_r.string(v, QStringLiteral("\"manual\" (the instruction)")).value_or(QString())};
    } else if (kind == u"wait_until") {
        const YamlReader::Map wm
            = m_r.map(v, QStringLiteral("wait_until"),
                      {QStringLiteral("http"), QStringLiteral("sql"), QStringLiteral("command"),
                       QStringLiteral("expect"), QStringLiteral("every"), QStringLiteral("timeout")});
        if (wm.isValid()) {
            WaitUntil w;
            m_r.requireKeys(wm, {QStringLiteral("expect")});
            const QString probe = m_r.exactlyOne(
                wm, {QStringLiteral("http"), QStringLiteral("sql"), QStringLiteral("command")},
                QStringLiteral("probe"));
            if (probe == u"http") {
                if (auto h = parseHttp(wm.value(probe)))
                    w.probe = *h;
            } else if (probe == u"sql") {
                if (auto s = parseSqlQuery(wm.value(probe), QStringLiteral("a sql probe")))
                    w.probe = *s;
            } else if (probe == u"command") {
                if (auto c = parseCommand(wm.value(probe)))
                    w.probe = *c;
            }
            if (wm.has(QStringLiteral("expect")))
                w.expect = conditions(wm.value(QStringLiteral("expect")), QStringLiteral("\"expect\""));
            w.every = m_r.dur(wm, QStringLiteral("every"), w.every);
            w.timeout = m_r.dur(wm, QStringLiteral("timeout"), w.timeout);
            a.what = w;
        }
    }
    if (m.has(QStringLiteral("expect")))
        a.expect = conditions(m.value(QStringLiteral("expect")), QStringLiteral("\"expect\""));
    if (m.has(QStringLiteral("start")))
        a.plannedStart = parseOffset(m.value(QStringLiteral("start")), QStringLiteral("\"start\""), false);
    a.plannedDuration = m_r.optDur(m, QStringLiteral("duration"));
    return a;
}

QList<Action> RunbookLoader::parseActions(const YAML::Node &node, IdScope &scope, const QString &what)
{
    QList<Action> out;
    if (!m_r.isSequence(node, QStringLiteral("a list of steps")))
        return out;
    for (const YAML::Node &item : node)
        if (auto a = parseAction(item, scope, what))
            out.append(*a);
    return out;
}

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
                           QStringLiteral("within"), QStringLiteral("persists")});
            if (!tm.isValid())
                continue;
            Trigger t;
            const YamlReader::Pos tp = m_r.pos(item);
            t.pos = {tp.line, tp.column};
            m_r.requireKeys(tm, {QStringLiteral("id"), QStringLiteral("severity"), QStringLiteral("action")});
            if (tm.has(QStringLiteral("id")))
                t.id = id(item, tm.value(QStringLiteral("id")), &scope, QStringLiteral("trigger"));
            t.title = m_r.str(tm, QStringLiteral("title"), t.id);
            if (tm.has(QStringLiteral("when")))
                t.when = metricCondition(tm.value(QStringLiteral("when")), QStringLiteral("a trigger"));
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

void RunbookLoader::parseSchedule(const YAML::Node &node)
{
    const YamlReader::Map m = m_r.map(node, QStringLiteral("\"schedule\""),
                                      {QStringLiteral("t0"), QStringLiteral("milestones"),
                                       QStringLiteral("window"), QStringLiteral("window_length")});
    if (!m.isValid())
        return;
    Schedule &s = m_rb.schedule;
    s.t0 = m_r.str(m, QStringLiteral("t0"));
    if (!s.t0.isEmpty() && !QDateTime::fromString(s.t0, Qt::ISODate).isValid())
        m_r.error(
            m.value(QStringLiteral("t0")),
            QStringLiteral("expected an ISO 8601 date-time like 2026-03-01T22:00:00Z for \"t0\", got %1")
                .arg(q(s.t0)));
    s.windowLength = m_r.dur(m, QStringLiteral("window_length"), s.windowLength);
    if (m.has(QStringLiteral("milestones"))
        && m_r.isSequence(m.value(QStringLiteral("milestones")), QStringLiteral("\"milestones\""))) {
        IdScope scope {QStringLiteral("milestone"), {}};
        for (const YAML::Node &item : m.value(QStringLiteral("milestones"))) {
            const YamlReader::Map mm
                = m_r.map(item, QStringLiteral("a milestone"),
                          {QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("title"),
                           QStringLiteral("checks"), QStringLiteral("actions"), QStringLiteral("min_runs")});
            if (!mm.isValid())
                continue;
            Milestone ms;
            const YamlReader::Pos p = m_r.pos(item);
            ms.pos = {p.line, p.column};
            m_r.requireKeys(mm, {QStringLiteral("id"), QStringLiteral("at")});
            if (mm.has(QStringLiteral("id")))
                ms.id = id(item, mm.value(QStringLiteral("id")), &scope, QStringLiteral("milestone"));
            m_stepIds.insert(ms.id);
            if (mm.has(QStringLiteral("at")))
                ms.offset = parseOffset(mm.value(QStringLiteral("at")), QStringLiteral("\"at\""), true)
                                .value_or(Milliseconds(0));
            ms.title = m_r.str(mm, QStringLiteral("title"), ms.id);
            IdScope inner {QStringLiteral("step"), {}};
            if (mm.has(QStringLiteral("checks")))
                ms.checks = parseChecks(mm.value(QStringLiteral("checks")), inner,
                                        QStringLiteral("a milestone check"));
            if (mm.has(QStringLiteral("actions")))
                ms.actions = parseActions(mm.value(QStringLiteral("actions")), inner,
                                          QStringLiteral("a milestone action"));
            if (mm.has(QStringLiteral("min_runs")))
                ms.minRuns = int(
                    m_r.integer(mm.value(QStringLiteral("min_runs")), QStringLiteral("\"min_runs\""), 1, 100)
                        .value_or(1));
            s.milestones.append(ms);
        }
    }
    if (m.has(QStringLiteral("window"))) {
        IdScope scope {QStringLiteral("window step"), {}};
        s.window = parseActions(m.value(QStringLiteral("window")), scope, QStringLiteral("a window step"));
        for (const Action &a : std::as_const(s.window))
            m_stepIds.insert(a.id);
    }
}

void RunbookLoader::parseReconciliation(const YAML::Node &node)
{
    if (!m_r.isSequence(node, QStringLiteral("\"reconciliation\"")))
        return;
    IdScope scope {QStringLiteral("reconciliation"), {}};
    for (const YAML::Node &item : node) {
        auto counts = parseRowCounts(item, QStringLiteral("a reconciliation"), true);
        if (!counts)
            continue;
        const YamlReader::Map m = m_r.freeMap(item, QStringLiteral("a reconciliation"));
        Reconciliation r;
        const YamlReader::Pos p = m_r.pos(item);
        r.pos = {p.line, p.column};
        r.counts = *counts;
        if (!m.has(QStringLiteral("id")))
            m_r.error(item, QStringLiteral("missing required key \"id\" in a reconciliation"));
        else
            r.id = id(item, m.value(QStringLiteral("id")), &scope, QStringLiteral("reconciliation"));
        r.title = m_r.str(m, QStringLiteral("title"), r.id);
        IdScope inner {QStringLiteral("step"), {}};
        if (m.has(QStringLiteral("checks")))
            r.checks = parseChecks(m.value(QStringLiteral("checks")), inner,
                                   QStringLiteral("a reconciliation check"));
        if (m.has(QStringLiteral("fixes")))
            r.fixes = parseActions(m.value(QStringLiteral("fixes")), inner, QStringLiteral("a fix"));
        m_rb.reconciliations.append(r);
    }
}

void RunbookLoader::parseSignOff(const YAML::Node &node)
{
    const YamlReader::Map m = m_r.map(node, QStringLiteral("\"sign_off\""), {QStringLiteral("fields")});
    if (!m_r.requireKeys(m, {QStringLiteral("fields")}))
        return;
    const YAML::Node fields = m.value(QStringLiteral("fields"));
    if (!m_r.isSequence(fields, QStringLiteral("\"fields\"")))
        return;
    QHash<QString, int> seen;
    static const QStringList types {QStringLiteral("text"),   QStringLiteral("multiline"),
                                    QStringLiteral("date"),   QStringLiteral("time"),
                                    QStringLiteral("person"), QStringLiteral("choice")};
    for (const YAML::Node &item : fields) {
        const YamlReader::Map fm
            = m_r.map(item, QStringLiteral("a sign-off field"),
                      {QStringLiteral("name"), QStringLiteral("label"), QStringLiteral("type"),
                       QStringLiteral("choices"), QStringLiteral("required")});
        if (!fm.isValid())
            continue;
        m_r.requireKeys(fm, {QStringLiteral("name")});
        SignOffField f;
        f.name = m_r.str(fm, QStringLiteral("name"));
        if (fm.has(QStringLiteral("name"))) {
            if (seen.contains(f.name))
                m_r.error(fm.value(QStringLiteral("name")),
                          QStringLiteral("duplicate sign-off field %1 (first at line %2)")
                              .arg(q(f.name))
                              .arg(seen.value(f.name)));
            seen.insert(f.name, m_r.pos(fm.value(QStringLiteral("name"))).line);
        }
        f.label = m_r.str(fm, QStringLiteral("label"), f.name);
        f.required = m_r.flag(fm, QStringLiteral("required"), true);
        if (fm.has(QStringLiteral("choices"))) {
            for (const YamlReader::Text &t :
                 m_r.textList(fm.value(QStringLiteral("choices")), QStringLiteral("\"choices\"")))
                f.choices.append(t.value);
            f.type = QStringLiteral("choice");
        }
        if (fm.has(QStringLiteral("type"))) {
            f.type = m_r.str(fm, QStringLiteral("type"), f.type);
            if (!types.contains(f.type))
                m_r.error(fm.value(QStringLiteral("type")),
                          QStringLiteral("expected one of %1 for \"type\", got %2%3")
                              .arg(types.join(QStringLiteral(", ")), q(f.type),
                                   YamlReader::didYouMean(f.type, types)));
            else if (f.type == u"choice" && f.choices.isEmpty())
                m_r.error(
                    item,
                    QStringLiteral("missing required key \"choices\" in a sign-off field of type choice"));
        }
        m_rb.signOff.append(f);
    }
}

void RunbookLoader::parseCommunications(const YAML::Node &node)
{
    if (!m_r.isSequence(node, QStringLiteral("\"communications\"")))
        return;
    IdScope scope {QStringLiteral("communication"), {}};
    for (const YAML::Node &item : node) {
        const YamlReader::Map m
            = m_r.map(item, QStringLiteral("a communication template"),
                      {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("audience"),
                       QStringLiteral("subject"), QStringLiteral("body")});
        if (!m.isValid())
            continue;
        m_r.requireKeys(m, {QStringLiteral("id"), QStringLiteral("subject"), QStringLiteral("body")});
        Communication c;
        if (m.has(QStringLiteral("id")))
            c.id = id(item, m.value(QStringLiteral("id")), &scope, QStringLiteral("communication"));
        c.title = m_r.str(m, QStringLiteral("title"), c.id);
        c.audience = m_r.str(m, QStringLiteral("audience"));
        c.subject = m_r.str(m, QStringLiteral("subject"));
        c.body = m_r.str(m, QStringLiteral("body"));
        m_rb.communications.append(c);
    }
}

void RunbookLoader::checkReferences()
{
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
