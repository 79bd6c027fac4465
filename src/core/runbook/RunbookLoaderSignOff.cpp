// RunbookLoader: reconciliation:, sign_off: and communications:.
#include "core/runbook/RunbookLoader.h"
#include "core/runbook/RunbookLoaderText.h"
#include "core/runbook/YamlReader.h"

namespace cockpit {

using namespace runbook_loader;

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

} // namespace cockpit
