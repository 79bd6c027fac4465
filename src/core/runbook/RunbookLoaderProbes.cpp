// RunbookLoader: the probes a check, action or gate uses (http, sql, command, row_counts).
#include "core/runbook/RunbookLoader.h"
#include "core/runbook/RunbookLoaderText.h"
#include "core/runbook/YamlReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <functional>

namespace cockpit {

using namespace runbook_loader;

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
            const YamlReader::Map m
                = m_r.map(t, QStringLiteral("a table pair"),
                          {QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("key"),
                           QStringLiteral("columns"), QStringLiteral("where")});
            m_r.requireKeys(m, {QStringLiteral("source")});
            TablePair pair;
            pair.source = m_r.str(m, QStringLiteral("source"));
            pair.target = m_r.str(m, QStringLiteral("target"), pair.source);
            if (m.has(QStringLiteral("key")))
                for (const YamlReader::Text &k :
                     m_r.textList(m.value(QStringLiteral("key")), QStringLiteral("\"key\"")))
                    pair.key << k.value;
            if (m.has(QStringLiteral("columns")))
                for (const YamlReader::Text &c :
                     m_r.textList(m.value(QStringLiteral("columns")), QStringLiteral("\"columns\"")))
                    pair.columns << c.value;
            pair.where = m_r.str(m, QStringLiteral("where"));
            out.append(pair);
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
    else if (allowChecks && method == u"aggregates")
        r.method = RowCountCheck::Method::Aggregates;
    else if (allowChecks && method == u"diff")
        r.method = RowCountCheck::Method::Diff;
    else
        m_r.error(m.value(QStringLiteral("method")),
                  QStringLiteral("expected %1 for \"method\", got %2")
                      .arg(allowChecks ? QStringLiteral("fast, exact, aggregates or diff")
                                       : QStringLiteral("fast or exact"),
                           q(method)));
    if (m.has(QStringLiteral("tolerance")))
        parseTolerance(m.value(QStringLiteral("tolerance")), r);
    return r;
}

} // namespace cockpit
