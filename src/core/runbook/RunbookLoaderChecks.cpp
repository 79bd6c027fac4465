// RunbookLoader: checks (prerequisites, verify, milestone checks) and actions (steps).
#include "core/runbook/RunbookLoader.h"
#include "core/runbook/RunbookLoaderText.h"
#include "core/runbook/YamlReader.h"

namespace cockpit {

using namespace runbook_loader;

namespace {

const QStringList &checkKeys()
{
    static const QStringList k {
        QStringLiteral("id"),         QStringLiteral("title"),    QStringLiteral("description"),
        QStringLiteral("category"),   QStringLiteral("required"), QStringLiteral("http"),
        QStringLiteral("sql"),        QStringLiteral("command"),  QStringLiteral("secret"),
        QStringLiteral("row_counts"), QStringLiteral("manual"),   QStringLiteral("reconcile"),
        QStringLiteral("expect")};
    return k;
}

const QStringList &checkProbes()
{
    static const QStringList k {QStringLiteral("http"),       QStringLiteral("sql"),
                                QStringLiteral("command"),    QStringLiteral("secret"),
                                QStringLiteral("row_counts"), QStringLiteral("manual"),
                                QStringLiteral("reconcile")};
    return k;
}

} // namespace

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
    } else if (kind == u"reconcile") {
        // Checked against the reconciliation section once it is parsed (checkReferences).
        const QString ref
            = m_r.string(v, QStringLiteral("\"reconcile\" (a reconciliation id)")).value_or(QString());
        if (!ref.isEmpty())
            m_reconcileRefs.append({v, ref});
        c.probe = ReconcileRef {ref};
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

std::optional<Action> RunbookLoader::parseAction(const YAML::Node &node, IdScope &scope, const QString &what)
{
    const YamlReader::Map m
        = m_r.map(node, what,
                  {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("description"),
                   QStringLiteral("http"), QStringLiteral("sql"), QStringLiteral("command"),
                   QStringLiteral("manual"), QStringLiteral("wait_until"), QStringLiteral("check"),
                   QStringLiteral("expect"), QStringLiteral("writes"), QStringLiteral("start"),
                   QStringLiteral("duration"), QStringLiteral("after")});
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
                          QStringLiteral("manual"), QStringLiteral("wait_until"), QStringLiteral("check")},
                         QStringLiteral("step kind"));
    // Only the window's steps run on their own schedule; everywhere else steps run in the order written.
    const bool windowStep = what == u"a window step";
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
    } else if (kind == u"check") {
        if (!windowStep)
            m_r.errorAtKey(
                m, kind,
                QStringLiteral("\"check\" is a kind of window step (schedule: window:); %1 cannot be one")
                    .arg(what));
        if (m.has(QStringLiteral("writes")))
            m_r.errorAtKey(m, QStringLiteral("writes"),
                           QStringLiteral("a check step only reads: \"writes\" does not apply to it"));
        if (m.has(QStringLiteral("expect")))
            m_r.errorAtKey(m, QStringLiteral("expect"),
                           QStringLiteral("a check step's conditions go inside its check (check: {http: "
                                          "..., expect: ...})"));
        if (v.IsMap() && v[std::string("manual")])
            m_r.error(v,
                      QStringLiteral("a check step runs a probe; a person's step is \"manual:\" on the step "
                                     "itself"));
        if (auto c = parseCheck(v, nullptr, QStringLiteral("a check step"))) {
            if (!c->id.isEmpty() && c->id != a.id)
                m_r.error(v,
                          QStringLiteral("a check step's check takes the step's id: leave out its \"id\""));
            c->id = a.id;
            if (c->title.isEmpty() || c->title == c->id)
                c->title = a.title;
            a.what = CheckStep {*c};
        }
    }
    if (m.has(QStringLiteral("expect")) && kind != u"check")
        a.expect = conditions(m.value(QStringLiteral("expect")), QStringLiteral("\"expect\""));
    if (m.has(QStringLiteral("after"))) {
        if (!windowStep)
            m_r.errorAtKey(m, QStringLiteral("after"),
                           QStringLiteral("\"after\" applies to window steps; %1 runs in the order written "
                                          "(a failed one holds the rest)")
                               .arg(what));
        const YAML::Node an = m.value(QStringLiteral("after"));
        const QList<YamlReader::Text> ids = an.IsSequence()
            ? m_r.textList(an, QStringLiteral("\"after\" (window step ids)"))
            : QList<YamlReader::Text> {m_r.text(an, QStringLiteral("\"after\" (window step ids)"))};
        for (const YamlReader::Text &t : ids)
            if (t.ok && !t.value.isEmpty())
                a.after << t.value;
        if (windowStep)
            m_afterNodes.append({a.id, an});
    }
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

} // namespace cockpit
