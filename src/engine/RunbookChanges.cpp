#include "engine/RunbookChanges.h"

#include <map>
#include <string>
#include <yaml-cpp/yaml.h>

namespace cockpit {

namespace {

using Items = std::map<std::string, std::string>; // "gate canary/ok" -> its YAML, for comparing

std::string dump(const YAML::Node &n)
{
    YAML::Emitter e;
    e << n;
    return e.c_str();
}

std::string idOf(const YAML::Node &n, std::size_t index)
{
    if (n.IsMap() && n["id"] && n["id"].IsScalar())
        return n["id"].as<std::string>();
    return "#" + std::to_string(index + 1);
}

void list(Items &out, const YAML::Node &seq, const std::string &kind, const std::string &prefix = {})
{
    if (!seq || !seq.IsSequence())
        return;
    for (std::size_t i = 0; i < seq.size(); ++i) {
        std::string key = kind;
        key += ' ';
        key += prefix;
        key += idOf(seq[i], i);
        out[key] = dump(seq[i]);
    }
}

void map(Items &out, const YAML::Node &m, const std::string &kind)
{
    if (!m || !m.IsMap())
        return;
    for (const auto &kv : m)
        out[kind + " " + kv.first.as<std::string>()] = dump(kv.second);
}

Items itemsOf(const QByteArray &yaml)
{
    Items out;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &) {
        out["runbook"] = yaml.toStdString();
        return out;
    }
    if (!root.IsMap())
        return out;
    const YAML::Node stages = root["stages"];
    if (stages && stages.IsSequence()) {
        for (std::size_t i = 0; i < stages.size(); ++i) {
            YAML::Node stage = YAML::Clone(stages[i]);
            const std::string id = idOf(stage, i);
            if (stage.IsMap()) {
                list(out, stage["gates"], "gate", id + "/");
                list(out, stage["rollout"], "action", id + "/");
                list(out, stage["verify"], "check", id + "/");
                stage.remove("gates");
                stage.remove("rollout");
                stage.remove("verify");
            }
            out["stage " + id] = dump(stage);
        }
    }
    if (const YAML::Node rb = root["rollback"]; rb && rb.IsMap()) {
        list(out, rb["steps"], "rollback step");
        list(out, rb["triggers"], "trigger");
    }
    if (const YAML::Node s = root["schedule"]; s && s.IsMap()) {
        list(out, s["window"], "window step");
        list(out, s["milestones"], "milestone");
    }
    list(out, root["prerequisites"], "prerequisite");
    map(out, root["metrics"], "metric");
    map(out, root["connections"], "connection");
    return out;
}

} // namespace

QStringList RunbookChanges::between(const QByteArray &beforeYaml, const QMap<QString, QString> &beforeParams,
                                    const QByteArray &afterYaml, const QMap<QString, QString> &afterParams)
{
    const Items before = itemsOf(beforeYaml);
    const Items after = itemsOf(afterYaml);
    QStringList changes;
    for (const auto &[key, text] : before) {
        const auto it = after.find(key);
        if (it == after.end())
            changes << QString::fromStdString(key) + QStringLiteral(" removed");
        else if (it->second != text)
            changes << QString::fromStdString(key) + QStringLiteral(" changed");
    }
    for (const auto &[key, text] : after)
        if (!before.contains(key))
            changes << QString::fromStdString(key) + QStringLiteral(" added");
    for (auto it = beforeParams.cbegin(); it != beforeParams.cend(); ++it) {
        if (!afterParams.contains(it.key()))
            changes << QStringLiteral("param %1 removed").arg(it.key());
        else if (afterParams.value(it.key()) != it.value())
            changes << QStringLiteral("param %1 changed").arg(it.key());
    }
    for (auto it = afterParams.cbegin(); it != afterParams.cend(); ++it)
        if (!beforeParams.contains(it.key()))
            changes << QStringLiteral("param %1 added").arg(it.key());
    return changes;
}

} // namespace cockpit
