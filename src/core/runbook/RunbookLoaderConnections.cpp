// RunbookLoader: connections: and metrics: (the things checks and gates refer to by name).
#include "core/runbook/RunbookLoader.h"
#include "core/runbook/RunbookLoaderText.h"
#include "core/runbook/YamlReader.h"

#include <QRegularExpression>

namespace cockpit {

using namespace runbook_loader;

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
                      {QStringLiteral("postgres"), QStringLiteral("sqlite"), QStringLiteral("mysql"),
                       QStringLiteral("http"), QStringLiteral("writable"), QStringLiteral("production"),
                       QStringLiteral("max_concurrent"), QStringLiteral("description"),
                       QStringLiteral("password"), QStringLiteral("token")});
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
        c.production = m_r.flag(cm, QStringLiteral("production"), false);
        if (cm.has(QStringLiteral("max_concurrent")))
            c.maxConcurrent = int(m_r.integer(cm.value(QStringLiteral("max_concurrent")),
                                              QStringLiteral("\"max_concurrent\""), 1, 64)
                                      .value_or(c.maxConcurrent));
        const QString kind = m_r.exactlyOne(cm,
                                            {QStringLiteral("postgres"), QStringLiteral("sqlite"),
                                             QStringLiteral("mysql"), QStringLiteral("http")},
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
        } else if (kind == u"mysql") {
            const YamlReader::Map mm = m_r.map(
                cm.value(kind), QStringLiteral("mysql connection %1").arg(q(name)),
                {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("socket"),
                 QStringLiteral("database"), QStringLiteral("user"), QStringLiteral("connect_timeout"),
                 QStringLiteral("statement_timeout"), QStringLiteral("password")});
            m_r.requireKeys(mm, {QStringLiteral("database"), QStringLiteral("user")});
            MysqlConnection my;
            my.host = m_r.str(mm, QStringLiteral("host"), my.host);
            if (mm.has(QStringLiteral("port")))
                my.port
                    = int(m_r.integer(mm.value(QStringLiteral("port")), QStringLiteral("\"port\""), 1, 65535)
                              .value_or(my.port));
            my.socket = m_r.str(mm, QStringLiteral("socket"));
            my.database = m_r.str(mm, QStringLiteral("database"));
            my.user = m_r.str(mm, QStringLiteral("user"));
            my.connectTimeout = m_r.dur(mm, QStringLiteral("connect_timeout"), my.connectTimeout);
            my.statementTimeout = m_r.dur(mm, QStringLiteral("statement_timeout"), my.statementTimeout);
            if (mm.has(QStringLiteral("password")))
                c.password.name
                    = secretRef(mm.value(QStringLiteral("password")), QStringLiteral("\"password\""));
            c.target = my;
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

} // namespace cockpit
