#include "engine/ModeGuard.h"

#include <QJsonArray>
#include <QUrl>

namespace cockpit {

namespace {

constexpr qsizetype kShownBody = 2048; // the journal keeps the start of a large body, and says so

QString urlOf(const HttpRequest &r, const Runbook &rb)
{
    const Connection c = rb.connections.value(r.connection);
    if (const auto *s = std::get_if<HttpService>(&c.target)) {
        if (r.url.startsWith(QLatin1String("http://")) || r.url.startsWith(QLatin1String("https://")))
            return r.url;
        QString base = s->baseUrl;
        if (base.endsWith(QLatin1Char('/')) && r.url.startsWith(QLatin1Char('/')))
            base.chop(1);
        return base + r.url;
    }
    return r.url;
}

} // namespace

bool ModeGuard::mayWrite(const Action &action)
{
    if (action.writes)
        return true;
    if (std::holds_alternative<SqlStatement>(action.what) || std::holds_alternative<CommandSpec>(action.what))
        return true;
    if (const auto *h = std::get_if<HttpRequest>(&action.what)) {
        const QString m = h->method.toUpper();
        return m != QLatin1String("GET") && m != QLatin1String("HEAD") && m != QLatin1String("OPTIONS");
    }
    return false;
}

QString ModeGuard::connectionOf(const Action &action)
{
    if (const auto *h = std::get_if<HttpRequest>(&action.what))
        return h->connection;
    if (const auto *s = std::get_if<SqlStatement>(&action.what))
        return s->connection;
    return {};
}

std::optional<QString> ModeGuard::refusal(RunMode mode, const Action &action, const Runbook &runbook)
{
    if (mode != RunMode::Rehearsal || !mayWrite(action))
        return std::nullopt;
    const QString conn = connectionOf(action);
    if (conn.isEmpty() || !runbook.connections.value(conn).production)
        return std::nullopt;
    return QStringLiteral("refused: a rehearsal never writes to %1, which the runbook marks as production "
                          "(give it rehearsal parameters, or run live)")
        .arg(conn);
}

QStringList ModeGuard::productionWrites(const Runbook &runbook)
{
    QStringList lines;
    const auto scan = [&](const QString &where, const QList<Action> &actions) {
        for (const Action &a : actions)
            if (refusal(RunMode::Rehearsal, a, runbook))
                lines << QStringLiteral("%1: %2 writes to %3").arg(where, a.id, connectionOf(a));
    };
    for (const Stage &s : runbook.stages)
        scan(QStringLiteral("stage %1").arg(s.id), s.rollout);
    scan(QStringLiteral("rollback"), runbook.rollback.steps);
    for (const Milestone &m : runbook.schedule.milestones)
        scan(QStringLiteral("milestone %1").arg(m.id), m.actions);
    scan(QStringLiteral("window"), runbook.schedule.window);
    return lines;
}

QJsonObject ModeGuard::wouldDo(const Action &action, const Runbook &runbook)
{
    QJsonObject o;
    if (const auto *h = std::get_if<HttpRequest>(&action.what)) {
        o.insert(QStringLiteral("method"), h->method.toUpper());
        o.insert(QStringLiteral("url"), urlOf(*h, runbook));
        if (!h->body.isEmpty()) {
            o.insert(QStringLiteral("body"), QString::fromUtf8(h->body.left(kShownBody)));
            if (h->body.size() > kShownBody)
                o.insert(QStringLiteral("body_bytes"), double(h->body.size()));
        }
    } else if (const auto *s = std::get_if<SqlStatement>(&action.what)) {
        o.insert(QStringLiteral("connection"), s->connection);
        o.insert(QStringLiteral("sql"), s->statement);
    } else if (const auto *c = std::get_if<CommandSpec>(&action.what)) {
        o.insert(QStringLiteral("argv"), QJsonArray::fromStringList(c->argv));
    }
    return o;
}

QString ModeGuard::wouldDoText(const QJsonObject &would)
{
    if (would.contains(QLatin1String("method"))) {
        QString t = would.value(QLatin1String("method")).toString() + QLatin1Char(' ')
            + would.value(QLatin1String("url")).toString();
        if (would.contains(QLatin1String("body")))
            t += QLatin1Char(' ') + would.value(QLatin1String("body")).toString();
        return t;
    }
    if (would.contains(QLatin1String("sql")))
        return QStringLiteral("SQL on %1: %2")
            .arg(would.value(QLatin1String("connection")).toString(),
                 would.value(QLatin1String("sql")).toString().simplified());
    QStringList argv;
    for (const auto &v : would.value(QLatin1String("argv")).toArray())
        argv << v.toString();
    return QStringLiteral("run %1").arg(argv.join(QLatin1Char(' ')));
}

} // namespace cockpit
