// RunbookLoader: schedule: (T-0, milestones, the maintenance window) and offsets from T-0.
#include "core/runbook/RunbookLoader.h"
#include "core/runbook/RunbookLoaderText.h"
#include "core/runbook/YamlReader.h"

#include <QDateTime>

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
    }
}

} // namespace cockpit
