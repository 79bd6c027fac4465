#pragma once

#include "core/base/Duration.h"
#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/runbook/Runbook.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>
#include <yaml-cpp/yaml.h>

namespace cockpit {

class YamlReader;

// Loads and validates a runbook file (format version 1, docs/runbook-format.md). Every problem of the file
// is reported at once as FILE:LINE:COL errors, sorted by position; a runbook is returned only when there
// are none. `overrides` come from --param / --params and must name declared params; they win over the
// `rehearsal:` values that `set` Rehearsal selects.
class RunbookLoader
{
public:
    static Expected<Runbook, Errors> loadFile(const QString &path,
                                              const QMap<QString, QString> &paramOverrides = {},
                                              ParamSet set = ParamSet::Default);
    static Expected<Runbook, Errors> loadText(const QByteArray &yaml, const QString &fileName,
                                              const QMap<QString, QString> &overrides = {},
                                              ParamSet set = ParamSet::Default);

private:
    struct IdScope
    {
        QString what;
        QHash<QString, int> firstLine;
    };

    RunbookLoader(YamlReader &reader, Runbook &runbook);

    void parseRoot(const YAML::Node &root, const QMap<QString, QString> &overrides);
    void parseParams(const YAML::Node &node, const YAML::Node &keyNode,
                     const QMap<QString, QString> &overrides);
    void parseSecrets(const YAML::Node &node);
    void parseConnections(const YAML::Node &node);
    void parseMetrics(const YAML::Node &node);
    QList<Check> parseChecks(const YAML::Node &node, IdScope &scope, const QString &what);
    std::optional<Check> parseCheck(const YAML::Node &node, IdScope *scope, const QString &what);
    QList<Action> parseActions(const YAML::Node &node, IdScope &scope, const QString &what);
    std::optional<Action> parseAction(const YAML::Node &node, IdScope &scope, const QString &what);
    void parseStages(const YAML::Node &node);
    std::optional<Gate> parseGate(const YAML::Node &node, IdScope &scope, int index);
    void parseRollback(const YAML::Node &node);
    void parseSchedule(const YAML::Node &node);
    void parseReconciliation(const YAML::Node &node);
    void parseSignOff(const YAML::Node &node);
    void parseCommunications(const YAML::Node &node);
    void checkReferences();
    void checkWindowOrder(const QList<Action> &window);

    QString id(const YAML::Node &mapNode, const YAML::Node &idNode, IdScope *scope, const QString &what);
    QString connectionRef(const YAML::Node &node, const QString &what, const QString &need,
                          bool writable = false);
    QString secretRef(const YAML::Node &node, const QString &what);
    QList<Condition> conditions(const YAML::Node &node, const QString &what);
    std::optional<Condition> metricCondition(const YAML::Node &node, const QString &what);
    std::optional<HttpRequest> parseHttp(const YAML::Node &node);
    std::optional<SqlQuery> parseSqlQuery(const YAML::Node &node, const QString &what);
    std::optional<CommandSpec> parseCommand(const YAML::Node &node);
    std::optional<RowCountCheck> parseRowCounts(const YAML::Node &node, const QString &what,
                                                bool allowChecks);
    bool parseTolerance(const YAML::Node &node, RowCountCheck &out);
    QList<TablePair> parseTables(const YAML::Node &node);
    std::optional<Milliseconds> parseOffset(const YAML::Node &node, const QString &what, bool tMinus);
    QByteArray toJson(const YAML::Node &node);

    YamlReader &m_r;
    Runbook &m_rb;
    QSet<QString> m_stageIds;
    QSet<QString> m_stepIds; // milestone and window step ids, for point_of_no_return.after
    YAML::Node m_restartFrom; // checked once stages and schedule are known
    YAML::Node m_noReturnAfter;
    QList<std::pair<YAML::Node, QString>> m_reconcileRefs; // `reconcile: ID` of checks, checked at the end
    // `after:` of window steps: step id -> its `after` node (ids checked, cycles found once the window is
    // read)
    QList<std::pair<QString, YAML::Node>> m_afterNodes;
};

} // namespace cockpit
