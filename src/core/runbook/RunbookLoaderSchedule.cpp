// RunbookLoader: schedule: (T-0, milestones, the maintenance window) and offsets from T-0.
#include "core/runbook/RunbookLoader.h"
#include "core/runbook/RunbookLoaderText.h"
#include "core/runbook/YamlReader.h"

#include <QDateTime>
#include <functional>

namespace cockpit {

using namespace runbook_loader;

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
        checkWindowOrder(s.window);
    }
}

void RunbookLoader::checkWindowOrder(const QList<Action> &window)
{
    QStringList ids;
    for (const Action &a : window)
        ids << a.id;
    // Each `after` entry by step and id, so an error points at the id itself.
    QHash<QString, QHash<QString, YAML::Node>> entries;
    QHash<QString, QStringList> edges; // step -> the known steps it waits for, in the order written
    for (const auto &[step, node] : std::as_const(m_afterNodes)) {
        QList<YAML::Node> items;
        if (node.IsSequence())
            for (const YAML::Node &n : node)
                items << n;
        else
            items << node;
        for (const YAML::Node &n : items) {
            if (!n.IsScalar())
                continue;
            const QString ref = m_r.text(n, QStringLiteral("\"after\" (window step ids)")).value;
            if (ref == step) {
                m_r.error(n, QStringLiteral("window step %1 cannot wait for itself").arg(q(step)));
            } else if (!ids.contains(ref)) {
                m_r.error(n,
                          QStringLiteral("unknown window step %1 in \"after\"%2")
                              .arg(q(ref), YamlReader::didYouMean(ref, ids)));
            } else if (!edges[step].contains(ref)) {
                edges[step] << ref;
                entries[step].insert(ref, n);
            }
        }
    }
    // Depth-first over the steps in runbook order; an edge back to a step on the path closes a cycle,
    // reported once at the `after` entry that closes it.
    enum class Mark { New, OnPath, Done };
    QHash<QString, Mark> mark;
    QStringList path;
    const std::function<void(const QString &)> visit = [&](const QString &step) {
        mark[step] = Mark::OnPath;
        path << step;
        for (const QString &next : edges.value(step)) {
            const Mark m = mark.value(next, Mark::New);
            if (m == Mark::New) {
                visit(next);
            } else if (m == Mark::OnPath) {
                QStringList cycle = path.mid(path.indexOf(next));
                cycle << next;
                m_r.error(entries[step][next],
                          QStringLiteral("window steps wait for each other in a cycle: %1 (\"after\" "
                                         "must name earlier work)")
                              .arg(cycle.join(QStringLiteral(" → "))));
            }
        }
        path.removeLast();
        mark[step] = Mark::Done;
    };
    for (const QString &id : std::as_const(ids))
        if (mark.value(id, Mark::New) == Mark::New)
            visit(id);
}

} // namespace cockpit
